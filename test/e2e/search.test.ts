// Search as a reader uses it: real Chromium on the built example playbook, served by a plain
// static file server, keyboard first. Every page must stay on this host and log no error.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from '../helpers/fixture-build.ts';
import { useSiteInBrowser } from '../helpers/site-in-browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { loadPlaybookFromDisk } from '../../src/content-fs.ts';
import { indexSite } from '../../src/integrations/pagefind.ts';
import { EXAMPLE_CONTENT, EXAMPLE_CONTENT_PATH, PROJECT_ROOT, readPage } from '../helpers/built-site.ts';

const model = loadPlaybookFromDisk(EXAMPLE_CONTENT).model!;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = join(PROJECT_ROOT, 'test', '.out');

const site = useSiteInBrowser();

interface Opened {
  page: Page;
  /** Console errors and warnings, page errors, and requests to any host but the local server. */
  problems: string[];
}

async function open(path: string, target?: StaticServer, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const from = target ?? site.server;
  const page = await site.browser.context.newPage();
  await page.setViewportSize(viewport);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.host !== new URL(from.url).host) problems.push(`request to ${request.url()}`);
  });
  await page.goto(from.url + path);
  await page.waitForFunction(() => document.querySelector('site-search button')?.hasAttribute('disabled') === false);
  return { page, problems };
}

async function close({ page, problems }: Opened): Promise<void> {
  await page.close();
  expect(problems).toEqual([]);
}

/** Waits until the dialog shows the results of `query` (the element's data-state). */
async function waitForResults(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const element = document.querySelector<HTMLElement>('site-search');
      return element?.dataset['state'] === 'ready' && element.dataset['query'] === q;
    },
    query,
    { timeout: 10_000 },
  );
}

async function search(page: Page, query: string): Promise<void> {
  await page.locator('#site-search-input').fill(query);
  await waitForResults(page, query);
}

async function results(page: Page): Promise<{ href: string; kind: string; title: string }[]> {
  return page.locator('[role="option"]').evaluateAll((links) =>
    links.map((a) => ({
      href: a.getAttribute('href') ?? '',
      kind: a.querySelector('.site-search__kind')?.textContent ?? '',
      title: a.querySelector('.site-search__result-title')?.textContent ?? '',
    })),
  );
}

const personaPath = (id: string) => `/personas/${id}/`;
const rawFiles = [...model.icps, ...model.personas, ...model.pages].map((entry) => ({
  entry,
  text: readFileSync(join(PROJECT_ROOT, entry.file), 'utf8').toLowerCase(),
}));

describe('opening search', () => {
  it('/ opens the dialog with the cursor in its labelled search field, without typing the slash', async () => {
    const opened = await open('/icps/mid-market-saas/');
    const { page } = opened;
    await page.keyboard.press('/');
    await expect
      .poll(() => page.locator('dialog.site-search__dialog').evaluate((d: HTMLDialogElement) => d.open))
      .toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    expect(await page.locator('#site-search-input').inputValue()).toBe('');
    expect(await page.getByRole('combobox', { name: 'Search ICPs, personas and guides' }).count()).toBe(1);
    expect(await page.getByRole('dialog', { name: 'Search the playbook' }).count()).toBe(1);
    await close(opened);
  });

  it.each(['Control+k', 'Meta+k'])('%s opens the dialog too', async (keys) => {
    const opened = await open('/');
    await opened.page.keyboard.press(keys);
    expect(await opened.page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await close(opened);
  });

  it('Escape closes it and gives focus back to the search button', async () => {
    const opened = await open('/personas/');
    const { page } = opened;
    await page.getByRole('button', { name: 'Search the playbook' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.site-search__dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('site-search__open'))).toBe(true);
    await close(opened);
  });
});

describe('finding content', () => {
  it('a phrase found only in one persona’s body finds that persona first', async () => {
    const phrase = 'sandbox schema';
    const holders = rawFiles.filter(({ text }) => text.includes(phrase));
    expect(holders.map(({ entry }) => entry.file)).toEqual([`${EXAMPLE_CONTENT_PATH}/personas/head-of-data.md`]);
    expect(model.personas.find((p) => p.id === 'head-of-data')?.body.toLowerCase()).toContain(phrase);

    const opened = await open('/');
    await opened.page.keyboard.press('/');
    await search(opened.page, phrase);
    const [first] = await results(opened.page);
    expect(first).toEqual({ href: personaPath('head-of-data'), kind: 'Persona', title: 'Tomasz, Head of Data and BI' });
    await close(opened);
  });

  it('a reader presses /, types two words from a persona’s objections, presses Enter and lands on that persona', async () => {
    // Henrik (CFO) says "they already own the Snowflake roadmap"; Tomasz's page mentions
    // Snowflake more often, so this needs the words' closeness to count, as a reader expects.
    const cfo = model.personas.find((p) => p.id === 'cfo')!;
    expect(cfo.data.objections.some((o) => /Snowflake roadmap/.test(o.objection))).toBe(true);
    expect(rawFiles.find(({ entry }) => entry.id === 'head-of-data')?.text).toContain('snowflake');

    const opened = await open('/pages/glossary/');
    const { page } = opened;
    await page.keyboard.press('/');
    await page.keyboard.type('Snowflake roadmap', { delay: 15 });
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.server.url}${personaPath('cfo')}`);
    expect(await page.locator('h1').textContent()).toContain('Henrik');
    // Back on the page they searched from, the dialog is closed.
    await page.goBack();
    await page.waitForURL(`${site.server.url}/pages/glossary/`);
    expect(await page.locator('dialog.site-search__dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await close(opened);
  });

  it('arrow keys move through the results and Enter opens the one selected', async () => {
    const opened = await open('/');
    const { page } = opened;
    await page.keyboard.press('Control+k');
    await search(page, 'forecast');
    const found = await results(page);
    expect(found.length).toBeGreaterThan(2);
    const input = page.locator('#site-search-input');
    expect(await input.getAttribute('aria-activedescendant')).toBe('site-search-result-0');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('site-search-result-1');
    expect(await page.locator('#site-search-result-1').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(`site-search-result-${found.length - 1}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.server.url}${found[1]!.href}`);
    await close(opened);
  });

  it('every result says its kind, and titles and names rank first', async () => {
    const opened = await open('/');
    const { page } = opened;
    await page.keyboard.press('/');
    for (const persona of model.personas) {
      await search(page, persona.data.name);
      const [first] = await results(page);
      expect(first, persona.data.name).toEqual({
        href: personaPath(persona.id),
        kind: 'Persona',
        title: `${persona.data.name}, ${persona.data.role}`,
      });
    }
    for (const icp of model.icps) {
      await search(page, icp.data.title);
      expect((await results(page))[0], icp.data.title).toEqual({
        href: `/icps/${icp.id}/`,
        kind: 'ICP',
        title: icp.data.title,
      });
    }
    await search(page, 'glossary');
    expect((await results(page))[0]).toMatchObject({ href: '/pages/glossary/', kind: 'Guide' });
    await close(opened);
  });

  it('finds every file of an owner by name (text of adjacent cells is kept apart)', async () => {
    const owner = 'Sofia Lindqvist';
    const owned = [
      ...model.icps.filter((e) => e.data.owner === owner).map((e) => `/icps/${e.id}/`),
      ...model.personas.filter((e) => e.data.owner === owner).map((e) => personaPath(e.id)),
      ...model.pages.filter((e) => e.data.owner === owner).map((e) => `/pages/${e.id}/`),
    ];
    expect(owned.length).toBeGreaterThan(2);
    const opened = await open('/');
    await opened.page.keyboard.press('/');
    await search(opened.page, owner);
    expect((await results(opened.page)).map((r) => r.href).sort()).toEqual(owned.sort());
    await close(opened);
  });

  it('lands on the right persona for nearly every pair of adjacent words of every objection', async () => {
    const cases = model.personas.flatMap((persona) =>
      persona.data.objections.flatMap((o) => {
        const words = o.objection.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
        return words
          .slice(1)
          .flatMap((word, i) =>
            word.length >= 4 && words[i]!.length >= 4 ? [{ query: `${words[i]} ${word}`, id: persona.id }] : [],
          );
      }),
    );
    const opened = await open('/');
    await opened.page.keyboard.press('/');
    const misses: string[] = [];
    for (const { query, id } of cases) {
      await search(opened.page, query);
      const first = (await results(opened.page))[0]?.href;
      if (first !== personaPath(id)) misses.push(`"${query}" (${id}) → ${first ?? 'nothing'}`);
    }
    console.log(
      `Objection word pairs landing on their persona: ${cases.length - misses.length}/${cases.length}\n  ${misses.join('\n  ')}`,
    );
    expect(cases.length).toBeGreaterThan(30);
    expect(misses.length / cases.length).toBeLessThanOrEqual(0.1);
    await close(opened);
  });
});

describe('facets', () => {
  it('the kind and ICP filters narrow the results, and their counts say by how much', async () => {
    const opened = await open('/');
    const { page } = opened;
    await page.keyboard.press('/');
    await search(page, 'forecast');
    const all = await results(page);
    expect(new Set(all.map((r) => r.kind)).size).toBeGreaterThan(1);

    const personaChip = page.locator('.site-search__chip[data-kind="persona"]');
    const personaCount = Number(await personaChip.locator('.site-search__count').textContent());
    await personaChip.click();
    await waitForResults(page, 'forecast');
    const personas = await results(page);
    expect(await personaChip.getAttribute('aria-pressed')).toBe('true');
    expect(personas.length).toBe(personaCount);
    expect(personas.length).toBeLessThan(all.length);
    expect(personas.every((r) => r.kind === 'Persona')).toBe(true);

    const industrial = model.icps.find((icp) => icp.id === 'industrial-tech')!;
    const inIndustrial = model.personas
      .filter((p) => p.data.icps.includes('industrial-tech'))
      .map((p) => personaPath(p.id));
    await page.locator('.site-search__icp select').selectOption(industrial.data.title);
    await waitForResults(page, 'forecast');
    const narrowed = await results(page);
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(personas.length);
    expect(narrowed.every((r) => inIndustrial.includes(r.href))).toBe(true);

    // With no words, the facets alone list every persona of the ICP.
    await search(page, '');
    expect((await results(page)).map((r) => r.href).sort()).toEqual([...inIndustrial].sort());

    await page.locator('.site-search__chip[data-kind=""]').click();
    await page.locator('.site-search__icp select').selectOption('');
    await search(page, 'forecast');
    expect(await results(page)).toEqual(all);
    await close(opened);
  });
});

describe('what is not indexed', () => {
  it('words that only the header, navigation or footer say find nothing', async () => {
    // Text with a space for every tag: built HTML has no whitespace between elements.
    const words = (element: Element | null) => (element?.outerHTML ?? '').replace(/<[^>]*>/g, ' ');
    const contentText = [
      ...model.icps.map((e) => `/icps/${e.id}/`),
      ...model.personas.map((e) => personaPath(e.id)),
      ...model.pages.map((e) => `/pages/${e.id}/`),
    ]
      .map((path) => words(readPage(path).querySelector('[data-pagefind-body]')))
      .join(' ')
      .toLowerCase();
    const home = readPage('/');
    const chromeText = [...home.querySelectorAll('header.site-header, footer.site-footer')].map(words).join(' ');
    // Pagefind stems ("Personas" finds "persona"): keep words whose stem-like prefix is not in content.
    const chromeOnly = [...new Set(chromeText.split(/[^\p{L}]+/u).filter((w) => w.length >= 5))].filter(
      (w) => !contentText.includes(w.toLowerCase().slice(0, Math.max(4, w.length - 3))),
    );
    expect(chromeOnly.length).toBeGreaterThan(0);
    console.log(`Words only the header and footer say: ${chromeOnly.join(', ')}`);

    const opened = await open('/');
    await opened.page.keyboard.press('/');
    for (const word of chromeOnly) {
      await search(opened.page, word);
      expect(await results(opened.page), word).toEqual([]);
    }
    expect(await opened.page.locator('.site-search__status').textContent()).toMatch(/^No results for “.+”\. Try fewer/);

    // The text pagefind stored for every page: no header, navigation, footer or skip link.
    const indexed: string[] = await opened.page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const all = await pagefind.search(null, { filters: { kind: { any: ['icp', 'persona', 'page', 'market', 'other'] } } });
      return Promise.all(all.results.map(async (r) => (await r.data()).content));
    })()`);
    expect(indexed).toHaveLength(model.icps.length + model.personas.length + model.pages.length);
    for (const text of indexed) {
      expect(text).not.toContain('Built from the content/ folder');
      expect(text).not.toContain('Skip to content');
      expect(text).not.toMatch(/ICPs\W+Personas\W+Guides\W+Market\W+Review/);
      expect(text).not.toContain('Edit this page');
    }
    await close(opened);
  });
});

describe('accessibility of the open dialog', () => {
  it.each([1280, 390])('at %i px, with results and a filter on, axe finds no violation', async (width) => {
    const opened = await open('/icps/industrial-tech/', undefined, { width, height: 860 });
    const { page } = opened;
    await page.keyboard.press('/');
    await search(page, 'forecast board');
    await page.locator('.site-search__chip[data-kind="persona"]').click();
    await waitForResults(page, 'forecast board');
    await page.evaluate(axeSource); // the page's CSP refuses inline scripts
    const violations: string[] = await page.evaluate(`axe
      .run(document.querySelector('dialog.site-search__dialog'), { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.help))`);
    expect(violations).toEqual([]);
    await close(opened);
  });
});

describe('on a phone', () => {
  it('the dialog fills the 390 px screen without sideways scrolling', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const desktop = await open('/personas/head-of-revops/');
    await desktop.page.keyboard.press('/');
    await search(desktop.page, 'board forecast');
    await desktop.page.screenshot({ path: join(SHOTS, 'search-desktop.png') });
    await close(desktop);

    const phone = await open('/personas/head-of-revops/', undefined, { width: 390, height: 844 });
    const { page } = phone;
    await page.getByRole('button', { name: 'Search the playbook' }).click();
    await search(page, 'board forecast');
    const box = await page.locator('dialog.site-search__dialog').boundingBox();
    expect(box?.width).toBe(390);
    expect(await page.locator('#site-search-input').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'search-390.png') });
    await close(phone);
  });
});

describe('a playbook with locale: fr', () => {
  const work = mkdtempSync(join(tmpdir(), 'icp-search-fr-'));
  const out = join(PROJECT_ROOT, '.test-dist', 'search-fr');
  let frServer: StaticServer;

  beforeAll(async () => {
    const content = join(work, 'content');
    cpSync(EXAMPLE_CONTENT, content, { recursive: true });
    const settings = join(content, 'playbook.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^locale: en$/m, 'locale: fr'));
    // A French sentence whose verb form ("mangeons") only a French stemmer relates to "manger".
    const rita = join(content, 'personas', 'head-of-revops.md');
    writeFileSync(rita, `${readFileSync(rita, 'utf8')}\nAprès la démo, nous mangeons avec elle et son équipe.\n`);
    buildFixture(content, out);
    // The same pages indexed with English stemming, as a control.
    await indexSite({ siteDir: out, language: 'en', outputPath: join(out, 'pagefind-en') });
    frServer = await serveStatic(out);
  }, 120_000);
  afterAll(async () => {
    await frServer?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('builds a French index from the playbook locale', () => {
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: object;
    };
    expect(Object.keys(entry.languages)).toEqual(['fr']);
    expect(parseHTML(readFileSync(join(out, 'index.html'), 'utf8')).document.documentElement.getAttribute('lang')).toBe(
      'fr',
    );
    expect(existsSync(join(out, 'pagefind-en', 'pagefind-entry.json'))).toBe(true);
  });

  it('stems French words as French, in a French dialog', async () => {
    const opened = await open('/', frServer);
    const { page } = opened;
    await page.getByRole('button', { name: 'Rechercher dans le playbook' }).click();
    expect(await page.getByRole('combobox', { name: 'Rechercher des ICP, personas et guides' }).count()).toBe(1);
    await search(page, 'manger');
    expect(await results(page)).toEqual([
      { href: personaPath('head-of-revops'), kind: 'Persona', title: 'Rita, Head of Revenue Operations' },
    ]);
    expect(await page.locator('.site-search__status').textContent()).toBe('1 résultat');
    expect(await page.locator('.site-search__excerpt mark').first().textContent()).toBe('mangeons');

    // English stemming does not relate the two forms: the language really decides.
    // A string, so vitest's transform leaves this browser-side import alone.
    const withEnglishStemming = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind-en/pagefind.js');
      await pagefind.init();
      const found = await pagefind.search('manger');
      return Promise.all(found.results.map(async (r) => (await r.data()).url));
    })()`);
    expect(withEnglishStemming).not.toContain(personaPath('head-of-revops'));
    await close(opened);
  });
});
