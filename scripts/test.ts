// `npm test`: every test tier. Browser tests need Chromium; without it they cannot run, and
// this says so plainly (and fails under CI=true, where a silent gap would hide regressions).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromium);
const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';

if (!hasChromium && inCi) {
  console.error(`Browser tests cannot run: no Chromium at ${chromium}. Install it (apt-get install -y chromium) — CI must run every test.`);
  process.exit(1);
}

const projects = hasChromium ? ['unit', 'build', 'dev', 'e2e'] : ['unit', 'build', 'dev'];
const args = ['run', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)];
const result = spawnSync('vitest', args, { stdio: 'inherit', shell: false });

if (!hasChromium) {
  console.log(`\n*** Browser tests did NOT run: no Chromium at ${chromium}. ***`);
  console.log('*** Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH). ***\n');
}
process.exit(result.status ?? 1);
