// `npm run bench:build`: how long a cold and a warm `npm run build` take on a big playbook, and
// where the time goes. Copies the example content/ to a temporary folder, adds generated guide
// pages (about 700 words each), then builds it twice with its own image cache: cold (every
// image drawn), then warm (images from the cache). Prints wall time, peak memory (max RSS of
// the build process, worker threads included) and the time between the phases Astro logs.
//   --pages=N   generated guide pages (default 1000)
//   --runs=N    cold + warm pairs (default 1); medians are printed when N > 1
//   --keep      keep the temporary folder (its path is printed)
// The machine may be shared: read the load average printed with the figures.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const pages = option('pages', 1000);
const runs = option('runs', 1);
const keep = args.includes('--keep');
const root = process.cwd();

const WORDS = (
  'account pipeline revenue segment buyer champion budget renewal onboarding pricing discovery objection ' +
  'territory forecast quota signal persona market adoption integration security procurement workflow ' +
  'dashboard expansion retention churn cohort trial demo proposal contract stakeholder evaluation roadmap'
).split(' ');

/** A deterministic guide page of about 700 words in 7 sections. */
function guidePage(i: number): string {
  let seed = i * 7919 + 17;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const word = () => WORDS[next() % WORDS.length]!;
  const sentence = () => {
    const words = Array.from({ length: 8 + (next() % 10) }, word);
    return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const sections = Array.from(
    { length: 7 },
    (_, s) => `## Section ${s + 1}: ${word()} ${word()}\n\n${Array.from({ length: 8 }, sentence).join(' ')}\n`,
  );
  return `---\ntitle: Guide ${i}, ${word()} and ${word()}\ndescription: How the team handles ${word()} and ${word()} for ${word()} accounts.\nowner: Camille Martin\nreviewed: 2026-10-01\n---\n\n${sections.join('\n')}`;
}

interface Run {
  seconds: number;
  peakMiB: number;
  phases: [string, number][];
  images: string;
}

/** Runs a command, stamping each output line with the seconds since start; returns the stamped log. */
function run(
  command: string,
  commandArgs: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; log: [number, string][]; seconds: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: root, env: { ...process.env, ...env } });
    const log: [number, string][] = [];
    const collect = (chunk: Buffer) => {
      const at = (performance.now() - started) / 1000;
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') log.push([at, line]);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => resolve({ code: code ?? 1, log, seconds: (performance.now() - started) / 1000 }));
  });
}

// Astro's log lines that start a phase of the build, and the name printed for the phase after it.
const MARKERS: [RegExp, string][] = [
  [/Syncing content/, 'content sync and types'],
  [/Collecting build info/, 'collecting build info'],
  [/Building static entrypoints/, 'bundling (vite)'],
  [/generating static routes/, 'page and image rendering'],
  [/Indexing the site for search/, 'search index'],
  [/\d+ page\(s\) built/, 'end'],
];

function phasesOf(log: [number, string][]): [string, number][] {
  const starts: [string, number][] = [['astro startup (config, integrations)', 0]];
  for (const [pattern, name] of MARKERS) {
    const hit = log.find(([, line]) => pattern.test(line));
    if (hit && !starts.some(([n]) => n === name)) starts.push([name, hit[0]]);
  }
  starts.sort((a, b) => a[1] - b[1]);
  return starts.slice(0, -1).map(([name, at], i) => [name, starts[i + 1]![1] - at]);
}

async function build(dir: string, label: string): Promise<Run> {
  const env = {
    ICP_CONTENT_DIR: join(dir, 'content'),
    ICP_OUT_DIR: join(dir, 'dist'),
    ICP_SLIDES_CACHE: join(dir, 'cache'),
    ICP_TODAY: '2026-11-23',
  };
  const validate = await run(process.execPath, ['scripts/validate.ts'], env);
  if (validate.code !== 0) throw new Error(`validate failed:\n${validate.log.map(([, l]) => l).join('\n')}`);
  // GNU time writes the peak RSS (KiB) of the build process, worker threads included, to a file.
  const peakFile = join(dir, 'peak-rss');
  const astro = await run(
    '/usr/bin/time',
    ['-o', peakFile, '-f', '%M', join(root, 'node_modules/.bin/astro'), 'build'],
    env,
  );
  if (astro.code !== 0) throw new Error(`astro build failed:\n${astro.log.map(([, l]) => l).join('\n')}`);
  const peak = Number(readFileSync(peakFile, 'utf8').trim().split('\n').at(-1));
  const images =
    astro.log.find(([, l]) => /images: \d+ drawn/.test(l))?.[1].replace(/^.*?\] /, '') ?? '(no image line)';
  const result = {
    seconds: validate.seconds + astro.seconds,
    peakMiB: peak / 1024,
    phases: [['validate', validate.seconds], ...phasesOf(astro.log)] as [string, number][],
    images,
  };
  console.log(`${label}: ${result.seconds.toFixed(1)} s, peak ${result.peakMiB.toFixed(0)} MiB; ${images}`);
  console.log(`  ${result.phases.map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(' · ')}`);
  return result;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(
  `Build benchmark: ${pages} generated guide pages + the example, ${runs} cold/warm pair(s); Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const cold: Run[] = [];
const warm: Run[] = [];
for (let r = 0; r < runs; r++) {
  const dir = mkdtempSync(join(tmpdir(), 'icp-bench-build-'));
  try {
    cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
    mkdirSync(join(dir, 'content', 'pages'), { recursive: true });
    for (let i = 1; i <= pages; i++)
      writeFileSync(join(dir, 'content', 'pages', `bench-${String(i).padStart(4, '0')}.md`), guidePage(i));
    // Cold as in a fresh clone: Astro's content store and caches go too (they also remember the
    // paths of the previous run's content folder).
    rmSync(join(root, '.astro'), { recursive: true, force: true });
    rmSync(join(root, 'node_modules', '.astro'), { recursive: true, force: true });
    cold.push(await build(dir, `run ${r + 1} cold`));
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    warm.push(await build(dir, `run ${r + 1} warm`));
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
if (runs > 1) {
  for (const [name, list] of [
    ['cold', cold],
    ['warm', warm],
  ] as const) {
    console.log(
      `median ${name}: ${median(list.map((r) => r.seconds)).toFixed(1)} s, peak ${median(list.map((r) => r.peakMiB)).toFixed(0)} MiB`,
    );
  }
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
