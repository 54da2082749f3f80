import type { ErrorCode } from 'yaml';
import type { Locale } from './locales.ts';
import { ruleMessages } from './validator-rules.ts';

const q = (text: string) => `"${text}"`;
const g = (text: string) => `« ${text} »`;

// The yaml library's errors (its `code`), said in French; its English words are kept for English.
// Every code has its words: a new code in the yaml library fails the type check here.
const YAML_REASONS_FR: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'un alias (*nom) ne peut pas porter d’étiquette ni d’ancre',
  BAD_ALIAS: 'un alias (*nom) renvoie à une ancre (&nom) qui n’existe pas',
  BAD_COLLECTION_TYPE: 'une liste ou un groupe de champs n’a pas la forme attendue',
  BAD_DIRECTIVE: 'une ligne commençant par % n’est pas une directive YAML connue',
  BAD_DQ_ESCAPE:
    'un texte entre guillemets doubles contient un \\ qui n’est pas un échappement valide (doublez-le\u202f: \\\\)',
  BAD_INDENT: 'l’indentation de cette ligne ne correspond pas à celle des lignes voisines',
  BAD_PROP_ORDER: 'une ancre ou une étiquette est mal placée',
  BAD_SCALAR_START: 'une valeur commence par un caractère réservé (@, `, |, > ou %)\u202f: mettez-la entre guillemets',
  BLOCK_AS_IMPLICIT_KEY: 'un bloc est placé là où un nom de champ est attendu',
  BLOCK_IN_FLOW: 'une liste ou un groupe de champs sur plusieurs lignes est placé entre [ ] ou { }',
  DUPLICATE_KEY: 'ce champ est écrit deux fois au même niveau',
  IMPOSSIBLE: 'le fichier ne peut pas être lu comme du YAML',
  KEY_OVER_1024_CHARS:
    'un nom de champ dépasse 1\u202f024\u00a0caractères (un «\u202f:\u202f» manque sans doute plus haut)',
  MISSING_CHAR: 'un caractère fermant manque (un guillemet, un ] ou un })',
  MULTILINE_IMPLICIT_KEY:
    'un nom de champ s’étend sur plusieurs lignes (un «\u202f:\u202f» ou un guillemet manque sans doute)',
  MULTIPLE_ANCHORS: 'une valeur porte plusieurs ancres (&nom)',
  MULTIPLE_DOCS: 'le fichier contient plusieurs documents séparés par ---\u202f: gardez-en un seul',
  MULTIPLE_TAGS: 'une valeur porte plusieurs étiquettes (!nom)',
  NON_STRING_KEY: 'un nom de champ n’est pas un simple texte',
  RESOURCE_EXHAUSTION: 'le fichier développe trop d’alias pour être lu',
  TAB_AS_INDENT: 'une tabulation sert d’indentation\u202f: indentez avec des espaces',
  TAG_RESOLVE_FAILED: 'une étiquette (!nom) est inconnue',
  UNEXPECTED_TOKEN:
    'un caractère inattendu se trouve ici (souvent un «\u202f:\u202f» dans une valeur sans guillemets, ou un tiret mal placé)',
};

/**
 * Messages of the content validator (`npm run validate`, the build, the dev server's panel), in
 * the playbook's language. Each says what is wrong and how to fix it; the file, line, column and
 * field are printed before it. `rules` holds the messages of the rules inside the schemas and
 * the cross-file and known-accounts checks (validator-rules.ts).
 */
const en = {
  didYouMean: (word: string) => ` (did you mean ${q(word)}?)`,
  listKnown: (noun: 'attributes' | 'options' | 'icps', list: string) =>
    `: ${{ attributes: 'attributes in attributes.yaml', options: 'its options', icps: 'the ICPs in content/icps/' }[noun]} are ${list}`,
  // Files and folders
  tooBig: (mb: string, csv: boolean, limitMb: number) =>
    `file is ${mb} MB, over the ${csv ? `${limitMb} MB limit for known-accounts files: keep a sample of accounts` : '1 MB limit for content files: split it or remove what does not belong'}`,
  notUtf8: 'is not UTF-8 text: save the file with UTF-8 encoding in your editor',
  // Notices, not problems: known accounts saved by Excel are read, and the author is told how.
  accountsWindows1252:
    'is not UTF-8: read as Windows-1252 (what Excel on Windows writes); save it as "CSV UTF-8" so every tool reads its accents the same',
  accountsUtf16: 'is UTF-16 text: read as such; save it as "CSV UTF-8" so every tool reads it the same',
  notAContentYaml: (layout: string) =>
    `is not a content file the playbook reads: ${layout} (a YAML file must be named playbook.yaml or attributes.yaml)`,
  notWhere: (layout: string) =>
    `is not where the playbook looks: ${layout}, each folder holding files directly (no subfolders)`,
  layout: 'content/ holds playbook.yaml, attributes.yaml and the folders icps/, personas/, pages/ and accounts/',
  wrongExtension: (kind: string, extensions: readonly string[] | string) =>
    `has the wrong extension for ${kind}/: use ${[extensions].flat().join(' or ')}`,
  badFileName: (id: string, rename: string) =>
    `file name ${q(id)} is not a valid id: use lowercase letters, digits and hyphens, e.g. rename it to ${rename}`,
  missingSettings: 'is missing: create it with at least company and product (see README, "playbook.yaml")',
  missingAttributes: 'is missing: create it with the list of account attributes (see README, "attributes.yaml")',
  samePageId: (id: string, twin: string) =>
    `has the same id ${q(id)} as ${twin}: rename one of them (ids are file names without extension)`,
  // YAML
  tab: (at: string) => `a tab at ${at}: indent with spaces, never tabs (set your editor to insert spaces)`,
  /** The reason a YAML file cannot be read: the yaml library's own words (its error `code` picks the French). */
  yamlReason: (_code: string, original: string) => original,
  yamlSyntax: (reason: string, more: number) =>
    `YAML syntax: ${reason}. Check indentation, and quote values that contain ": " or start with a special character${more > 0 ? ` (fix this one first: the ${more} other YAML error${more === 1 ? '' : 's'} in this file usually follow from it)` : ''}`,
  swallowedItem:
    'this line starts with "- " but is read as the end of the text above (it is indented deeper than a list item): indent it like the item above to make it an item of its own',
  aliasBomb: (max: number) =>
    `YAML aliases expand too much (more than ${max}): write the values out instead of using * aliases`,
  noFrontmatter: 'has no frontmatter: start the file with a line "---", the YAML fields, then another "---" line',
  // Fields
  missingField: (field: string | undefined, expected: string) =>
    field ? `is missing: add a line "${field}: …" with ${expected}` : `is missing: add ${expected}`,
  emptyField: (field: string | undefined, expected: string) =>
    field ? `is empty: write ${expected} after "${field}:"` : `is empty: write ${expected}`,
  notFinite: (value: string) => `must be a finite number, not ${value}: write a plain number`,
  wrongType: (expected: string, got: string, quote: boolean) =>
    `expected ${expected}, got ${got}${quote ? ': put the value in quotes' : ''}`,
  notAllowed: (value: string, allowed: string) => `${q(value)} is not allowed: use one of ${allowed}`,
  unknownField: (key: string) => `unknown field ${q(key)}`,
  allowedFields: (list: string) => `: allowed fields here are ${list}`,
  thousandsComma: (written: string, plain: string) =>
    `${q(written)} is read as two fields: inside { } a comma separates fields, so write numbers without thousands separators (${plain})`,
  badFormat: (value: string, rule: string, suggestion: string) => `${q(value)} ${rule}: write ${suggestion}`,
  types: {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a group of fields',
    tuple: 'a list',
  } as Record<string, string>,
  describe: { null: 'nothing (null)', list: 'a list', group: 'a group of fields', text: (t: string) => `text ${q(t)}` },
  // Cross-file
  unknownAttribute: (id: string) => `unknown attribute ${q(id)}`,
  unknownOption: (value: string, attribute: string) => `unknown option ${q(value)} of ${q(attribute)}`,
  labelOfOption: (value: string, option: string, attribute: string) =>
    `${q(value)} is the label of option ${q(option)} of ${q(attribute)}: write its id, ${option}`,
  notOptionId: (value: string, slug: string) =>
    `${q(value)} is not an option id: write ${slug} (ids are lowercase, without accents or spaces)`,
  unknownIcp: (id: string) => `unknown ICP ${q(id)}`,
  sameIcpTitle: (title: string, twin: string) =>
    `${q(title)} is also the title of ${twin}: give each ICP its own title (a copied file keeps the title of the original)`,
  samePersona: (who: string, twin: string) =>
    `${q(who)} is also the name and role of ${twin}: change the name or the role so reps can tell the two personas apart`,
  futureReview: (date: string, today: string) =>
    `${date} is in the future (today is ${today}): write the day you last checked this file, so it shows as stale when it is due`,
  placeholder: (text: string) => `${q(text)} is an example left by npm run new: replace it with your own text`,
  placeholderParagraph: 'this paragraph is an example left by npm run new: replace it with your own text',
  dayFirstDate: (value: string, iso: string) =>
    `${q(value)} is written day/month/year: write ${iso} (dates are YYYY-MM-DD)`,
  notIsoDate: (value: string) => `${q(value)} is not a date written YYYY-MM-DD: write it like 2026-09-15`,
  notRealDate: 'is not a date that exists (check the day and month)',
  columnLookalike: (wanted: 'expect' | 'outcome') =>
    `is not a column the known-accounts check reads (did you mean ${q(wanted)}?): rename it ${wanted}, ${wanted === 'expect' ? 'the tier you expect for the account, or out' : 'won, lost or open'}`,
  noCheckedColumn:
    'has neither an expect nor an outcome column, so nothing in it is checked: add a column expect (the tier you expect, or out) and a column outcome (won, lost or open)',
  rules: ruleMessages.en,
};

export type ValidatorMessages = typeof en;

const fr: ValidatorMessages = {
  didYouMean: (word: string) => ` (vouliez-vous dire ${g(word)}\u202f?)`,
  listKnown: (noun: 'attributes' | 'options' | 'icps', list: string) =>
    `\u202f: ${{ attributes: 'les attributs de attributes.yaml sont', options: 'ses options sont', icps: 'les ICP de content/icps/ sont' }[noun]} ${list}`,
  tooBig: (mb: string, csv: boolean, limitMb: number) =>
    `le fichier fait ${mb} Mo, au-delà de la limite de ${csv ? `${limitMb} Mo des fichiers de comptes connus\u202f: gardez un échantillon de comptes` : '1 Mo des fichiers de contenu\u202f: découpez-le ou retirez ce qui n’y a pas sa place'}`,
  notUtf8: 'n’est pas un texte UTF-8\u202f: enregistrez le fichier en UTF-8 dans votre éditeur',
  accountsWindows1252:
    'n’est pas en UTF-8\u202f: lu en Windows-1252 (l’encodage d’Excel sous Windows)\u202f; enregistrez-le en « CSV UTF-8 » pour que tous les outils lisent ses accents de la même façon',
  accountsUtf16:
    'est en UTF-16\u202f: lu comme tel\u202f; enregistrez-le en « CSV UTF-8 » pour que tous les outils le lisent de la même façon',
  notAContentYaml: (layout: string) =>
    `n’est pas un fichier de contenu lu par le playbook\u202f: ${layout} (un fichier YAML s’appelle playbook.yaml ou attributes.yaml)`,
  notWhere: (layout: string) =>
    `n’est pas là où le playbook regarde\u202f: ${layout}, chaque dossier contenant directement ses fichiers (sans sous-dossier)`,
  layout: 'content/ contient playbook.yaml, attributes.yaml et les dossiers icps/, personas/, pages/ et accounts/',
  wrongExtension: (kind: string, extensions: readonly string[] | string) =>
    `n’a pas la bonne extension pour ${kind}/\u202f: utilisez ${[extensions].flat().join(' ou ')}`,
  badFileName: (id: string, rename: string) =>
    `le nom de fichier ${g(id)} n’est pas un identifiant valide\u202f: minuscules, chiffres et tirets, par exemple renommez-le ${rename}`,
  missingSettings: 'est absent\u202f: créez-le avec au moins company et product (voir le README, « playbook.yaml »)',
  missingAttributes:
    'est absent\u202f: créez-le avec la liste des attributs des comptes (voir le README, « attributes.yaml »)',
  samePageId: (id: string, twin: string) =>
    `a le même identifiant ${g(id)} que ${twin}\u202f: renommez l’un des deux (l’identifiant est le nom du fichier sans extension)`,
  tab: (at: string) =>
    `une tabulation en ${at}\u202f: indentez avec des espaces, jamais des tabulations (réglez votre éditeur pour insérer des espaces)`,
  yamlReason: (code: string, original: string) => YAML_REASONS_FR[code as ErrorCode] ?? original,
  yamlSyntax: (reason: string, more: number) =>
    `syntaxe YAML\u202f: ${reason}. Vérifiez l’indentation, et mettez entre guillemets les valeurs qui contiennent « : » ou commencent par un caractère spécial${more > 0 ? ` (corrigez d’abord celle-ci\u202f: ${more === 1 ? 'l’autre erreur YAML de ce fichier en découle' : `les ${more} autres erreurs YAML de ce fichier en découlent`} le plus souvent)` : ''}`,
  swallowedItem:
    'cette ligne commence par « - » mais elle est lue comme la fin du texte au-dessus (elle est plus indentée qu’un élément de liste)\u202f: indentez-la comme l’élément au-dessus pour en faire un élément à part',
  aliasBomb: (max: number) =>
    `les alias YAML se développent trop (plus de ${max})\u202f: écrivez les valeurs au lieu d’utiliser des alias *`,
  noFrontmatter:
    'n’a pas d’en-tête (frontmatter)\u202f: commencez le fichier par une ligne « --- », les champs YAML, puis une autre ligne « --- »',
  missingField: (field: string | undefined, expected: string) =>
    field
      ? `est absent\u202f: ajoutez une ligne « ${field}: … » avec ${expected}`
      : `est absent\u202f: ajoutez ${expected}`,
  emptyField: (field: string | undefined, expected: string) =>
    field ? `est vide\u202f: écrivez ${expected} après « ${field}: »` : `est vide\u202f: écrivez ${expected}`,
  notFinite: (value: string) => `doit être un nombre fini, pas ${value}\u202f: écrivez un nombre simple`,
  wrongType: (expected: string, got: string, quote: boolean) =>
    `attendu ${expected}, trouvé ${got}${quote ? '\u202f: mettez la valeur entre guillemets' : ''}`,
  notAllowed: (value: string, allowed: string) =>
    `${g(value)} n’est pas permis\u202f: utilisez l’une de ces valeurs\u202f: ${allowed}`,
  unknownField: (key: string) => `champ inconnu ${g(key)}`,
  allowedFields: (list: string) => `\u202f: les champs permis ici sont ${list}`,
  thousandsComma: (written: string, plain: string) =>
    `${g(written)} est lu comme deux champs\u202f: entre { } une virgule sépare les champs, écrivez donc les nombres sans séparateur de milliers (${plain})`,
  badFormat: (value: string, rule: string, suggestion: string) => `${g(value)} ${rule}\u202f: écrivez ${suggestion}`,
  types: {
    string: 'un texte',
    number: 'un nombre',
    int: 'un nombre entier',
    boolean: 'true ou false',
    array: 'une liste',
    object: 'un groupe de champs',
    tuple: 'une liste',
  },
  describe: {
    null: 'rien (null)',
    list: 'une liste',
    group: 'un groupe de champs',
    text: (t: string) => `le texte ${g(t)}`,
  },
  unknownAttribute: (id: string) => `attribut inconnu ${g(id)}`,
  unknownOption: (value: string, attribute: string) => `option inconnue ${g(value)} de ${g(attribute)}`,
  labelOfOption: (value: string, option: string, attribute: string) =>
    `${g(value)} est le libellé de l’option ${g(option)} de ${g(attribute)}\u202f: écrivez son identifiant, ${option}`,
  notOptionId: (value: string, slug: string) =>
    `${g(value)} n’est pas un identifiant d’option\u202f: écrivez ${slug} (minuscules, sans accents ni espaces)`,
  unknownIcp: (id: string) => `ICP inconnu ${g(id)}`,
  sameIcpTitle: (title: string, twin: string) =>
    `${g(title)} est aussi le titre de ${twin}\u202f: donnez à chaque ICP son propre titre (un fichier copié garde le titre de l’original)`,
  samePersona: (who: string, twin: string) =>
    `${g(who)} est aussi le nom et le poste de ${twin}\u202f: changez le nom ou le poste pour que les commerciaux distinguent les deux personas`,
  futureReview: (date: string, today: string) =>
    `${date} est dans le futur (nous sommes le ${today})\u202f: écrivez le jour de votre dernière relecture, pour que le fichier apparaisse à revoir le moment venu`,
  placeholder: (text: string) => `${g(text)} est un exemple laissé par npm run new\u202f: remplacez-le par votre texte`,
  placeholderParagraph: 'ce paragraphe est un exemple laissé par npm run new\u202f: remplacez-le par votre texte',
  dayFirstDate: (value: string, iso: string) =>
    `${g(value)} est écrit jour/mois/année\u202f: écrivez ${iso} (les dates s’écrivent AAAA-MM-JJ)`,
  notIsoDate: (value: string) => `${g(value)} n’est pas une date écrite AAAA-MM-JJ\u202f: écrivez-la comme 2026-09-15`,
  notRealDate: 'n’est pas une date qui existe (vérifiez le jour et le mois)',
  columnLookalike: (wanted: 'expect' | 'outcome') =>
    `n’est pas une colonne lue par la vérification des comptes connus (vouliez-vous dire ${g(wanted)}\u202f?)\u202f: renommez-la ${wanted}, ${wanted === 'expect' ? 'le tier attendu pour le compte, ou out' : 'won, lost ou open'}`,
  noCheckedColumn:
    'n’a ni colonne expect ni colonne outcome, donc rien n’y est vérifié\u202f: ajoutez une colonne expect (le tier attendu, ou out) et une colonne outcome (won, lost ou open)',
  rules: ruleMessages.fr,
};

export const validatorMessages: Record<Locale, ValidatorMessages> = { en, fr };

let current: Locale = 'en';

/**
 * The validator's messages in the language of the playbook being checked. `loadPlaybook` sets
 * the language for the duration of one synchronous run (see {@link withValidatorLocale}).
 */
export function vm(): ValidatorMessages {
  return validatorMessages[current];
}

/** The language of the playbook being checked (for messages built by other tables, e.g. CSV cells). */
export function validatorLocale(): Locale {
  return current;
}

/** Runs `check` with validator messages in `locale`, then restores the previous language. */
export function withValidatorLocale<T>(locale: Locale, check: () => T): T {
  const previous = current;
  current = locale;
  try {
    return check();
  } finally {
    current = previous;
  }
}
