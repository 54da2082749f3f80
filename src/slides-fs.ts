// Node-only: the slide and Open Graph images of the site. Templates (src/lib/slides/) turn the
// playbook into element trees on this thread; drawing (satori → SVG, resvg → PNG) happens in a
// pool of worker threads, one per core; every image is cached on disk by a hash of everything
// that shapes it, so an unchanged image is never redrawn. A build queues every image before its
// first page renders and copies the Open Graph cards into the site at the end (the slides integration);
// the ICP slides, and every image in the dev server, are served by the endpoints in src/pages/.
// The parts: src/slides/fonts-fs.ts, emoji-fs.ts, text-kit-fs.ts, render-fs.ts (in the workers),
// cache-fs.ts, pool-fs.ts.
import { join } from 'node:path';
import { getPlaybook } from './content-fs.ts';
import { cacheDir, slideStats } from './slides/stats-fs.ts';
import type { PlaybookModel } from './lib/model/playbook-model.ts';
import type { SlideElement } from './lib/slides/element.ts';
import { icpSlide, icpSlideData } from './lib/slides/icp-slide.ts';
import { ogImage, ogImageData } from './lib/slides/og-image.ts';
import { listOgPages, ogImagePath } from './lib/slides/og-routes.ts';
import type { TextKit } from './lib/slides/text-kit.ts';
import { OG_SIZE, SLIDE_SIZE, type Size } from './lib/slides/theme.ts';
import { copyCachedPng, imageKey, isCached, readCached } from './slides/cache-fs.ts';
import type { DrawResult } from './slides/draw-worker.ts';
import { drawInPool } from './slides/pool-fs.ts';
import { createNodeTextKit } from './slides/text-kit-fs.ts';

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

// Images this process sent to the pool, by cache key: what was drawn (not read from the cache) in
// this build. One map per process, shared by the copy of this module that the slides integration
// loads with the config (it queues the images) and the one Astro bundles into the build (the
// endpoints wait for theirs), as the pool is.
const DRAWING = Symbol.for('icp-playbook.slides.drawing');
const drawing = ((globalThis as { [DRAWING]?: Map<string, Promise<DrawResult>> })[DRAWING] ??= new Map());

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
 * Makes sure an image is in the cache: drawn in the pool unless it is there already (or being
 * drawn). The timings when this process drew it; undefined when the cache had it.
 */
async function ensureCached(
  tree: SlideElement,
  size: Size,
  images: Record<string, string>,
  key: string,
  label: string,
): Promise<DrawResult | undefined> {
  const pending = drawing.get(key);
  if (!pending && isCached(key)) return undefined;
  let timings = await (pending ?? startDrawing(tree, size, images, key, label));
  if (!isCached(key)) {
    // Drawn earlier in this process, but the cache folder was emptied since (a dev server): draw again.
    drawing.delete(key);
    timings = await startDrawing(tree, size, images, key, label);
  }
  if (!isCached(key))
    throw new Error(
      `The image ${label} was drawn but is missing from the cache folder ${cacheDir()}: check that the folder is writable.`,
    );
  return timings;
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
  const timings = await ensureCached(tree, size, images, key, label);
  if (!timings) stats.cached++;
  const stored = readCached(key);
  if (!stored) throw new Error(`The image ${label} vanished from the cache folder ${cacheDir()} while it was read.`);
  return {
    ...stored,
    key,
    fromCache: !timings,
    svgMs: timings?.svgMs ?? 0,
    pngMs: timings?.pngMs ?? 0,
    svgCpuMs: timings?.svgCpuMs ?? 0,
    pngCpuMs: timings?.pngCpuMs ?? 0,
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

/** An image of the site, ready to draw: its tree, size, images and cache key (counted as used). */
interface SiteImage {
  tree: SlideElement;
  size: Size;
  images: Record<string, string>;
  key: string;
  label: string;
}

function siteImage(tree: SlideElement, kit: TextKit, size: Size, label: string): SiteImage {
  const images = kit.images();
  const key = imageKey(tree, size, images);
  slideStats().keys.add(key);
  return { tree, size, images, key, label };
}

function ogSiteImage(pagePath: string, model: PlaybookModel): SiteImage {
  const { tree, kit } = ogImageTree(pagePath, model);
  return siteImage(tree, kit, OG_SIZE, ogLabel(pagePath));
}

/**
 * Every image the site links, one at a time (so the first can be drawing while the next is laid
 * out): each ICP's slide, then each page's Open Graph card with the page's path.
 */
function* siteImages(model: PlaybookModel): Generator<{ image: SiteImage; ogPath?: string }> {
  for (const icp of model.icps) {
    const { tree, kit } = icpSlideTree(icp.id, model);
    yield { image: siteImage(tree, kit, SLIDE_SIZE, `slides/${icp.id}.png`) };
  }
  for (const page of listOgPages(model)) yield { image: ogSiteImage(page.path, model), ogPath: page.path };
}

/** Sends an image to the pool unless it is in the cache or already being drawn: its drawing, or undefined. */
function drawUnlessCached(image: SiteImage): Promise<DrawResult> | undefined {
  if (drawing.has(image.key) || isCached(image.key)) return undefined;
  return startDrawing(image.tree, image.size, image.images, image.key, image.label);
}

/** Open Graph cards the queue prepared, by page path, each used once by {@link writeOgImages} (no template runs twice). */
const preparedOg = new Map<string, SiteImage>();

/**
 * Queues every image of the site in the pool during a build (the slides integration calls this
 * before the first page renders), so the workers draw while Astro renders the pages; each slide
 * endpoint then waits for its own image only, and {@link writeOgImages} for the cards.
 */
export function queueSiteImages(model: PlaybookModel): void {
  // A build that failed earlier in this process may have left cards of another playbook.
  preparedOg.clear();
  for (const { image, ogPath } of siteImages(model)) {
    if (ogPath) preparedOg.set(ogPath, image);
    void drawUnlessCached(image)?.catch(() => undefined);
  }
}

/**
 * Writes the Open Graph card of every page into a built site (`<outDir>/og/….png`), copied from
 * the cache, drawing any card not there yet: how a build ships them (the slides integration
 * calls this once every page is written). A thousand cards through Astro's endpoint took about two
 * seconds of the build's main thread; copies take a fraction of that, off the main thread.
 * Returns how many cards were written.
 */
export async function writeOgImages(model: PlaybookModel, outDir: string): Promise<number> {
  const pages = listOgPages(model);
  await Promise.all(
    pages.map(async (page) => {
      const card = preparedOg.get(page.path) ?? ogSiteImage(page.path, model);
      preparedOg.delete(page.path);
      if (!(await ensureCached(card.tree, card.size, card.images, card.key, card.label))) slideStats().cached++;
      await copyCachedPng(card.key, join(outDir, ogImagePath(page.path)));
    }),
  );
  return pages.length;
}

/** The one-slide image of ICP `id` (SVG and PNG, 1920 × 1080). */
export async function renderIcpSlide(id: string, model: PlaybookModel = getPlaybook()): Promise<RenderedImage> {
  const { tree, kit } = icpSlideTree(id, model);
  return renderImage(tree, SLIDE_SIZE, kit, `slides/${id}.png`);
}

/** The Open Graph image of the site page at `pagePath`, e.g. `/icps/mid-market-saas/` (1200 × 630): the dev server's. */
export async function renderOgImage(pagePath: string, model: PlaybookModel = getPlaybook()): Promise<RenderedImage> {
  const { tree, kit } = ogImageTree(pagePath, model);
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
  for (const { image } of siteImages(model)) {
    const job = drawUnlessCached(image);
    if (!job) slideStats().cached++;
    jobs.push(job ? job.then(() => true) : Promise.resolve(false));
  }
  const drawn = (await Promise.all(jobs)).filter(Boolean).length;
  return { drawn, cached: jobs.length - drawn };
}
