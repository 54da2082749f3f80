import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceLines, ellipsize, fitText, graphemes, wrapText } from '../../src/lib/slides/fit-text.ts';

// A monospace stand-in for real metrics: every grapheme is 0.5 em wide.
const mono = (text: string, fontSize = 20) => graphemes(text).length * fontSize * 0.5;
const at20 = (text: string) => mono(text, 20);

describe('wrapText', () => {
  it.each([
    { text: 'one two three', width: 70, lines: ['one two', 'three'] },
    { text: 'one two three', width: 1000, lines: ['one two three'] },
    { text: 'one', width: 30, lines: ['one'] },
    { text: 'abcdefghij', width: 40, lines: ['abcd', 'efgh', 'ij'] },
    { text: 'a abcdefghij b', width: 40, lines: ['a', 'abcd', 'efgh', 'ij b'] },
    { text: '', width: 40, lines: [] },
  ])('breaks "$text" in $width px into $lines', ({ text, width, lines }) => {
    expect(wrapText(text, width, at20)).toEqual(lines);
  });

  it('never makes a line wider than the box', () => {
    const text = 'Headquartered in one of our five core markets with supercalifragilisticexpialidocious words';
    for (const width of [40, 90, 150, 333]) {
      for (const line of wrapText(text, width, at20))
        expect(at20(line), `"${line}" in ${width}px`).toBeLessThanOrEqual(width);
    }
  });
});

describe('ellipsize', () => {
  it('keeps text that fits', () => {
    expect(ellipsize('short', 200, at20)).toBe('short');
  });

  it('cuts at a word boundary when one is close, and ends with an ellipsis', () => {
    expect(ellipsize('Revenue analytics for B2B teams', 200, at20)).toBe('Revenue analytics…');
  });

  it('cuts inside a long word rather than dropping most of the line', () => {
    expect(ellipsize('Internationalisation', 100, at20)).toBe('Internati…');
  });

  it('drops punctuation before the ellipsis', () => {
    expect(ellipsize('Hiring, growing, selling', 100, at20)).toBe('Hiring…');
  });

  it('returns an empty string when not even the ellipsis fits', () => {
    expect(ellipsize('anything', 5, at20)).toBe('');
  });
});

describe('balanceLines', () => {
  it('evens out two lines without adding a third', () => {
    // Greedy: 'Industrial tech with complex B2B' / 'sales'.
    const text = 'Industrial tech with complex B2B sales';
    expect(wrapText(text, 330, at20)).toEqual(['Industrial tech with complex B2B', 'sales']);
    expect(balanceLines(text, 330, at20)).toEqual(['Industrial tech with', 'complex B2B sales']);
  });

  it('leaves a single line alone', () => {
    expect(balanceLines('one two', 500, at20)).toEqual(['one two']);
  });
});

describe('fitText', () => {
  it('balances the lines when asked', () => {
    const fitted = fitText(
      { text: 'Industrial tech with complex B2B sales', width: 330, maxLines: 2, fontSize: 20, balance: true },
      mono,
    );
    expect(fitted.lines).toEqual(['Industrial tech with', 'complex B2B sales']);
  });

  it('keeps the preferred size when the text fits', () => {
    const fitted = fitText({ text: 'one two', width: 200, maxLines: 1, fontSize: 20, minFontSize: 10 }, mono);
    expect(fitted).toMatchObject({ lines: ['one two'], fontSize: 20, clamped: false, lineHeight: 25, height: 25 });
  });

  it('shrinks until the text fits in the allowed lines', () => {
    // 16 graphemes: 160 px at 20 px, 128 px at 16 px.
    const fitted = fitText({ text: 'abcdefg hijklmno', width: 130, maxLines: 1, fontSize: 20, minFontSize: 12 }, mono);
    expect(fitted.fontSize).toBe(16);
    expect(fitted.lines).toEqual(['abcdefg hijklmno']);
    expect(fitted.clamped).toBe(false);
  });

  it('tries the minimum size even when the step jumps past it', () => {
    const fitted = fitText(
      { text: 'abcdefg hijklmno', width: 130, maxLines: 1, fontSize: 20, minFontSize: 15, step: 4 },
      mono,
    );
    expect(fitted.fontSize).toBe(16);
    const atMin = fitText(
      { text: 'abcdefg hijklmnop', width: 130, maxLines: 1, fontSize: 20, minFontSize: 15, step: 4 },
      mono,
    );
    expect(atMin).toMatchObject({ fontSize: 15, clamped: false });
  });

  it('clamps the last line with an ellipsis at the minimum size', () => {
    const text = 'one two three four five six seven eight nine ten';
    const fitted = fitText({ text, width: 100, maxLines: 2, fontSize: 20, minFontSize: 16 }, mono);
    expect(fitted.fontSize).toBe(16);
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines[1]).toMatch(/…$/);
    expect(fitted.clamped).toBe(true);
    for (const line of fitted.lines) expect(mono(line, 16)).toBeLessThanOrEqual(100);
  });

  it('reports the height of the lines and the widest line', () => {
    const fitted = fitText({ text: 'aa bbbb', width: 50, maxLines: 3, fontSize: 20, lineHeight: 1.5 }, mono);
    expect(fitted).toMatchObject({ lines: ['aa', 'bbbb'], lineHeight: 30, height: 60, width: 40 });
  });

  it('gives no lines for empty text', () => {
    expect(fitText({ text: '', width: 50, maxLines: 2, fontSize: 20 }, mono)).toMatchObject({ lines: [], height: 0 });
  });

  it.each([1, 2, 3])('never returns more than %i lines, each within the width', (maxLines) => {
    const text = 'Mid-market and upper-mid-market European B2B software, fintech and insurtech scale-ups '.repeat(3);
    const fitted = fitText({ text, width: 300, maxLines, fontSize: 40, minFontSize: 30 }, mono);
    expect(fitted.lines.length).toBeLessThanOrEqual(maxLines);
    for (const line of fitted.lines) expect(mono(line, fitted.fontSize)).toBeLessThanOrEqual(300);
  });
});

describe('graphemes', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const reference = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

  it.each(['Guide 12, pipeline and renewal', 'a\r\nb', 'e\u0301te\u0301', 'Team 👩‍👩‍👧 🇫🇷', 'tab\there', ''])(
    'splits %j as the grapheme segmenter does',
    (text) => {
      expect(graphemes(text)).toEqual(reference(text));
    },
  );

  it('agrees with the segmenter on any text, ASCII fast path included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        expect(graphemes(text)).toEqual(reference(text));
      }),
      { seed: 20261203, numRuns: 2000 },
    );
  });
});
