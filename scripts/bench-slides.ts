// `npm run bench:slides`: how fast the slide images are drawn and how much memory it takes.
//   1. N one-slide ICP images (1920 × 1080), cache off, drawn as the build draws them: all queued
//      at once in the worker pool (one worker per core), then the same images one after the
//      other on this thread (how builds drew before the pool): time per image, throughput, peak
//      memory (RSS of the process, workers included) and memory along the way.
//   2. PNG encoders on the same pixels, paired (alternating order): resvg's asPng() against
//      encodePng (src/slides/render-fs.ts), median time and file size.
//   3. Every image of the example playbook, cold then warm cache: what the cache saves a build.
//      Then the same pool in a child process with mimalloc's default purge delay (resvg's allocator,
//      see src/slides/native-memory-fs.ts), and the ratio between the two.
//   --count=N      images in part 1 (default 120)
//   --encoders     only part 2
//   --pool-only    only the pool of part 1 (what the child process runs)
//   --astro        also time `npm run build` twice (cold, then warm cache) into a temporary folder
// The machine may be shared: every figure is a median, and the load average is printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
// Before resvg loads, as in render-fs.ts: its allocator's setting.
import '../src/slides/native-memory-fs.ts';
import { Resvg } from '@resvg/resvg-js';
import { getPlaybook } from '../src/content-fs.ts';
import { icpSlide, icpSlideData } from '../src/lib/slides/icp-slide.ts';
import { SLIDE_SIZE } from '../src/lib/slides/theme.ts';
import { closePool, workerCount } from '../src/slides/pool-fs.ts';
import { renderImage, renderSiteImages } from '../src/slides-fs.ts';
import { loadFonts } from '../src/slides/fonts-fs.ts';
import { drawImage, drawSvg, encodePng, rasterize } from '../src/slides/render-fs.ts';
import { createNodeTextKit } from '../src/slides/text-kit-fs.ts';

const args = process.argv.slice(2);
const count = Number(args.find((a) => a.startsWith('--count='))?.slice(8) ?? 120);
const MiB = 1024 * 1024;

const model = getPlaybook();
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const allocatorSetting = () => `MIMALLOC_PURGE_DELAY=${process.env['MIMALLOC_PURGE_DELAY'] ?? '(default)'}`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

console.log(
  `Slides benchmark: Node ${process.version}, load average ${load()} on ${availableParallelism()} cores, ${count} images of ${SLIDE_SIZE.width} × ${SLIDE_SIZE.height}, ${workerCount()} drawing workers.`,
);

// Warm-up: fonts are read and decoded once per process (not part of the per-image time).
const warmStart = performance.now();
loadFonts();
{
  const kit = createNodeTextKit();
  rasterize(await drawSvg(icpSlide(icpSlideData(model, model.icps[0]!.id), kit), SLIDE_SIZE, kit));
}
console.log(`Fonts and first image (one-off per thread): ${ms(performance.now() - warmStart)}`);

/** The trees of `count` different slides (a different title each: nothing can be reused). */
function slides(): { tree: ReturnType<typeof icpSlide>; kit: ReturnType<typeof createNodeTextKit> }[] {
  return Array.from({ length: count }, (_, i) => {
    const data = icpSlideData(model, model.icps[i % model.icps.length]!.id);
    data.icp = { ...data.icp, data: { ...data.icp.data, title: `${data.icp.data.title} #${i + 1}` } };
    const kit = createNodeTextKit();
    return { tree: icpSlide(data, kit), kit };
  });
}

/** Runs `work`, sampling the process's memory every 100 ms. */
async function withMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakMiB: number; along: number[] }> {
  const along: number[] = [];
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    along.push(rss);
  }, 100);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakMiB: peak / MiB, along };
  } finally {
    clearInterval(timer);
  }
}
const alongText = (along: number[]) =>
  along
    .filter((_, i) => i % Math.max(1, Math.floor(along.length / 8)) === 0)
    .map((r) => Math.round(r / MiB))
    .join(', ');

const encodersOnly = args.includes('--encoders');
if (args.includes('--pool-only')) {
  await poolPart(`resvg's allocator: ${allocatorSetting()}`);
  process.exit(0);
}
if (!encodersOnly) await drawingParts();

/** Part 1a: the pool, every image queued at once, as a build queues its images. */
async function poolPart(label: string): Promise<number> {
  const pooled = await withMemory(() =>
    Promise.all(slides().map(({ tree, kit }, i) => renderImage(tree, SLIDE_SIZE, kit, `bench ${i}`, { cache: false }))),
  );
  const pooledTotals = pooled.result.map((image) => image.svgMs + image.pngMs);
  console.log(
    `\nPool of ${workerCount()} workers (${label}): ${count} images in ${pooled.seconds.toFixed(1)} s, ${ms((pooled.seconds * 1000) / count)} per image of wall time`,
  );
  console.log(
    `  per image in a worker, median: SVG ${ms(median(pooled.result.map((r) => r.svgMs)))}, PNG ${ms(median(pooled.result.map((r) => r.pngMs)))}, total ${ms(median(pooledTotals))}`,
  );
  console.log(
    `  memory (RSS, workers included) every ~${Math.round(pooled.along.length / 8) / 10} s: ${alongText(pooled.along)} MiB; peak ${pooled.peakMiB.toFixed(0)} MiB`,
  );
  await closePool();
  return pooled.seconds;
}

async function drawingParts(): Promise<void> {
  const pooledSeconds = await poolPart(`resvg's allocator: ${allocatorSetting()}`);
  // The same pool with mimalloc's default: a child process, since mimalloc reads its settings
  // once per process, when resvg loads.
  const child = spawnSync(process.execPath, [process.argv[1]!, '--pool-only', `--count=${count}`], {
    env: { ...process.env, MIMALLOC_PURGE_DELAY: '10' },
    encoding: 'utf8',
  });
  const childLines = child.stdout.split('\n');
  const poolLines = childLines.slice(childLines.findIndex((line) => line.startsWith('Pool of')));
  console.log(
    child.status === 0 ? poolLines.join('\n').trimEnd() : `Pool with mimalloc's defaults FAILED: ${child.stderr}`,
  );
  const defaultSeconds = Number(/images in ([\d.]+) s/.exec(poolLines[0] ?? '')?.[1]);
  if (defaultSeconds > 0)
    console.log(`  the allocator setting makes the pool ${(defaultSeconds / pooledSeconds).toFixed(2)}× as fast`);

  // Part 1b: the same images one after the other on this thread.
  const single = await withMemory(async () => {
    const totals: number[] = [];
    for (const { tree, kit } of slides()) {
      const image = await drawImage(tree, SLIDE_SIZE, kit.images());
      totals.push(image.svgMs + image.pngMs);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return totals;
  });
  console.log(
    `One thread: ${count} images in ${single.seconds.toFixed(1)} s, ${ms((single.seconds * 1000) / count)} per image (median ${ms(median(single.result))})`,
  );
  console.log(
    `  memory (RSS) every ~${Math.round(single.along.length / 8) / 10} s: ${alongText(single.along)} MiB; peak ${single.peakMiB.toFixed(0)} MiB`,
  );
  console.log(`  the pool is ${(single.seconds / pooledSeconds).toFixed(2)}× as fast`);
}

// Part 2: PNG encoders on the same pixels, alternating which goes first.
{
  const trees = slides().slice(0, Math.min(count, 30));
  const asPng: number[] = [];
  const ours: number[] = [];
  const asPngSize: number[] = [];
  const oursSize: number[] = [];
  for (const [i, { tree, kit }] of trees.entries()) {
    const svg = await drawSvg(tree, SLIDE_SIZE, kit);
    const image = new Resvg(svg, {
      fitTo: { mode: 'original' },
      background: '#ffffff',
      font: { loadSystemFonts: false },
    }).render();
    const runResvg = () => {
      const t = performance.now();
      asPngSize.push(image.asPng().length);
      asPng.push(performance.now() - t);
    };
    const runOurs = () => {
      const t = performance.now();
      oursSize.push(encodePng(image.width, image.height, image.pixels).length);
      ours.push(performance.now() - t);
    };
    if (i % 2 === 0) {
      runResvg();
      runOurs();
    } else {
      runOurs();
      runResvg();
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  console.log(
    `\nPNG encoders, ${trees.length} slides, paired: resvg asPng() ${ms(median(asPng))} for ${(median(asPngSize) / 1024).toFixed(0)} KiB; encodePng ${ms(median(ours))} for ${(median(oursSize) / 1024).toFixed(0)} KiB (medians)`,
  );
}

// Part 3: the example playbook's images through the cache, as `astro build` draws them.
if (encodersOnly) process.exit(0);
const cache = mkdtempSync(join(tmpdir(), 'icp-slides-bench-'));
process.env['ICP_SLIDES_CACHE'] = cache;
try {
  const coldStart = performance.now();
  const cold = await renderSiteImages(model);
  const coldMs = performance.now() - coldStart;
  const warmStart2 = performance.now();
  const warm = await renderSiteImages(model);
  const warmMs = performance.now() - warmStart2;
  console.log(
    `\nExample playbook, ${cold.drawn + cold.cached} images (${model.icps.length} slides + Open Graph cards):`,
  );
  console.log(`  cold cache: ${cold.drawn} drawn in ${(coldMs / 1000).toFixed(2)} s`);
  console.log(`  warm cache: ${warm.drawn} drawn, ${warm.cached} found in ${(warmMs / 1000).toFixed(2)} s`);
  console.log(`load average after: ${load()}`);
} finally {
  rmSync(cache, { recursive: true, force: true });
  await closePool();
}

if (args.includes('--astro')) {
  const work = mkdtempSync(join(tmpdir(), 'icp-slides-build-'));
  const env = { ...process.env, ICP_SLIDES_CACHE: join(work, 'cache'), ICP_OUT_DIR: join(work, 'dist') };
  const build = (label: string) => {
    const t0 = performance.now();
    const result = spawnSync('npm', ['run', 'build', '--silent'], { env, encoding: 'utf8' });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const line =
      `${result.stdout}${result.stderr}`.split('\n').find((l) => l.includes('icp-playbook:slides')) ??
      '(no slides summary in the build log)';
    console.log(
      `  ${label}: ${result.status === 0 ? `${seconds} s` : `FAILED (exit ${result.status})`} — ${line.replace(/^.*\] /, '').trim()}`,
    );
    if (result.status !== 0) console.log(result.stderr.slice(-2000));
  };
  console.log('\nastro build of the example (npm run build):');
  try {
    build('cold cache');
    build('warm cache');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
