import type { Locale } from './locales.ts';

/**
 * Messages of the content tools (npm run validate, npm run new, the dev server's problem panel),
 * in the playbook's language. French uses a narrow no-break space (U+202F) before : ; ? ! and
 * « guillemets ».
 */
const en = {
  validate: {
    noContentFolder: (dir: string) =>
      `No content folder at ${dir}: create it (see README, "Content contract"), or start one with npm run new -- playbook.`,
    crashed: (message: string) =>
      `The validator stopped on an unexpected error (${message}). Please report it with the file you changed.`,
    problems: (count: number) =>
      `${count} problem${count === 1 ? '' : 's'} in content: fix ${count === 1 ? 'it' : 'them'} and run npm run validate again.`,
    valid: (icps: number, personas: number, pages: number, attributes: number, ms: number) =>
      `Content is valid: ${icps} ICPs, ${personas} personas, ${pages} pages, ${attributes} attributes (${ms} ms).`,
  },
  new: {
    usage:
      'Usage: npm run new -- icp|persona|page <id>   (id: lowercase letters, digits, hyphens), or npm run new -- playbook [--locale en|fr]',
    unknownKind: (kind: string) => `Unknown kind "${kind}": use icp, persona, page or playbook.`,
    badLocale: (locale: string, locales: string) =>
      `"${locale}" is not a playbook language: use --locale with one of ${locales}.`,
    noContent: (dir: string) =>
      `No content folder at ${dir}: start a playbook with npm run new -- playbook (add --locale fr for French).`,
    notEmpty: (dir: string) =>
      `${dir} already holds a playbook: a new one starts in an empty folder (move it away, or set ICP_CONTENT_DIR to another folder).`,
    exists: (file: string) => `${file} already exists: choose another id or edit that file.`,
    badId: (id: string, suggestion: string) =>
      `"${id}" is not a valid id: use lowercase letters, digits and hyphens, e.g. ${suggestion}`,
    noAttribute: 'attributes.yaml has no attribute: add one before creating an ICP',
    noIcp: 'content/icps/ is empty: create an ICP first (npm run new -- icp <id>)',
    created: (file: string) => `Created ${file}: replace every "REPLACE ME" text, then run npm run validate.`,
    startedPlaybook: (dir: string, files: string) =>
      `Started a playbook in ${dir} (${files}): replace every "REPLACE ME" text — npm run validate lists them — then add your ICPs, personas and guides.`,
    owner: 'Your Name',
    exampleIds: { icp: 'first-icp', persona: 'first-persona', page: 'first-guide', accounts: 'known-accounts' },
  },
  panel: {
    title: (count: number) => `${count} problem${count === 1 ? '' : 's'} in the content`,
    intro:
      'The playbook cannot be shown until the content is valid. Each line gives the file, line and column, the field, what is wrong and how to fix it — as npm run validate prints it.',
    waiting: 'Save the file: this page comes back by itself once the content is valid.',
    crashed:
      'The content could not be checked (an unexpected error in the validator). Run npm run validate in a terminal for the details.',
  },
};

export type ContentMessages = typeof en;

const fr: ContentMessages = {
  validate: {
    noContentFolder: (dir: string) =>
      `Aucun dossier de contenu à ${dir}\u202f: créez-le (voir le README, « Content contract »), ou commencez-en un avec npm run new -- playbook.`,
    crashed: (message: string) =>
      `Le validateur s’est arrêté sur une erreur inattendue (${message}). Signalez-la avec le fichier que vous avez modifié.`,
    problems: (count: number) =>
      `${count} problème${count === 1 ? '' : 's'} dans le contenu\u202f: corrigez-${count === 1 ? 'le' : 'les'} puis relancez npm run validate.`,
    valid: (icps: number, personas: number, pages: number, attributes: number, ms: number) =>
      `Le contenu est valide\u202f: ${icps} ICP, ${personas} personas, ${pages} pages, ${attributes} attributs (${ms} ms).`,
  },
  new: {
    usage:
      'Usage\u202f: npm run new -- icp|persona|page <id>   (id\u202f: minuscules, chiffres, tirets), ou npm run new -- playbook [--locale en|fr]',
    unknownKind: (kind: string) => `Type « ${kind} » inconnu\u202f: utilisez icp, persona, page ou playbook.`,
    badLocale: (locale: string, locales: string) =>
      `« ${locale} » n’est pas une langue de playbook\u202f: utilisez --locale avec l’une de ${locales}.`,
    noContent: (dir: string) =>
      `Aucun dossier de contenu à ${dir}\u202f: commencez un playbook avec npm run new -- playbook --locale fr.`,
    notEmpty: (dir: string) =>
      `${dir} contient déjà un playbook\u202f: un nouveau commence dans un dossier vide (déplacez-le, ou indiquez un autre dossier avec ICP_CONTENT_DIR).`,
    exists: (file: string) => `${file} existe déjà\u202f: choisissez un autre identifiant ou modifiez ce fichier.`,
    badId: (id: string, suggestion: string) =>
      `« ${id} » n’est pas un identifiant valide\u202f: minuscules, chiffres et tirets, par exemple ${suggestion}`,
    noAttribute: 'attributes.yaml n’a aucun attribut\u202f: ajoutez-en un avant de créer un ICP',
    noIcp: 'content/icps/ est vide\u202f: créez d’abord un ICP (npm run new -- icp <id>)',
    created: (file: string) =>
      `${file} créé\u202f: remplacez chaque texte « À REMPLACER », puis lancez npm run validate.`,
    startedPlaybook: (dir: string, files: string) =>
      `Playbook commencé dans ${dir} (${files})\u202f: remplacez chaque texte « À REMPLACER » — npm run validate les liste —, puis ajoutez vos ICP, personas et guides.`,
    owner: 'Votre nom',
    exampleIds: { icp: 'premier-icp', persona: 'premier-persona', page: 'premier-guide', accounts: 'comptes-connus' },
  },
  panel: {
    title: (count: number) => `${count} problème${count === 1 ? '' : 's'} dans le contenu`,
    intro:
      'Le playbook ne peut pas s’afficher tant que le contenu n’est pas valide. Chaque ligne donne le fichier, la ligne et la colonne, le champ, ce qui ne va pas et comment le corriger — comme l’affiche npm run validate.',
    waiting: 'Enregistrez le fichier\u202f: cette page revient d’elle-même dès que le contenu est valide.',
    crashed:
      'Le contenu n’a pas pu être vérifié (une erreur inattendue du validateur). Lancez npm run validate dans un terminal pour le détail.',
  },
};

const tables: Record<Locale, ContentMessages> = { en, fr };

/** The content tools' messages in `locale`. */
export function getContentMessages(locale: Locale): ContentMessages {
  return tables[locale];
}
