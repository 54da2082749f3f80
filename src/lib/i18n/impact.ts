import type { Locale } from './locales.ts';

/**
 * Every string of the impact report (`npm run impact`), in English and French. Arguments are
 * already formatted in the locale (numbers, points, lists); quoted names use the locale's quotes.
 */
const en = {
  q: (text: string) => `“${text}”`,
  /** Between the parts of the verdict line and of a reason. */
  separator: '; ',
  title: (base: string) => `## Impact of this change (compared with \`${base}\`)`,
  // Verdict line
  noEffect: 'No known account moves and no rule changes.',
  noBasePlaybook: (ref: string, dir: string) =>
    `There is no playbook at ${ref} (no ${dir} folder there): everything is new, nothing to compare.`,
  knownMoves: (count: string, up: string, down: string, sideways: string) =>
    `${count} known account${count === '1' ? '' : 's'} move${count === '1' ? 's' : ''} (↑${up} ↓${down}${sideways === '0' ? '' : ` ↔${sideways}`})`,
  unmetCount: (count: string) =>
    `${count} of them no longer land${count === '1' ? 's where its' : ' where their'} \`expect\` says (validation fails until expect or the rules change)`,
  knownStill: (count: string) => `the ${count} known accounts keep their landing`,
  sampleMoves: (count: string, total: string, name: string) => `${count} of ${total} accounts of ${name} move`,
  samChange: (icp: string, before: string, after: string, change: string) =>
    `SAM of ${icp} ${before} → ${after} (${change})`,
  tierNeeds: (tier: string, icp: string, min: string) => `${tier} of ${icp} now needs ${min} points`,
  ruleChangeCount: (count: string) => `${count} rule change${count === '1' ? '' : 's'}`,
  warningCount: (count: string) => `${count} warning${count === '1' ? '' : 's'}`,
  // Rule changes
  ruleChanges: '### Rule changes',
  noRuleChanges: 'No filter, signal, tier or market figure changed.',
  icpHeading: (title: string, id: string) => `#### ${title} (\`${id}\`)`,
  icpAdded: (status: string) => `New ICP (status ${status}).`,
  icpRemoved: 'ICP removed.',
  titleChanged: (before: string, after: string) => `Title: ${before} → ${after}`,
  statusChanged: (before: string, after: string) => `Status: ${before} → ${after}`,
  filterChanged: (label: string, before: string, after: string) => `Filter ${label}: ${before} → ${after}`,
  filterAdded: (label: string, words: string) => `New filter ${label}: ${words}`,
  filterRemoved: (label: string, words: string) => `Filter removed: ${label} (${words})`,
  renamed: (kind: string, before: string, after: string) => `${kind} ${before} renamed ${after}`,
  filter: 'Filter',
  signal: 'Signal',
  tier: 'Tier',
  signalPoints: (label: string, before: string, after: string) => `Signal ${label}: ${before} → ${after} points`,
  signalRule: (label: string, before: string, after: string) => `Signal ${label}: ${before} → ${after}`,
  signalAdded: (label: string, words: string) => `New signal ${label}: ${words}`,
  signalRemoved: (label: string, words: string) => `Signal removed: ${label} (${words})`,
  tierMin: (label: string, before: string, after: string) => `${label} needs ${after} points (was ${before})`,
  tierAdded: (label: string, min: string) => `New tier ${label} from ${min} points`,
  tierRemoved: (label: string, min: string) => `Tier removed: ${label} (was from ${min} points)`,
  marketChanged: (level: string, before: string, after: string) => `${level}: ${before} → ${after}`,
  marketAdded: 'Market figures added',
  marketRemoved: 'Market figures removed',
  accounts: (count: string) => `${count} accounts`,
  // Other files
  otherChanges: '### Other changes',
  personas: 'Personas',
  pages: 'Pages',
  attributes: 'Attributes',
  settings: 'Settings (playbook.yaml)',
  added: (ids: string) => `added ${ids}`,
  removed: (ids: string) => `removed ${ids}`,
  changed: (ids: string) => `changed ${ids}`,
  fieldsChanged: (id: string, fields: string) => `${id} (${fields})`,
  body: 'text',
  optionsAdded: (options: string) => `options added: ${options}`,
  optionsRemoved: (options: string) => `options removed: ${options}`,
  // Accounts
  knownHeading: (count: string) => `### Known accounts (${count} in content/accounts/)`,
  sampleHeading: (name: string, count: string) => `### Accounts of ${name} (${count} rows)`,
  noKnownAccounts: 'No known accounts (content/accounts/*.csv): add some to see which accounts move.',
  noMoves: 'None of these accounts changes verdict, tier or best-fit ICP.',
  movesSummary: (moved: string, up: string, down: string, sideways: string) =>
    `${moved} move: ${up} up, ${down} down, ${sideways} to another ICP at the same level.`,
  topMovers: (count: string) => `The ${count} biggest moves:`,
  movesHeader: '| Account | Before | After | Why |',
  matrixHeading: 'Tier transitions (rows: before, columns: after):',
  matrixCorner: 'before ↓ after →',
  unreadable: (count: string) =>
    `${count} cell${count === '1' ? '' : 's'} could not be read and scored as unknown (run npm run score on the file to see them).`,
  landingFit: (tier: string, icp: string, score: string) => `${tier} (${icp}, ${score})`,
  landingUnknown: (icp: string, tier: string, score: string) => `unknown (${icp}, provisional ${tier}, ${score})`,
  landingOut: 'out',
  noIcp: 'no active ICP',
  unknown: 'unknown',
  out: 'out',
  expected: (label: string) => `expected ${label}`,
  reasonPoints: (label: string, before: string, after: string) => `${label} ${before} → ${after}`,
  reasonFilter: (words: string, before: string, after: string, seen: string) =>
    `${words}: ${before} → ${after} (seen ${seen})`,
  reasonTier: (tier: string, min: string, score: string) => `${tier} needs ${min} (score ${score})`,
  reasonScore: (before: string, after: string) => `score ${before} → ${after}`,
  reasonIcp: (icp: string) => `${icp} now fits better`,
  pass: 'pass',
  fail: 'fail',
  // Warnings
  warnings: '### Warnings',
  unreachableTier: (tier: string, icp: string) =>
    `${tier} of ${icp} cannot be reached: no combination of signals scores within its range.`,
  emptyTier: (tier: string, icp: string, population: string, before: string) =>
    `No account of ${population} reaches ${tier} of ${icp} any more (${before} before).`,
  filterExcludesAll: (label: string, icp: string, population: string) =>
    `Filter ${label} of ${icp} excludes every account of ${population}.`,
  signalNeverFires: (label: string, icp: string, population: string) =>
    `Signal ${label} of ${icp} earns points on no account of ${population}.`,
  knownPopulation: 'the known accounts',
  truncated: (count: string, limit: string) =>
    `… and ${count} more row${count === '1' ? '' : 's'} not shown (the report is kept under ${limit} characters).`,
  cut: (count: string) => `… report cut here: ${count} more characters not shown.`,
};

export type ImpactMessages = typeof en;

const fr: ImpactMessages = {
  q: (text) => `« ${text} »`,
  separator: '\u202f; ',
  title: (base) => `## Effet de cette modification (par rapport à \`${base}\`)`,
  noEffect: 'Aucun compte connu ne bouge et aucune règle ne change.',
  noBasePlaybook: (ref, dir) =>
    `Pas de playbook à ${ref} (pas de dossier ${dir})\u202f: tout est nouveau, rien à comparer.`,
  knownMoves: (count, up, down, sideways) =>
    `${count} compte${count === '1' ? '' : 's'} connu${count === '1' ? '' : 's'} bouge${count === '1' ? '' : 'nt'} (↑${up} ↓${down}${sideways === '0' ? '' : ` ↔${sideways}`})`,
  unmetCount: (count) =>
    `dont ${count} ne ${count === '1' ? 'tombe' : 'tombent'} plus où l’indique \`expect\` (la validation échoue tant qu’expect ou les règles ne changent pas)`,
  knownStill: (count) => `les ${count} comptes connus restent à leur place`,
  sampleMoves: (count, total, name) => `${count} comptes sur ${total} de ${name} bougent`,
  samChange: (icp, before, after, change) => `SAM de ${icp} ${before} → ${after} (${change})`,
  tierNeeds: (tier, icp, min) => `${tier} de ${icp} demande désormais ${min} points`,
  ruleChangeCount: (count) => `${count} règle${count === '1' ? '' : 's'} modifiée${count === '1' ? '' : 's'}`,
  warningCount: (count) => `${count} alerte${count === '1' ? '' : 's'}`,
  ruleChanges: '### Règles modifiées',
  noRuleChanges: 'Aucun filtre, signal, palier ou chiffre de marché ne change.',
  icpHeading: (title, id) => `#### ${title} (\`${id}\`)`,
  icpAdded: (status) => `Nouvel ICP (statut ${status}).`,
  icpRemoved: 'ICP supprimé.',
  titleChanged: (before, after) => `Titre\u202f: ${before} → ${after}`,
  statusChanged: (before, after) => `Statut\u202f: ${before} → ${after}`,
  filterChanged: (label, before, after) => `Filtre ${label}\u202f: ${before} → ${after}`,
  filterAdded: (label, words) => `Nouveau filtre ${label}\u202f: ${words}`,
  filterRemoved: (label, words) => `Filtre supprimé\u202f: ${label} (${words})`,
  renamed: (kind, before, after) => `${kind} ${before} renommé ${after}`,
  filter: 'Filtre',
  signal: 'Signal',
  tier: 'Palier',
  signalPoints: (label, before, after) => `Signal ${label}\u202f: ${before} → ${after} points`,
  signalRule: (label, before, after) => `Signal ${label}\u202f: ${before} → ${after}`,
  signalAdded: (label, words) => `Nouveau signal ${label}\u202f: ${words}`,
  signalRemoved: (label, words) => `Signal supprimé\u202f: ${label} (${words})`,
  tierMin: (label, before, after) => `${label} demande ${after} points (au lieu de ${before})`,
  tierAdded: (label, min) => `Nouveau palier ${label} à partir de ${min} points`,
  tierRemoved: (label, min) => `Palier supprimé\u202f: ${label} (à partir de ${min} points)`,
  marketChanged: (level, before, after) => `${level}\u202f: ${before} → ${after}`,
  marketAdded: 'Chiffres de marché ajoutés',
  marketRemoved: 'Chiffres de marché supprimés',
  accounts: (count) => `${count} comptes`,
  otherChanges: '### Autres modifications',
  personas: 'Personas',
  pages: 'Pages',
  attributes: 'Attributs',
  settings: 'Réglages (playbook.yaml)',
  added: (ids) => `ajout de ${ids}`,
  removed: (ids) => `suppression de ${ids}`,
  changed: (ids) => `modification de ${ids}`,
  fieldsChanged: (id, fields) => `${id} (${fields})`,
  body: 'texte',
  optionsAdded: (options) => `options ajoutées\u202f: ${options}`,
  optionsRemoved: (options) => `options supprimées\u202f: ${options}`,
  knownHeading: (count) => `### Comptes connus (${count} dans content/accounts/)`,
  sampleHeading: (name, count) => `### Comptes de ${name} (${count} lignes)`,
  noKnownAccounts: 'Aucun compte connu (content/accounts/*.csv)\u202f: ajoutez-en pour voir quels comptes bougent.',
  noMoves: 'Aucun de ces comptes ne change de verdict, de palier ou d’ICP le plus adapté.',
  movesSummary: (moved, up, down, sideways) =>
    `${moved} bougent\u202f: ${up} montent, ${down} descendent, ${sideways} passent à un autre ICP au même niveau.`,
  topMovers: (count) => `Les ${count} plus grands mouvements\u202f:`,
  movesHeader: '| Compte | Avant | Après | Pourquoi |',
  matrixHeading: 'Passages entre paliers (lignes\u202f: avant, colonnes\u202f: après)\u202f:',
  matrixCorner: 'avant ↓ après →',
  unreadable: (count) =>
    `${count} cellule${count === '1' ? '' : 's'} illisible${count === '1' ? '' : 's'}, notée${count === '1' ? '' : 's'} comme inconnue${count === '1' ? '' : 's'} (lancez npm run score sur le fichier pour les voir).`,
  landingFit: (tier, icp, score) => `${tier} (${icp}, ${score})`,
  landingUnknown: (icp, tier, score) => `inconnu (${icp}, ${tier} provisoire, ${score})`,
  landingOut: 'hors cible',
  noIcp: 'aucun ICP actif',
  unknown: 'inconnu',
  out: 'hors cible',
  expected: (label) => `attendu ${label}`,
  reasonPoints: (label, before, after) => `${label} ${before} → ${after}`,
  reasonFilter: (words, before, after, seen) => `${words}\u202f: ${before} → ${after} (vu ${seen})`,
  reasonTier: (tier, min, score) => `${tier} demande ${min} (score ${score})`,
  reasonScore: (before, after) => `score ${before} → ${after}`,
  reasonIcp: (icp) => `${icp} convient mieux désormais`,
  pass: 'passe',
  fail: 'échoue',
  warnings: '### Alertes',
  unreachableTier: (tier, icp) =>
    `${tier} de ${icp} est inatteignable\u202f: aucune combinaison de signaux ne donne un score dans sa plage.`,
  emptyTier: (tier, icp, population, before) =>
    `Plus aucun compte de ${population} n’atteint ${tier} de ${icp} (${before} avant).`,
  filterExcludesAll: (label, icp, population) =>
    `Le filtre ${label} de ${icp} exclut tous les comptes de ${population}.`,
  signalNeverFires: (label, icp, population) =>
    `Le signal ${label} de ${icp} ne rapporte de points à aucun compte de ${population}.`,
  knownPopulation: 'la liste des comptes connus',
  truncated: (count, limit) =>
    `… et ${count} ligne${count === '1' ? '' : 's'} de plus non affichée${count === '1' ? '' : 's'} (le rapport reste sous ${limit} caractères).`,
  cut: (count) => `… rapport coupé ici\u202f: ${count} caractères de plus non affichés.`,
};

/** Impact report strings by locale. */
export const impactMessages: Record<Locale, ImpactMessages> = { en, fr };
