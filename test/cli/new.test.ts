// `npm run new` writes files of the right shape whose example texts fail validation until they
// are replaced, in the playbook's language, creating missing folders.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'icp-new-'));
const content = join(work, 'content');
cpSync(join(root, 'test/fixtures/valid/content'), content, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (script: string, args: string[], dir = content) =>
  spawnSync(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, ICP_CONTENT_DIR: dir, ICP_TODAY: '' }, encoding: 'utf8' });

/** What an author does: replace every example text by their own. */
function fillIn(file: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').replace(/(REPLACE ME|À REMPLACER)\u202f?: /g, 'Ours: '));
}

describe('npm run new', () => {
  it.each(['icp', 'persona', 'page'])('creates a %s whose examples fail validation until they are replaced', (kind) => {
    const created = run('scripts/new.ts', [kind, `new-${kind}`]);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(new RegExp(`^Created .*new-${kind}\\.md: replace every "REPLACE ME" text, then run npm run validate\\.`));
    const file = join(content, `${kind}s`, `new-${kind}.md`);
    const before = run('scripts/validate.ts', []);
    expect(before.status).toBe(1);
    expect(before.stderr).toMatch(/is an example left by npm run new: replace it with your own text/);
    fillIn(file);
    expect(run('scripts/validate.ts', []).stderr).toBe('');
  });

  it('makes a new ICP a draft, so it is not scored before it is ready', () => {
    expect(readFileSync(join(content, 'icps/new-icp.md'), 'utf8')).toMatch(/^status: draft/m);
  });

  it('refuses to overwrite an existing file', () => {
    const again = run('scripts/new.ts', ['page', 'guide']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/pages\/guide\.md already exists: choose another id or edit that file\.\n$/);
  });

  it('explains a bad id and a bad kind', () => {
    expect(run('scripts/new.ts', ['page', 'Sales Plays']).stderr).toBe('"Sales Plays" is not a valid id: use lowercase letters, digits and hyphens, e.g. sales-plays\n');
    expect(run('scripts/new.ts', ['deck', 'x']).stderr).toMatch(/^Unknown kind "deck": use icp, persona, page or playbook\./);
  });

  it('creates a missing folder instead of crashing', () => {
    rmSync(join(content, 'pages'), { recursive: true });
    const created = run('scripts/new.ts', ['page', 'plays']);
    expect(created.stderr).toBe('');
    expect(readdirSync(join(content, 'pages'))).toEqual(['plays.md']);
  });
});

describe('npm run new -- playbook', () => {
  const french = join(work, 'fr', 'content');

  it('starts an empty French playbook: one file of each kind, in French, that fails validation until filled in', () => {
    const started = run('scripts/new.ts', ['playbook', '--locale', 'fr'], french);
    expect(started.stderr).toBe('');
    expect(started.stdout).toMatch(/^Playbook commencé dans .*\u202f: remplacez chaque texte « À REMPLACER »/);
    expect(readdirSync(french, { recursive: true }).map(String).sort()).toEqual([
      'accounts',
      'accounts/comptes-connus.csv',
      'attributes.yaml',
      'icps',
      'icps/premier-icp.md',
      'pages',
      'pages/premier-guide.md',
      'personas',
      'personas/premier-persona.md',
      'playbook.yaml',
    ]);
    expect(readFileSync(join(french, 'icps/premier-icp.md'), 'utf8')).toContain('summary: "À REMPLACER\u202f: Une phrase qu’un commercial peut répéter sur ces entreprises."');
    const before = run('scripts/validate.ts', [], french);
    expect(before.status).toBe(1);
    expect(before.stderr.match(/exemple laissé par npm run new|example left by npm run new/g)?.length).toBeGreaterThanOrEqual(10);
    for (const file of readdirSync(french, { recursive: true }).map(String)) if (/\.(md|yaml)$/.test(file)) fillIn(join(french, file));
    const after = run('scripts/validate.ts', [], french);
    expect(after.stderr).toBe('');
    expect(after.status).toBe(0);
  });

  it('refuses to start over a playbook that exists', () => {
    const again = run('scripts/new.ts', ['playbook', '--locale', 'fr'], french);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/contient déjà un playbook/);
  });

  it('explains a bad id in the playbook\'s language', () => {
    const refused = run('scripts/new.ts', ['icp', 'PME Île-de-France'], french);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe('« PME Île-de-France » n’est pas un identifiant valide\u202f: minuscules, chiffres et tirets, par exemple pme-ile-de-france\n');
  });
});
