// `npm run bench:score [-- rows]`: generates a CSV of random accounts (1,000,000 by default; column
// names and option values through the playbook's aliases, 1 number in 5 as a band) in a temporary folder, scores it with the real CLI (`node scripts/score.ts`) in a child process,
// and reports rows/s, wall time and the child's peak memory (RSS).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadPlaybookFromDisk, PROJECT_ROOT } from '../src/content-fs.ts';
import { generateAccounts } from './lib/generate-accounts.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
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

  const started = performance.now();
  const child = spawn(process.execPath, [resolve(PROJECT_ROOT, 'scripts/score.ts'), input, '--out', output], {
    env: { ...process.env, ICP_SCORE_REPORT_RSS: '1' },
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
  const rss = Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
  const cpu = Number(/cpuMicros=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1e6;
  console.log(stderr.replace(/^maxRSS=.*\n?/m, '').trim());
  const [load] = loadavg();
  console.log(
    `${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(2)} s wall time (${cpu.toFixed(2)} s CPU): ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, ` +
      `peak RSS ${rss.toFixed(0)} MiB. Targets for 1M rows: 5 s, 250 MiB. Load average when it ended: ${load!.toFixed(1)} on ${availableParallelism()} cores.`,
  );
} finally {
  if (keep) console.log(`Kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
