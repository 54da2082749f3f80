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
      images.set(char, drawSymbol(symbol, style.color, style.fontWeight, baseline)!);
    }
    return char;
  };

  const prepare = (text: string, style: TextStyle): string => {
    const fonts = fontsFor(style.fontWeight);
    let out = '';
    for (const g of graphemes(text.normalize('NFC').replace(/\s+/g, ' '))) {
      if (images.has(g)) out += g;
      else if (!g.includes('\uFE0F') && covered(fonts, g.replace(VARIATION, ''))) out += g.replace(VARIATION, '');
      else if (PICTOGRAPHIC.test(g) && options.emoji?.(g)) {
        images.set(g, options.emoji(g)!);
        out += g;
      } else if (SYMBOLS.has(g.replace(VARIATION, ''))) out += symbolFor(g.replace(VARIATION, ''), style);
      // Anything else has no glyph in our fonts: dropping it beats a "missing glyph" box.
    }
    return out.replace(/ {2,}/g, ' ').trim();
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
