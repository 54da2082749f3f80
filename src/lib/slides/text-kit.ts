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
  /** Images for the graphemes used so far: satori's `graphemeImages`. */
  images(): Record<string, string>;
}

const VARIATION = /[\uFE0E\uFE0F]/g;
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
  let out = text
    .replace(/ ?\u0000[\u0000 ]*(?=[.,;:!?)\]}»])/g, '')
    .replace(/ ?\u0000[\u0000 ]*/g, ' ');
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

  const prepare = (text: string, style: TextStyle): string => {
    const fonts = fontsFor(style.fontWeight);
    let out = '';
    for (const g of graphemes(typeset(text.normalize('NFC')))) {
      const bare = g.replace(VARIATION, '');
      if (images.has(g)) out += g;
      else if (!g.includes('\uFE0F') && covered(fonts, bare)) out += bare;
      else if (PICTOGRAPHIC.test(g) && options.emoji?.(g)) {
        images.set(g, options.emoji(g)!);
        out += g;
      } else if (SYMBOLS.has(bare)) out += symbolFor(bare, style);
      // Anything else has no glyph in our fonts: leaving it out beats a "missing glyph" box.
      else out += DROPPED;
    }
    return tidy(out, symbolChars);
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
    images: () => Object.fromEntries(images),
  };
}
