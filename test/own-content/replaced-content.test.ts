// A team replaces content/ with its own playbook: the project's own tests must stay green, since
// they test the product through fixtures, not the example. This runs the whole `npm test` in a
// copy of the repository whose content/ is a different valid playbook (French payroll software,
// other ids, other attributes). As long as the whole suite (27 minutes on a busy two-core machine):
// run it with `npm run test:own-content`. The nested run's report is written, as it runs, to
// .test-dist/own-content.log.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/built-site.ts';

const copy = mkdtempSync(join(tmpdir(), 'icp-own-content-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** The repository's files as git sees them (tracked and new, not ignored), copied to `to`. */
function copyRepository(to: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(PROJECT_ROOT, file), join(to, file));
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(to, 'node_modules'), 'dir');
}

it('npm test passes with content/ replaced by another valid playbook', () => {
  copyRepository(copy);
  rmSync(join(copy, 'content'), { recursive: true, force: true });
  cpSync(join(copy, 'test/fixtures/french-payroll/content'), join(copy, 'content'), { recursive: true });

  const validate = spawnSync('npm', ['run', 'validate', '--silent'], { cwd: copy, encoding: 'utf8' });
  expect(validate.stdout).toMatch(/^Le contenu est valide|^Content is valid/);

  // Into a file as it runs: a failure can be read while the rest of the suite goes on.
  const log = join(PROJECT_ROOT, '.test-dist', 'own-content.log');
  mkdirSync(dirname(log), { recursive: true });
  const fd = openSync(log, 'w');
  const run = spawnSync('npm', ['test', '--silent'], {
    cwd: copy,
    env: { ...process.env, CI: 'true', ICP_TEST_REUSE_BUILD: '' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const output = readFileSync(log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  // On failure, show what failed and why (the nested run's own report), not only that it did.
  const failed = output.split('\n').filter((line) => /^\s*(FAIL|×)|Error:|Test Files|Tests /.test(line));
  expect(run.status, failed.join('\n')).toBe(0);
  expect(output).toMatch(/Test Files\s+\d+ passed/);
}, 3_600_000);
