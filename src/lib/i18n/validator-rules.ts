// Messages of the rules inside the content schemas (src/schemas), the market check, the
// cross-file checks and the known-accounts check, in the playbook's language. Part of the
// validator's table (`vm().rules`): the zod schemas read them when a file is checked, so a
// French playbook gets French messages. French: narrow no-break space before : ; ? ! and « ».
const N = '\u202f';
const q = (text: string) => `"${text}"`;
const g = (text: string) => `«${N}${text}${N}»`;

/** 189000000 → 189,000,000 (en) or 189 000 000 (fr): big figures in messages are read, not counted. */
const grouped = (value: number, locale: 'en-US' | 'fr-FR') =>
  value.toLocaleString(locale, { maximumFractionDigits: 2 });

const en = {
  // Single fields
  notEmpty: 'must not be empty',
  idFormat: 'must use only lowercase letters, digits and hyphens (for example "mid-market")',
  keyFormat: 'must use only lowercase letters, digits, hyphens and underscores (for example "hiring_revops")',
  wholeNumber: 'must be a whole number',
  wholeDays: 'must be a whole number of days',
  wholeAccounts: 'must be a whole number of accounts',
  atLeast: (min: number) => `must be at least ${min}`,
  atMost: (max: number) => `must be at most ${max}`,
  between: (low: number, high: number) => `must be between ${low} and ${high}`,
  /** A share from 0 to 1, with an example: `0.34` means `34 %`. */
  fraction: (example: number) => `must be between 0 and 1 (${example} means ${Math.round(example * 100)} %)`,
  finite: 'must be a finite number',
  notNegative: 'must not be negative',
  year: 'must be a year written in full, between 1900 and 2200 (for example 2026)',
  positiveScale: 'must be a positive number, e.g. 0.000001 for euros read as M€',
  scaleOnlyForNumbers: '{ column, scale } is only for number attributes: write the column name alone',
  columnName: 'must be a column name (non-empty text)',
  currencyCode: 'must be an ISO 4217 code in capitals, for example EUR',
  currency: 'is not an ISO 4217 currency code: use for example EUR, USD or GBP',
  repositoryUrl: 'must be an http(s) URL, e.g. https://github.com/acme/playbook',
  editUrl: 'must be an http(s) URL with {path} in it, e.g. https://git.acme.internal/playbook/edit/{branch}/{path}',
  editUrlPath:
    'has no {path}: put {path} where the file path goes, e.g. https://git.acme.internal/playbook/edit/{branch}/{path}',
  siteUrl: 'must be the full http(s) address the playbook is published at, e.g. https://acme.github.io/playbook/',
  mediaHost: 'must be a lowercase host name such as cdn.example.com: no https://, no path, no port',
  // Lists that need items
  needsAttribute: 'needs at least one attribute',
  needsTwoOptions: 'needs at least two options',
  needsOption: 'needs at least one option',
  needsOptionId: 'needs at least one option id',
  needsFilter: 'needs at least one filter: what puts an account out of this ICP?',
  needsSignal: 'needs at least one signal',
  needsLevel: 'needs at least one level',
  needsTier: 'needs at least one tier, the last with min 0',
  needsIcp: 'needs at least one ICP id, e.g. [mid-market-saas]',
  // Rules
  noOperator: (operators: string) => `has no operator: add exactly one of ${operators}`,
  manyOperators: (count: number, operators: string) =>
    `has ${count} operators (${operators}): keep exactly one, or split it into several rules`,
  levelsAndMore: (fields: string) =>
    `has both levels and ${fields}: a graded signal puts its operator and points inside each level`,
  missingPoints: 'is missing: add points, a whole number from -100 to 100',
  wrongOperator: (op: string, expected: string, attribute: string, type: string, fitting: string) =>
    `operator ${q(op)} is for ${expected} attributes, but ${q(attribute)} is a ${type}: use ${fitting}`,
  /** `[1000, 50]` or a typical range written high first. */
  emptyRange: (written: string, fixed: string) => `${written} is empty: write the lower bound first, e.g. ${fixed}`,
  // One ICP
  pointsTotal: (best: number, total: number, parts: string) =>
    `best positive points total ${best}, not ${total} (${parts}): change points so the best possible account scores exactly ${total}`,
  tierNotBelow: (min: number, previousMin: number, previousLabel: string) =>
    `is ${min}, not below ${previousMin} of ${q(previousLabel)}: list tiers highest first with strictly descending min`,
  sameTierLabel: (label: string, tier: number) =>
    `${q(label)} is already the label of tier ${tier}: give each tier its own label (known accounts expect tiers by label)`,
  lastTierMin: (min: number) =>
    `is ${min}: the last tier must have min 0 so every account that passes the filters gets a tier`,
  // Market
  noFigure: (tam: boolean) =>
    `has no figure: give value (top-down), accounts and acv (bottom-up)${tam ? '' : ', or share of the level above'}`,
  mixedFigures: (forms: readonly string[] | string) =>
    `mixes ${[forms].flat().join(' and ')}: give only one of value, accounts (with acv) or share`,
  acvWithValue: 'goes with accounts, not with value: remove acv or replace value by accounts',
  needsAcv: 'needs an acv (average contract value) to become money: add acv here or on tam',
  shareOnTam: 'is not possible on tam (there is no level above): give value, or accounts and acv',
  samOverTam: (sam: number, tam: number) =>
    `is larger than tam (${grouped(sam, 'en-US')} > ${grouped(tam, 'en-US')}): SAM is the part of TAM that passes the filters, so SOM ≤ SAM ≤ TAM`,
  somOverSam: (som: number, sam: number) =>
    `is larger than sam (${grouped(som, 'en-US')} > ${grouped(sam, 'en-US')}): SOM is the part of SAM you can win, so SOM ≤ SAM ≤ TAM`,
  // attributes.yaml
  sameAttributeId: (id: string, index: number, line: number) =>
    `${q(id)} is already the id of attribute ${index} (line ${line}): ids must be unique, rename one`,
  sameOptionId: (option: string, attribute: string) =>
    `option ${q(option)} appears twice in ${q(attribute)}: option ids must be unique`,
  maxBelowMin: (max: number, min: number) => `is ${max}, below min ${min}: swap them`,
  columnNameTaken: (name: string, owner: string, firstName: string, where: string) =>
    `${q(name)} already names attribute ${q(owner)} (${q(firstName)} at ${where}): a column name (id, label or alias, ignoring case and accents) may belong to one attribute only, remove or change one`,
  optionNameTaken: (name: string, owner: string, firstName: string, where: string) =>
    `${q(name)} already names option ${q(owner)} (${q(firstName)} at ${where}): a value (id, label or alias, ignoring case and accents) may belong to one option only, remove or change one`,
  // Fields zod could not match
  missing: 'is missing',
  needsDiscriminator: (field: string, types: string) => `needs a ${field}: one of ${types}`,
  notADiscriminator: (given: string, field: string, types: string) => `${q(given)} is not a ${field}: use ${types}`,
  notValidHere: (what: string) => `is not valid here (${what})`,
  /** A number or true/false where something else was expected. */
  describeValue: (type: string, value: string) => `${type} ${value}`,
  // Known accounts (content/accounts/*.csv)
  notAnOutcome: (value: string) => `${q(value)} is not an outcome: write won, lost or open, or leave the cell empty`,
  notATier: (value: string, out: string, labels: string) =>
    `${q(value)} is not a tier of an active ICP: write ${out} or one of ${labels}`,
  tierMismatch: (expected: string, got: string, why: string) =>
    `expected ${q(expected)}, got ${q(got)} (${why}): a change to filters or points moved this known account; fix the row if its values are wrong, or update expect if the new result is right`,
  whyNoIcp: 'there is no active ICP',
  whyOut: (icp: string, failed: readonly string[] | string) => `best fit ${icp}: ${[failed].flat().join('; ')}`,
  whyScore: (score: number, icp: string, unknown: number) =>
    `score ${score} on ${icp}${unknown > 0 ? `, ${unknown} filter${unknown === 1 ? '' : 's'} unknown` : ''}`,
};

export type RuleMessages = typeof en;

const fr: RuleMessages = {
  notEmpty: 'ne doit pas être vide',
  idFormat: `ne doit contenir que des minuscules, des chiffres et des tirets (par exemple ${g('mid-market')})`,
  keyFormat: `ne doit contenir que des minuscules, des chiffres, des tirets et des tirets bas (par exemple ${g('hiring_revops')})`,
  wholeNumber: 'doit être un nombre entier',
  wholeDays: 'doit être un nombre entier de jours',
  wholeAccounts: 'doit être un nombre entier de comptes',
  atLeast: (min) => `doit valoir au moins ${min}`,
  atMost: (max) => `doit valoir au plus ${max}`,
  between: (low, high) => `doit être compris entre ${low} et ${high}`,
  fraction: (example) =>
    `doit être compris entre 0 et 1 (${String(example).replace('.', ',')} veut dire ${Math.round(example * 100)}${N}%)`,
  finite: 'doit être un nombre fini',
  notNegative: 'ne doit pas être négatif',
  year: 'doit être une année écrite en entier, entre 1900 et 2200 (par exemple 2026)',
  positiveScale: `doit être un nombre positif, par exemple 0.000001 pour des euros lus en M€`,
  scaleOnlyForNumbers: `{ column, scale } ne vaut que pour les attributs de type number${N}: écrivez le nom de colonne seul`,
  columnName: 'doit être un nom de colonne (un texte non vide)',
  currencyCode: 'doit être un code ISO 4217 en majuscules, par exemple EUR',
  currency: `n’est pas un code de devise ISO 4217${N}: utilisez par exemple EUR, USD ou GBP`,
  repositoryUrl: 'doit être une adresse http(s), par exemple https://github.com/acme/playbook',
  editUrl:
    'doit être une adresse http(s) contenant {path}, par exemple https://git.acme.internal/playbook/edit/{branch}/{path}',
  editUrlPath: `ne contient pas {path}${N}: placez {path} là où va le chemin du fichier, par exemple https://git.acme.internal/playbook/edit/{branch}/{path}`,
  siteUrl:
    'doit être l’adresse http(s) complète où le playbook est publié, par exemple https://acme.github.io/playbook/',
  mediaHost: `doit être un nom d’hôte en minuscules comme cdn.example.com${N}: sans https://, sans chemin, sans port`,
  needsAttribute: 'doit contenir au moins un attribut',
  needsTwoOptions: 'doit avoir au moins deux options',
  needsOption: 'doit avoir au moins une option',
  needsOptionId: 'doit contenir au moins un identifiant d’option',
  needsFilter: `doit avoir au moins un filtre${N}: qu’est-ce qui exclut un compte de cet ICP${N}?`,
  needsSignal: 'doit avoir au moins un signal',
  needsLevel: 'doit avoir au moins un niveau',
  needsTier: 'doit avoir au moins un tier, le dernier avec min 0',
  needsIcp: 'doit contenir au moins un identifiant d’ICP, par exemple [pme-services]',
  noOperator: (operators) => `n’a pas d’opérateur${N}: ajoutez-en exactement un parmi ${operators}`,
  manyOperators: (count, operators) =>
    `a ${count} opérateurs (${operators})${N}: gardez-en exactement un, ou découpez la règle en plusieurs`,
  levelsAndMore: (fields) =>
    `a à la fois levels et ${fields}${N}: un signal gradué met son opérateur et ses points dans chaque niveau`,
  missingPoints: `est absent${N}: ajoutez points, un nombre entier de -100 à 100`,
  wrongOperator: (op, expected, attribute, type, fitting) =>
    `l’opérateur ${g(op)} est pour les attributs de type ${expected}, or ${g(attribute)} est de type ${type}${N}: utilisez ${fitting}`,
  emptyRange: (written, fixed) => `${written} est vide${N}: écrivez d’abord la borne basse, par exemple ${fixed}`,
  pointsTotal: (best, total, parts) =>
    `le meilleur total de points positifs fait ${best}, pas ${total} (${parts})${N}: changez les points pour que le meilleur compte possible obtienne exactement ${total}`,
  tierNotBelow: (min, previousMin, previousLabel) =>
    `vaut ${min}, pas moins que ${previousMin} de ${g(previousLabel)}${N}: listez les tiers du plus haut au plus bas, avec des min strictement décroissants`,
  sameTierLabel: (label, tier) =>
    `${g(label)} est déjà le libellé du tier ${tier}${N}: donnez à chaque tier son propre libellé (les comptes connus attendent les tiers par leur libellé)`,
  lastTierMin: (min) =>
    `vaut ${min}${N}: le dernier tier doit avoir min 0 pour que chaque compte qui passe les filtres ait un tier`,
  noFigure: (tam) =>
    `n’a pas de chiffre${N}: donnez value (descendant), accounts et acv (ascendant)${tam ? '' : ', ou share du niveau au-dessus'}`,
  mixedFigures: (forms) =>
    `mélange ${[forms].flat().join(' et ')}${N}: donnez un seul de value, accounts (avec acv) ou share`,
  acvWithValue: `va avec accounts, pas avec value${N}: retirez acv ou remplacez value par accounts`,
  needsAcv: `a besoin d’un acv (valeur moyenne d’un contrat) pour devenir un montant${N}: ajoutez acv ici ou sur tam`,
  shareOnTam: `n’est pas possible sur tam (il n’y a pas de niveau au-dessus)${N}: donnez value, ou accounts et acv`,
  samOverTam: (sam, tam) =>
    `est plus grand que tam (${grouped(sam, 'fr-FR')} > ${grouped(tam, 'fr-FR')})${N}: le SAM est la part du TAM qui passe les filtres, donc SOM ≤ SAM ≤ TAM`,
  somOverSam: (som, sam) =>
    `est plus grand que sam (${grouped(som, 'fr-FR')} > ${grouped(sam, 'fr-FR')})${N}: le SOM est la part du SAM que vous pouvez gagner, donc SOM ≤ SAM ≤ TAM`,
  sameAttributeId: (id, index, line) =>
    `${g(id)} est déjà l’identifiant de l’attribut ${index} (ligne ${line})${N}: les identifiants doivent être uniques, renommez l’un des deux`,
  sameOptionId: (option, attribute) =>
    `l’option ${g(option)} apparaît deux fois dans ${g(attribute)}${N}: les identifiants d’option doivent être uniques`,
  maxBelowMin: (max, min) => `vaut ${max}, moins que min ${min}${N}: inversez-les`,
  columnNameTaken: (name, owner, firstName, where) =>
    `${g(name)} nomme déjà l’attribut ${g(owner)} (${g(firstName)} en ${where})${N}: un nom de colonne (identifiant, libellé ou alias, sans tenir compte de la casse ni des accents) n’appartient qu’à un attribut, retirez ou changez l’un des deux`,
  optionNameTaken: (name, owner, firstName, where) =>
    `${g(name)} nomme déjà l’option ${g(owner)} (${g(firstName)} en ${where})${N}: une valeur (identifiant, libellé ou alias, sans tenir compte de la casse ni des accents) n’appartient qu’à une option, retirez ou changez l’une des deux`,
  missing: 'est absent',
  needsDiscriminator: (field, types) => `a besoin d’un ${field}${N}: l’un de ${types}`,
  notADiscriminator: (given, field, types) => `${g(given)} n’est pas un ${field} possible${N}: utilisez ${types}`,
  notValidHere: (what) => `n’est pas valable ici (${what})`,
  describeValue: (type, value) =>
    `${{ number: 'le nombre', boolean: 'la valeur', bigint: 'le nombre' }[type] ?? type} ${value}`,
  notAnOutcome: (value) =>
    `${g(value)} n’est pas un résultat${N}: écrivez won, lost ou open, ou laissez la cellule vide`,
  notATier: (value, out, labels) =>
    `${g(value)} n’est pas un tier d’un ICP actif${N}: écrivez ${out} ou l’un de ${labels}`,
  tierMismatch: (expected, got, why) =>
    `attendu ${g(expected)}, obtenu ${g(got)} (${why})${N}: un changement de filtres ou de points a déplacé ce compte connu${N}; corrigez la ligne si ses valeurs sont fausses, ou mettez expect à jour si le nouveau résultat est juste`,
  whyNoIcp: 'il n’y a aucun ICP actif',
  whyOut: (icp, failed) => `meilleur ICP ${icp}${N}: ${[failed].flat().join(`${N}; `)}`,
  whyScore: (score, icp, unknown) =>
    `score ${score} sur ${icp}${unknown > 0 ? `, ${unknown} filtre${unknown === 1 ? '' : 's'} inconnu${unknown === 1 ? '' : 's'}` : ''}`,
};

export const ruleMessages = { en, fr };
