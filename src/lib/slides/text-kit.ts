// Everything templates need to put text on an image: prepare a string so that every grapheme
// can be drawn (font glyph, emoji image, drawn symbol, or dropped), measure it with the real
// font metrics, and fit it in a box. One kit per render: it collects the images satori needs.
import type { FontMetrics } from './font-metrics.ts';
import { fitText, graphemes, type FitRequest, type FittedText } from './fit-text.ts';
import { drawSymbol, SYMBOLS } from './symbols.ts';

/** How a piece of text is drawn. */
export interface TextStyle {
  fontSize: number;
  fontWeight: number;
  /** Pixels added after every character, as CSS does. */
  letterSpacing?: number | undefined;
  /** Text colour; drawn symbols take it too. */
  color: string;
}

export interface TextKitOptions {
  /** Font metrics per weight, in fallback order (e.g. Inter latin, then latin-ext). */
  fonts: ReadonlyMap<number, readonly FontMetrics[]>;
  /** The emoji image (a data URI) for a grapheme, or undefined when the emoji set has none. */
  emoji?: ((grapheme: string) => string | undefined) | undefined;
  /** Measured widths are multiplied by this, to absorb rounding and shaping (default 1.02). */
  safety?: number | undefined;
}

export type FitOptions = Omit<FitRequest, 'text' | 'fontSize'>;

export interface TextKit {
  /**
   * The text as it will be drawn: NFC, whitespace collapsed, emoji and symbols the font lacks
   * replaced by images, and characters that cannot be drawn (CJK, Arabic... with Inter) dropped.
   */
  prepare(text: string, style: TextStyle): string;
  /** Width in pixels of prepared text. */
  measure(text: string, style: TextStyle): number;
  /** Prepares, then fits `text` in a box (see {@link fitText}). */
  fit(text: string, style: TextStyle, options: FitOptions): FittedText;
  /**
   * The first grapheme of the prepared text, in capitals: a name's initial for an avatar (an
   * emoji stays whole, never half a surrogate pair). Empty when nothing can be drawn.
   */
  initial(text: string, style: TextStyle): string;
  /**
   * What in `text` the slides cannot draw, for the validator: characters no font, emoji image
   * or drawn symbol covers, and letters carrying more combining marks than can be stacked.
   */
  undrawable(text: string): UndrawableText[];
  /** Images for the graphemes used so far: satori's `graphemeImages`. */
  images(): Record<string, string>;
}

/** A piece of text the slides cannot draw. */
export type UndrawableText =
  /** `char` has no glyph in the fonts, no emoji image and no drawn symbol. */
  | { kind: 'no-glyph'; char: string }
  /** `grapheme` is one letter with more than {@link MAX_MARKS} combining marks. */
  | { kind: 'stacked-marks'; grapheme: string; marks: number };

/**
 * Combining marks drawn on one letter. The fonts' marks have no stacking data that satori reads,
 * so a third mark lands on the second: Vietnamese needs two at most (and NFC composes most).
 */
export const MAX_MARKS = 2;

const VARIATION = /[\uFE0E\uFE0F]/g;
/**
 * Invisible format characters: soft hyphen, zero-width space, joiners (ZWNJ, ZWJ), direction
 * marks, word joiner, BOM. They have no glyph and need none: between letters they draw as
 * nothing. (Inside an emoji sequence a ZWJ is part of the emoji, drawn as one image.)
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const MARK = /\p{M}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
// Private-use code points stand for drawn symbols, one per symbol, colour and weight.
const FIRST_PRIVATE = 0xe000;
// Marks where prepare() left a character out, until tidy() closes the gap.
const DROPPED = '\u0000';

/**
 * Collapses whitespace but keeps no-break spaces (Intl's French numbers use them), and keeps
 * French punctuation with its word: no line starts with » : ; ! ? and none ends with «.
 * Inter has no narrow no-break space (U+202F, French thousands: "14 200"); a thin space looks
 * the same, and lines only ever break at plain spaces.
 */
function typeset(text: string): string {
  return text
    .replace(/[^\S\u00A0\u202F]+/g, ' ')
    .replace(/\u202F/g, '\u2009')
    .replace(/« /g, '«\u00A0')
    .replace(/ ([»:;!?])/g, '\u00A0$1');
}

/**
 * Closes the gaps left by characters that cannot be drawn ("Arabic: \0." → "Arabic:."), and
 * the spaces around drawn symbols, whose one-em box already has room on both sides.
 */
function tidy(text: string, symbols: ReadonlySet<string>): string {
  let out = text.replace(/ ?\u0000[\u0000 ]*(?=[.,;:!?)\]}»])/g, '').replace(/ ?\u0000[\u0000 ]*/g, ' ');
  if (symbols.size > 0) {
    const list = [...symbols].join('');
    out = out.replace(new RegExp(` ?([${list}]) ?`, 'gu'), '$1');
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Creates a kit for one render. */
export function createTextKit(options: TextKitOptions): TextKit {
  const safety = options.safety ?? 1.02;
  const weights = [...options.fonts.keys()].sort((a, b) => a - b);
  if (weights.length === 0) throw new Error('createTextKit needs the metrics of at least one font weight.');
  const fontsFor = (weight: number): readonly FontMetrics[] => {
    const nearest = weights.reduce((best, w) => (Math.abs(w - weight) < Math.abs(best - weight) ? w : best));
    return options.fonts.get(nearest)!;
  };
  const first = fontsFor(400)[0]!;
  // Satori centres a one-em image on the line box; this is where the baseline falls in it.
  const baseline = (1 + (first.ascender + first.descender) / first.unitsPerEm) / 2;
  const images = new Map<string, string>();
  const symbolKeys = new Map<string, string>();
  const symbolChars = new Set<string>();

  const advance = (fonts: readonly FontMetrics[], cp: number): number | undefined => {
    for (const font of fonts) {
      const units = font.advances.get(cp);
      if (units !== undefined) return units / font.unitsPerEm;
    }
    return undefined;
  };
  const covered = (fonts: readonly FontMetrics[], grapheme: string) => {
    for (const char of grapheme) if (advance(fonts, char.codePointAt(0)!) === undefined) return false;
    return true;
  };
  const symbolFor = (symbol: string, style: TextStyle): string => {
    const key = `${symbol}|${style.color}|${style.fontWeight}`;
    let char = symbolKeys.get(key);
    if (!char) {
      char = String.fromCodePoint(FIRST_PRIVATE + symbolKeys.size);
      symbolKeys.set(key, char);
      symbolChars.add(char);
      images.set(char, drawSymbol(symbol, style.color, style.fontWeight, baseline)!);
    }
    return char;
  };

  /** A letter whose marks are not all covered: the letter and the marks the font has. */
  const coveredPart = (fonts: readonly FontMetrics[], grapheme: string): string => {
    const [base, ...marks] = [...grapheme];
    if (!base || MARK.test(base) || !covered(fonts, base)) return '';
    return base + marks.filter((mark) => covered(fonts, mark)).join('');
  };

  const prepare = (text: string, style: TextStyle): string => {
    const fonts = fontsFor(style.fontWeight);
    let out = '';
    for (const g of graphemes(typeset(text.normalize('NFC')))) {
      const bare = g.replace(VARIATION, '');
      const visible = bare.replace(INVISIBLE, '');
      if (images.has(g)) out += g;
      else if (visible === '') continue;
      else if (!g.includes('\uFE0F') && covered(fonts, visible)) out += visible;
      else if (PICTOGRAPHIC.test(g) && options.emoji?.(g)) {
        images.set(g, options.emoji(g)!);
        out += g;
      } else if (SYMBOLS.has(visible)) out += symbolFor(visible, style);
      // Anything else has no glyph in our fonts: leaving it out beats a "missing glyph" box
      // (the validator refuses such text; this is the fallback for text it does not see).
      else out += coveredPart(fonts, visible) || DROPPED;
    }
    return tidy(out, symbolChars);
  };

  // Characters the validator need not look at, whatever grapheme they are in: in the fonts, and
  // no mark, emoji, drawn symbol, variation selector or invisible character. Most texts hold
  // only such characters and need no splitting into graphemes.
  const plainChars = new Map<number, boolean>();
  const isPlain = (char: string): boolean => {
    const codePoint = char.codePointAt(0)!;
    let plain = plainChars.get(codePoint);
    if (plain === undefined) {
      plain =
        covered(fontsFor(400), char) &&
        char.replace(VARIATION, '').replace(INVISIBLE, '') === char &&
        !MARK.test(char) &&
        !PICTOGRAPHIC.test(char) &&
        !SYMBOLS.has(char);
      plainChars.set(codePoint, plain);
    }
    return plain;
  };
  const isPlainText = (text: string): boolean => {
    for (const char of text) if (!isPlain(char)) return false;
    return true;
  };

  const undrawable = (text: string): UndrawableText[] => {
    const fonts = fontsFor(400);
    const found: UndrawableText[] = [];
    const drawn = typeset(text.normalize('NFC'));
    if (isPlainText(drawn)) return found;
    for (const g of graphemes(drawn)) {
      const bare = g.replace(VARIATION, '');
      const visible = bare.replace(INVISIBLE, '');
      if (visible === '' || SYMBOLS.has(visible)) continue;
      if (PICTOGRAPHIC.test(g) && !covered(fonts, visible)) {
        if (!options.emoji?.(g)) found.push({ kind: 'no-glyph', char: g });
        continue;
      }
      for (const char of visible) if (!covered(fonts, char)) found.push({ kind: 'no-glyph', char });
      const marks = [...visible].filter((char) => MARK.test(char)).length;
      if (marks > MAX_MARKS) found.push({ kind: 'stacked-marks', grapheme: visible, marks });
    }
    return found;
  };

  const measure = (text: string, style: TextStyle): number => {
    const fonts = fontsFor(style.fontWeight);
    let em = 0;
    let count = 0;
    for (const g of graphemes(text)) {
      count++;
      if (images.has(g)) em += 1;
      else for (const char of g) em += advance(fonts, char.codePointAt(0)!) ?? 0;
    }
    return (em * style.fontSize + count * (style.letterSpacing ?? 0)) * safety;
  };

  return {
    prepare,
    measure,
    fit: (text, style, fitOptions) =>
      fitText({ ...fitOptions, text: prepare(text, style), fontSize: style.fontSize }, (t, fontSize) =>
        measure(t, { ...style, fontSize }),
      ),
    initial: (text, style) => {
      const first = graphemes(prepare(text, style))[0] ?? '';
      return images.has(first) ? first : (graphemes(prepare(first.toUpperCase(), style))[0] ?? '');
    },
    undrawable,
    images: () => Object.fromEntries(images),
  };
}
