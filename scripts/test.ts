// `npm test`: every test tier. Browser tests need Chromium and the PostgreSQL SQL tests need
// PostgreSQL's server binaries; without them those tests cannot run, and this says so plainly
// (and fails under CI=true, where a silent gap would hide regressions).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { postgresMissing } from './lib/postgres.ts';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromium);
const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';

if (!hasChromium && inCi) {
  console.error(
    `Browser tests cannot run: no Chromium at ${chromium}. Install it (apt-get install -y chromium) — CI must run every test.`,
  );
  process.exit(1);
}

const noPostgres = postgresMissing();
if (noPostgres && inCi) {
  console.error(
    `PostgreSQL SQL tests cannot run: ${noPostgres}. Install it (apt-get install -y postgresql) — CI must run every test.`,
  );
  process.exit(1);
}

const projects = hasChromium ? ['unit', 'cli', 'sql', 'build', 'dev', 'e2e'] : ['unit', 'cli', 'sql', 'build', 'dev'];
const args = ['run', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)];
const result = spawnSync('vitest', args, { stdio: 'inherit', shell: false });

if (!hasChromium) {
  console.log(`\n*** Browser tests did NOT run: no Chromium at ${chromium}. ***`);
  console.log('*** Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH). ***\n');
}
if (noPostgres) {
  console.log(`\n*** PostgreSQL SQL tests did NOT run: ${noPostgres}. ***`);
  console.log('*** Install it with: apt-get update && apt-get install -y postgresql (or set ICP_PG_BIN). ***\n');
}
process.exit(result.status ?? 1);
