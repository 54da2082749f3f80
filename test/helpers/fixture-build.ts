// Every playbook a test builds goes through here: `npm run build` on a fixture's content (never
// the live content/), on a fixed day, into a folder of .test-dist/ so a user's dist/ is never
// touched. Each build is its own process: the playbook's modules read ICP_CONTENT_DIR when they
// load and keep per-build state (the playbook, the image pool, the search index), so builds of
// different content cannot share one Node process, as Astro's `build()` in a test worker would.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { inject } from 'vitest';
import { PROJECT_ROOT } from './built-site.ts';

/** The day fixtures are built "on": which files are stale must not change with the calendar. */
const FIXTURE_TODAY = '2026-11-23';

export interface FixtureBuild {
  status: number | null;
  /** What the build printed on standard output (its log). */
  stdout: string;
  /** Standard output and error, for a failure message. */
  output: string;
  outDir: string;
}

/** The content folder of the fixture `test/fixtures/<name>/`. */
export function fixtureContent(name: string): string {
  return join(PROJECT_ROOT, 'test', 'fixtures', name, 'content');
}

/** `out` as a folder: a name under .test-dist/, or an absolute path. */
function outFolder(out: string): string {
  return isAbsolute(out) ? out : join(PROJECT_ROOT, '.test-dist', out);
}

/**
 * Runs `npm run build` on `contentDir` into `out`, from nothing: the folder and its Astro cache
 * are removed first (the cache's content store remembers the previous run's content folder,
 * often a deleted temporary one, and fails to resolve its MDX pages). `env` adds or, with
 * `undefined`, removes variables.
 */
export function runFixtureBuild(
  contentDir: string,
  out: string,
  env: Record<string, string | undefined> = {},
): FixtureBuild {
  const outDir = outFolder(out);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(`${outDir}.astro-cache`, { recursive: true, force: true });
  const merged: Record<string, string | undefined> = {
    ...process.env,
    ICP_CONTENT_DIR: contentDir,
    ICP_OUT_DIR: outDir,
    ICP_TODAY: FIXTURE_TODAY,
    ...env,
  };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, env: merged, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}`, outDir };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A new id per run of a project that lists test/global-setup.ts. */
    testRunId: string;
  }
}

/**
 * Builds a fixture that must build, or throws with the build's output; returns the site folder.
 * Once per test run: the test files of one run share a build of the same content and `env` (the
 * marker holds the run's id, from test/global-setup.ts, with both), and ICP_TEST_REUSE_BUILD=1
 * reuses any earlier one, as for the example. Without the global setup, it always builds.
 */
export function buildFixture(contentDir: string, out: string, env: Record<string, string | undefined> = {}): string {
  const outDir = outFolder(out);
  const marker = join(outDir, '.test-build-run');
  const run = inject('testRunId') as string | undefined;
  const stamp = JSON.stringify({ run, contentDir, env });
  if (
    existsSync(marker) &&
    (process.env['ICP_TEST_REUSE_BUILD'] === '1' || (run && readFileSync(marker, 'utf8') === stamp))
  )
    return outDir;
  const build = runFixtureBuild(contentDir, outDir, env);
  if (build.status !== 0) throw new Error(`Building ${contentDir} failed:\n${build.output}`);
  writeFileSync(marker, stamp);
  return outDir;
}
