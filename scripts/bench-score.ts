// `npm run bench:score [-- rows]`: generates a CSV of random accounts (1,000,000 by default; column
// names and option values through the playbook's aliases, 1 number in 5 as a band) in a temporary
// folder, scores it with the real CLI (`node scripts/score.ts`) in a child process, once on one
// thread (ICP_SCORE_THREADS=1, the baseline) and once on every core (the default for big files),
// and reports rows/s, wall and CPU time, the child's peak memory (RSS) and whether both outputs match.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadPlaybookFromDisk, PROJECT_ROOT } from '../src/content-fs.ts';
import { generateAccounts } from './lib/generate-accounts.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
/** Paired runs of each way; the medians are printed. */
const RUNS = 3;
if (!Number.isInteger(rows) || rows < 1) {
  console.error('Usage: npm run bench:score [-- <rows>] (a whole number, default 1000000)');
  process.exit(1);
}

const { model } = loadPlaybookFromDisk();
if (!model) {
  console.error('Content is invalid: run npm run validate first.');
  process.exit(1);
}
// ICP_BENCH_KEEP=1 keeps the generated files (to profile the scorer on them); they are printed.
const keep = process.env['ICP_BENCH_KEEP'] === '1';
const dir = mkdtempSync(join(tmpdir(), 'icp-bench-'));
try {
  const input = join(dir, 'accounts.csv');
  const output = join(dir, 'scored.csv');
  await generateAccounts(input, model.attributes, rows);
  const mb = (statSync(input).size / 1024 / 1024).toFixed(1);
  console.log(`Generated ${rows.toLocaleString('en-US')} accounts (${mb} MB). Scoring with node scripts/score.ts…`);

  // One thread (the serial scorer, the baseline) and every core (the default for big files),
  // paired runs in turn; the medians are compared.
  const serialRuns = [];
  const parallelRuns = [];
  for (let run = 0; run < RUNS; run++) {
    serialRuns.push(await runScorer(input, join(dir, 'serial.csv'), { ICP_SCORE_THREADS: '1' }));
    parallelRuns.push(await runScorer(input, output, {}));
  }
  const serial = median(serialRuns);
  const parallel = median(parallelRuns);
  const same = (await digest(join(dir, 'serial.csv'))) === (await digest(output));
  const [load] = loadavg();
  for (const [name, run] of [
    ['1 thread', serial],
    [`${availableParallelism()} threads (default)`, parallel],
  ] as const) {
    console.log(
      `${name}, median of ${RUNS}: ${rows.toLocaleString('en-US')} rows in ${run.seconds.toFixed(2)} s wall time (${run.cpu.toFixed(2)} s CPU): ${Math.round(rows / run.seconds).toLocaleString('en-US')} rows/s, peak RSS ${run.rss.toFixed(0)} MiB.`,
    );
  }
  console.log(
    `Every core is ${(serial.seconds / parallel.seconds).toFixed(2)}× faster than one thread; outputs ${same ? 'byte-identical' : 'DIFFERENT'}. ` +
      `Target for 1M rows: 5 s wall. Load average when it ended: ${load!.toFixed(1)} on ${availableParallelism()} cores.`,
  );
  if (!same) process.exitCode = 1;
} finally {
  if (keep) console.log(`Kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

/** The run with the median wall time. */
function median<T extends { seconds: number }>(runs: readonly T[]): T {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
}

/** Runs `node scripts/score.ts input --out output` with extra environment; its wall time, CPU time and peak memory. */
async function runScorer(
  input: string,
  output: string,
  env: Record<string, string>,
): Promise<{ seconds: number; cpu: number; rss: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [resolve(PROJECT_ROOT, 'scripts/score.ts'), input, '--out', output], {
    env: { ...process.env, ...env, ICP_SCORE_REPORT_RSS: '1' },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const [code] = (await once(child, 'exit')) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    console.error(stderr.trim());
    console.error(`The scorer exited with code ${code}.`);
    process.exit(1);
  }
  return {
    seconds,
    rss: Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024,
    cpu: Number(/cpuMicros=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1e6,
  };
}

/** SHA-256 of a file, read as a stream. */
async function digest(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
