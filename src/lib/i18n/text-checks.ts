// Validator messages about text (control characters, lengths, characters the slides cannot
// draw), in each playbook locale. French uses a narrow no-break space before : ; ? ! and « ».
import type { Locale } from './locales.ts';

export type TextSlotName = 'title' | 'name' | 'role' | 'summary' | 'label' | 'tier' | 'brand' | 'owner' | 'text';

export interface TextCheckMessages {
  /** A control character (NUL, ESC, BEL...) in the file. */
  control: (codePoint: string) => string;
  /** A text longer than its slot's cap. */
  tooLong: (length: number, limit: number, slot: TextSlotName) => string;
  /** A text made only of invisible characters. */
  invisibleOnly: (codePoints: string) => string;
  /** A character the slides cannot draw. */
  noGlyph: (char: string, codePoint: string) => string;
  /** A letter with more combining marks than slides stack. */
  stackedMarks: (grapheme: string, marks: number) => string;
}

const N = '\u202F';

/** Each slot, as "over the N characters allowed for …", then the fix. */
const SLOT_EN: Record<TextSlotName, [string, string]> = {
  title: ['a title (slides cut it after two lines)', 'shorten it and put the detail in the summary or the body'],
  name: ['a name (one line on the slide)', 'shorten it'],
  role: ['a role (two lines on the slide)', 'shorten it'],
  summary: ['a one-paragraph field', 'shorten it and move the rest into the body'],
  label: ['a label (two lines on the slide)', 'shorten it and put the detail in `why` or the body'],
  tier: ['a tier name (one line in its chip)', 'use a short name such as "Tier 1"'],
  brand: ['a company or product name (the brand line of the images)', 'use the short name'],
  owner: ['an owner', 'write the person or team name'],
  text: ['a frontmatter field', 'shorten it and move the rest into the body'],
};

const SLOT_FR: Record<TextSlotName, [string, string]> = {
  title: [
    'un titre (les diapositives le coupent après deux lignes)',
    'raccourcissez-le et mettez le détail dans le résumé ou le corps',
  ],
  name: ['un nom (une ligne sur la diapositive)', 'raccourcissez-le'],
  role: ['un rôle (deux lignes sur la diapositive)', 'raccourcissez-le'],
  summary: ['un champ d’un paragraphe', 'raccourcissez-le et déplacez le reste dans le corps'],
  label: ['un libellé (deux lignes sur la diapositive)', 'raccourcissez-le et mettez le détail dans `why` ou le corps'],
  tier: ['un nom de niveau (une ligne dans sa pastille)', `prenez un nom court comme «${N}Tier 1${N}»`],
  brand: ['un nom d’entreprise ou de produit (la ligne de marque des images)', 'prenez le nom court'],
  owner: ['un responsable', 'écrivez le nom de la personne ou de l’équipe'],
  text: ['un champ d’en-tête', 'raccourcissez-le et déplacez le reste dans le corps'],
};

const COVERED_EN = 'their fonts cover Latin, Greek, Cyrillic and Vietnamese letters, plus emoji';
const COVERED_FR = 'leurs polices couvrent les lettres latines, grecques, cyrilliques et vietnamiennes, plus les emoji';

export const textCheckMessages: Record<Locale, TextCheckMessages> = {
  en: {
    control: (cp) =>
      `contains the control character ${cp}, invisible in most editors and never meant for a page: delete it`,
    tooLong: (length, limit, slot) =>
      `is ${length} characters long, over the ${limit} allowed for ${SLOT_EN[slot][0]}: ${SLOT_EN[slot][1]}`,
    invisibleOnly: (cps) => `has no visible character (only ${cps}): write the text`,
    noGlyph: (char, cp) =>
      `contains "${char}" (${cp}), which slides and link previews cannot draw (${COVERED_EN}): remove it or write it in a covered script`,
    stackedMarks: (grapheme, marks) =>
      `has a letter with ${marks} combining marks ("${grapheme}"), which slides cannot stack legibly: keep at most 2 marks per letter`,
  },
  fr: {
    control: (cp) =>
      `contient le caractère de contrôle ${cp}, invisible dans la plupart des éditeurs et sans place sur une page${N}: supprimez-le`,
    tooLong: (length, limit, slot) =>
      `fait ${length}${N}caractères, au-delà des ${limit} admis pour ${SLOT_FR[slot][0]}${N}: ${SLOT_FR[slot][1]}`,
    invisibleOnly: (cps) => `n’a aucun caractère visible (seulement ${cps})${N}: écrivez le texte`,
    noGlyph: (char, cp) =>
      `contient «${N}${char}${N}» (${cp}), que les diapositives et les aperçus de lien ne savent pas dessiner (${COVERED_FR})${N}: retirez-le ou écrivez-le dans une écriture couverte`,
    stackedMarks: (grapheme, marks) =>
      `a une lettre portant ${marks}${N}signes diacritiques combinés («${N}${grapheme}${N}»), que les diapositives ne savent pas empiler lisiblement${N}: gardez-en au plus 2 par lettre`,
  },
};
