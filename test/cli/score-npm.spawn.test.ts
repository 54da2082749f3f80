// `npm run score` spawned for real, as the docs show it: what lands in the file or the pipe.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'icp-score-npm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const input = join(root, 'test/fixtures/csv/comma.csv');

// The npm of the machine, with this project's Node first on the PATH; no loglevel inherited from
// an outer `npm run --silent test`, so npm prints its banner as it does for a user.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ICP_CONTENT_DIR: 'test/fixtures/csv/content',
  PATH: `${join(root, 'node_modules/.bin')}:${process.env['PATH']}`,
};
for (const key of Object.keys(env)) if (key.toLowerCase().startsWith('npm_')) delete env[key];

function shell(command: string) {
  return spawnSync('sh', ['-c', command], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

const expected = spawnSync(process.execPath, ['scripts/score.ts', input], { cwd: root, env, encoding: 'utf8' }).stdout;

describe('npm run score as the docs show it', { timeout: 120_000 }, () => {
  it('npm run score -- in.csv > out.csv writes the CSV alone, header first', () => {
    const out = join(work, 'out.csv');
    const result = shell(`npm run score -- "${input}" > "${out}"`);
    expect(result.status).toBe(0);
    expect(expected.startsWith('company,employees,')).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });

  it('npm run --silent score -- - reads standard input and pipes the CSV alone', () => {
    const result = shell(`npm run --silent score -- - < "${input}" | cat`);
    expect(result.stdout).toBe(expected);
  });

  it('refuses, in one line, to pipe after npm has written its banner', () => {
    const result = spawnSync('npm', ['run', 'score', '--', input], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toContain('company,employees');
    expect(result.stderr).toContain(
      'npm has written its "> icp-playbook score" banner into standard output, before the CSV: run npm run --silent score -- …',
    );
  });
});
