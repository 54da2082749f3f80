// `npm run bench:batch-memory [-- <MB>]`: the memory of /score/ while it scores a big CSV in
// real Chromium (default 100 MB). Builds the fixture playbook (test/fixtures/valid/content),
// generates the CSV, chooses it in the page's file picker (the browser reads it from disk, as
// for a user), and samples the memory of the page's renderer process (page and worker
// together) every 100 ms. Prints two peaks, no pass/fail:
// - private memory: what Chromium itself counts as a process's private memory footprint on
//   Linux (RssAnon + VmSwap of /proc/<pid>/status), the "Memory footprint" of its task manager;
// - resident memory (VmRSS): the same plus the file pages of Chromium's code and data that
//   every Chromium process maps (about 130 MB here, counted again in each process).
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/content-fs.ts';
import { CHROMIUM_PATH, hasChromium, launchBrowser } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';
import { seededRandom } from './lib/seeded-random.ts';

const megabytes = Number(process.argv.slice(2).find((arg) => arg !== '--') ?? 100);
if (!Number.isFinite(megabytes) || megabytes <= 0) {
  console.error('Usage: npm run bench:batch-memory [-- <MB>] (size of the generated CSV, default 100)');
  process.exit(1);
}
if (!hasChromium()) {
  console.error(`No Chromium at ${CHROMIUM_PATH}: install it with apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'icp-bench-batch-'));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

try {
  // The fixture playbook: employees, region (fr, de), stack (hubspot, salesforce), hiring_revops.
  const content = join(work, 'content');
  cpSync(join(PROJECT_ROOT, 'test', 'fixtures', 'valid', 'content'), content, { recursive: true });
  const site = join(work, 'site');
  const build = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ICP_CONTENT_DIR: content, ICP_OUT_DIR: site },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`Building the fixture playbook failed:\n${build.stdout}\n${build.stderr}`);

  // A CRM-like export: ids, names with commas, phones, a domain, the four attributes, some empty cells.
  const csv = join(work, 'accounts.csv');
  const { random, pick } = seededRandom(42);
  const out = createWriteStream(csv);
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let rows = 0;
  const header = 'Record ID,Company name,Domain,Phone Number,employees,region,stack,hiring_revops\n';
  out.write(header);
  written += header.length;
  const words = [
    'Acme',
    'Bolt',
    'Cargo',
    'Dune',
    'Éclair',
    'Fjord',
    'Globex',
    'Helix',
    'Initech',
    'Juno',
    'Kappa',
    'Lumen',
  ];
  while (written < target) {
    let chunk = '';
    for (let i = 0; i < 10_000; i++) {
      rows++;
      const name = `${pick(words)} ${pick(words)} ${rows}`;
      const maybe = (text: string) => (random() < 0.12 ? '' : text);
      chunk += `${rows},"${name}, SAS",${name.toLowerCase().replaceAll(' ', '-')}.example,+33 1 ${String(rows).padStart(8, '0')},${maybe(String(Math.floor(random() * 3000)))},${maybe(pick(['fr', 'de', 'France', 'Germany', 'us']))},${maybe(pick(['hubspot', 'salesforce', 'hubspot|salesforce', '']))},${maybe(pick(['yes', 'no']))}\n`;
    }
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  console.log(`Generated ${rows.toLocaleString('en-US')} rows, ${mb(statSync(csv).size)}.`);

  const server = await serveStatic(site);
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/score/`, { waitUntil: 'networkidle' });
    const before = new Map(rendererProcesses().map((p) => [p.pid, p]));
    // The renderer of /score/ is the one whose private memory grows most.
    const peaks = new Map<number, { rss: number; private: number }>();
    const timer = setInterval(() => {
      for (const { pid, rss, private: own } of rendererProcesses()) {
        const peak = peaks.get(pid) ?? { rss: 0, private: 0 };
        peaks.set(pid, { rss: Math.max(peak.rss, rss), private: Math.max(peak.private, own) });
      }
    }, 100);
    const started = Date.now();
    await page.getByLabel('Choose a file').setInputFiles(csv);
    await page
      .locator('batch-scorer[data-state="done"], batch-scorer[data-state="error"]')
      .waitFor({ timeout: 30 * 60_000 });
    const seconds = (Date.now() - started) / 1000;
    clearInterval(timer);
    const state = await page.locator('batch-scorer').getAttribute('data-state');
    if (state === 'error')
      throw new Error(`The page could not score the file: ${await page.locator('[data-batch="error"]').textContent()}`);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    console.log(
      `Scored ${await page.locator('batch-scorer').getAttribute('data-rows')} rows in the page in ${seconds.toFixed(1)} s (${await page.locator('[data-batch="summary"]').textContent()})`,
    );
    // The page's renderer was there before the file: of those, the one that grew most.
    const growth = (pid: number) => peaks.get(pid)!.private - before.get(pid)!.private;
    const pid = [...peaks.keys()].filter((p) => before.has(p)).sort((a, b) => growth(b) - growth(a))[0];
    if (pid === undefined) throw new Error('No renderer process of Chromium could be measured in /proc.');
    const peak = peaks.get(pid)!;
    const start = before.get(pid)!;
    console.log(
      `Renderer process of /score/ (page + worker): private memory ${mb(start.private)} before the file, peak ${mb(peak.private)} while scoring; resident memory (with Chromium's shared pages) ${mb(start.rss)} before, peak ${mb(peak.rss)}.`,
    );
    console.log(`Page JS heap after scoring (CDP JSHeapUsedSize): ${mb(heap)}.`);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Chromium renderer processes started by this script (descendants of its browser), with their resident and private memory. */
function rendererProcesses(): { pid: number; rss: number; private: number }[] {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commands.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
    } catch {
      // The process ended while listed.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  const result: { pid: number; rss: number; private: number }[] = [];
  for (const [pid, command] of commands) {
    if (!command.includes('--type=renderer') || !ours(pid) || !existsSync(`/proc/${pid}/status`)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
      result.push({
        pid,
        rss: kilobytes('VmRSS') * 1024,
        private: (kilobytes('RssAnon') + kilobytes('VmSwap')) * 1024,
      });
    } catch {
      // Gone.
    }
  }
  return result;
}
