// Builds the example playbook (the copy in test/fixtures/example, not content/) once for the build and browser tests (under a minute), into
// .test-dist/example so a user's dist/ is never touched. Set ICP_TEST_REUSE_BUILD=1 to reuse it.
// Both the build and the e2e projects list this setup and vitest may start them together: a
// lock directory makes the second one wait for the first build instead of wiping it mid-read.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestProject } from 'vitest/node';
import { BUILD_LOG, BUILT_SITE, EXAMPLE_CONTENT } from './helpers/built-site.ts';
import { runFixtureBuild } from './helpers/fixture-build.ts';

const LOCK = `${BUILT_SITE}.lock`;
const DONE = join(BUILT_SITE, '.test-build-run');

function lockHolderAlive(): boolean {
  try {
    process.kill(Number(readFileSync(join(LOCK, 'pid'), 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  // What buildFixture (test/helpers/fixture-build.ts) keys "built in this run" on.
  project.provide('testRunId', randomUUID());
  // Built in this very run (by the other project's setup): nothing to do.
  if (existsSync(DONE) && readFileSync(DONE, 'utf8') === String(process.pid)) return;
  if (process.env['ICP_TEST_REUSE_BUILD'] === '1' && existsSync(BUILT_SITE) && existsSync(BUILD_LOG)) return;
  mkdirSync(join(BUILT_SITE, '..'), { recursive: true });
  try {
    mkdirSync(LOCK);
  } catch {
    if (lockHolderAlive()) {
      while (existsSync(LOCK)) await sleep(200);
      if (existsSync(DONE)) return;
      throw new Error('The other test project failed to build the example playbook; see its error above.');
    }
    // A lock left by a run that was killed: take it over.
    rmSync(LOCK, { recursive: true, force: true });
    mkdirSync(LOCK);
  }
  writeFileSync(join(LOCK, 'pid'), String(process.pid));
  try {
    const started = Date.now();
    rmSync(BUILD_LOG, { force: true });
    const result = runFixtureBuild(EXAMPLE_CONTENT, BUILT_SITE);
    if (result.status !== 0) throw new Error(`Building the example playbook failed:\n${result.output}`);
    // Beside the site, not in it: what the build said, for the tests of its log.
    writeFileSync(BUILD_LOG, result.stdout);
    writeFileSync(DONE, String(process.pid));
    console.log(`Built the example playbook for tests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
