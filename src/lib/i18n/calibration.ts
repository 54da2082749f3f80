import type { Locale } from './locales.ts';

// French typography: a narrow no-break space (U+202F) before : ; ? ! and inside « ».
const NB = '\u202f';

/**
 * Every string of the calibration evidence (ICP page, `npm run calibrate`), in English and
 * French. Numbers and percentages arrive already formatted in the locale.
 */
const en = {
  badAmount: (text: string) =>
    `"${text}" is not an amount: write a number in the playbook's currency (12000 or 12 000,50), or leave the cell empty`,
  badDate: (text: string, field: string) =>
    `"${text}" is not a ${field} date: write YYYY-MM-DD (2026-09-15), or leave the cell empty`,
  closedBeforeOpened: (closed: string, opened: string) =>
    `closed ${closed} is before opened ${opened}: check both dates (the sales cycle is left out)`,
  tooFew: (n: number) => `${n} won or lost account${n === 1 ? '' : 's'}: too few to conclude`,
  tooFewSide: (n: number) => `only ${n} won or lost account${n === 1 ? '' : 's'} on one side: too few to conclude`,
  better: 'wins more often when it holds',
  worse: 'wins less often when it holds',
  noEffect: 'no clear difference',
  neverFires: 'never fires on the known accounts',
  excludesNone: 'excludes no known account',
  excludesWon: (n: number) => `excludes ${n} won customer${n === 1 ? '' : 's'}`,
  rateWith: (rate: string, low: string, high: string, won: number, lost: number) =>
    `${rate} (${low}–${high}; ${won} won / ${lost} lost)`,
  noDecided: 'no won or lost account',
  /** Why a suggested number of points differs from today's. */
  reasonSuggested: (holds: string, fails: string, ratio: string) =>
    `wins ${holds} when it holds vs ${fails} when not (odds ×${ratio}): points follow the effect`,
  reasonNoEffect: (holds: string, fails: string) =>
    `0: wins ${holds} when it holds vs ${fails} when not, no clear difference`,
  reasonTooFew: 'kept: too few won and lost accounts to tell',
  reasonNeverFires: 'kept: it never fires on the known accounts',
  suggestionNone:
    'No suggestion: no signal shows a clear effect on the known accounts yet. Add won and lost accounts and look again.',
  suggestionOverBudget: (kept: number) =>
    `No suggestion: the signals with too few accounts to tell, kept as they are, already total ${kept} points, leaving nothing for the ones with a clear effect. Lower some of them first.`,
  suggestionLead:
    'Suggested points from the known accounts (never applied by itself: paste it into the ICP file if the team agrees).',
  page: {
    title: 'What the known accounts say about each criterion',
    lead: 'Won and lost accounts where each filter and signal holds, against where it does not. The range after each win rate is its 90 % interval: the wider it is, the less the figure says.',
    suggestedColumn: 'Suggested',
    firesColumn: 'When it fires',
    silentColumn: 'When it does not',
    findingColumn: 'Finding',
    rateNote: (won: number, lost: number, interval: string) => `${won} won / ${lost} lost · ${interval}`,
    interval: (low: string, high: string) => `${low}–${high}`,
    suggestionNote:
      'Suggested points follow the effect seen on the known accounts; they are never applied by themselves. npm run calibrate -- --suggest prints the YAML to paste.',
    valueTitle: 'Value per tier',
    tableLabel: (what: string) => `${what}, scrolls sideways`,
  },
  cli: {
    usage:
      'Usage: npm run calibrate -- [--icp <id>] [--suggest] [--format markdown|csv] [--out <file>] [--no-backtest]',
    help: `Reads the known accounts of content/accounts/*.csv and prints, for each ICP, what they say
about each filter, signal and tier: won and lost counts, win rates with 90 % intervals, lift,
value per tier, and a backtest against the ICP as it was in Git when each deal closed.

  --icp <id>          one ICP only (default: every ICP)
  --suggest           add suggested points (never applied) and the YAML to paste
  --format <format>   markdown (default) or csv (one row per filter, signal and level)
  --out <file>        write to this file instead of standard output
  --no-backtest       skip the Git backtest
  --help              show this help`,
    unknownOption: (flag: string) =>
      `unknown option "${flag}": use --icp, --suggest, --format, --out, --no-backtest or --help`,
    badFormat: (format: string) => `--format is "${format}": use markdown or csv`,
    unknownIcp: (id: string, ids: string, suggestion: string | undefined) =>
      `no ICP "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: use one of ${ids}`,
    invalidContent: (n: number) =>
      `content has ${n} problem${n === 1 ? '' : 's'}: run npm run validate and fix ${n === 1 ? 'it' : 'them'} first`,
    cannotWrite: (path: string, reason: string) => `cannot write ${path}: ${reason}`,
    written: (path: string) => `Wrote ${path}`,
  },
  report: {
    title: 'What the known accounts say',
    icpHeading: (title: string) => `## ${title}`,
    accounts: (total: number, decided: number) => `${total} known accounts, ${decided} won or lost.`,
    noAccounts: 'No known accounts: add CSVs of won and lost accounts to content/accounts/ (see docs/scoring.md).',
    filters: '### Filters',
    filterColumns: ['Filter', 'Keeps (won / lost)', 'Excludes (won / lost)', 'No value', 'Finding'],
    signals: '### Signals (accounts that pass the filters)',
    signalColumns: [
      'Signal',
      'Points',
      'Fires (won / lost)',
      'Win rate when it fires',
      'When it does not',
      'Lift',
      'Finding',
    ],
    value: '### Value per tier',
    valueColumns: ['Tier', 'Won / lost', 'Win rate', 'Average won deal', 'Total won', 'Median sales cycle'],
    cycleDays: (days: string) => `${days} days`,
    suggestion: '### Suggested points',
    suggestionColumns: ['Signal', 'Today', 'Suggested', 'Why'],
    backtest: '### Backtest: the ICP as it was when each deal closed',
    backtestLine: (tier: string, then: string, now: string, accounts: number, versions: number, moved: number) =>
      `${tier} win rate with the ICP as it was when each deal closed: ${then}; with today's ICP: ${now} (${accounts} won or lost accounts with a closed date, ${versions} version${versions === 1 ? '' : 's'} of the ICP in Git, ${moved} change tier).`,
    backtestBefore: (n: number) => `${n} account${n === 1 ? '' : 's'} closed before the ICP's first commit, left out.`,
    backtestUnreadable: (n: number) =>
      `${n} old version${n === 1 ? '' : 's'} of the ICP no longer validate and were left out.`,
    backtestNone: {
      'no-git': 'No backtest: content/ is not in a Git repository.',
      shallow:
        'No backtest: this is a shallow Git clone (fetch the full history, e.g. actions/checkout with fetch-depth: 0).',
      untracked: 'No backtest: the ICP file is not committed yet.',
      'no-dates': 'No backtest: no won or lost known account has a closed date.',
    },
    none: '—',
    levelLabel: (rule: string) => `↳ ${rule}`,
  },
};

export type CalibrationMessages = typeof en;

const fr: CalibrationMessages = {
  badAmount: (text) =>
    `«${NB}${text}${NB}» n’est pas un montant${NB}: écrivez un nombre dans la devise du playbook (12000 ou 12 000,50), ou laissez la cellule vide`,
  badDate: (text, field) =>
    `«${NB}${text}${NB}» n’est pas une date ${field}${NB}: écrivez AAAA-MM-JJ (2026-09-15), ou laissez la cellule vide`,
  closedBeforeOpened: (closed, opened) =>
    `clôture ${closed} avant l’ouverture ${opened}${NB}: vérifiez les deux dates (le cycle de vente est ignoré)`,
  tooFew: (n) =>
    `${n} compte${n === 1 ? '' : 's'} gagné${n === 1 ? '' : 's'} ou perdu${n === 1 ? '' : 's'}${NB}: trop peu pour conclure`,
  tooFewSide: (n) =>
    `seulement ${n} compte${n === 1 ? '' : 's'} gagné${n === 1 ? '' : 's'} ou perdu${n === 1 ? '' : 's'} d’un côté${NB}: trop peu pour conclure`,
  better: 'gagne plus souvent quand il est vrai',
  worse: 'gagne moins souvent quand il est vrai',
  noEffect: 'pas de différence nette',
  neverFires: 'ne se déclenche sur aucun compte connu',
  excludesNone: 'n’exclut aucun compte connu',
  excludesWon: (n) => `exclut ${n} client${n === 1 ? '' : 's'} gagné${n === 1 ? '' : 's'}`,
  rateWith: (rate, low, high, won, lost) => `${rate} (${low}–${high}${NB}; ${won} gagnés / ${lost} perdus)`,
  noDecided: 'aucun compte gagné ou perdu',
  reasonSuggested: (holds, fails, ratio) =>
    `gagne ${holds} quand il est vrai contre ${fails} sinon (cote ×${ratio})${NB}: les points suivent l’effet`,
  reasonNoEffect: (holds, fails) =>
    `0${NB}: gagne ${holds} quand il est vrai contre ${fails} sinon, pas de différence nette`,
  reasonTooFew: `inchangé${NB}: trop peu de comptes gagnés et perdus pour le dire`,
  reasonNeverFires: `inchangé${NB}: il ne se déclenche sur aucun compte connu`,
  suggestionNone: `Pas de suggestion${NB}: aucun signal ne montre encore d’effet net sur les comptes connus. Ajoutez des comptes gagnés et perdus, puis regardez à nouveau.`,
  suggestionOverBudget: (kept) =>
    `Pas de suggestion${NB}: les signaux gardés tels quels, faute de comptes pour conclure, totalisent déjà ${kept} points, il ne reste rien pour ceux qui ont un effet net. Baissez-en d’abord certains.`,
  suggestionLead: `Points suggérés d’après les comptes connus (jamais appliqués d’office${NB}: collez-les dans le fichier de l’ICP si l’équipe est d’accord).`,
  page: {
    title: 'Ce que disent les comptes connus de chaque critère',
    lead: `Comptes gagnés et perdus quand chaque filtre et signal est vrai, comparés à quand il ne l’est pas. La fourchette après chaque taux de gain est son intervalle à 90${NB}%${NB}: plus elle est large, moins le chiffre en dit.`,
    suggestedColumn: 'Suggéré',
    firesColumn: 'S’il se déclenche',
    silentColumn: 'Sinon',
    findingColumn: 'Constat',
    rateNote: (won, lost, interval) => `${won} gagnés / ${lost} perdus · ${interval}`,
    interval: (low, high) => `${low}–${high}`,
    suggestionNote: `Les points suggérés suivent l’effet observé sur les comptes connus${NB}; ils ne sont jamais appliqués d’office. npm run calibrate -- --suggest affiche le YAML à coller.`,
    valueTitle: 'Valeur par tier',
    tableLabel: (what) => `${what}, défile horizontalement`,
  },
  cli: {
    usage: `Usage${NB}: npm run calibrate -- [--icp <id>] [--suggest] [--format markdown|csv] [--out <fichier>] [--no-backtest]`,
    help: `Lit les comptes connus de content/accounts/*.csv et affiche, pour chaque ICP, ce qu’ils disent
de chaque filtre, signal et tier${NB}: comptes gagnés et perdus, taux de gain avec intervalles à 90 %, effet,
valeur par tier, et un rétro-test avec l’ICP tel qu’il était dans Git à la clôture de chaque affaire.

  --icp <id>          un seul ICP (par défaut${NB}: tous)
  --suggest           ajoute les points suggérés (jamais appliqués) et le YAML à coller
  --format <format>   markdown (par défaut) ou csv (une ligne par filtre, signal et niveau)
  --out <fichier>     écrit dans ce fichier au lieu de la sortie standard
  --no-backtest       sans rétro-test Git
  --help              affiche cette aide`,
    unknownOption: (flag) =>
      `option inconnue «${NB}${flag}${NB}»${NB}: utilisez --icp, --suggest, --format, --out, --no-backtest ou --help`,
    badFormat: (format) => `--format vaut «${NB}${format}${NB}»${NB}: utilisez markdown ou csv`,
    unknownIcp: (id, ids, suggestion) =>
      `aucun ICP «${NB}${id}${NB}»${suggestion ? ` (vouliez-vous dire «${NB}${suggestion}${NB}»${NB}?)` : ''}${NB}: utilisez l’un de ${ids}`,
    invalidContent: (n) =>
      `le contenu a ${n} problème${n === 1 ? '' : 's'}${NB}: lancez npm run validate et corrigez-${n === 1 ? 'le' : 'les'} d’abord`,
    cannotWrite: (path, reason) => `impossible d’écrire ${path}${NB}: ${reason}`,
    written: (path) => `${path} écrit`,
  },
  report: {
    title: 'Ce que disent les comptes connus',
    icpHeading: (title) => `## ${title}`,
    accounts: (total, decided) => `${total} comptes connus, dont ${decided} gagnés ou perdus.`,
    noAccounts: `Aucun compte connu${NB}: ajoutez des CSV de comptes gagnés et perdus dans content/accounts/ (voir docs/scoring.md).`,
    filters: '### Filtres',
    filterColumns: ['Filtre', 'Garde (gagnés / perdus)', 'Exclut (gagnés / perdus)', 'Sans valeur', 'Constat'],
    signals: '### Signaux (comptes qui passent les filtres)',
    signalColumns: [
      'Signal',
      'Points',
      'Se déclenche (gagnés / perdus)',
      'Taux de gain s’il se déclenche',
      'Sinon',
      'Effet',
      'Constat',
    ],
    value: '### Valeur par tier',
    valueColumns: [
      'Tier',
      'Gagnés / perdus',
      'Taux de gain',
      'Contrat gagné moyen',
      'Total gagné',
      'Cycle de vente médian',
    ],
    cycleDays: (days) => `${days} jours`,
    suggestion: '### Points suggérés',
    suggestionColumns: ['Signal', 'Aujourd’hui', 'Suggéré', 'Pourquoi'],
    backtest: `### Rétro-test${NB}: l’ICP tel qu’il était à la clôture de chaque affaire`,
    backtestLine: (tier, then, now, accounts, versions, moved) =>
      `Taux de gain du ${tier} avec l’ICP tel qu’il était à la clôture de chaque affaire${NB}: ${then}${NB}; avec l’ICP d’aujourd’hui${NB}: ${now} (${accounts} comptes gagnés ou perdus datés, ${versions} version${versions === 1 ? '' : 's'} de l’ICP dans Git, ${moved} changent de tier).`,
    backtestBefore: (n) =>
      `${n} compte${n === 1 ? '' : 's'} clos avant le premier commit de l’ICP, ignoré${n === 1 ? '' : 's'}.`,
    backtestUnreadable: (n) =>
      `${n} ancienne${n === 1 ? '' : 's'} version${n === 1 ? '' : 's'} de l’ICP ne sont plus valides et ont été ignorées.`,
    backtestNone: {
      'no-git': `Pas de rétro-test${NB}: content/ n’est pas dans un dépôt Git.`,
      shallow: `Pas de rétro-test${NB}: ce clone Git est partiel (récupérez tout l’historique, par exemple actions/checkout avec fetch-depth: 0).`,
      untracked: `Pas de rétro-test${NB}: le fichier de l’ICP n’est pas encore commité.`,
      'no-dates': `Pas de rétro-test${NB}: aucun compte gagné ou perdu n’a de date de clôture.`,
    },
    none: '—',
    levelLabel: (rule) => `↳ ${rule}`,
  },
};

export const calibrationMessages: Record<Locale, CalibrationMessages> = { en, fr };
