import type { Locale } from './locales.ts';

/**
 * Every user-visible string of the scoring widget and the /score/ page (form, result, batch
 * scoring), in English and French. The engine's own sentences live in `scoring.ts`.
 * Plain strings with `{placeholders}` (see {@link fillTemplate}): the build hands the browser
 * only the playbook locale's strings, as JSON, so the client bundle carries no dictionary.
 */
const en = {
  page: {
    title: 'Score an account',
    lead: 'Type what you know about an account: see at once whether it passes the filters of each ICP, its score, its tier and why. The link keeps what you typed, so you can share it.',
  },
  /** The optional fields that say which account this is (kept in the link, shown in the result). */
  accountName: 'Account name',
  accountDomain: 'Domain',
  accountHelp: 'Optional: kept in the link, the page title and the printout.',
  /** `Acme SAS — Score an account` in the tab title. */
  titleWithAccount: '{account} — {title}',
  /** Field messages, from the number reader that CSV scoring uses. */
  number: {
    ambiguous: '“{value}” could be {thousands} or {decimal}: write {thousands} or {decimal}.',
    withWords: 'Write the number alone, without words: {number}.',
    notNumber: 'Not a number: write digits, such as 1200 or 38.5.',
    belowMin: 'Below the minimum {min}.',
    aboveMax: 'Above the maximum {max}.',
  },
  share: 'Share',
  shared: 'Shared',
  /** Text a share sheet or chat preview shows with the link: `Acme SAS: Fit · Tier 1 · 82 of 100`. */
  shareText: '{account}: {result}',
  /** Before any answer: no verdict, no tier. */
  emptyBadge: 'No answer yet',
  emptyLead: 'Answer what you know: the verdict and the tier appear after the first answer.',
  /** Next to the tier of an account whose filters are not all confirmed. */
  provisional: 'if confirmed',
  /** `Kept out by Europe: Region is North America, not one of France, …` */
  keptOutBy: 'Kept out by {filters}.',
  nextTitle: 'What to do next',
  whoToCall: 'Who to call',
  topObjection: 'Top objection:',
  answer: 'Answer:',
  formTitle: 'What you know about the account',
  formLead: 'Leave a field empty when you do not know it: it counts as unknown, never as a pass.',
  unknown: 'Unknown',
  yes: 'Yes',
  no: 'No',
  /** Hint under a `choices` fieldset: how to say "unknown" and "none of these". */
  choicesHint:
    'Tick all that apply. Leave all unticked if you do not know; tick “None of these” if you know it has none.',
  noneOfThese: 'None of these',
  rangeBetween: 'From {min} to {max}.',
  rangeMin: '{min} or more.',
  rangeMax: '{max} or less.',
  invalidNumber: 'Not a number in range: ignored until fixed.',
  copyLink: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Copy the link from the address bar',
  reset: 'Reset',
  resetDone: 'Form cleared',
  resultTitle: 'Result',
  bestFitTitle: 'Every active ICP, best fit first',
  outOf: '/ 100',
  /** `up to 100` */
  upTo: 'up to {best}',
  noTier: 'No tier',
  filters: 'Filters',
  /** `3 of 4 pass` */
  filtersPassed: '{passed} of {total} pass',
  signals: 'Signals',
  signal: 'Signal',
  points: 'Points',
  unanswered: 'not answered',
  /** Under the first 50 signal rows of a long list: `Show all 10,000 signals (9,950 more)`. */
  showAllSignals: 'Show all {count} signals ({hidden} more)',
  verdictLead: {
    fit: 'Passes every filter.',
    unknown: 'Confirm the unknown filters before you invest time.',
    out: 'Fails a filter: not for this ICP.',
  },
  /** The live-region announcement: `Fit · Tier 1 · 82 of 100` (the tier part is left out when out). */
  announceScore: '{score} of 100',
  announceBest: 'Best fit: {icp}. {result}',
  noIcp: 'No active ICP to score against yet.',
  summaryBar: 'Current result',
  batch: {
    title: 'Score a CSV of accounts',
    lead: 'One row per account, columns named by attribute id or label; other columns (company, domain, CRM id) are kept as they are. The file is read and scored in your browser: nothing is sent anywhere.',
    drop: 'Drop a CSV file here',
    or: 'or',
    choose: 'Choose a file',
    tryExample: 'Try with an example file',
    downloadExample: 'Download the example CSV',
    reading: 'Scoring…',
    /** `100,000 accounts scored in 1.2 s.`, by plural category of the count. */
    done: { one: '{rows} account scored in {seconds} s.', other: '{rows} accounts scored in {seconds} s.' },
    showing: 'Showing {shown} of {total} rows, in the order you choose. The downloaded file has them all.',
    download: 'Download scored CSV',
    tableLabel: 'Scored accounts',
    columns: {
      line: '#',
      name: 'Account',
      icp: 'ICP',
      verdict: 'Verdict',
      score: 'Score',
      tier: 'Tier',
      reasons: 'Reasons',
    },
    problemsTitle: { one: '{count} cell could not be read', other: '{count} cells could not be read' },
    problemsLead: 'These rows are still scored, with the value unknown. Fix the cells and score the file again.',
    problemsMore: 'First {shown} of {total} shown.',
    problem: { row: 'Line', column: 'Column', value: 'Cell', message: 'Problem' },
    columnsRead: 'Columns scored: {names}.',
    columnsMissing: 'Not in the file (unknown for every row): {names}.',
    failed: 'This file cannot be scored: {message}.',
    notCsv: 'Choose a .csv, .tsv or .txt file.',
    empty: 'No account rows in this file.',
  },
};

export type WidgetStrings = typeof en;

const fr: WidgetStrings = {
  page: {
    title: 'Scorer un compte',
    lead: "Saisissez ce que vous savez d'un compte : vous voyez aussitôt s'il passe les filtres de chaque ICP, son score, son tier et pourquoi. Le lien garde votre saisie : vous pouvez le partager.",
  },
  accountName: 'Nom du compte',
  accountDomain: 'Domaine',
  accountHelp: 'Facultatif : gardé dans le lien, le titre de la page et l’impression.',
  titleWithAccount: '{account} — {title}',
  number: {
    ambiguous: '« {value} » peut se lire {thousands} ou {decimal} : écrivez {thousands} ou {decimal}.',
    withWords: 'Écrivez le nombre seul, sans mots : {number}.',
    notNumber: 'Pas un nombre : écrivez des chiffres, comme 1200 ou 38,5.',
    belowMin: 'Inférieur au minimum {min}.',
    aboveMax: 'Supérieur au maximum {max}.',
  },
  share: 'Partager',
  shared: 'Partagé',
  shareText: '{account} : {result}',
  emptyBadge: 'Pas encore de réponse',
  emptyLead: 'Répondez à ce que vous savez : le verdict et le tier s’affichent dès la première réponse.',
  provisional: 'si confirmé',
  keptOutBy: 'Exclu par {filters}.',
  nextTitle: 'Et maintenant',
  whoToCall: 'Qui appeler',
  topObjection: 'Objection principale :',
  answer: 'Réponse :',
  formTitle: 'Ce que vous savez du compte',
  formLead: 'Laissez un champ vide si vous ne le savez pas : il compte comme inconnu, jamais comme validé.',
  unknown: 'Inconnu',
  yes: 'Oui',
  no: 'Non',
  choicesHint:
    'Cochez tout ce qui s’applique. Ne cochez rien si vous ne savez pas ; cochez « Aucun de ceux-ci » si vous savez qu’il n’en a aucun.',
  noneOfThese: 'Aucun de ceux-ci',
  rangeBetween: 'De {min} à {max}.',
  rangeMin: '{min} ou plus.',
  rangeMax: '{max} ou moins.',
  invalidNumber: 'Nombre invalide ou hors limites : ignoré tant qu’il n’est pas corrigé.',
  copyLink: 'Copier le lien',
  copied: 'Lien copié',
  copyFailed: 'Copiez le lien depuis la barre d’adresse',
  reset: 'Effacer',
  resetDone: 'Formulaire effacé',
  resultTitle: 'Résultat',
  bestFitTitle: 'Chaque ICP actif, le plus adapté en premier',
  outOf: '/ 100',
  upTo: 'jusqu’à {best}',
  noTier: 'Aucun tier',
  filters: 'Filtres',
  filtersPassed: '{passed} sur {total} validés',
  signals: 'Signaux',
  signal: 'Signal',
  points: 'Points',
  unanswered: 'sans réponse',
  showAllSignals: 'Afficher les {count}\u00A0signaux ({hidden} de plus)',
  verdictLead: {
    fit: 'Passe tous les filtres.',
    unknown: 'Confirmez les filtres inconnus avant d’investir du temps.',
    out: 'Échoue sur un filtre : pas pour cet ICP.',
  },
  announceScore: '{score} sur 100',
  announceBest: 'Le plus adapté : {icp}. {result}',
  noIcp: 'Aucun ICP actif pour le moment.',
  summaryBar: 'Résultat actuel',
  batch: {
    title: 'Scorer un CSV de comptes',
    lead: "Une ligne par compte, des colonnes nommées par l'id ou le libellé de l'attribut ; les autres colonnes (société, domaine, id CRM) sont gardées telles quelles. Le fichier est lu et scoré dans votre navigateur : rien n'est envoyé nulle part.",
    drop: 'Déposez un fichier CSV ici',
    or: 'ou',
    choose: 'Choisir un fichier',
    tryExample: 'Essayer avec un fichier d’exemple',
    downloadExample: 'Télécharger le CSV d’exemple',
    reading: 'Scoring en cours…',
    done: { one: '{rows} compte scoré en {seconds} s.', other: '{rows} comptes scorés en {seconds} s.' },
    showing: "{shown} lignes affichées sur {total}, dans l'ordre choisi. Le fichier téléchargé les contient toutes.",
    download: 'Télécharger le CSV scoré',
    tableLabel: 'Comptes scorés',
    columns: {
      line: 'N°',
      name: 'Compte',
      icp: 'ICP',
      verdict: 'Verdict',
      score: 'Score',
      tier: 'Tier',
      reasons: 'Raisons',
    },
    problemsTitle: { one: '{count} cellule illisible', other: '{count} cellules illisibles' },
    problemsLead:
      'Ces lignes sont quand même scorées, avec la valeur inconnue. Corrigez les cellules et scorez le fichier à nouveau.',
    problemsMore: 'Les {shown} premières sur {total}.',
    problem: { row: 'Ligne', column: 'Colonne', value: 'Cellule', message: 'Problème' },
    columnsRead: 'Colonnes scorées : {names}.',
    columnsMissing: 'Absentes du fichier (inconnues pour chaque ligne) : {names}.',
    failed: 'Ce fichier ne peut pas être scoré : {message}.',
    notCsv: 'Choisissez un fichier .csv, .tsv ou .txt.',
    empty: 'Aucune ligne de compte dans ce fichier.',
  },
};

const dictionaries: Record<Locale, WidgetStrings> = { en, fr };

/** Widget and batch-scoring strings for the playbook locale (build time; the browser gets them as JSON). */
export function getWidgetStrings(locale: Locale): WidgetStrings {
  return dictionaries[locale];
}

/** A string by plural category: `one` for 1 (0 and 1 in French), `other` otherwise. */
export interface Plural {
  one: string;
  other: string;
}

/** The form of `plural` for the count `n` in `locale`. */
export function pickPlural(plural: Plural, n: number, locale: Locale): string {
  return new Intl.PluralRules(locale).select(n) === 'one' ? plural.one : plural.other;
}

export { fillTemplate } from './template.ts';
