// `npm run bench:build`: how long a cold and a warm `npm run build` take on a big playbook, where
// the time goes, and the same pages built by a plain Astro site indexed by Pagefind and by
// Starlight (Astro's documentation theme), in the same command. Copies the example content/ to a
// temporary folder and adds generated guide pages (about 700 words each); builds the playbook
// with its own image cache cold (every image drawn) then warm (images from the cache), then each
// baseline cold (no Astro cache) then warm (Astro's content cache kept). Prints wall time, peak
// memory (max RSS of each process, worker threads included), the time between the phases Astro
// logs, and the playbook's ratios to the baselines. Runs are paired: each run builds all three,
// and its warm builds of the playbook and of plain Astro alternate, so that each pair meets the
// same moment of a machine whose speed drifts.
//   --pages=N   generated guide pages (default 1000)
//   --runs=N    runs (default 1); medians are printed when N > 1
//   --warm=N    alternated warm pairs (playbook, plain Astro) per run (default 1)
//   --keep      keep the temporary folders (their paths are printed)
// The machine may be shared: read the load average printed with the figures.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeGuidePages, writePlainAstro, writeStarlight } from './lib/build-baselines.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const pages = option('pages', 1000);
const runs = option('runs', 1);
const warmPairs = option('warm', 1);
const keep = args.includes('--keep');
const root = process.cwd();
const astroBin = join(root, 'node_modules/.bin/astro');

interface Run {
  seconds: number;
  peakMiB: number;
  phases: [string, number][];
}

interface Step {
  label: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs a command under GNU time (which writes the peak RSS of the process, worker threads
 * included, to a file), stamping each output line with the seconds since start.
 */
function run(step: Step, peakFile: string): Promise<{ log: [number, string][]; seconds: number; peakMiB: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-o', peakFile, '-f', '%M', step.command, ...step.args], {
      cwd: step.cwd,
      env: { ...process.env, ...step.env },
    });
    const log: [number, string][] = [];
    const collect = (chunk: Buffer) => {
      const at = (performance.now() - started) / 1000;
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') log.push([at, line]);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${step.label} failed:\n${log.map(([, l]) => l).join('\n')}`));
      else {
        const kib = Number(readFileSync(peakFile, 'utf8').trim().split('\n').at(-1));
        resolve({ log, seconds, peakMiB: kib / 1024 });
      }
    });
  });
}

// Astro's log lines that start a phase of the build, the name printed for the phase after it,
// and the marker it must follow.
const MARKERS: [RegExp, string, RegExp?][] = [
  [/Syncing content/, 'content sync and types'],
  [/Collecting build info/, 'collecting build info'],
  [/Building static entrypoints/, 'bundling (vite)'],
  [/generating static routes/, 'page and image rendering'],
  // The end of page rendering. The playbook indexes pages as they render: what is left after
  // the last page (finishing and writing the index) counts as its search index phase.
  [/✓ Completed in|Building search index with Pagefind/, 'search index', /generating static routes/],
  [/\d+ page\(s\) built/, 'end'],
];

function phasesOf(log: [number, string][]): [string, number][] {
  const starts: [string, number][] = [['astro startup (config, integrations)', 0]];
  for (const [pattern, name, after] of MARKERS) {
    const from = after ? log.findIndex(([, line]) => after.test(line)) : 0;
    const hit = from < 0 ? undefined : log.slice(from).find(([, line]) => pattern.test(line));
    if (hit && !starts.some(([n]) => n === name)) starts.push([name, hit[0]]);
  }
  starts.sort((a, b) => a[1] - b[1]);
  return starts.slice(0, -1).map(([name, at], i) => [name, starts[i + 1]![1] - at]);
}

/** Runs the steps of one build one after the other: total wall time, highest peak, phases. */
async function build(steps: Step[], label: string, scratch: string): Promise<Run> {
  const result: Run = { seconds: 0, peakMiB: 0, phases: [] };
  let note = '';
  for (const step of steps) {
    const { log, seconds, peakMiB } = await run(step, join(scratch, 'peak-rss'));
    result.seconds += seconds;
    result.peakMiB = Math.max(result.peakMiB, peakMiB);
    result.phases.push(...(step.command === astroBin ? phasesOf(log) : [[step.label, seconds] as [string, number]]));
    note ||= log.find(([, l]) => /\d+ images[^:]*: \d+ drawn/.test(l))?.[1].replace(/^.*?\] /, '') ?? '';
  }
  console.log(
    `${label}: ${result.seconds.toFixed(1)} s, peak ${result.peakMiB.toFixed(0)} MiB${note ? `; ${note}` : ''}`,
  );
  console.log(`  ${result.phases.map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(' · ')}`);
  return result;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

console.log(
  `Build benchmark: ${pages} generated guide pages + the example, ${runs} run(s) of the playbook, plain Astro + Pagefind and Starlight; Node ${process.version}, ${availableParallelism()} cores, load average ${load()}`,
);
const KINDS = [
  'playbook cold',
  'playbook warm',
  'plain cold',
  'plain warm',
  'starlight cold',
  'starlight warm',
] as const;
const results = new Map<string, Run[]>(KINDS.map((k) => [k, []]));
/** Playbook warm / plain warm, pair by pair. */
const warmRatios: number[] = [];
const clean = (...paths: string[]) => {
  for (const path of paths) rmSync(path, { recursive: true, force: true });
};
for (let r = 0; r < runs; r++) {
  // Under the repository, not /tmp: the baselines find Astro and Starlight in its node_modules.
  mkdirSync(join(root, '.bench'), { recursive: true });
  const dir = mkdtempSync(join(root, '.bench', 'build-'));
  try {
    const content = join(dir, 'content');
    cpSync(join(root, 'content'), content, { recursive: true });
    writeGuidePages(join(content, 'pages'), pages);
    const env = {
      ICP_CONTENT_DIR: content,
      ICP_OUT_DIR: join(dir, 'dist'),
      ICP_SLIDES_CACHE: join(dir, 'cache'),
      ICP_TODAY: '2026-11-23',
    };
    // What `npm run build` runs (it checks the content first, in the same process).
    const playbook: Step[] = [{ label: 'astro build', command: astroBin, args: ['build'], cwd: root, env }];
    // Cold as in a fresh clone: Astro's content store and caches go too (they also remember the
    // paths of the previous run's content folder).
    clean(join(root, '.astro'), join(root, 'node_modules', '.astro'), `${env.ICP_OUT_DIR}.astro-cache`);
    const record = (kind: (typeof KINDS)[number], run: Run) => results.get(kind)!.push(run);
    record('playbook cold', await build(playbook, `run ${r + 1} playbook cold`, dir));

    const plain = join(dir, 'plain');
    writePlainAstro(plain, content);
    const plainSteps: Step[] = [
      { label: 'astro build', command: astroBin, args: ['build'], cwd: plain },
      { label: 'pagefind', command: join(root, 'node_modules/.bin/pagefind'), args: ['--site', 'dist'], cwd: plain },
    ];
    record('plain cold', await build(plainSteps, `run ${r + 1} plain Astro + Pagefind cold`, dir));
    for (let w = 0; w < warmPairs; w++) {
      const pair = warmPairs > 1 ? `.${w + 1}` : '';
      clean(env.ICP_OUT_DIR);
      const playbookWarm = await build(playbook, `run ${r + 1}${pair} playbook warm`, dir);
      clean(join(plain, 'dist'));
      const plainWarm = await build(plainSteps, `run ${r + 1}${pair} plain Astro + Pagefind warm`, dir);
      record('playbook warm', playbookWarm);
      record('plain warm', plainWarm);
      warmRatios.push(playbookWarm.seconds / plainWarm.seconds);
    }

    const starlight = join(dir, 'starlight');
    writeStarlight(starlight, content);
    const starlightSteps: Step[] = [{ label: 'astro build', command: astroBin, args: ['build'], cwd: starlight }];
    record('starlight cold', await build(starlightSteps, `run ${r + 1} Starlight cold`, dir));
    clean(join(starlight, 'dist'));
    record('starlight warm', await build(starlightSteps, `run ${r + 1} Starlight warm`, dir));
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else clean(dir);
  }
}

const seconds = (kind: string) => median(results.get(kind)!.map((run) => run.seconds));
const peak = (kind: string) => median(results.get(kind)!.map((run) => run.peakMiB));
const perRun = (kind: string, baseline: string) =>
  results
    .get(kind)!
    .map((run, i) => (run.seconds / results.get(baseline)![i]!.seconds).toFixed(2))
    .join(', ');
console.log(runs > 1 || warmPairs > 1 ? `\nMedians of ${runs} run(s), ${warmPairs} warm pair(s) each:` : '\nSummary:');
for (const kind of KINDS) console.log(`  ${kind}: ${seconds(kind).toFixed(1)} s, peak ${peak(kind).toFixed(0)} MiB`);
console.log(
  `  playbook cold / Starlight cold: ${(seconds('playbook cold') / seconds('starlight cold')).toFixed(2)}× (each run: ${perRun('playbook cold', 'starlight cold')}; target ≤ 1.0×); peak ${peak('playbook cold').toFixed(0)} MiB (target ≤ 900 MiB)`,
);
console.log(
  `  playbook warm / plain Astro + Pagefind warm: ${(seconds('playbook warm') / seconds('plain warm')).toFixed(2)}× (target ≤ 1.2×); pair by pair: median ${median(warmRatios).toFixed(2)}×, from ${Math.min(...warmRatios).toFixed(2)} to ${Math.max(...warmRatios).toFixed(2)} over ${warmRatios.length} pair(s)`,
);
console.log(`load average after: ${load()}`);
