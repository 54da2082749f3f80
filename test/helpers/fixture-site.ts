// Builds a fixture playbook into its own folder of .test-dist/, for browser tests that need
// other content than the example (never the live content/).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './built-site.ts';
import { TEST_TODAY } from '../global-setup.ts';

/** Runs `npm run build` on `content` into .test-dist/<name>; returns the built folder. Throws with the build's output if it fails. */
export function buildFixtureSite(content: string, name: string): string {
  const out = join(PROJECT_ROOT, '.test-dist', name);
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ICP_CONTENT_DIR: content, ICP_OUT_DIR: out, ICP_TODAY: TEST_TODAY },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`Building ${content} failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}

/** `npm run score` on a file with a fixture playbook, as a user runs it; stdout is the scored CSV. */
export function scoreWithCli(
  content: string,
  args: readonly string[],
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/score.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ICP_CONTENT_DIR: content },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
