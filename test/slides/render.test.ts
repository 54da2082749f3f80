// Renders the templates with the repository's fonts (Inter from @fontsource/inter, Twemoji),
// the way the build does, and checks what is drawn: sizes, that every glyph stays inside its
// region and the canvas, that no character falls back to a missing glyph, and the pixels
// against golden images.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { box, region, type SlideElement } from '../../src/lib/slides/element.ts';
import { icpSlide, type IcpSlideData } from '../../src/lib/slides/icp-slide.ts';
import { ogImage, type OgImageData } from '../../src/lib/slides/og-image.ts';
import { FONT_FAMILY, OG_SIZE, SLIDE_SIZE } from '../../src/lib/slides/theme.ts';
import type { TextKit } from '../../src/lib/slides/text-kit.ts';
import { graphemes } from '../../src/lib/slides/fit-text.ts';
import { loadPlaybookFromDisk } from '../../src/content-fs.ts';
import { listOgPages } from '../../src/lib/slides/og-routes.ts';
import { renderIcpSlide, renderImage, renderSiteImages } from '../../src/slides-fs.ts';
import { drawSvg, encodePng } from '../../src/slides/render-fs.ts';
import { createNodeTextKit } from '../../src/slides/text-kit-fs.ts';
import { closePool } from '../../src/slides/pool-fs.ts';
import { cjk, emoji, example, EXAMPLE_ICP, french, icp, SETTINGS_EN, stress, tricky } from './fixtures.ts';

// Drawing is CPU work, and renderImage starts the worker pool (each worker reads the fonts): on
// a busy two-core machine the first images take several seconds. A limit, not a speed check.
vi.setConfig({ testTimeout: 30_000 });
afterAll(closePool);

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Drawn {
  svg: string;
  /** Every glyph run (one text line) as drawn: the bounding box of its outline. */
  glyphs: Box[];
  /** Named regions of the template, as laid out. */
  regions: { name: string; box: Box }[];
  /** Text segments satori found no font for: each would be drawn as a missing-glyph box. */
  missing: string[];
}

async function draw(tree: SlideElement, size: { width: number; height: number }, kit: TextKit): Promise<Drawn> {
  const regions: Drawn['regions'] = [];
  const missing: string[] = [];
  const svg = await drawSvg(tree, size, kit, {
    onNodeDetected: (node) => {
      const name = node.props['data-region'] as string | undefined;
      if (name)
        regions.push({
          name,
          box: { x0: node.left, y0: node.top, x1: node.left + node.width, y1: node.top + node.height },
        });
    },
    // Satori asks for every segment no font covers, including the graphemes drawn as images
    // (emoji, symbols); only the others would end up as missing-glyph boxes.
    loadAdditionalAsset: (language, segment) => {
      const images = kit.images();
      const uncovered = graphemes(segment).filter((g) => !(g in images) && g.trim() !== '');
      if (uncovered.length > 0) missing.push(`${language}: ${uncovered.join('')}`);
      return Promise.resolve([]);
    },
  });
  return { svg, glyphs: glyphBoxes(svg), regions, missing };
}

/** Satori draws each run of text as one `<path fill d>` of absolute M/L/Q/C/Z commands. */
function glyphBoxes(svg: string): Box[] {
  return [...svg.matchAll(/<path fill="[^"]*" d="([^"]*)"\/>/g)].map(([, d]) => {
    if (!/^[MLQCZ\d\s.,-]*$/.test(d!)) throw new Error(`Unexpected path commands in a text run: ${d!.slice(0, 80)}`);
    const numbers = d!.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  });
}

const inside = (inner: Box, outer: Box, tolerance = 1) =>
  inner.x0 >= outer.x0 - tolerance &&
  inner.y0 >= outer.y0 - tolerance &&
  inner.x1 <= outer.x1 + tolerance &&
  inner.y1 <= outer.y1 + tolerance;
const overlap = (a: Box, b: Box, tolerance = 1) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > tolerance && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > tolerance;

/**
 * Text that a shape drawn after it covers: backgrounds and discs are `<rect>`s and `<path>`s
 * with a box (x, y, width, height); masks and clip paths are definitions, not paint.
 */
function hiddenText(svg: string): string[] {
  const painted = svg.replace(/<(mask|clipPath|defs|pattern)\b[\s\S]*?<\/\1>/g, '');
  const problems: string[] = [];
  const texts: { box: Box; at: number }[] = [];
  for (const match of painted.matchAll(
    /<path fill="[^"]*" d="[^"]*"\/>|<(?:rect|path) x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"[^>]*>/g,
  )) {
    if (match[1] === undefined) {
      texts.push({ box: glyphBoxes(match[0])[0]!, at: match.index });
      continue;
    }
    if (/fill="(none|transparent)"|transform=/.test(match[0])) continue;
    const [x, y, w, h] = [match[1], match[2], match[3], match[4]].map(Number) as [number, number, number, number];
    const shape = { x0: x, y0: y, x1: x + w, y1: y + h };
    for (const text of texts)
      if (overlap(text.box, shape, 2))
        problems.push(
          `text at ${Math.round(text.box.x0)},${Math.round(text.box.y0)} is painted over by a shape at ${x},${y}`,
        );
  }
  return problems;
}

/** Every problem with what was drawn, in words; empty when the image is clean. */
function layoutProblems({ svg, glyphs, regions, missing }: Drawn, size: { width: number; height: number }): string[] {
  const canvas = { x0: 0, y0: 0, x1: size.width, y1: size.height };
  const problems = [...missing.map((m) => `no glyph for ${m}`), ...hiddenText(svg)];
  for (const r of regions) if (!inside(r.box, canvas, 0)) problems.push(`region ${r.name} leaves the canvas`);
  regions.forEach((a, i) =>
    regions
      .slice(i + 1)
      .forEach((b) => overlap(a.box, b.box, 0) && problems.push(`regions ${a.name} and ${b.name} overlap`)),
  );
  glyphs.forEach((g, i) => {
    const at = `text at ${Math.round(g.x0)},${Math.round(g.y0)}–${Math.round(g.x1)},${Math.round(g.y1)}`;
    if (!inside(g, canvas, 0)) problems.push(`${at} leaves the canvas`);
    if (!regions.some((r) => inside(g, r.box))) problems.push(`${at} is outside every region`);
    glyphs.slice(i + 1).forEach((h) => overlap(g, h) && problems.push(`${at} overlaps other text`));
  });
  return problems;
}

const slide = (data: IcpSlideData) => {
  const kit = createNodeTextKit();
  return draw(icpSlide(data, kit), SLIDE_SIZE, kit);
};
const card = (data: OgImageData) => {
  const kit = createNodeTextKit();
  return draw(ogImage(data, kit), OG_SIZE, kit);
};

const twelveSignalsTwoLineTitle: IcpSlideData = {
  ...example,
  icp: icp('twelve', {
    ...EXAMPLE_ICP,
    title: 'Mid-market and upper-mid-market European B2B software scale-ups',
    signals: [
      ...Array.from({ length: 10 }, (_, i) => ({
        label: `Signal number ${i + 1} about hiring, funding or the stack`,
        attribute: 'x',
        is: true,
        points: 10,
      })),
      { label: 'Already on Clari', attribute: 'stack', anyOf: ['clari'], points: -20 },
      { label: 'Already on Gong Forecast', attribute: 'stack', anyOf: ['gong-forecast'], points: -10 },
    ],
  }),
};

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('image sizes', () => {
  it('draws the ICP slide as a 1920 × 1080 SVG and PNG', async () => {
    const kit = createNodeTextKit();
    const image = await renderImage(icpSlide(example, kit), SLIDE_SIZE, kit, 'test', { cache: false });
    expect(image.svg).toMatch(/^<svg width="1920" height="1080" viewBox="0 0 1920 1080"/);
    expect(pngSize(image.png)).toEqual({ width: 1920, height: 1080 });
  });

  it('draws Open Graph cards as 1200 × 630 PNGs', async () => {
    const kit = createNodeTextKit();
    const image = await renderImage(
      ogImage({ settings: SETTINGS_EN, page: { path: '/', kind: 'home', title: 'Northwind' } }, kit),
      OG_SIZE,
      kit,
      'test',
      { cache: false },
    );
    expect(pngSize(image.png)).toEqual({ width: 1200, height: 630 });
  });

  it('draws Open Graph cards without masks, which cost resvg a canvas-sized layer per element', async () => {
    const kit = createNodeTextKit();
    const svg = await drawSvg(
      ogImage(
        { settings: SETTINGS_EN, page: { path: '/guide/', kind: 'page', title: 'Guide', description: 'Read me' } },
        kit,
      ),
      OG_SIZE,
      kit,
    );
    expect(svg).not.toMatch(/ (mask|clip-path)="/);
  });
});

describe('drawing a site’s images (worker pool and cache)', () => {
  it('draws every image of a playbook in the pool into the cache, then finds them all there', async () => {
    const fixture = join(import.meta.dirname, '../fixtures/valid');
    const { model } = loadPlaybookFromDisk(join(fixture, 'content'), fixture);
    const cache = mkdtempSync(join(tmpdir(), 'icp-slides-test-'));
    process.env['ICP_SLIDES_CACHE'] = cache;
    try {
      const expected = model!.icps.length + listOgPages(model!).length;
      const cold = await renderSiteImages(model);
      expect(cold).toEqual({ drawn: expected, cached: 0 });
      expect(readdirSync(cache).filter((f) => f.endsWith('.png'))).toHaveLength(expected);
      expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(await renderSiteImages(model)).toEqual({ drawn: 0, cached: expected });
      const slide = await renderIcpSlide(model!.icps[0]!.id, model);
      expect(pngSize(slide.png)).toEqual({ width: 1920, height: 1080 });
      expect(slide.svg).toMatch(/^<svg /);
    } finally {
      delete process.env['ICP_SLIDES_CACHE'];
      rmSync(cache, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('encodePng', () => {
  it('writes opaque RGBA pixels that decode to the same pixels', () => {
    const width = 37;
    const height = 11;
    const pixels = Buffer.alloc(width * height * 4);
    for (let i = 0; i < width * height; i++) pixels.set([(i * 7) % 256, (i * 13) % 256, (i * 29) % 256, 255], i * 4);
    const png = encodePng(width, height, pixels);
    expect(pngSize(png)).toEqual({ width, height });
    expect(decodePng(png).pixels).toEqual(pixels);
  });
});

describe('nothing overflows, nothing is missing', () => {
  it.each([
    ['the example', example],
    ['a two-line title and twelve signals', twelveSignalsTwoLineTitle],
    ['everything too long (three-line title, nine filters, nine personas, five tiers)', stress],
    ['French text and symbols (é « » ’ œ — ≥ €)', french],
    ['emoji, and a pictograph Twemoji does not have', emoji],
    ['CJK and Arabic text', cjk],
    ['joiners, combining marks, a persona name starting with an emoji', tricky],
  ])('ICP slide: %s', async (_, data) => {
    const drawn = await slide(data);
    expect(drawn.regions.map((r) => r.name).sort()).toEqual([
      'filters',
      'footer',
      'identity',
      'market',
      'personas',
      'signals',
    ]);
    expect(drawn.glyphs.length).toBeGreaterThan(30);
    expect(layoutProblems(drawn, SLIDE_SIZE)).toEqual([]);
  });

  it('ICP slide: the two-line title is drawn whole, and all twelve signals with their points', async () => {
    const drawn = await slide(twelveSignalsTwoLineTitle);
    const signals = drawn.regions.find((r) => r.name === 'signals')!.box;
    // Heading + 12 labels + 12 point pills, and no "+ N more" line.
    expect(drawn.glyphs.filter((g) => inside(g, signals))).toHaveLength(25);
  });

  const longTitle =
    'Objection handling for CFOs who already own a BI tool and think forecasting is a spreadsheet problem, in every market';
  it.each([
    [
      'home',
      {
        settings: SETTINGS_EN,
        page: { path: '/', kind: 'home', title: 'Northwind Analytics', description: 'Revenue analytics for B2B teams' },
      },
    ],
    [
      'a long guide title',
      {
        settings: SETTINGS_EN,
        page: { path: '/pages/x/', kind: 'page', title: `${longTitle} ${longTitle}`, description: longTitle },
      },
    ],
    [
      'French',
      {
        settings: french.settings,
        page: {
          path: '/market/',
          kind: 'market',
          title: 'TAM, SAM et SOM de chaque ICP — « Marché »',
          description: 'Où en est-on ? Cœur de cible ≥ 200 salariés, 48 M€.',
        },
      },
    ],
  ] as [string, OgImageData][])('Open Graph card: %s', async (_, data) => {
    expect(layoutProblems(await card(data), OG_SIZE)).toEqual([]);
  });

  it('would catch text drawn outside its region (the check is real)', async () => {
    const kit = createNodeTextKit();
    const tree = box(
      { width: 400, height: 200, fontFamily: FONT_FAMILY },
      region('narrow', box({ width: 100, height: 50, fontSize: 40, whiteSpace: 'nowrap' }, 'Overflowing text')),
    );
    const problems = layoutProblems(await draw(tree, { width: 400, height: 200 }, kit), { width: 400, height: 200 });
    expect(problems.join('\n')).toMatch(/is outside every region/);
  });

  it('draws Latin Extended, Greek, Cyrillic and Vietnamese with Inter’s other subsets', async () => {
    const kit = createNodeTextKit();
    const style = { fontSize: 30, fontWeight: 400, color: '#000000' };
    const tree = box(
      { width: 800, height: 100, fontFamily: FONT_FAMILY, fontSize: 30 },
      kit.prepare('Łódź Ωμέγα Привет Tiếng Việt', style),
    );
    const drawn = await draw(tree, { width: 800, height: 100 }, kit);
    expect(drawn.missing).toEqual([]);
    expect(drawn.glyphs).toHaveLength(1);
  });

  it('would catch a character the fonts lack (the check is real)', async () => {
    const kit = createNodeTextKit();
    const tree = box({ width: 400, height: 100, fontFamily: FONT_FAMILY, fontSize: 30 }, 'Score ≥ 70 日本');
    const { missing } = await draw(tree, { width: 400, height: 100 }, kit);
    expect(missing.join(' | ')).toMatch(/≥/);
    expect(missing.join(' | ')).toMatch(/日本/);
  });

  it('draws a persona whose name starts with an emoji with the Twemoji image as its initial', async () => {
    const kit = createNodeTextKit();
    const tree = icpSlide(tricky, kit);
    expect(Object.keys(kit.images())).toContain('🚀');
    const drawn = await draw(tree, SLIDE_SIZE, kit);
    expect(drawn.missing).toEqual([]);
    const personas = drawn.regions.find((r) => r.name === 'personas')!.box;
    const at = (tag: string, name: string) => Number(new RegExp(` ${name}="([\\d.-]+)"`).exec(tag)?.[1]);
    const images = [...drawn.svg.matchAll(/<image [^>]*>/g)].map(([tag]) => ({
      x0: at(tag, 'x'),
      y0: at(tag, 'y'),
      x1: at(tag, 'x') + at(tag, 'width'),
      y1: at(tag, 'y') + at(tag, 'height'),
    }));
    // The initial's image and the name's: both drawn inside the personas column.
    expect(images.filter((image) => inside(image, personas))).toHaveLength(2);
  });

  it('draws emoji from Twemoji: PNG images for resvg, vector images in the SVG download', async () => {
    const drawn = await slide(emoji);
    expect(drawn.svg.match(/<image [^>]*href="data:image\/png;base64,/g)?.length).toBeGreaterThanOrEqual(4);
    const kit = createNodeTextKit();
    const image = await renderImage(icpSlide(emoji, kit), SLIDE_SIZE, kit, 'test', { cache: false });
    expect(image.svg.match(/<image [^>]*href="data:image\/svg\+xml;base64,/g)?.length).toBeGreaterThanOrEqual(4);
    expect(image.svg).not.toContain('data:image/png');
  });
});

// Golden images: the rendered image, scaled to 480 px wide, against a committed PNG. Fonts or
// layout changes show up here; anti-aliasing noise stays under the tolerance. Regenerate after
// an intended design change with UPDATE_GOLDEN=1 and look at the PNGs before committing them.
const GOLDEN = join(import.meta.dirname, 'golden');
const OUT = join(import.meta.dirname, '../.out/slides');
const GOLDEN_WIDTH = 480;
// resvg draws the same pixels for the same SVG. pixelmatch counts the pixels that differ visibly
// (YIQ distance over 0.1) and are not anti-aliasing, so resvg builds that smooth edges a little
// differently pass; one changed letter of the owner’s name differs by 0.064 % of pixels.
const MAX_DIFFERING = 0.0005;

/** RGBA pixels of a PNG, decoded by pngjs (not by resvg, which wrote them). */
function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, pixels: data };
}

/** A PNG of RGBA pixels (pixelmatch's diff image). */
function writePng(file: string, width: number, height: number, pixels: Uint8Array): void {
  const png = new PNG({ width, height });
  png.data = Buffer.from(pixels);
  writeFileSync(file, PNG.sync.write(png));
}

describe('golden images', () => {
  it.each([
    ['icp-example', () => slide(example)],
    ['icp-french', () => slide(french)],
    [
      'og-icp',
      () =>
        card({
          settings: SETTINGS_EN,
          page: {
            path: '/icps/mid-market-saas/',
            kind: 'icp',
            title: example.icp.data.title,
            description: example.icp.data.summary,
          },
        }),
    ],
  ] as const)('%s matches its golden image', async (name, render) => {
    const { svg } = await render();
    const actual = new Resvg(svg, {
      fitTo: { mode: 'width', value: GOLDEN_WIDTH },
      font: { loadSystemFonts: false },
    }).render();
    const file = join(GOLDEN, `${name}.png`);
    if (process.env['UPDATE_GOLDEN'] === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, actual.asPng());
    }
    const golden = decodePng(readFileSync(file));
    const { width, height } = actual;
    expect({ width, height }).toEqual({ width: golden.width, height: golden.height });
    const diff = new Uint8Array(width * height * 4);
    const differing =
      pixelmatch(actual.pixels, golden.pixels, diff, width, height, { threshold: 0.1 }) / (width * height);
    if (differing > MAX_DIFFERING) {
      // The image drawn now and pixelmatch's map of what moved (in red), to look at side by side.
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, `${name}.actual.png`), actual.asPng());
      writePng(join(OUT, `${name}.diff.png`), width, height, diff);
    }
    expect(
      differing,
      `share of differing pixels (see test/.out/slides/${name}.actual.png and ${name}.diff.png)`,
    ).toBeLessThanOrEqual(MAX_DIFFERING);
  });
});
