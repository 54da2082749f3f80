// `npm run bench:score [-- rows]`: generates a CSV of random accounts (1,000,000 by default; column
// names and option values through the playbook's aliases, 1 number in 5 as a band) in a temporary folder, scores it with the real CLI (`node scripts/score.ts`) in a child process,
// and reports rows/s, wall time and the child's peak memory (RSS).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadPlaybookFromDisk, PROJECT_ROOT } from '../src/content-fs.ts';
import type { Attribute } from '../src/schemas/attribute.ts';
import { seededRandom } from './lib/seeded-random.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(rows) || rows < 1) {
  console.error('Usage: npm run bench:score [-- <rows>] (a whole number, default 1000000)');
  process.exit(1);
}

// Deterministic, so every run scores the same file.
const { random, pick } = seededRandom(42);

// Headcount bands as CRMs and LinkedIn export them: read as intervals.
const BANDS = ['1-10', '11-50', '51-200', '201-500', '501-1,000', '1,001-5,000', '10,001+'];

/** An option as a CRM would write it: its first alias when it has one (read through the aliases), else its id. */
function optionCell(option: { id: string; aliases?: string[] | undefined }): string {
  return option.aliases?.[0] ?? option.id;
}

/** A column name as a CRM export would have it: the attribute's first plain alias, else its id. */
function header(attribute: Attribute): string {
  const alias = (attribute.aliases as readonly (string | { column: string })[] | undefined)?.find((a): a is string => typeof a === "string");
  return alias ?? attribute.id;
}

/** A realistic cell: about 10% of cells empty (unknown), numbers as a rep would type them, 1 in 5 as a band. */
function cell(attribute: Attribute): string {
  if (random() < 0.1) return '';
  switch (attribute.type) {
    case 'number':
      return random() < 0.2 ? pick(BANDS) : String(Math.floor(random() * random() * 3000));
    case 'choice':
      return optionCell(pick(attribute.options));
    case 'choices': {
      const count = 1 + Math.floor(random() * 3);
      return Array.from({ length: count }, () => optionCell(pick(attribute.options))).join('|');
    }
    case 'boolean':
      return random() < 0.5 ? 'true' : 'false';
  }
}

/** Quotes a cell holding a comma or a quote (bands such as 1,001-5,000, alias names). */
function quote(cell: string): string {
  return /[",]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

async function generate(file: string, attributes: Attribute[]): Promise<void> {
  const out = createWriteStream(file);
  out.write(['company', 'domain', ...attributes.map(header)].map(quote).join(',') + '\n');
  let batch = '';
  for (let i = 1; i <= rows; i++) {
    batch += [`Company ${i}`, `company-${i}.example`, ...attributes.map(cell)].map(quote).join(',') + '\n';
    if (i % 10_000 === 0 || i === rows) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end();
  await once(out, 'finish');
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
  await generate(input, model.attributes);
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
