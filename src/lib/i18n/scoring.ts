import type { Locale } from './locales.ts';

/**
 * Every user-visible string of the scoring engine (widget, CLI output, calibration summary),
 * in English and French. Arguments are already formatted in the locale (numbers, lists).
 */
const en = {
  /** `Employees between 50 and 1,000 people` */
  between: (attribute: string, min: string, max: string) => `${attribute} between ${min} and ${max}`,
  atLeast: (attribute: string, value: string) => `${attribute} at least ${value}`,
  atMost: (attribute: string, value: string) => `${attribute} at most ${value}`,
  anyValue: (attribute: string) => `${attribute}: any value`,
  /** `Region is France or DACH` (the list is already joined with "or"). */
  in: (attribute: string, options: string) => `${attribute} is ${options}`,
  notIn: (attribute: string, options: string) => `${attribute} is not ${options}`,
  /** `Tools in use include HubSpot or Salesforce` */
  anyOf: (attribute: string, options: string) => `${attribute} include ${options}`,
  allOf: (attribute: string, options: string) => `${attribute} include ${options}`,
  noneOf: (attribute: string, options: string) => `${attribute} include none of ${options}`,
  /** `Hiring RevOps: yes` */
  is: (attribute: string, answer: string) => `${attribute}: ${answer}`,
  yes: 'yes',
  no: 'no',
  /** The value of an empty `choices` selection. */
  noneSelected: 'none',
  unknownValue: 'unknown',
  filterPass: (rule: string, value: string) => `Passes: ${rule} (seen ${value})`,
  filterFail: (rule: string, value: string) => `Fails: ${rule} (seen ${value})`,
  filterUnknown: (rule: string) => `Unknown: ${rule} (no value)`,
  /** A cell that holds something the playbook cannot read (add an alias to read it). */
  filterUnrecognised: (rule: string, value: string) => `Unknown: ${rule} (value not recognised: ${value})`,
  /** A matching signal: `+20: Hiring for RevOps: yes (seen yes)` */
  signalMatch: (points: string, rule: string, value: string) => `${points}: ${rule} (seen ${value})`,
  signalNoMatch: (label: string, value: string) => `0: ${label} does not apply (seen ${value})`,
  signalUnanswered: (label: string, best: string) => `Unanswered: ${label} (up to ${best})`,
  /** A range across a level's bound: `+10 for now: Company size (seen 51–200 people; up to +30)` */
  signalUncertain: (points: string, label: string, value: string, best: string) =>
    `${points} for now: ${label} (seen ${value}${best ? `; up to ${best}` : ''})`,
  /** A range of numbers: `51–200`, `10,001+` */
  range: (min: string, max: string | undefined) => (max === undefined ? `${min}+` : `${min}–${max}`),
  /** `55 now — up to 100 if you confirm Region and Revenue` */
  bestSummary: (score: string, best: string, attributes: string) =>
    `${score} now — up to ${best} if you confirm ${attributes}`,
  scoreOnly: (score: string) => `${score} of 100`,
  explainFit: (title: string, tier: string, summary: string) => `Passes every filter of ${title}. ${tier}: ${summary}.`,
  explainUnknown: (title: string, passed: number, total: number, unknown: string, tier: string, summary: string) =>
    `Passes ${passed} of ${total} filters of ${title}; confirm ${unknown}. ${tier} if it passes: ${summary}.`,
  explainOut: (title: string, failed: string) => `Out of ${title}: fails ${failed}.`,
  verdicts: { fit: 'Fit', unknown: 'Unknown', out: 'Out' },
  /** Problems with one CSV cell or the header: what is wrong, then what to write instead. */
  csv: {
    notNumber: (value: string) =>
      `"${value}" is not a number: write digits, with . or , as decimal mark (for example 1200 or 38,5), or a range such as 51-200 or 10001+`,
    ambiguousNumber: (value: string) =>
      `"${value}" could be a thousand-odd or a decimal: write ${value.replace(/[.,]/, '')} or ${String(Number(value.replace(',', '.')))}`,
    belowMin: (value: string, min: string, attribute: string) =>
      `${value} is below ${min}, the lowest value for ${attribute}: check the cell`,
    aboveMax: (value: string, max: string, attribute: string) =>
      `${value} is above ${max}, the highest value for ${attribute}: check the cell`,
    unknownOption: (value: string, attribute: string, suggestion: string | undefined, options: string) =>
      `"${value}" is not an option of ${attribute}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: write an option id or label: ${options}`,
    notBoolean: (value: string) => `"${value}" is not yes or no: write true/false, yes/no, oui/non or 1/0`,
    extraCells: (count: number, expected: number) =>
      `has ${count} cells but the header has ${expected}: the extra cells are left out (quote cells that contain the delimiter)`,
    unclosedQuote: 'a quoted cell is not closed before the end of the file: add the closing quote',
    runawayLine: (line: number, mb: number) =>
      `line ${line} runs over ${mb} MB without ending: a quoted cell is probably not closed (check the quotes on that line)`,
    duplicateColumn: (attribute: string, first: number) =>
      `is a second column for ${attribute} (the first is column ${first}): this one is kept as is and not scored`,
    similarColumn: (suggestion: string) =>
      `is not an attribute (did you mean "${suggestion}"?): the column is kept as is and not scored`,
    noAttributeColumns: (names: string) =>
      `no column is named after an attribute: name the columns by attribute id or label (${names})`,
    emptyFile: 'the file is empty: it needs a header row naming the columns, then one row per account',
    binary:
      'the file is binary, not text (it holds NUL or control bytes): export the data as CSV, e.g. "CSV UTF-8" in your spreadsheet, and try again',
    binaryZip:
      'the file is binary, not text: it is a zip archive, such as an Excel workbook (.xlsx): save it as "CSV UTF-8" in your spreadsheet and try again',
    badUtf8: (offset: number) =>
      `the file mixes encodings: it reads as UTF-8 until byte ${offset}, then not: save it again as "CSV UTF-8" in your spreadsheet`,
    badUtf16: 'the file starts as UTF-16 text but is cut or damaged: save it again as "CSV UTF-8" in your spreadsheet',
    notWindows1252:
      'the file is neither UTF-8 nor Windows-1252 text (it holds bytes that are control characters in both): save it as "CSV UTF-8" in your spreadsheet',
    replacementCharacter:
      'the file holds "�" replacement characters: an earlier conversion already lost some letters; export it again from the CRM as "CSV UTF-8"',
    decodedWindows1252:
      'The file is not UTF-8: read as Windows-1252 (what Excel on Windows writes). The result is written in UTF-8.',
    decodedUtf16: 'The file is UTF-16 text: read as such. The result is written in UTF-8.',
    noActiveIcp: 'there is no active ICP to score against: set status: active on an ICP, or choose one with --icp',
    unknownIcp: (id: string, ids: string) => `unknown ICP "${id}": the ICPs are ${ids}`,
    /** A number column mostly outside the attribute's plausible range, with the scale that fits. */
    unitLooksScaled: (
      header: string,
      outside: string,
      total: string,
      attribute: string,
      range: string,
      factor: string,
      scale: string,
    ) =>
      `${header}: ${outside} of ${total} numbers are outside the plausible range of ${attribute} (${range}); they look ${factor} times too big, another unit (euros rather than M€?): add \`scale: ${scale}\` to the alias, e.g. - { column: ${header}, scale: ${scale} }`,
    unitOutOfRange: (header: string, outside: string, total: string, attribute: string, range: string) =>
      `${header}: ${outside} of ${total} numbers are outside the plausible range of ${attribute} (${range}): check the column's unit`,
    tooManyDigits: (value: string, digits: number) =>
      `"${value}" has ${digits} digits, more than a number can hold exactly (15): check the cell, it is probably not this attribute`,
    unknownKeyColumn: (name: string, header: string) =>
      `there is no column "${name}" to keep: the columns are ${header}`,
    /** Unreadable values of one column, most frequent first: `Industry: Computer Software × 1,014, Retail × 3` */
    columnSummary: (header: string, values: string) => `${header}: ${values}`,
    valueCount: (value: string, count: string) => `${value} × ${count}`,
    otherValues: (values: string, atLeast: boolean, cells: string) =>
      `${atLeast ? 'at least ' : ''}${values} other value${values === '1' && !atLeast ? '' : 's'} × ${cells}`,
  },
};

export type ScoringMessages = typeof en;

const fr: ScoringMessages = {
  between: (attribute, min, max) => `${attribute} entre ${min} et ${max}`,
  atLeast: (attribute, value) => `${attribute} au moins ${value}`,
  atMost: (attribute, value) => `${attribute} au plus ${value}`,
  anyValue: (attribute) => `${attribute} : toute valeur`,
  in: (attribute, options) => `${attribute} est ${options}`,
  notIn: (attribute, options) => `${attribute} n'est pas ${options}`,
  anyOf: (attribute, options) => `${attribute} comprend ${options}`,
  allOf: (attribute, options) => `${attribute} comprend ${options}`,
  noneOf: (attribute, options) => `${attribute} ne comprend aucun de ${options}`,
  is: (attribute, answer) => `${attribute} : ${answer}`,
  yes: 'oui',
  no: 'non',
  noneSelected: 'aucun',
  unknownValue: 'inconnu',
  filterPass: (rule, value) => `Passe : ${rule} (vu : ${value})`,
  filterFail: (rule, value) => `Échoue : ${rule} (vu : ${value})`,
  filterUnknown: (rule) => `Inconnu : ${rule} (pas de valeur)`,
  filterUnrecognised: (rule, value) => `Inconnu : ${rule} (valeur non reconnue : ${value})`,
  signalMatch: (points, rule, value) => `${points} : ${rule} (vu : ${value})`,
  signalNoMatch: (label, value) => `0 : ${label} ne s'applique pas (vu : ${value})`,
  signalUnanswered: (label, best) => `Sans réponse : ${label} (jusqu'à ${best})`,
  signalUncertain: (points, label, value, best) =>
    `${points} pour l'instant : ${label} (vu : ${value}${best ? ` ; jusqu'à ${best}` : ''})`,
  range: (min, max) => (max === undefined ? `${min} et plus` : `${min}–${max}`),
  bestSummary: (score, best, attributes) => `${score} maintenant — jusqu'à ${best} si vous confirmez ${attributes}`,
  scoreOnly: (score) => `${score} sur 100`,
  explainFit: (title, tier, summary) => `Passe tous les filtres de ${title}. ${tier} : ${summary}.`,
  explainUnknown: (title, passed, total, unknown, tier, summary) =>
    `Passe ${passed} filtres sur ${total} de ${title} ; à confirmer : ${unknown}. ${tier} s'il les passe : ${summary}.`,
  explainOut: (title, failed) => `Hors de ${title} : échoue sur ${failed}.`,
  verdicts: { fit: 'Dans la cible', unknown: 'À confirmer', out: 'Hors cible' },
  csv: {
    notNumber: (value) =>
      `« ${value} » n'est pas un nombre : écrivez des chiffres, avec . ou , comme séparateur décimal (par exemple 1200 ou 38,5), ou une tranche comme 51-200 ou 10001+`,
    ambiguousNumber: (value) =>
      `« ${value} » peut se lire comme un millier ou comme un décimal : écrivez ${value.replace(/[.,]/, '')} ou ${String(Number(value.replace(',', '.'))).replace('.', ',')}`,
    belowMin: (value, min, attribute) =>
      `${value} est inférieur à ${min}, la plus petite valeur pour ${attribute} : vérifiez la cellule`,
    aboveMax: (value, max, attribute) =>
      `${value} est supérieur à ${max}, la plus grande valeur pour ${attribute} : vérifiez la cellule`,
    unknownOption: (value, attribute, suggestion, options) =>
      `« ${value} » n'est pas une option de ${attribute}${suggestion ? ` (vouliez-vous dire « ${suggestion} » ?)` : ''} : écrivez l'id ou le libellé d'une option : ${options}`,
    notBoolean: (value) => `« ${value} » n'est ni oui ni non : écrivez oui/non, true/false, yes/no ou 1/0`,
    extraCells: (count, expected) =>
      `a ${count} cellules alors que l'en-tête en a ${expected} : les cellules en trop sont ignorées (mettez entre guillemets les cellules qui contiennent le séparateur)`,
    unclosedQuote:
      "une cellule entre guillemets n'est pas fermée avant la fin du fichier : ajoutez le guillemet fermant",
    runawayLine: (line, mb) =>
      `la ligne ${line} dépasse ${mb} Mo sans se terminer : une cellule entre guillemets n'est sans doute pas fermée (vérifiez les guillemets de cette ligne)`,
    duplicateColumn: (attribute, first) =>
      `est une deuxième colonne pour ${attribute} (la première est la colonne ${first}) : elle est gardée telle quelle et non notée`,
    similarColumn: (suggestion) =>
      `n'est pas un attribut (vouliez-vous dire « ${suggestion} » ?) : la colonne est gardée telle quelle et non notée`,
    noAttributeColumns: (names) =>
      `aucune colonne ne porte le nom d'un attribut : nommez les colonnes par l'id ou le libellé de l'attribut (${names})`,
    emptyFile: "le fichier est vide : il faut une ligne d'en-tête qui nomme les colonnes, puis une ligne par compte",
    binary:
      'le fichier est binaire, pas du texte (il contient des octets NUL ou de contrôle) : exportez les données en CSV, par exemple « CSV UTF-8 » dans votre tableur, et réessayez',
    binaryZip:
      "le fichier est binaire, pas du texte : c'est une archive zip, comme un classeur Excel (.xlsx) : enregistrez-le en « CSV UTF-8 » dans votre tableur et réessayez",
    badUtf8: (offset) =>
      `le fichier mélange des encodages : il se lit en UTF-8 jusqu'à l'octet ${offset}, puis plus : enregistrez-le de nouveau en « CSV UTF-8 » dans votre tableur`,
    badUtf16:
      'le fichier commence en UTF-16 mais est coupé ou abîmé : enregistrez-le de nouveau en « CSV UTF-8 » dans votre tableur',
    notWindows1252:
      "le fichier n'est ni en UTF-8 ni en Windows-1252 (il contient des octets qui sont des caractères de contrôle dans les deux) : enregistrez-le en « CSV UTF-8 » dans votre tableur",
    replacementCharacter:
      'le fichier contient des caractères de remplacement « � » : une conversion précédente a déjà perdu des lettres ; exportez-le de nouveau depuis le CRM en « CSV UTF-8 »',
    decodedWindows1252:
      "Le fichier n'est pas en UTF-8 : lu en Windows-1252 (l'encodage d'Excel sous Windows). Le résultat est écrit en UTF-8.",
    decodedUtf16: 'Le fichier est en UTF-16 : lu comme tel. Le résultat est écrit en UTF-8.',
    noActiveIcp:
      'aucun ICP actif pour noter les comptes : passez un ICP en status: active, ou choisissez-en un avec --icp',
    unknownIcp: (id, ids) => `ICP inconnu « ${id} » : les ICP sont ${ids}`,
    unitLooksScaled: (header, outside, total, attribute, range, factor, scale) =>
      `${header} : ${outside} nombres sur ${total} sont hors de la plage plausible de ${attribute} (${range}) ; ils semblent ${factor} fois trop grands, dans une autre unité (des euros plutôt que des M€ ?) : ajoutez \`scale: ${scale}\` à l'alias, par exemple - { column: ${header}, scale: ${scale} }`,
    unitOutOfRange: (header, outside, total, attribute, range) =>
      `${header} : ${outside} nombres sur ${total} sont hors de la plage plausible de ${attribute} (${range}) : vérifiez l'unité de la colonne`,
    tooManyDigits: (value, digits) =>
      `« ${value} » a ${digits} chiffres, plus qu'un nombre ne peut en garder exactement (15) : vérifiez la cellule, ce n'est sans doute pas cet attribut`,
    unknownKeyColumn: (name, header) => `il n'y a pas de colonne « ${name} » à garder : les colonnes sont ${header}`,
    columnSummary: (header, values) => `${header} : ${values}`,
    valueCount: (value, count) => `${value} × ${count}`,
    otherValues: (values, atLeast, cells) =>
      `${atLeast ? 'au moins ' : ''}${values} autre${values === '1' && !atLeast ? '' : 's'} valeur${values === '1' && !atLeast ? '' : 's'} × ${cells}`,
  },
};

/** Scoring strings by locale. */
export const scoringMessages: Record<Locale, ScoringMessages> = { en, fr };
