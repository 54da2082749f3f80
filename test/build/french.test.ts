// The same example playbook with `locale: fr`: French UI, French number and money formats.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONTENT, PROJECT_ROOT } from '../helpers/built-site.ts';
import { buildFixture } from '../helpers/fixture-build.ts';

const work = mkdtempSync(join(tmpdir(), 'icp-fr-'));
const content = join(work, 'content');
const out = join(PROJECT_ROOT, '.test-dist', 'french');
const plain = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const page = (path: string) => parseHTML(readFileSync(join(out, path, 'index.html'), 'utf8')).document;

beforeAll(() => {
  cpSync(EXAMPLE_CONTENT, content, { recursive: true });
  const settings = join(content, 'playbook.yaml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^locale: en$/m, 'locale: fr'));
  buildFixture(content, out);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a playbook with locale: fr', () => {
  it('sets <html lang="fr"> and French navigation', () => {
    const doc = page('');
    expect(doc.documentElement.getAttribute('lang')).toBe('fr');
    expect([...doc.querySelectorAll('.site-nav a')].map((a) => a.textContent?.trim())).toEqual([
      'ICP',
      'Personas',
      'Guides',
      'Marché',
      'Revue',
      'Scorer un compte',
    ]);
  });

  it('writes money, numbers and dates the French way', () => {
    const doc = page('icps/mid-market-saas');
    expect(plain(doc.querySelector('svg.market-circles')?.getAttribute('aria-label'))).toBe(
      'Cercles imbriqués : TAM 340,8 M€, SAM 93,6 M€, SOM 4,68 M€',
    );
    expect(plain(doc.querySelector('.pmf__value')?.textContent)).toBe('34 %');
    expect(plain(doc.querySelector('.meta time')?.textContent)).toBe('14 oct. 2026');
    expect(plain(doc.querySelector('#filters')?.textContent)).toBe('Qui est dedans');
  });
});
