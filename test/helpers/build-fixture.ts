// Builds a playbook fixture from test/fixtures/<name>/content into .test-dist/<out>, once per
// test run: browser test files of one run (vitest workers of one parent) share the build.
// ICP_TEST_REUSE_BUILD=1 reuses any earlier build, as for the example.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './built-site.ts';

/** The day fixtures are built "on" (matches test/global-setup.ts). */
const TEST_TODAY = '2026-11-23';

/** Builds `test/fixtures/<fixture>/content` and returns the built site's folder. */
export function buildFixture(fixture: string, out: string): string {
  const dist = join(PROJECT_ROOT, '.test-dist', out);
  const marker = join(dist, '.test-build-run');
  const run = String(process.ppid);
  if (existsSync(marker) && (process.env['ICP_TEST_REUSE_BUILD'] === '1' || readFileSync(marker, 'utf8') === run))
    return dist;
  rmSync(dist, { recursive: true, force: true });
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ICP_CONTENT_DIR: join(PROJECT_ROOT, 'test', 'fixtures', fixture, 'content'),
      ICP_OUT_DIR: dist,
      ICP_TODAY: TEST_TODAY,
    },
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`Building the fixture ${fixture} failed:\n${result.stdout}\n${result.stderr}`);
  writeFileSync(marker, run);
  return dist;
}
