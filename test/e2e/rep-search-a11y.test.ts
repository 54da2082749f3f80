// Search "did you mean" and clean excerpts, and axe on every page, in real Chromium on the
// English and French fixture playbooks (test/fixtures/rep/), on a phone and a desktop.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fixtureContent } from '../helpers/fixture-build.ts';
import { BUILT_SITE } from '../helpers/built-site.ts';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };
const LANGS = ['en', 'fr'] as const;
/** `example` is the example playbook test/global-setup.ts builds for every browser test. */
type Lang = (typeof LANGS)[number] | 'example';

const dists: Partial<Record<Lang, string>> = {};
const servers: Partial<Record<Lang, StaticServer>> = {};
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;

beforeAll(async () => {
  for (const lang of LANGS) {
    dists[lang] = buildFixture(fixtureContent(`rep/${lang}`), `rep-${lang}`);
    servers[lang] = await serveStatic(dists[lang]);
  }
  dists.example = BUILT_SITE;
  servers.example = await serveStatic(BUILT_SITE);
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server.close();
});
const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) if (!page.isClosed()) await page.close();
});

async function open(lang: Lang, path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser!.context.newPage();
  opened.push(page);
  await page.setViewportSize(viewport);
  await page.goto(servers[lang]!.url + path, { waitUntil: 'networkidle' });
  return page;
}

/** Types a query in the search dialog and waits for its results. */
async function search(page: Page, query: string): Promise<void> {
  await page.waitForFunction(() => document.querySelector('site-search button')?.hasAttribute('disabled') === false);
  await page.locator('.site-search__open').click();
  await page.locator('.site-search__input').fill(query);
  await page.waitForFunction(
    (q) => {
      const element = document.querySelector<HTMLElement>('site-search');
      return element?.dataset['state'] === 'ready' && element.dataset['query'] === q;
    },
    query,
    { timeout: 15_000 },
  );
}

describe.each([
  {
    lang: 'fr' as const,
    typo: 'comptble',
    word: 'comptable',
    table: ['Terme', 'Définition', 'Clôture'],
    tableQuery: 'rapprochement',
  },
  {
    lang: 'en' as const,
    typo: 'recnciliation',
    word: 'reconciliation',
    table: ['Term', 'Meaning', 'Close'],
    tableQuery: 'reconciliation',
  },
])('search ($lang)', ({ lang, typo, word, table, tableQuery }) => {
  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)('offers a word of the index for a typo, and searching it finds the page (%s)', async (_, viewport) => {
    const page = await open(lang, '/', viewport);
    await search(page, typo);
    const suggest = page.locator('.site-search__suggest');
    expect(await suggest.isVisible()).toBe(true);
    expect(await suggest.locator('button').textContent()).toBe(word);
    expect(await page.locator('.site-search__status').textContent()).toContain(word);
    await suggest.locator('button').click();
    await page.waitForFunction((q) => document.querySelector<HTMLElement>('site-search')?.dataset['query'] === q, word);
    expect(await page.locator('.site-search__result').count()).toBeGreaterThan(0);
    expect(await page.locator('.site-search__suggest').isVisible()).toBe(false);
    expect(await page.locator('.site-search__excerpt mark').first().textContent()).toMatch(new RegExp(word, 'i'));
  });

  it('offers nothing when the word is in the index', async () => {
    const page = await open(lang, '/', DESKTOP);
    await search(page, word);
    expect(await page.locator('.site-search__suggest').isVisible()).toBe(false);
  });

  it('never glues a table header to the text next to it in an excerpt', async () => {
    const page = await open(lang, '/', DESKTOP);
    await search(page, tableQuery);
    const excerpts = await page.locator('.site-search__excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    const [first, second, firstCell] = table as [string, string, string];
    for (const excerpt of excerpts) {
      expect(excerpt).not.toContain(`${first}${second}`);
      expect(excerpt).not.toContain(`${second}${firstCell}`);
      expect(excerpt).not.toMatch(new RegExp(`${second}\\s+${firstCell}`));
    }
  });
});

/** Every page of a built site, as a path: `index.html` files and `404.html`. */
function sitePages(dist: string): string[] {
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html') && !file.startsWith(`pagefind${sep}`))
    .map((file) => `/${relative(dist, join(dist, file)).split(sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe.each(
  (['example', ...LANGS] as const).flatMap((lang) => [
    { lang, screen: 'phone', viewport: PHONE },
    { lang, screen: 'desktop', viewport: DESKTOP },
  ]),
)('accessibility ($lang, $screen)', ({ lang, viewport }) => {
  it('has no serious or critical axe violation, nor two landmarks named alike, on any page, widget answered or not', async () => {
    const pages = sitePages(dists[lang]!);
    expect(pages.length).toBeGreaterThan(8);
    const found: string[] = [];
    for (const path of [
      ...pages,
      `/score/?_account=Acme&region=fr&employees=100&stack=sage&hiring_finance=yes`,
      `/score/?region=us`,
    ]) {
      const page = await open(lang, path, viewport);
      await page.evaluate(axeSource); // the page's CSP refuses inline script tags
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
        return (await axe.run()).violations;
      });
      // landmark-unique is only "moderate" for axe, but two regions named alike leave a
      // screen reader user unable to tell them apart (French ICP pages had it).
      for (const v of violations.filter(
        (v: Violation) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'landmark-unique',
      )) {
        found.push(
          `${path} ${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
        );
      }
      await page.close();
    }
    expect(found).toEqual([]);
  }, 900_000);
});
