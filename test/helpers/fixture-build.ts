// Builds a fixture playbook with `npm run build` (validator, then Astro) into .test-dist/<name>,
// as a team would build its own: tests never build the live content/. Set
// ICP_TEST_REUSE_BUILD=1 to reuse a previous build of the same fixture.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './built-site.ts';

/** The day fixtures are built "on": which files are stale must not change with the calendar. */
export const FIXTURE_TODAY = '2026-11-23';

export interface FixtureBuild {
  status: number | null;
  output: string;
  outDir: string;
}

/** Runs `npm run build` on `contentDir`; `outName` names the folder under .test-dist/. */
export function runFixtureBuild(contentDir: string, outName: string): FixtureBuild {
  const outDir = join(PROJECT_ROOT, '.test-dist', outName);
  rmSync(outDir, { recursive: true, force: true });
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ICP_CONTENT_DIR: contentDir, ICP_OUT_DIR: outDir, ICP_TODAY: FIXTURE_TODAY },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** Builds a fixture that must build, or throws with the build's output; returns the site folder. */
export function buildFixture(contentDir: string, outName: string): string {
  const outDir = join(PROJECT_ROOT, '.test-dist', outName);
  const done = join(outDir, '.test-build-done');
  if (process.env['ICP_TEST_REUSE_BUILD'] === '1' && existsSync(done)) return outDir;
  const build = runFixtureBuild(contentDir, outName);
  if (build.status !== 0) throw new Error(`Building ${contentDir} failed:\n${build.output}`);
  writeFileSync(done, '');
  return outDir;
}
