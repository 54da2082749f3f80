// The scripts as real processes: the in-process tests call `main(argv, io)`; these check what
// only a process shows (the entry point, exit codes, standard streams, no stack trace).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'icp-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function node(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, GITHUB_ACTIONS: '', ...env },
    encoding: 'utf8',
  });
}

describe('the command-line scripts as processes', () => {
  it('npm run score writes CSV to standard output and its summary to standard error, exit 0', () => {
    const result = node('scripts/score.ts', ['test/fixtures/csv/comma.csv'], {
      ICP_CONTENT_DIR: 'test/fixtures/csv/content',
    });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe('Acme,240,fr,hubspot,yes,12,core,fit,100,100,Tier 1,,');
    expect(result.stderr).toMatch(
      /^Scored 3 accounts \(1 fit, 1 unknown, 1 out\) against best fit of core in \d+\.\d s\.\n$/,
    );
  });

  it('npm run score fails in one line with exit code 1, no stack trace', () => {
    const result = node('scripts/score.ts', ['absent.csv'], { ICP_CONTENT_DIR: 'test/fixtures/csv/content' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/absent\.csv/);
  });

  it('npm run validate exits 0 on valid content and 1 with one line per problem', () => {
    const content = join(work, 'content');
    cpSync('test/fixtures/valid/content', content, { recursive: true });
    const valid = node('scripts/validate.ts', [], { ICP_CONTENT_DIR: content });
    expect(valid.status).toBe(0);
    expect(valid.stdout).toMatch(/^Content is valid: /);
    const icp = join(content, 'icps/core.md');
    writeFileSync(
      icp,
      readFileSync(icp, 'utf8').replace('attribute: employees\n    between', 'attribute: employes\n    between'),
    );
    const broken = node('scripts/validate.ts', [], { ICP_CONTENT_DIR: content });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/core\.md:9:16 {2}filters\[0\]\.attribute {2}unknown attribute "employes"/);
    expect(broken.stderr).not.toMatch(/\n {4}at /);
  });

  it('npm run new writes a file and says where, exit 0; a bad id is one line, exit 1', () => {
    const content = join(work, 'new-content');
    cpSync('test/fixtures/valid/content', content, { recursive: true });
    const created = node('scripts/new.ts', ['page', 'plays'], { ICP_CONTENT_DIR: content, ICP_TODAY: '' });
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/^Created .*plays\.md/);
    expect(existsSync(join(content, 'pages/plays.md'))).toBe(true);
    const refused = node('scripts/new.ts', ['page', 'Bad Id'], { ICP_CONTENT_DIR: content });
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  });
});
