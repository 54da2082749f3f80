// Node-only: draws the slide and Open Graph images at build time. Fonts come from
// @fontsource/inter and emoji from @twemoji/svg (both in node_modules, never fetched); satori
// turns the templates' element trees into SVG, resvg turns SVG into PNG, and every image is
// cached on disk by a hash of everything that shapes it, so an unchanged image is never redrawn.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import vm from 'node:vm';
import { dirname, join } from 'node:path';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { getPlaybook } from './content-fs.ts';
import { cacheDir, slideStats } from './integrations/slides-cache.ts';
import type { PlaybookModel } from './lib/content/model.ts';
import { parseFontMetrics, type FontMetrics } from './lib/slides/font-metrics.ts';
import { createTextKit, type TextKit } from './lib/slides/text-kit.ts';
import { icpSlide, icpSlideData } from './lib/slides/icp-slide.ts';
import { ogImage, ogImageData } from './lib/slides/og-image.ts';
import { listOgPages } from './lib/slides/og-routes.ts';
import type { SlideElement } from './lib/slides/element.ts';
import { FONT_SUBSETS, FONT_WEIGHTS, fontFamilyName, OG_SIZE, SLIDE_SIZE, TEMPLATE_VERSION } from './lib/slides/theme.ts';

const require = createRequire(import.meta.url);

/** One font as satori takes it. */
interface SatoriFont {
  name: string;
  data: Buffer;
  weight: (typeof FONT_WEIGHTS)[number];
  style: 'normal';
}

interface FontSet {
  satori: SatoriFont[];
  metrics: Map<number, FontMetrics[]>;
  /** Hash of every font file, part of each image's cache key. */
  hash: string;
}

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function versionOf(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
}

let fontSet: FontSet | undefined;

/** Inter from @fontsource/inter, read once per process: WOFF2 for satori, WOFF for metrics. */
export function loadFonts(): FontSet {
  if (fontSet) return fontSet;
  const files = join(packageDir('@fontsource/inter'), 'files');
  const hash = createHash('sha256');
  const satoriFonts: SatoriFont[] = [];
  const metrics = new Map<number, FontMetrics[]>();
  for (const weight of FONT_WEIGHTS) {
    const perWeight: FontMetrics[] = [];
    for (const subset of FONT_SUBSETS) {
      const base = join(files, `inter-${subset}-${weight}-normal`);
      const woff2 = readFileSync(`${base}.woff2`);
      hash.update(woff2);
      satoriFonts.push({ name: fontFamilyName(subset), data: woff2, weight, style: 'normal' });
      perWeight.push(parseFontMetrics(readFileSync(`${base}.woff`), (bytes) => inflateSync(bytes)));
    }
    metrics.set(weight, perWeight);
  }
  fontSet = { satori: satoriFonts, metrics, hash: hash.digest('hex') };
  return fontSet;
}

let emojiFiles: Set<string> | undefined;
const emojiUris = new Map<string, string | undefined>();

/** The Twemoji SVG for an emoji grapheme, as a data URI, or undefined when Twemoji has none. */
export function twemoji(grapheme: string): string | undefined {
  if (emojiUris.has(grapheme)) return emojiUris.get(grapheme);
  const dir = packageDir('@twemoji/svg');
  emojiFiles ??= new Set(readdirSync(dir).filter((f) => f.endsWith('.svg')));
  const codes = [...grapheme].map((c) => c.codePointAt(0)!.toString(16));
  // Twemoji names files without the emoji variation selector, except in some ZWJ sequences.
  const candidates = [codes.join('-'), codes.filter((c) => c !== 'fe0f').join('-')];
  const file = candidates.map((name) => `${name}.svg`).find((name) => emojiFiles!.has(name));
  const uri = file ? `data:image/svg+xml;base64,${readFileSync(join(dir, file)).toString('base64')}` : undefined;
  emojiUris.set(grapheme, uri);
  return uri;
}

/** A text kit for one render, with Inter's metrics and Twemoji. */
export function createNodeTextKit(): TextKit {
  return createTextKit({ fonts: loadFonts().metrics, emoji: twemoji });
}

export { cacheDir, slideStats };

export interface RenderedImage {
  svg: string;
  png: Buffer;
  /** The cache key (content hash). */
  key: string;
  fromCache: boolean;
  /** Drawing time in milliseconds (zero when read from the cache): wall clock, and CPU time of the process. */
  svgMs: number;
  pngMs: number;
  svgCpuMs: number;
  pngCpuMs: number;
}

const inFlight = new Map<string, Promise<RenderedImage>>();

/** Drawn images between two full garbage collections. */
const COLLECT_EVERY = 4;
let drawnSinceCollect = 0;
let collect: (() => void) | null | undefined;

/**
 * Satori leaves about 30 MB of short-lived garbage per 1920 × 1080 image, and resvg 16 MB of
 * pixel buffers that are freed only when their objects are collected; V8 collects lazily, so
 * over a long build the process climbs above 400 MB. A full collection every four drawn images
 * keeps it flat near 350 MB, for a few milliseconds per image (counted in `slideStats().gcMs`).
 * Without the gc function (an embedder that forbids it), nothing happens.
 */
function collectGarbageNow(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  if (!collect) return;
  const started = performance.now();
  collect();
  slideStats().gcMs += performance.now() - started;
}

/** Bump when this file changes how a tree becomes pixels (the cache key hashes the tree, not this code). */
const RENDERER_VERSION = 3;
let versionCache: Record<string, string | number> | undefined;
const versions = () =>
  (versionCache ??= { renderer: RENDERER_VERSION, imagePixels: IMAGE_PIXELS, satori: versionOf('satori'), resvg: versionOf('@resvg/resvg-js') });

type SatoriOptions = Parameters<typeof satori>[1];

/** Emoji and symbol images are rasterized at this width: sharp up to 160 px type. */
const IMAGE_PIXELS = 160;
const rasterImages = new Map<string, string>();

/**
 * A PNG data URI for an SVG data URI. resvg draws an embedded SVG image through a layer as large
 * as the canvas (about 20 ms each on a 1920 × 1080 slide) but a PNG image in well under 1 ms.
 */
function rasterImage(uri: string): string {
  let png = rasterImages.get(uri);
  if (!png) {
    const svg = Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');
    png = `data:image/png;base64,${new Resvg(svg, { fitTo: { mode: 'width', value: IMAGE_PIXELS } }).render().asPng().toString('base64')}`;
    rasterImages.set(uri, png);
  }
  return png;
}

/**
 * Draws a tree to SVG with satori, the project's fonts and the kit's images (emoji, symbols) as
 * PNGs, ready for {@link rasterize}. `extra` adds satori options (tests pass `onNodeDetected` and
 * `loadAdditionalAsset` to inspect the layout). {@link vectorImages} puts the SVG images back.
 */
export async function drawSvg(
  tree: SlideElement,
  size: { width: number; height: number },
  kit: TextKit,
  extra: Pick<SatoriOptions, 'onNodeDetected' | 'loadAdditionalAsset'> = {},
): Promise<string> {
  const images = Object.fromEntries(Object.entries(kit.images()).map(([grapheme, uri]) => [grapheme, rasterImage(uri)]));
  // satori's types want a React node; the plain { type, props } tree is what it reads.
  return satori(tree as unknown as Parameters<typeof satori>[0], { ...size, fonts: loadFonts().satori, graphemeImages: images, ...extra });
}

/** The SVG from {@link drawSvg} with its emoji and symbols as vector images again (the SVG download). */
export function vectorImages(svg: string, kit: TextKit): string {
  let out = svg;
  for (const uri of Object.values(kit.images())) out = out.replaceAll(rasterImage(uri), uri);
  return out;
}

/**
 * SVG → PNG: resvg draws the pixels (system fonts are never read: text is already outlines), on
 * white so every pixel is opaque, and {@link encodePng} writes them.
 */
export function rasterize(svg: string, width?: number): Buffer {
  const fitTo = width ? ({ mode: 'width', value: width } as const) : ({ mode: 'original' } as const);
  const image = new Resvg(svg, { fitTo, background: '#ffffff', font: { loadSystemFonts: false } }).render();
  return encodePng(image.width, image.height, image.pixels);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/**
 * Opaque RGBA pixels → PNG, with no row filter and fast deflate. resvg's own encoder takes about
 * 35 ms for a 1920 × 1080 slide; this takes about 15 ms for a file of the same size (slides are
 * flat colours, which deflate well without filtering). The pixels must be opaque: resvg gives
 * premultiplied colours, which equal straight ones only at full alpha.
 */
let scratch = Buffer.alloc(0);

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const stride = width * 4;
  const source = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  // One scratch buffer for every image (deflateSync is done with it before the next image):
  // 8 MB per slide left to the garbage collector adds up over a build.
  const size = (stride + 1) * height;
  if (scratch.length < size) scratch = Buffer.alloc(size);
  const rows = scratch.subarray(0, size);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type: 0, none.
    rows[y * (stride + 1)] = 0;
    source.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows, { level: 1 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The cache key of an image: template version, renderer versions, fonts, size, tree and images. */
export function imageKey(tree: SlideElement, size: { width: number; height: number }, images: Record<string, string>): string {
  return createHash('sha256')
    .update(JSON.stringify({ template: TEMPLATE_VERSION, ...versions(), fonts: loadFonts().hash, size, tree, images }))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Draws a tree to SVG and PNG, or reads both from the cache when nothing that shapes the image
 * changed. `label` names the image in the build log.
 */
export async function renderImage(
  tree: SlideElement,
  size: { width: number; height: number },
  kit: TextKit,
  label: string,
  options: { cache?: boolean } = {},
): Promise<RenderedImage> {
  const images = kit.images();
  const key = imageKey(tree, size, images);
  const useCache = options.cache ?? true;
  const dir = cacheDir();
  const svgFile = join(dir, `${key}.svg`);
  const pngFile = join(dir, `${key}.png`);
  const stats = slideStats();
  stats.keys.add(key);
  if (useCache && existsSync(svgFile) && existsSync(pngFile)) {
    stats.cached++;
    // Touch the entry: the cache prune removes what no build used for a month.
    const now = new Date();
    utimesSync(pngFile, now, now);
    utimesSync(svgFile, now, now);
    return { svg: readFileSync(svgFile, 'utf8'), png: readFileSync(pngFile), key, fromCache: true, svgMs: 0, pngMs: 0, svgCpuMs: 0, pngCpuMs: 0 };
  }
  const pending = inFlight.get(key);
  if (pending) return pending;
  const work = (async (): Promise<RenderedImage> => {
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const forPng = await drawSvg(tree, size, kit);
    const drawn = performance.now();
    const cpu1 = process.cpuUsage();
    const png = rasterize(forPng);
    const done = performance.now();
    const cpu2 = process.cpuUsage();
    const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
    const svg = vectorImages(forPng, kit);
    // resvg frees native memory only when the event loop turns: yield between renders.
    await new Promise((resolve) => setImmediate(resolve));
    if (++drawnSinceCollect >= COLLECT_EVERY) {
      drawnSinceCollect = 0;
      collectGarbageNow();
    }
    stats.drawn++;
    stats.svgMs += drawn - started;
    stats.pngMs += done - drawn;
    if (useCache) {
      mkdirSync(dir, { recursive: true });
      // Write then rename, so a build stopped halfway never leaves half a file in the cache.
      writeFileSync(`${svgFile}.${process.pid}.tmp`, svg);
      renameSync(`${svgFile}.${process.pid}.tmp`, svgFile);
      writeFileSync(`${pngFile}.${process.pid}.tmp`, png);
      renameSync(`${pngFile}.${process.pid}.tmp`, pngFile);
    }
    if (process.env['ICP_SLIDES_VERBOSE'] === '1') {
      console.info(`[slides] drew ${label} (${(drawn - started).toFixed(0)} ms SVG + ${(done - drawn).toFixed(0)} ms PNG)`);
    }
    return { svg, png, key, fromCache: false, svgMs: drawn - started, pngMs: done - drawn, svgCpuMs: cpuMs(cpu0, cpu1), pngCpuMs: cpuMs(cpu1, cpu2) };
  })();
  inFlight.set(key, work);
  try {
    return await work;
  } finally {
    inFlight.delete(key);
  }
}

/** The one-slide image of ICP `id` (SVG and PNG, 1920 × 1080). */
export async function renderIcpSlide(id: string, model: PlaybookModel = getPlaybook()): Promise<RenderedImage> {
  const kit = createNodeTextKit();
  const tree = icpSlide(icpSlideData(model, id), kit);
  return renderImage(tree, SLIDE_SIZE, kit, `slides/${id}.png`);
}

/** The Open Graph image of the site page at `pagePath`, e.g. `/icps/mid-market-saas/` (1200 × 630). */
export async function renderOgImage(pagePath: string, model: PlaybookModel = getPlaybook()): Promise<RenderedImage> {
  const kit = createNodeTextKit();
  const data = ogImageData(model, pagePath);
  if (!data) throw new Error(`No page at ${pagePath}: Open Graph images exist for the pages listed by listOgPages().`);
  const tree = ogImage(data, kit);
  return renderImage(tree, OG_SIZE, kit, `og${pagePath === '/' ? '/index' : pagePath.replace(/\/$/, '')}.png`);
}

/** Every image the site links: each ICP's slide and each page's Open Graph card (what a build draws). */
export async function renderSiteImages(model: PlaybookModel = getPlaybook()): Promise<{ drawn: number; cached: number }> {
  const results = [];
  for (const icp of model.icps) results.push(await renderIcpSlide(icp.id, model));
  for (const page of listOgPages(model)) results.push(await renderOgImage(page.path, model));
  const drawn = results.filter((r) => !r.fromCache).length;
  return { drawn, cached: results.length - drawn };
}
