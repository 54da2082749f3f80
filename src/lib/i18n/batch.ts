import type { Locale } from './locales.ts';

/**
 * Strings of the batch scorer's tools on /score/ (mapping step, filters, search, grouped
 * unreadable cells, download choice), in English and French. The drop zone, table and progress
 * strings live in `widget.ts` under `batch`. Plain strings with `{placeholders}`.
 */
const en = {
  filters: {
    label: 'Show only',
    verdicts: 'Verdict',
    tiers: 'Tier (fit accounts)',
    clear: 'Show all',
    /** The name of a chip button: `Fit: 120 accounts`. */
    chip: { one: '{label}: {count} account', other: '{label}: {count} accounts' },
    search: 'Search accounts',
    searchHint: 'Any kept column: company name, domain, CRM id…',
    searchNameOnly: 'This file is large: past its first rows, the search looks in the account name only.',
    matched: { one: '{matched} account of {total} matches.', other: '{matched} accounts of {total} match.' },
    none: 'No account matches. Clear the search or press “Show all”.',
  },
  provisional: 'provisional',
  provisionalTitle: 'Provisional tier: the tier this account gets if its unknown filters pass.',
  download: {
    legend: 'Columns in the download',
    all: 'Every column',
    keys: 'Key columns and results only (safe to re-import into a CRM)',
  },
  mapping: {
    title: 'Match this file to the playbook',
    lead: 'Some columns or values of this file match no attribute or option. Choose what they mean: the file is scored again at once, here in your browser.',
    columnsTitle: 'Columns that match no attribute',
    columnsLead:
      'Leave “Keep as is” for columns that are not attributes (name, id, phone): they are copied to the output unchanged.',
    column: 'Column',
    samples: 'Values such as',
    attribute: 'Read as',
    keep: 'Keep as is',
    scale: 'Unit',
    scaleNone: 'As written',
    valuesTitle: 'Values not recognised',
    /** `Industry (column “Industry”)` */
    valuesOf: '{attribute} (column “{header}”)',
    value: 'Value',
    count: 'Rows',
    option: 'Means',
    leave: 'Not recognised',
    moreValues: { one: 'and {count} other value, less frequent.', other: 'and {count} other values, less frequent.' },
    saveTitle: 'Save this mapping',
    saveLead:
      'Add these lines to content/attributes.yaml, under the attribute (and option) with the same id, so that npm run score and every reader of accounts read files like this one the same way.',
    yamlComment: 'Add to content/attributes.yaml: merge each entry into the attribute (and option) with the same id.',
    copy: 'Copy the lines',
    copied: 'Lines copied',
    copyFailed: 'Select the lines and copy them',
    downloadYaml: 'Download aliases.yaml',
    remembered: 'This browser remembers the mapping for the next file.',
    storageOff: 'This browser does not let the page remember the mapping: save the lines below to keep it.',
    forget: 'Forget this mapping',
    rescored: 'Scored again with your mapping.',
  },
  problems: {
    groupsTitle: 'By column and value, most frequent first',
    column: 'Column',
    value: 'Value',
    count: 'Cells',
    message: 'Problem',
    empty: '(empty)',
    every: 'Every unreadable cell, line by line',
  },
};

export type BatchStrings = typeof en;

const fr: BatchStrings = {
  filters: {
    label: 'Afficher seulement',
    verdicts: 'Verdict',
    tiers: 'Tier (comptes adaptés)',
    clear: 'Tout afficher',
    chip: { one: '{label} : {count} compte', other: '{label} : {count} comptes' },
    search: 'Chercher un compte',
    searchHint: 'Dans toute colonne gardée : nom de la société, domaine, id CRM…',
    searchNameOnly:
      'Ce fichier est volumineux : au-delà des premières lignes, la recherche porte sur le nom du compte seulement.',
    matched: { one: '{matched} compte sur {total} correspond.', other: '{matched} comptes sur {total} correspondent.' },
    none: 'Aucun compte ne correspond. Effacez la recherche ou cliquez sur « Tout afficher ».',
  },
  provisional: 'provisoire',
  provisionalTitle: 'Tier provisoire : le tier de ce compte si ses filtres inconnus sont validés.',
  download: {
    legend: 'Colonnes du fichier téléchargé',
    all: 'Toutes les colonnes',
    keys: 'Colonnes clés et résultats seulement (sûr pour réimporter dans un CRM)',
  },
  mapping: {
    title: 'Faire correspondre ce fichier au playbook',
    lead: 'Des colonnes ou des valeurs de ce fichier ne correspondent à aucun attribut ni aucune option. Choisissez ce qu’elles signifient : le fichier est aussitôt scoré à nouveau, ici dans votre navigateur.',
    columnsTitle: 'Colonnes sans attribut',
    columnsLead:
      'Laissez « Garder telle quelle » pour les colonnes qui ne sont pas des attributs (nom, id, téléphone) : elles sont recopiées sans changement.',
    column: 'Colonne',
    samples: 'Valeurs comme',
    attribute: 'Lire comme',
    keep: 'Garder telle quelle',
    scale: 'Unité',
    scaleNone: 'Telle quelle',
    valuesTitle: 'Valeurs non reconnues',
    valuesOf: '{attribute} (colonne « {header} »)',
    value: 'Valeur',
    count: 'Lignes',
    option: 'Signifie',
    leave: 'Non reconnue',
    moreValues: {
      one: 'et {count} autre valeur, moins fréquente.',
      other: 'et {count} autres valeurs, moins fréquentes.',
    },
    saveTitle: 'Enregistrer cette correspondance',
    saveLead:
      'Ajoutez ces lignes à content/attributes.yaml, sous l’attribut (et l’option) de même id : npm run score et tout lecteur de comptes liront les fichiers comme celui-ci de la même façon.',
    yamlComment:
      'À ajouter à content/attributes.yaml : fusionnez chaque entrée dans l’attribut (et l’option) de même id.',
    copy: 'Copier les lignes',
    copied: 'Lignes copiées',
    copyFailed: 'Sélectionnez les lignes et copiez-les',
    downloadYaml: 'Télécharger aliases.yaml',
    remembered: 'Ce navigateur garde la correspondance pour le prochain fichier.',
    storageOff:
      'Ce navigateur ne permet pas à la page de garder la correspondance : enregistrez les lignes ci-dessous pour la conserver.',
    forget: 'Oublier cette correspondance',
    rescored: 'Scoré à nouveau avec votre correspondance.',
  },
  problems: {
    groupsTitle: 'Par colonne et par valeur, les plus fréquentes d’abord',
    column: 'Colonne',
    value: 'Valeur',
    count: 'Cellules',
    message: 'Problème',
    empty: '(vide)',
    every: 'Chaque cellule illisible, ligne par ligne',
  },
};

const dictionaries: Record<Locale, BatchStrings> = { en, fr };

/** Strings of the batch scorer's tools for the playbook locale (build time; the browser gets them as JSON). */
export function getBatchStrings(locale: Locale): BatchStrings {
  return dictionaries[locale];
}
