// Symbols Inter's npm subsets do not include (≥, ≤, →, ✓...), drawn as small SVG glyphs in the
// colour and weight of the text around them. Satori draws an image for a grapheme as a square of
// one em, centred on the line box, so the glyphs are drawn in a 100 × 100 box around a baseline.

/** Stroke width (in hundredths of an em) per font weight, close to Inter's stems. */
const STROKE: Record<number, number> = { 400: 7, 500: 8, 600: 9.2, 700: 10.5, 800: 12 };

// Each glyph is a list of polylines, points as [x, y] in em units: x from the left of the
// one-em box, y up from the baseline (Inter: x-height 0.55, cap height 0.73).
type Polyline = [number, number][];
const GLYPHS: Record<string, Polyline[]> = {
  '≥': [
    [
      [0.27, 0.65],
      [0.73, 0.445],
      [0.27, 0.24],
    ],
    [
      [0.27, 0.05],
      [0.73, 0.05],
    ],
  ],
  '≤': [
    [
      [0.73, 0.65],
      [0.27, 0.445],
      [0.73, 0.24],
    ],
    [
      [0.27, 0.05],
      [0.73, 0.05],
    ],
  ],
  '≠': [
    [
      [0.24, 0.46],
      [0.76, 0.46],
    ],
    [
      [0.24, 0.22],
      [0.76, 0.22],
    ],
    [
      [0.62, 0.64],
      [0.38, 0.04],
    ],
  ],
  '→': [
    [
      [0.14, 0.34],
      [0.84, 0.34],
    ],
    [
      [0.6, 0.58],
      [0.84, 0.34],
      [0.6, 0.1],
    ],
  ],
  '←': [
    [
      [0.86, 0.34],
      [0.16, 0.34],
    ],
    [
      [0.4, 0.58],
      [0.16, 0.34],
      [0.4, 0.1],
    ],
  ],
  '↑': [
    [
      [0.5, 0.04],
      [0.5, 0.72],
    ],
    [
      [0.28, 0.5],
      [0.5, 0.72],
      [0.72, 0.5],
    ],
  ],
  '↓': [
    [
      [0.5, 0.72],
      [0.5, 0.04],
    ],
    [
      [0.28, 0.26],
      [0.5, 0.04],
      [0.72, 0.26],
    ],
  ],
  '✓': [
    [
      [0.2, 0.36],
      [0.41, 0.14],
      [0.82, 0.62],
    ],
  ],
  '✗': [
    [
      [0.25, 0.6],
      [0.75, 0.08],
    ],
    [
      [0.75, 0.6],
      [0.25, 0.08],
    ],
  ],
};

/** The symbols this module can draw. */
export const SYMBOLS: ReadonlySet<string> = new Set(Object.keys(GLYPHS));

/**
 * An SVG data URI drawing `symbol` as a one-em glyph; `baseline` is where the font's baseline
 * falls in that box, as a fraction of the em from the top.
 * @example drawSymbol('≥', '#0F172A', 600, 0.864)
 */
export function drawSymbol(symbol: string, color: string, weight: number, baseline: number): string | undefined {
  const glyph = GLYPHS[symbol];
  if (!glyph) return undefined;
  const stroke = STROKE[weight] ?? STROKE[400]!;
  const point = ([x, y]: [number, number]) => `${(x * 100).toFixed(1)} ${((baseline - y) * 100).toFixed(1)}`;
  const d = glyph.map((line) => `M${line.map(point).join(' L')}`).join(' ');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">` +
    `<path d="${d}" fill="none" stroke="${color}" stroke-width="${stroke}" stroke-linecap="butt" stroke-linejoin="miter"/></svg>`;
  return `data:image/svg+xml;base64,${base64(svg)}`;
}

function base64(ascii: string): string {
  // btoa exists in Node and browsers; the SVG above is plain ASCII.
  return btoa(ascii);
}
