// `npm run bench:impact [-- rows]`: the impact report over a CSV of generated accounts
// (1,000,000 by default). Copies content/ into a temporary git repository, commits a change
// (in each ICP, a filter bound raised and a tier threshold raised), runs the
// real CLI (`node scripts/impact.ts --base HEAD~1 --accounts file`) in a child process, and
// prints the wall time and the child's peak memory (RSS). ICP_BENCH_PRINT=1 prints the whole report.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { contentDir, loadPlaybookFromDisk, PROJECT_ROOT } from '../src/content-fs.ts';
import { generateAccounts } from './lib/generate-accounts.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(rows) || rows < 1) {
  console.error('Usage: npm run bench:impact [-- <rows>] (a whole number, default 1000000)');
  process.exit(1);
}
const { model } = loadPlaybookFromDisk();
if (!model) {
  console.error('Content is invalid: run npm run validate first.');
  process.exit(1);
}

/** A change a reviewer would meet, made to every ICP: its first number filter raised by a fifth, its first tier 5 points higher. */
function change(text: string): string {
  return text
    .replace(/between: \[(\d+), /, (_, min: string) => `between: [${Math.round(Number(min) * 1.2)}, `)
    .replace(
      /(tiers:\s*\n\s*- \{ label: [^,]+, min: )(\d+)/,
      (_, head: string, min: string) => `${head}${Math.min(100, Number(min) + 5)}`,
    );
}

const dir = mkdtempSync(join(tmpdir(), 'icp-bench-impact-'));
try {
  const repo = join(dir, 'repo');
  cpSync(contentDir(), join(repo, 'content'), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.email=bench@example.com', '-c', 'user.name=Bench', '-c', 'commit.gpgsign=false', ...args],
      { cwd: repo, stdio: 'pipe' },
    );
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  for (const name of readdirSync(join(repo, 'content/icps')).filter((file) => file.endsWith('.md'))) {
    const file = join(repo, 'content/icps', name);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  }
  git('commit', '-qam', 'change');

  const input = join(dir, 'accounts.csv');
  await generateAccounts(input, model.attributes, rows);
  const mb = (statSync(input).size / 1024 / 1024).toFixed(1);
  console.log(
    `Generated ${rows.toLocaleString('en-US')} accounts (${mb} MB). Running node scripts/impact.ts --base HEAD~1 --accounts …`,
  );
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [resolve(PROJECT_ROOT, 'scripts/impact.ts'), '--base', 'HEAD~1', '--accounts', input],
    {
      env: {
        ...process.env,
        ICP_CONTENT_DIR: join(repo, 'content'),
        ICP_IMPACT_REPORT_RSS: '1',
        GITHUB_STEP_SUMMARY: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const [code] = (await once(child, 'exit')) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    console.error(stderr.trim());
    console.error(`The impact report exited with code ${code}.`);
    process.exit(1);
  }
  const rss = Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
  const cpu = Number(/cpuMicros=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1e6;
  console.log(process.env['ICP_BENCH_PRINT'] === '1' ? stdout : stdout.split('\n')[2]);
  const [load] = loadavg();
  console.log(
    `${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(2)} s wall time (${cpu.toFixed(2)} s CPU), peak RSS ${rss.toFixed(0)} MiB, ` +
      `report ${stdout.length.toLocaleString('en-US')} characters. Target for 1M rows: ≤ 250 MiB. Load average when it ended: ${load!.toFixed(1)} on ${availableParallelism()} cores.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
