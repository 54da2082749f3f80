// Builds the example playbook once for the build and browser tests (about a minute), into
// .test-dist/example so a user's dist/ is never touched. Set ICP_TEST_REUSE_BUILD=1 to reuse it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BUILT_SITE, PROJECT_ROOT } from './helpers/built-site.ts';

export default function setup(): void {
  if (process.env['ICP_TEST_REUSE_BUILD'] === '1' && existsSync(BUILT_SITE)) return;
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ICP_OUT_DIR: BUILT_SITE },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`Building the example playbook failed:\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`Built the example playbook for tests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
