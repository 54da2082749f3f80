// `npm run bench:widget`: how long one keystroke takes in the scoring widget of an ICP with
// many signals. Builds a playbook (the test fixture, its ICP given N signals, all on the
// number attribute being typed in: every row's explanation changes on every keystroke) into a
// temporary folder, serves it on 127.0.0.1, and types digits into the widget in Chromium: the
// time from the input event to the end of the layout it causes, median of 15 keystrokes.
//   --signals=N   signals in the ICP (default 10000)
// The machine may be shared: the figure is a median, and the load average is printed.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const signals = Number(process.argv.find((a) => a.startsWith('--signals='))?.split('=')[1] ?? 10_000);
const root = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'icp-bench-widget-'));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

try {
  const content = join(dir, 'content');
  cpSync(join(root, 'test', 'fixtures', 'valid', 'content'), content, { recursive: true });
  const icpFile = join(content, 'icps', 'core.md');
  // 100 signals of +1 (best points total 100) and the rest of −1, each on its own range of employees.
  const rows = Array.from(
    { length: signals },
    (_, i) =>
      `  - label: Employees band ${i + 1}\n    attribute: employees\n    between: [${i * 10}, ${i * 10 + 9}]\n    points: ${i < 100 ? 1 : -1}`,
  );
  writeFileSync(
    icpFile,
    readFileSync(icpFile, 'utf8').replace(/signals:[\s\S]*?\ntiers:/, `signals:\n${rows.join('\n')}\ntiers:`),
  );
  const env = {
    ...process.env,
    ICP_CONTENT_DIR: content,
    ICP_OUT_DIR: join(dir, 'dist'),
    ICP_SLIDES_CACHE: join(dir, 'cache'),
    ICP_TODAY: '2026-11-23',
  };
  console.log(`Widget benchmark: one ICP with ${signals} signals; load average ${load()}. Building…`);
  // Astro's content store remembers the previous content folder's paths: start clean.
  rmSync(join(root, '.astro'), { recursive: true, force: true });
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, env, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`The build failed:\n${built.stdout}\n${built.stderr}`);

  const site = join(dir, 'dist');
  const server = createServer((req, res) => {
    let file = normalize(join(site, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!file.startsWith(site) || !existsSync(file)) file = join(site, '404.html');
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const type =
      { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ??
      'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    // A page with thousands of signals is large: on a busy machine loading it takes a while.
    page.setDefaultTimeout(600_000);
    await page.goto(`http://127.0.0.1:${port}/icps/core/`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('score-widget.is-ready');
    const times = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('score-widget input[name="employees"]')!;
      const out: number[] = [];
      let text = '';
      for (let k = 0; k < 16; k++) {
        text = k % 4 === 0 ? '' : `${text}${k % 10}`;
        const started = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // The layout the new result causes, as the next frame would do it.
        void document.body.offsetHeight;
        out.push(performance.now() - started);
      }
      return out.slice(1);
    });
    const sorted = [...times].sort((a, b) => a - b);
    const rowsShown = await page.evaluate(() => document.querySelectorAll('score-widget .sw-signals tbody tr').length);
    console.log(
      `Keystroke to layout, median of ${times.length}: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms (fastest ${sorted[0]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms); ${rowsShown} signal rows in the page`,
    );
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`load average after: ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
