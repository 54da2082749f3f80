// `npm run new` writes files of the right shape whose example texts fail validation until they
// are replaced, in the playbook's language, creating missing folders.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main as newMain } from '../../scripts/new.ts';
import { main as validateMain } from '../../scripts/validate.ts';
import { runCli } from '../helpers/run-cli.ts';

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'icp-new-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the valid fixture playbook of its own: no test sees another's files. */
function freshContent(): string {
  const dir = mkdtempSync(join(work, 'content-'));
  cpSync(join(root, 'test/fixtures/valid/content'), dir, { recursive: true });
  return dir;
}

/** An empty folder of its own, for a new playbook. */
const freshFolder = () => join(mkdtempSync(join(work, 'fr-')), 'content');

/** A script's main, in process, on a content folder. */
const run = (script: 'scripts/new.ts' | 'scripts/validate.ts', args: string[], dir: string) =>
  runCli(script === 'scripts/new.ts' ? newMain : validateMain, args, { env: { ICP_CONTENT_DIR: dir, ICP_TODAY: '' } });

/** What an author does: replace every example text by their own. */
function fillIn(file: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').replace(/(REPLACE ME|À REMPLACER)\u202f?: /g, 'Ours: '));
}

describe('npm run new', () => {
  it.each(['icp', 'persona', 'page'])(
    'creates a %s whose examples fail validation until they are replaced',
    async (kind) => {
      const content = freshContent();
      const created = await run('scripts/new.ts', [kind, `new-${kind}`], content);
      expect(created.stderr).toBe('');
      expect(created.status).toBe(0);
      expect(created.stdout).toMatch(
        new RegExp(`^Created .*new-${kind}\\.md: replace every "REPLACE ME" text, then run npm run validate\\.`),
      );
      const file = join(content, `${kind}s`, `new-${kind}.md`);
      const before = await run('scripts/validate.ts', [], content);
      expect(before.status).toBe(1);
      expect(before.stderr).toMatch(/is an example left by npm run new: replace it with your own text/);
      fillIn(file);
      expect((await run('scripts/validate.ts', [], content)).stderr).toBe('');
    },
  );

  it('makes a new ICP a draft, so it is not scored before it is ready', async () => {
    const content = freshContent();
    expect((await run('scripts/new.ts', ['icp', 'new-icp'], content)).status).toBe(0);
    expect(readFileSync(join(content, 'icps/new-icp.md'), 'utf8')).toMatch(/^status: draft/m);
  });

  it('refuses to overwrite an existing file', async () => {
    const again = await run('scripts/new.ts', ['page', 'guide'], freshContent());
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/pages\/guide\.md already exists: choose another id or edit that file\.\n$/);
  });

  it('explains a bad id and a bad kind', async () => {
    const content = freshContent();
    expect((await run('scripts/new.ts', ['page', 'Sales Plays'], content)).stderr).toBe(
      '"Sales Plays" is not a valid id: use lowercase letters, digits and hyphens, e.g. sales-plays\n',
    );
    expect((await run('scripts/new.ts', ['deck', 'x'], content)).stderr).toMatch(
      /^Unknown kind "deck": use icp, persona, page or playbook\./,
    );
  });

  it('creates a missing folder instead of crashing', async () => {
    const content = freshContent();
    rmSync(join(content, 'pages'), { recursive: true });
    const created = await run('scripts/new.ts', ['page', 'plays'], content);
    expect(created.stderr).toBe('');
    expect(readdirSync(join(content, 'pages'))).toEqual(['plays.md']);
  });
});

describe('npm run new -- playbook', () => {
  it('starts an empty French playbook: one file of each kind, in French, that fails validation until filled in', async () => {
    const french = freshFolder();
    const started = await run('scripts/new.ts', ['playbook', '--locale', 'fr'], french);
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
    expect(readFileSync(join(french, 'icps/premier-icp.md'), 'utf8')).toContain(
      'summary: "À REMPLACER\u202f: Une phrase qu’un commercial peut répéter sur ces entreprises."',
    );
    const before = await run('scripts/validate.ts', [], french);
    expect(before.status).toBe(1);
    expect(
      before.stderr.match(/exemple laissé par npm run new|example left by npm run new/g)?.length,
    ).toBeGreaterThanOrEqual(10);
    for (const file of readdirSync(french, { recursive: true }).map(String))
      if (/\.(md|yaml)$/.test(file)) fillIn(join(french, file));
    const after = await run('scripts/validate.ts', [], french);
    expect(after.stderr).toBe('');
    expect(after.status).toBe(0);
  });

  it('refuses to start over a playbook that exists', async () => {
    const french = freshFolder();
    expect((await run('scripts/new.ts', ['playbook', '--locale', 'fr'], french)).status).toBe(0);
    const again = await run('scripts/new.ts', ['playbook', '--locale', 'fr'], french);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/contient déjà un playbook/);
  });

  it("explains a bad id in the playbook's language", async () => {
    const french = freshFolder();
    expect((await run('scripts/new.ts', ['playbook', '--locale', 'fr'], french)).status).toBe(0);
    const refused = await run('scripts/new.ts', ['icp', 'PME Île-de-France'], french);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      '« PME Île-de-France » n’est pas un identifiant valide\u202f: minuscules, chiffres et tirets, par exemple pme-ile-de-france\n',
    );
  });
});
