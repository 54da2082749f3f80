// `npm run validate` as an author runs it: exit code, one line per problem, no stack trace.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/validate.ts';
import { runCli } from '../helpers/run-cli.ts';
import { encodeWindows1252 } from '../../scripts/lib/crm-export.ts';

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'icp-validate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run validate` in process (test/cli/validate.spawn.test.ts runs the real process). */
function validate(content: string, env: Record<string, string> = {}) {
  return runCli(main, [], { env: { GITHUB_ACTIONS: '', ...env, ICP_CONTENT_DIR: content } });
}

function brokenCopy(): string {
  const dir = join(work, `content-${Math.random().toString(36).slice(2)}`);
  cpSync(join(root, 'test/fixtures/valid/content'), dir, { recursive: true });
  const icp = join(dir, 'icps/core.md');
  writeFileSync(
    icp,
    readFileSync(icp, 'utf8').replace('attribute: employees\n    between', 'attribute: employes\n    between'),
  );
  return dir;
}

describe('npm run validate', () => {
  it('reads known accounts saved by French Excel (Windows-1252) and says so in one line, in the playbook language', async () => {
    const dir = join(work, 'french-1252');
    cpSync(join(root, 'test/fixtures/french-payroll/content'), dir, { recursive: true });
    const accounts = join(dir, 'accounts/comptes-connus.csv');
    writeFileSync(accounts, encodeWindows1252(readFileSync(accounts, 'utf8')));
    const { status, stdout, stderr } = await validate(dir, { ICP_TODAY: '2026-11-23' });
    // "Priorité 1" in the expect column only matches its tier when the accents were read right.
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Le contenu est valide/);
    expect(stderr).toBe(
      `${relative(root, accounts)}:1:1  -  n’est pas en UTF-8\u202f: lu en Windows-1252 (l’encodage d’Excel sous Windows)\u202f; enregistrez-le en « CSV UTF-8 » pour que tous les outils lisent ses accents de la même façon\n`,
    );
  });

  it('names a wrong ICP_TODAY and its fix in one line, exit code 1, not as a bug of the validator', async () => {
    const { status, stdout, stderr } = await validate(join(root, 'test/fixtures/valid/content'), {
      ICP_TODAY: '2026-13-45',
    });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('ICP_TODAY is "2026-13-45": write a date as YYYY-MM-DD, or unset it to use today\n');
  });

  it('passes the example playbook', async () => {
    const { status, stdout } = await validate(join(root, 'test/fixtures/example/content'));
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Content is valid: 3 ICPs, 5 personas, 4 pages, 10 attributes/);
  });

  it('fails with one line per problem, relative path first, and no stack trace', async () => {
    const dir = brokenCopy();
    const { status, stderr } = await validate(dir);
    const path = relative(root, join(dir, 'icps/core.md'));
    expect(status).toBe(1);
    expect(stderr.split('\n')[0]).toBe(
      `${path}:9:16  filters[0].attribute  unknown attribute "employes" (did you mean "employees"?)`,
    );
    expect(stderr).toContain('1 problem in content: fix it and run npm run validate again.');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('adds GitHub annotations when run in GitHub Actions', async () => {
    const { stdout } = await validate(brokenCopy(), { GITHUB_ACTIONS: 'true' });
    expect(stdout).toMatch(
      /^::error file=.*core\.md,line=9,col=16,title=filters\[0\]\.attribute::unknown attribute "employes" \(did you mean "employees"\?\)$/m,
    );
  });

  it('says where content should be when the folder is missing', async () => {
    const { status, stderr } = await validate(join(work, 'nowhere'));
    expect(status).toBe(1);
    expect(stderr).toMatch(/^No content folder at .*nowhere: create it/);
  });
});
