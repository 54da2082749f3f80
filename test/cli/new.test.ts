// `npm run new` writes files that validate as they are.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'icp-new-'));
const content = join(work, 'content');
cpSync(join(root, 'test/fixtures/valid/content'), content, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, ICP_CONTENT_DIR: content }, encoding: 'utf8' });

describe('npm run new', () => {
  it.each(['icp', 'persona', 'page'])('creates a %s that passes validation', (kind) => {
    const created = run('scripts/new.ts', kind, `new-${kind}`);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(new RegExp(`^Created .*new-${kind}\\.md: fill it in, then run npm run validate\\.`));
    expect(run('scripts/validate.ts').status).toBe(0);
  });

  it('makes a new ICP a draft, so it is not scored before it is ready', () => {
    expect(readFileSync(join(content, 'icps/new-icp.md'), 'utf8')).toMatch(/^status: draft/m);
  });

  it('refuses to overwrite an existing file', () => {
    const again = run('scripts/new.ts', 'page', 'guide');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/pages\/guide\.md already exists: choose another id or edit that file\.\n$/);
  });

  it('explains a bad id and a bad kind', () => {
    expect(run('scripts/new.ts', 'page', 'Sales Plays').stderr).toBe('"Sales Plays" is not a valid id: use lowercase letters, digits and hyphens, e.g. sales-plays\n');
    expect(run('scripts/new.ts', 'deck', 'x').stderr).toMatch(/^Unknown kind "deck": use icp, persona or page\./);
  });
});
