// `npm run bench:slides`: how fast the slide images are drawn and how much memory it takes.
//   1. 300 one-slide ICP images (1920 × 1080), cache off: time per image (satori → SVG,
//      resvg → PNG), peak memory, and memory along the way (it must stay flat).
//   2. Every image of the example playbook, cold then warm cache: what the cache saves a build.
//   --no-yield     draw without letting the event loop turn between images (shows resvg's growth)
//   --count=N      images in part 1 (default 300)
//   --astro        also time `astro build` twice (cold, then warm cache) into a temporary folder
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlaybook } from '../src/content-fs.ts';
import { icpSlide, icpSlideData } from '../src/lib/slides/icp-slide.ts';
import { SLIDE_SIZE } from '../src/lib/slides/theme.ts';
import { createNodeTextKit, drawSvg, loadFonts, rasterize, renderImage, renderSiteImages, slideStats } from '../src/slides-fs.ts';

const args = process.argv.slice(2);
const count = Number(args.find((a) => a.startsWith('--count='))?.slice(8) ?? 300);
const yieldBetween = !args.includes('--no-yield');
const MiB = 1024 * 1024;

const model = getPlaybook();
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log(`Slides benchmark: Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores, ${count} images of ${SLIDE_SIZE.width} × ${SLIDE_SIZE.height}, ${yieldBetween ? 'yielding' : 'NOT yielding'} between images.`);

// Warm-up: fonts are read and decoded once per process (not part of the per-image time).
const warmStart = performance.now();
loadFonts();
{
  const kit = createNodeTextKit();
  rasterize(await drawSvg(icpSlide(icpSlideData(model, model.icps[0]!.id), kit), SLIDE_SIZE, kit));
}
console.log(`Fonts and first image (one-off per build): ${ms(performance.now() - warmStart)}`);

const svgTimes: number[] = [];
const pngTimes: number[] = [];
const svgCpu: number[] = [];
const pngCpu: number[] = [];
const rssAlong: number[] = [];
let peakRss = process.memoryUsage().rss;
const started = performance.now();
const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;
for (let i = 0; i < count; i++) {
  const base = model.icps[i % model.icps.length]!;
  // A different title each time, as different ICPs would be: nothing can be reused.
  const data = icpSlideData(model, base.id);
  data.icp = { ...data.icp, data: { ...data.icp.data, title: `${data.icp.data.title} #${i + 1}` } };
  const kit = createNodeTextKit();
  const tree = icpSlide(data, kit);
  if (yieldBetween) {
    // Exactly what the build does (cache off): draw, rasterize, yield, collect every 10 images.
    const image = await renderImage(tree, SLIDE_SIZE, kit, `bench ${i}`, { cache: false });
    svgTimes.push(image.svgMs);
    pngTimes.push(image.pngMs);
    svgCpu.push(image.svgCpuMs);
    pngCpu.push(image.pngCpuMs);
  } else {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const svg = await drawSvg(tree, SLIDE_SIZE, kit);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    rasterize(svg);
    pngTimes.push(performance.now() - t1);
    svgTimes.push(t1 - t0);
    pngCpu.push(cpuMs(c1, process.cpuUsage()));
    svgCpu.push(cpuMs(c0, c1));
  }
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  if ((i + 1) % (count >= 100 ? 50 : 10) === 0 || i === 0) rssAlong.push(rss);
}
const wall = performance.now() - started;
const totals = svgTimes.map((t, i) => t + pngTimes[i]!);
const cpuTotals = svgCpu.map((t, i) => t + pngCpu[i]!);
const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

console.log(`\nPer image, median wall clock: SVG ${ms(median(svgTimes))}, PNG ${ms(median(pngTimes))}, total ${ms(median(totals))} (p95 ${ms(percentile(totals, 0.95))}; target ≤ 110 ms)`);
console.log(`Per image, fastest:           SVG ${ms(Math.min(...svgTimes))}, PNG ${ms(Math.min(...pngTimes))}, total ${ms(Math.min(...totals))} (the cost with the machine to itself)`);
console.log(`Per image, median CPU time:   SVG ${ms(median(svgCpu))}, PNG ${ms(median(pngCpu))}, total ${ms(median(cpuTotals))} (what the image costs when the machine is busy with other work)`);
console.log(`Wall time for ${count} images: ${(wall / 1000).toFixed(1)} s (${ms(wall / count)} per image, with yields and garbage collections: ${ms(slideStats().gcMs / count)} per image)`);
console.log(`Memory (RSS) after the first image, then every ${count >= 100 ? 50 : 10}: ${rssAlong.map((r) => `${Math.round(r / MiB)}`).join(', ')} MiB`);
console.log(`Peak memory: ${Math.round(maxRss / MiB)} MiB (target: flat, under 400 MiB)`);

// Part 2: the example playbook's images through the cache, as `astro build` draws them.
const cache = mkdtempSync(join(tmpdir(), 'icp-slides-bench-'));
process.env['ICP_SLIDES_CACHE'] = cache;
try {
  const coldStart = performance.now();
  const cold = await renderSiteImages(model);
  const coldMs = performance.now() - coldStart;
  const warmStart2 = performance.now();
  const warm = await renderSiteImages(model);
  const warmMs = performance.now() - warmStart2;
  console.log(`\nExample playbook, ${cold.drawn + cold.cached} images (${model.icps.length} slides + Open Graph cards):`);
  console.log(`  cold cache: ${cold.drawn} drawn in ${(coldMs / 1000).toFixed(2)} s`);
  console.log(`  warm cache: ${warm.drawn} drawn, ${warm.cached} read in ${(warmMs / 1000).toFixed(2)} s`);
} finally {
  rmSync(cache, { recursive: true, force: true });
}

if (args.includes('--astro')) {
  const work = mkdtempSync(join(tmpdir(), 'icp-slides-build-'));
  const env = { ...process.env, ICP_SLIDES_CACHE: join(work, 'cache'), ICP_OUT_DIR: join(work, 'dist') };
  const build = (label: string) => {
    const t0 = performance.now();
    const result = spawnSync('npm', ['run', 'build', '--silent'], { env, encoding: 'utf8' });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const line = `${result.stdout}${result.stderr}`.split('\n').find((l) => l.includes('icp-playbook:slides')) ?? '(no slides summary in the build log)';
    console.log(`  ${label}: ${result.status === 0 ? `${seconds} s` : `FAILED (exit ${result.status})`} — ${line.replace(/^.*\] /, '').trim()}`);
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
