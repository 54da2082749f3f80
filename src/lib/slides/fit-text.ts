// Fits text in a box before satori draws it: wrap at the largest size that fits, else shrink,
// else clamp the last line with an ellipsis. Every line is then drawn on its own and never
// wraps again, so what the template planned is what the image shows.
import { ELLIPSIS } from './theme.ts';

/** Width in pixels of `text` at `fontSize` (the caller binds weight and letter spacing). */
export type MeasureText = (text: string, fontSize: number) => number;

export interface FitRequest {
  /** Text to fit, already prepared (whitespace collapsed, unsupported characters dropped). */
  text: string;
  /** Box width in pixels. */
  width: number;
  /** Most lines allowed. */
  maxLines: number;
  /** Preferred font size. */
  fontSize: number;
  /** Smallest font size before clamping (default: `fontSize`, i.e. never shrink). */
  minFontSize?: number | undefined;
  /** Shrink step in pixels (default 2). */
  step?: number | undefined;
  /** Line height as a multiple of the font size (default 1.25). */
  lineHeight?: number | undefined;
  /** Even out the lines of a text that wraps, as CSS `text-wrap: balance` (for titles). */
  balance?: boolean | undefined;
}

export interface FittedText {
  lines: string[];
  fontSize: number;
  /** Line box height in pixels (rounded up). */
  lineHeight: number;
  /** Total height of the lines in pixels. */
  height: number;
  /** Widest line in pixels. */
  width: number;
  /** True when text was cut and ends with an ellipsis. */
  clamped: boolean;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Printable ASCII: every character is a grapheme of its own (no marks, no CR LF pair). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The grapheme clusters of `text` (what a reader sees as characters). */
export function graphemes(text: string): string[] {
  // Most titles are plain ASCII: splitting them is 4–5× faster than the segmenter, which ran
  // over every drawn text of a 1,000-page playbook for half a second.
  if (PRINTABLE_ASCII.test(text)) return text.split('');
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Splits a word wider than `width` into pieces that fit, grapheme by grapheme. */
function breakWord(word: string, width: number, measure: (text: string) => number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const g of graphemes(word)) {
    if (current && measure(current + g) > width) {
      pieces.push(current);
      current = g;
    } else current += g;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Greedy line breaking at spaces (and inside words that are wider than the box).
 * @example wrapText('one two three', 60, (t) => t.length * 10) // ['one two', 'three']
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const words = text.split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (measure(word) <= width) line = word;
    else {
      const pieces = breakWord(word, width, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
  }
  if (line) lines.push(line);
  return lines;
}

// Punctuation that reads badly right before an ellipsis ("and,…").
const TRAILING = /[\s,;:.\-–—(«"'’]+$/u;

/**
 * The longest start of `text` that fits in `width` with an ellipsis, cut at a word boundary
 * when one is close enough.
 * @example ellipsize('Revenue analytics for B2B teams', 120, measure) // 'Revenue…'
 */
export function ellipsize(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  const chars = graphemes(text);
  let lo = 0;
  let hi = chars.length;
  // Binary search for the most graphemes that fit with the ellipsis.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('').replace(TRAILING, '') + ELLIPSIS) <= width) lo = mid;
    else hi = mid - 1;
  }
  let cut = chars.slice(0, lo).join('');
  const space = cut.lastIndexOf(' ');
  // Prefer a whole word unless that would throw away more than a third of the line.
  if (space > 0 && space >= cut.length * (2 / 3) && lo < chars.length && chars[lo] !== ' ') cut = cut.slice(0, space);
  cut = cut.replace(TRAILING, '');
  return cut ? cut + ELLIPSIS : measure(ELLIPSIS) <= width ? ELLIPSIS : '';
}

/**
 * The same number of lines as greedy wrapping, as even as possible: the narrowest width that
 * does not add a line. "Industrial tech with complex B2B / sales" becomes "Industrial tech with
 * / complex B2B sales".
 */
export function balanceLines(text: string, width: number, measure: (text: string) => number): string[] {
  const greedy = wrapText(text, width, measure);
  if (greedy.length < 2) return greedy;
  let lo = 0;
  let hi = width;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (wrapText(text, mid, measure).length <= greedy.length) hi = mid;
    else lo = mid;
  }
  return wrapText(text, hi, measure);
}

/**
 * Fits `text` in `maxLines` lines of `width`: the largest size from `fontSize` down to
 * `minFontSize` at which it wraps into `maxLines` lines, else `minFontSize` with the last line
 * clamped with an ellipsis.
 * @example fitText({ text, width: 1000, maxLines: 2, fontSize: 72, minFontSize: 56 }, measure)
 */
export function fitText(request: FitRequest, measure: MeasureText): FittedText {
  const { text, width, maxLines, fontSize } = request;
  const minFontSize = Math.min(request.minFontSize ?? fontSize, fontSize);
  const step = request.step ?? 2;
  const ratio = request.lineHeight ?? 1.25;
  const result = (lines: string[], size: number, clamped: boolean): FittedText => {
    const lineHeight = Math.ceil(size * ratio);
    return {
      lines,
      fontSize: size,
      lineHeight,
      height: lines.length * lineHeight,
      width: Math.max(0, ...lines.map((line) => measure(line, size))),
      clamped,
    };
  };
  if (!text) return result([], fontSize, false);
  const sizes: number[] = [];
  for (let size = fontSize; size > minFontSize; size -= step) sizes.push(size);
  sizes.push(minFontSize);
  for (const size of sizes) {
    const at = (t: string) => measure(t, size);
    const lines = wrapText(text, width, at);
    if (lines.length <= maxLines) return result(request.balance ? balanceLines(text, width, at) : lines, size, false);
  }
  const at = (t: string) => measure(t, minFontSize);
  const lines = wrapText(text, width, at);
  const kept = lines.slice(0, Math.max(0, maxLines - 1));
  // Greedy wrapping put the rest on several lines, so it never fits on one: ellipsize cuts it.
  const last = maxLines > 0 ? ellipsize(lines.slice(kept.length).join(' '), width, at) : '';
  return result(last ? [...kept, last] : kept, minFontSize, true);
}
