// Node-only: the slide and Open Graph images of the site, as the build's endpoints ask for them.
// Templates (src/lib/slides/) turn the playbook into element trees on this thread; drawing
// (satori → SVG, resvg → PNG) happens in a pool of worker threads, one per core; every image is
// cached on disk by a hash of everything that shapes it, so an unchanged image is never redrawn.
// The parts: src/slides/fonts-fs.ts, emoji-fs.ts, render-fs.ts, cache-fs.ts, pool-fs.ts.
import { getPlaybook } from './content-fs.ts';
import { cacheDir, slideStats } from './slides/stats-fs.ts';
import type { PlaybookModel } from './lib/content/model.ts';
import type { SlideElement } from './lib/slides/element.ts';
import { icpSlide, icpSlideData } from './lib/slides/icp-slide.ts';
import { ogImage, ogImageData } from './lib/slides/og-image.ts';
import { listOgPages } from './lib/slides/og-routes.ts';
import type { TextKit } from './lib/slides/text-kit.ts';
import { OG_SIZE, SLIDE_SIZE } from './lib/slides/theme.ts';
import { imageKey, isCached, readCached } from './slides/cache-fs.ts';
import type { DrawResult } from './slides/draw-worker.ts';
import { drawInPool } from './slides/pool-fs.ts';
import { createNodeTextKit, type Size } from './slides/render-fs.ts';

export { loadFonts } from './slides/fonts-fs.ts';
export { createNodeTextKit, drawImage, drawSvg, encodePng, rasterize } from './slides/render-fs.ts';
export { cacheDir, slideStats };

export interface RenderedImage {
  svg: string;
  png: Buffer;
  /** The cache key (content hash). */
  key: string;
  fromCache: boolean;
  /** Drawing time in milliseconds in the worker (zero when read from the cache): wall clock and CPU time. */
  svgMs: number;
  pngMs: number;
  svgCpuMs: number;
  pngCpuMs: number;
}

/** Images this process sent to the pool, by cache key: what was drawn (not read from the cache) in this build. */
const drawing = new Map<string, Promise<DrawResult>>();

function count(result: DrawResult, label: string): DrawResult {
  const stats = slideStats();
  stats.drawn++;
  stats.svgMs += result.svgMs;
  stats.pngMs += result.pngMs;
  if (process.env['ICP_SLIDES_VERBOSE'] === '1')
    console.info(`[slides] drew ${label} (${result.svgMs.toFixed(0)} ms SVG + ${result.pngMs.toFixed(0)} ms PNG)`);
  return result;
}

/** Sends an image to the pool once per build; the worker writes it to the cache. */
function startDrawing(
  tree: SlideElement,
  size: Size,
  images: Record<string, string>,
  key: string,
  label: string,
): Promise<DrawResult> {
  let job = drawing.get(key);
  if (!job) {
    job = drawInPool({ tree, size, images, key, cacheDir: cacheDir() }).then((result) => count(result, label));
    drawing.set(key, job);
  }
  return job;
}

/**
 * Draws a tree to SVG and PNG in the worker pool, or reads both from the cache when nothing
 * that shapes the image changed. `label` names the image in the build log. With `cache: false`
 * the image is drawn and returned, never stored.
 */
export async function renderImage(
  tree: SlideElement,
  size: Size,
  kit: TextKit,
  label: string,
  options: { cache?: boolean } = {},
): Promise<RenderedImage> {
  const images = kit.images();
  const key = imageKey(tree, size, images);
  const stats = slideStats();
  stats.keys.add(key);
  if (options.cache === false) {
    const { svg, png, ...timings } = count(await drawInPool({ tree, size, images, key }), label);
    return { svg: svg!, png: Buffer.from(png!), key, fromCache: false, ...timings };
  }
  const pending = drawing.get(key);
  if (!pending) {
    const hit = readCached(key);
    if (hit) {
      stats.cached++;
      return { ...hit, key, fromCache: true, svgMs: 0, pngMs: 0, svgCpuMs: 0, pngCpuMs: 0 };
    }
  }
  let timings = await (pending ?? startDrawing(tree, size, images, key, label));
  let drawn = readCached(key);
  if (!drawn) {
    // Drawn earlier in this process, but the cache folder was emptied since (a dev server): draw again.
    drawing.delete(key);
    timings = await startDrawing(tree, size, images, key, label);
    drawn = readCached(key);
  }
  if (!drawn)
    throw new Error(
      `The image ${label} was drawn but is missing from the cache folder ${cacheDir()}: check that the folder is writable.`,
    );
  return {
    ...drawn,
    key,
    fromCache: false,
    svgMs: timings.svgMs,
    pngMs: timings.pngMs,
    svgCpuMs: timings.svgCpuMs,
    pngCpuMs: timings.pngCpuMs,
  };
}

/** The element tree and text kit of ICP `id`'s slide. */
function icpSlideTree(id: string, model: PlaybookModel): { tree: SlideElement; kit: TextKit } {
  const kit = createNodeTextKit();
  return { tree: icpSlide(icpSlideData(model, id), kit), kit };
}

/** The element tree and text kit of the Open Graph card of `pagePath`. */
function ogImageTree(pagePath: string, model: PlaybookModel): { tree: SlideElement; kit: TextKit } {
  const kit = createNodeTextKit();
  const data = ogImageData(model, pagePath);
  if (!data) throw new Error(`No page at ${pagePath}: Open Graph images exist for the pages listed by listOgPages().`);
  return { tree: ogImage(data, kit), kit };
}

const ogLabel = (pagePath: string) => `og${pagePath === '/' ? '/index' : pagePath.replace(/\/$/, '')}.png`;
const queued = new WeakSet<PlaybookModel>();
/** Trees the queue already built, by label, each used once by its endpoint (no template runs twice). */
const prepared = new Map<string, { tree: SlideElement; kit: TextKit }>();
const takePrepared = (label: string, build: () => { tree: SlideElement; kit: TextKit }) => {
  const hit = prepared.get(label);
  prepared.delete(label);
  return hit ?? build();
};

/**
 * During a build (the slides integration says so), the first image asked for queues every image
 * of the site in the pool, so the workers draw while the main thread renders the other pages;
 * each endpoint then waits for its own image only.
 */
function queueSiteImages(model: PlaybookModel): void {
  if (!slideStats().building || queued.has(model)) return;
  queued.add(model);
  const queue = (tree: SlideElement, size: Size, kit: TextKit, label: string) => {
    prepared.set(label, { tree, kit });
    const images = kit.images();
    const key = imageKey(tree, size, images);
    slideStats().keys.add(key);
    if (!drawing.has(key) && !isCached(key)) void startDrawing(tree, size, images, key, label).catch(() => undefined);
  };
  for (const icp of model.icps) {
    const { tree, kit } = icpSlideTree(icp.id, model);
    queue(tree, SLIDE_SIZE, kit, `slides/${icp.id}.png`);
  }
  for (const page of listOgPages(model)) {
    const { tree, kit } = ogImageTree(page.path, model);
    queue(tree, OG_SIZE, kit, ogLabel(page.path));
  }
}

/** The one-slide image of ICP `id` (SVG and PNG, 1920 × 1080). */
export async function renderIcpSlide(id: string, model: PlaybookModel = getPlaybook()): Promise<RenderedImage> {
  queueSiteImages(model);
  const label = `slides/${id}.png`;
  const { tree, kit } = takePrepared(label, () => icpSlideTree(id, model));
  return renderImage(tree, SLIDE_SIZE, kit, label);
}

/** The Open Graph image of the site page at `pagePath`, e.g. `/icps/mid-market-saas/` (1200 × 630). */
export async function renderOgImage(pagePath: string, model: PlaybookModel = getPlaybook()): Promise<RenderedImage> {
  queueSiteImages(model);
  const { tree, kit } = takePrepared(ogLabel(pagePath), () => ogImageTree(pagePath, model));
  return renderImage(tree, OG_SIZE, kit, ogLabel(pagePath));
}

/**
 * Every image the site links, each ICP's slide and each page's Open Graph card, drawn side by
 * side in the pool into the cache (what a build draws). Only counts are kept, not the images.
 */
export async function renderSiteImages(
  model: PlaybookModel = getPlaybook(),
): Promise<{ drawn: number; cached: number }> {
  const jobs: Promise<boolean>[] = [];
  const add = (tree: SlideElement, size: Size, kit: TextKit, label: string) => {
    const images = kit.images();
    const key = imageKey(tree, size, images);
    slideStats().keys.add(key);
    if (drawing.has(key) || isCached(key)) {
      slideStats().cached++;
      jobs.push(Promise.resolve(false));
    } else jobs.push(startDrawing(tree, size, images, key, label).then(() => true));
  };
  for (const icp of model.icps) {
    const { tree, kit } = icpSlideTree(icp.id, model);
    add(tree, SLIDE_SIZE, kit, `slides/${icp.id}.png`);
  }
  for (const page of listOgPages(model)) {
    const { tree, kit } = ogImageTree(page.path, model);
    add(tree, OG_SIZE, kit, ogLabel(page.path));
  }
  const drawn = (await Promise.all(jobs)).filter(Boolean).length;
  return { drawn, cached: jobs.length - drawn };
}
