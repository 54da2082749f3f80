import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { parseFontMetrics } from '../../src/lib/slides/font-metrics.ts';
import { createTextKit, type TextStyle } from '../../src/lib/slides/text-kit.ts';
import { box } from '../../src/lib/slides/element.ts';
import { FONT_FAMILY } from '../../src/lib/slides/theme.ts';
import { loadFonts } from '../../src/slides/fonts-fs.ts';
import { createNodeTextKit } from '../../src/slides/text-kit-fs.ts';

const interFiles = join(dirname(createRequire(import.meta.url).resolve('@fontsource/inter/package.json')), 'files');
const style: TextStyle = { fontSize: 40, fontWeight: 400, color: '#000000' };
const PUA = /[\uE000-\uF8FF]/u;

describe('parseFontMetrics', () => {
  const latin = parseFontMetrics(readFileSync(join(interFiles, 'inter-latin-400-normal.woff')), (b) => inflateSync(b));

  it('reads Inter’s units per em and vertical metrics', () => {
    expect(latin).toMatchObject({ unitsPerEm: 2048, ascender: 1984, descender: -494 });
  });

  it.each(['a', 'é', '«', '»', '’', 'œ', '—', '€', '…', '×'])('covers %s', (char) => {
    expect(latin.advances.get(char.codePointAt(0)!)).toBeGreaterThan(0);
  });

  it.each(['≥', '→', '中', 'ع'])('does not cover %s (the npm subsets leave it out)', (char) => {
    expect(latin.advances.has(char.codePointAt(0)!)).toBe(false);
  });

  it('refuses WOFF2 with a message that names the fix', () => {
    expect(() => parseFontMetrics(readFileSync(join(interFiles, 'inter-latin-400-normal.woff2')))).toThrow(
      /pass the \.woff file/,
    );
  });
});

describe('createTextKit with Inter and Twemoji', () => {
  it.each([
    ['French ligatures, apostrophe and dash', 'Qui est dans l’ICP — cœur, 48 M€', 'Qui est dans l’ICP — cœur, 48 M€'],
    ['whitespace', '  two\n\tlines  ', 'two lines'],
    [
      'French punctuation, kept with its word',
      '« cœur » : oui ; non ! quoi ?',
      '«\u00A0cœur\u00A0»\u00A0: oui\u00A0; non\u00A0! quoi\u00A0?',
    ],
    [
      'no-break spaces from Intl (the narrow one, missing from Inter, as a thin space)',
      '14\u202F200\u00A0€',
      '14\u2009200\u00A0€',
    ],
    ['decomposed accents (NFC)', 'e\u0301le\u0300ve', 'élève'],
    [
      'Greek, Cyrillic and Vietnamese (Inter subsets that are loaded)',
      'Ωμέγα Привет Tiếng Việt',
      'Ωμέγα Привет Tiếng Việt',
    ],
    ['CJK, which Inter lacks', 'Japan 日本 office', 'Japan office'],
    ['Arabic, with the gap closed before punctuation', 'Arabic: شركات البرمجيات.', 'Arabic:.'],
    ['an emoji Twemoji lacks', 'Ship \u{1F6D8} fast', 'Ship fast'],
    [
      'zero-width joiners and other invisible format characters, keeping the letter before them',
      'wid\u200Cth wid\u200Dth so\u00ADft zero\u200Bwidth \u200Eltr',
      'width width soft zerowidth ltr',
    ],
    ['a letter with combining marks no precomposed character has', 'Q\u0301\u0303 q\u0300', 'Q\u0301\u0303 q\u0300'],
    ['a letter with a mark the fonts lack: the letter stays', 'Z\u0337algo', 'Zalgo'],
    ['an emoji ZWJ sequence, kept whole', 'Dev 👩\u200D💻 team', 'Dev 👩\u200D💻 team'],
  ])('prepares %s', (_, input, expected) => {
    expect(createNodeTextKit().prepare(input, style)).toBe(expected);
  });

  it('keeps emoji Twemoji has and registers their images', () => {
    const kit = createNodeTextKit();
    expect(kit.prepare('🚀 Launch 🇫🇷 ❤️', style)).toBe('🚀 Launch 🇫🇷 ❤️');
    const images = kit.images();
    expect(Object.keys(images).sort()).toEqual(['❤️', '🇫🇷', '🚀'].sort());
    for (const uri of Object.values(images)) expect(uri).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('draws ≥ as a symbol image in the colour and weight of the text, without the spaces around it', () => {
    const kit = createNodeTextKit();
    const dark = kit.prepare('score ≥ 70', style);
    const light = kit.prepare('score ≥ 70', { ...style, color: '#FFFFFF' });
    expect(dark).toMatch(/^score[\uE000-\uF8FF]70$/u);
    expect(light).toMatch(PUA);
    expect(dark).not.toBe(light);
    const images = kit.images();
    expect(atob(images[dark.match(PUA)![0]]!.split(',')[1]!)).toContain('stroke="#000000"');
    expect(atob(images[light.match(PUA)![0]]!.split(',')[1]!)).toContain('stroke="#FFFFFF"');
  });

  it.each([
    ['a letter, in capitals', 'élan', 'É'],
    ['an emoji, whole (never half a surrogate pair)', '🚀 Léa', '🚀'],
    ['a flag', '🇫🇷 Paris', '🇫🇷'],
    ['the first drawable letter', '日本 Sakura', 'S'],
    ['nothing when nothing can be drawn', '日本', ''],
  ])('gives the initial of %s', (_, text, initial) => {
    const kit = createNodeTextKit();
    expect(kit.initial(text, style)).toBe(initial);
    if (/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(initial)) expect(kit.images()).toHaveProperty(initial);
  });

  it.each([
    ['French, symbols, emoji and joiners', 'Cœur « ≥ 200 » 🚀 👩\u200D💻 wid\u200Cth Q\u0301\u0303', []],
    [
      'CJK and Arabic, character by character',
      '日本 شر',
      [
        { kind: 'no-glyph', char: '日' },
        { kind: 'no-glyph', char: '本' },
        { kind: 'no-glyph', char: 'ش' },
        { kind: 'no-glyph', char: 'ر' },
      ],
    ],
    ['a mark the fonts lack', 'Z\u0337', [{ kind: 'no-glyph', char: '\u0337' }]],
    [
      'three marks on one letter',
      'q\u0301\u0300\u0303',
      [{ kind: 'stacked-marks', grapheme: 'q\u0301\u0300\u0303', marks: 3 }],
    ],
    ['an emoji Twemoji lacks', 'Ship \u{1F6D8}', [{ kind: 'no-glyph', char: '\u{1F6D8}' }]],
    ['a control character', 'a\u0007b', [{ kind: 'no-glyph', char: '\u0007' }]],
    [
      'plain text, then one character the fonts lack',
      'Mid-market SaaS, 50–500 people: 本',
      [{ kind: 'no-glyph', char: '本' }],
    ],
    [
      'plain text, then one mark too many',
      'Revenue operations q\u0301\u0300\u0303',
      [{ kind: 'stacked-marks', grapheme: 'q\u0301\u0300\u0303', marks: 3 }],
    ],
    ['plain text only', 'Mid-market SaaS, 50–500 people, “€2M” (ARR) & more!', []],
  ])('lists what cannot be drawn: %s', (_, text, expected) => {
    expect(createNodeTextKit().undrawable(text)).toEqual(expected);
  });

  it('prepares text idempotently', () => {
    const kit = createNodeTextKit();
    const once = kit.prepare('≥ 70 🚀 élan 中', style);
    expect(kit.prepare(once, style)).toBe(once);
  });

  it('measures images as one em, like satori', () => {
    const kit = createTextKit({ fonts: loadFonts().metrics, safety: 1 });
    const text = kit.prepare('≥', style);
    expect(kit.measure(text, style)).toBe(40);
  });

  it('adds letter spacing after every character, like CSS', () => {
    const kit = createTextKit({ fonts: loadFonts().metrics, safety: 1 });
    expect(kit.measure('ABC', { ...style, letterSpacing: 2 }) - kit.measure('ABC', style)).toBeCloseTo(6);
  });

  it('needs at least one weight', () => {
    expect(() => createTextKit({ fonts: new Map() })).toThrow(/at least one font weight/);
  });

  describe.each([
    { fontWeight: 400, fontSize: 25 },
    { fontWeight: 700, fontSize: 66 },
    { fontWeight: 500, fontSize: 18, letterSpacing: 2.4 },
  ])('measures like satori lays out (weight $fontWeight, $fontSize px)', (variant) => {
    const samples = [
      'Mid-market B2B SaaS scale-ups',
      'Headquartered in one of our five core markets',
      'Effectif ≥ 200 salariés — « cœur »',
      'WAVY Tj fj AV To 1,000 €',
      'Łódź, Kraków — Ωμέγα, Привет, Tiếng Việt',
    ];
    it.each(samples)('"%s" is never wider than measured, and within 6 % (kerning narrows it)', async (sample) => {
      const kit = createNodeTextKit();
      const textStyle: TextStyle = { ...variant, color: '#000000' };
      const text = kit.prepare(sample, textStyle);
      const widths: number[] = [];
      const tree = box(
        { width: 1900, height: 100, alignItems: 'flex-start', fontFamily: FONT_FAMILY },
        {
          type: 'span',
          props: {
            style: {
              fontSize: variant.fontSize,
              fontWeight: variant.fontWeight,
              letterSpacing: variant.letterSpacing ?? 0,
              whiteSpace: 'nowrap',
            },
            children: text,
          },
        },
      );
      await satori(tree, {
        width: 1900,
        height: 100,
        fonts: loadFonts().satori,
        graphemeImages: kit.images(),
        onNodeDetected: (node) => {
          if (node.type === 'span') widths.push(node.width);
        },
      });
      const laidOut = widths[0]!;
      const measured = kit.measure(text, textStyle);
      expect(laidOut).toBeGreaterThan(0);
      expect(laidOut).toBeLessThanOrEqual(measured);
      expect(laidOut).toBeGreaterThan(measured * 0.94);
    });
  });
});
