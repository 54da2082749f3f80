import type { Locale } from '../../schemas/playbook.ts';

/**
 * Messages of the content tools (npm run validate, npm run new, the dev server's problem panel),
 * in the playbook's language. French uses a narrow no-break space (U+202F) before : ; ? ! and
 * « guillemets ».
 */
const en = {
  validate: {
    noContentFolder: (dir: string) => `No content folder at ${dir}: create it (see README, "Content contract"), or start one with npm run new -- playbook.`,
    crashed: (message: string) => `The validator stopped on an unexpected error (${message}). Please report it with the file you changed.`,
    problems: (count: number) => `${count} problem${count === 1 ? '' : 's'} in content: fix ${count === 1 ? 'it' : 'them'} and run npm run validate again.`,
    valid: (icps: number, personas: number, pages: number, attributes: number, ms: number) =>
      `Content is valid: ${icps} ICPs, ${personas} personas, ${pages} pages, ${attributes} attributes (${ms} ms).`,
  },
  panel: {
    title: (count: number) => `${count} problem${count === 1 ? '' : 's'} in the content`,
    intro: 'The playbook cannot be shown until the content is valid. Each line gives the file, line and column, the field, what is wrong and how to fix it — as npm run validate prints it.',
    waiting: 'Save the file: this page comes back by itself once the content is valid.',
    crashed: 'The content could not be checked (an unexpected error in the validator). Run npm run validate in a terminal for the details.',
  },
};

export type ContentMessages = typeof en;

const fr: ContentMessages = {
  validate: {
    noContentFolder: (dir: string) =>
      `Aucun dossier de contenu à ${dir}\u202f: créez-le (voir le README, « Content contract »), ou commencez-en un avec npm run new -- playbook.`,
    crashed: (message: string) => `Le validateur s’est arrêté sur une erreur inattendue (${message}). Signalez-la avec le fichier que vous avez modifié.`,
    problems: (count: number) =>
      `${count} problème${count === 1 ? '' : 's'} dans le contenu\u202f: corrigez-${count === 1 ? 'le' : 'les'} puis relancez npm run validate.`,
    valid: (icps: number, personas: number, pages: number, attributes: number, ms: number) =>
      `Le contenu est valide\u202f: ${icps} ICP, ${personas} personas, ${pages} pages, ${attributes} attributs (${ms} ms).`,
  },
  panel: {
    title: (count: number) => `${count} problème${count === 1 ? '' : 's'} dans le contenu`,
    intro:
      'Le playbook ne peut pas s’afficher tant que le contenu n’est pas valide. Chaque ligne donne le fichier, la ligne et la colonne, le champ, ce qui ne va pas et comment le corriger — comme l’affiche npm run validate.',
    waiting: 'Enregistrez le fichier\u202f: cette page revient d’elle-même dès que le contenu est valide.',
    crashed: 'Le contenu n’a pas pu être vérifié (une erreur inattendue du validateur). Lancez npm run validate dans un terminal pour le détail.',
  },
};

const tables: Record<Locale, ContentMessages> = { en, fr };

/** The content tools' messages in `locale`. */
export function getContentMessages(locale: Locale): ContentMessages {
  return tables[locale];
}
