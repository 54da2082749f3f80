// `npm run impact` as a real process through npm, once: the same report as in process
// (test/cli/impact.test.ts covers the behaviour), the job summary written, exit code 0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { main } from '../../scripts/impact.ts';
import { makeImpactRepo } from '../helpers/impact-repo.ts';
import { runCli } from '../helpers/run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'icp-impact-spawn-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('prints the report and appends it to the GitHub job summary through npm run', async () => {
  const { content } = makeImpactRepo(work);
  const summaryFile = join(work, 'summary.md');
  writeFileSync(summaryFile, '# Earlier step\n');
  const result = spawnSync('npm', ['run', '--silent', 'impact', '--', '--base', 'HEAD~1'], {
    env: { ...process.env, ICP_CONTENT_DIR: content, GITHUB_STEP_SUMMARY: summaryFile },
    encoding: 'utf8',
  });
  expect(result.stderr).toMatch(/^Compared with HEAD~1 over 10 accounts in \d+\.\d s\.\n$/);
  expect(result.status).toBe(0);
  const inProcess = await runCli(main, ['--base', 'HEAD~1'], { env: { ICP_CONTENT_DIR: content } });
  expect(result.stdout).toBe(inProcess.stdout);
  expect(result.stdout).toContain('Tier');
  expect(readFileSync(summaryFile, 'utf8')).toBe(`# Earlier step\n${result.stdout}\n`);
});
