// A playbook published under a sub-path, as a GitHub Pages project site is
// (https://acme.github.io/playbook/): `url:` in playbook.yaml sets the base, the built site is
// served under /playbook/ only, and every page, asset, slide, link, widget and search request
// must stay under it. Anything asked for outside it is a 404 here, as it would be there.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { PROJECT_ROOT } from '../helpers/built-site.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { buildFixture } from '../helpers/fixture-build.ts';

const BASE = '/playbook/';
const work = mkdtempSync(join(tmpdir(), 'icp-base-'));
const content = join(work, 'content');
const served = join(PROJECT_ROOT, '.test-dist', 'base-path');
const out = join(served, 'playbook');

let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

/** Builds the fixture under the base (once per run, or kept with ICP_TEST_REUSE_BUILD=1). */
function build(): void {
  cpSync(join(PROJECT_ROOT, 'test/fixtures/valid/content'), content, { recursive: true });
  const settings = join(content, 'playbook.yaml');
  writeFileSync(settings, `${readFileSync(settings, 'utf8')}url: https://acme.example.com/playbook/\n`);
  // An author's link to another page, written as a site path, and a link to elsewhere.
  const guide = join(content, 'pages/guide.md');
  writeFileSync(
    guide,
    `${readFileSync(guide, 'utf8')}\nSee [the core market](/icps/core/) and [Astro](https://astro.build/).\n`,
  );
  // The address comes from `url:` above, never from the environment.
  buildFixture(content, out, { SITE_URL: undefined });
}

beforeAll(async () => {
  build();
  // Only /playbook/ exists on this server: a request for /_astro/… or /icps/… is a 404.
  server = await serveStatic(served);
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every built page, as a URL path under the base. */
function builtPages(): string[] {
  return readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => `${BASE}${relative(out, entry.parentPath).split(sep).join('/')}/`.replace(/\/+$/, '/'))
    .sort();
}

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  return { page, problems };
}

describe('a playbook served under /playbook/', () => {
  it('builds with the base from url: in playbook.yaml, and absolute preview URLs', () => {
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('<meta property="og:image" content="https://acme.example.com/playbook/og/index.png"');
    expect(home).toContain('<meta property="og:url" content="https://acme.example.com/playbook/"');
  });

  it('loads every page with zero 404s, every link, image and script under the base', { timeout: 180_000 }, async () => {
    const pages = builtPages();
    expect(pages).toEqual(
      expect.arrayContaining([
        BASE,
        `${BASE}icps/core/`,
        `${BASE}personas/champion/`,
        `${BASE}pages/guide/`,
        `${BASE}score/`,
        `${BASE}market/`,
        `${BASE}review/`,
      ]),
    );
    const linked = new Set<string>();
    for (const path of pages) {
      const { page, problems } = await open(path);
      expect(problems, path).toEqual([]);
      const urls = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href], img[src], link[href], script[src]')].map(
          (element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '',
        ),
      );
      for (const url of urls) {
        const resolved = new URL(url, server.url + path);
        if (resolved.origin === server.url && !url.startsWith('#')) linked.add(resolved.pathname);
      }
      await page.close();
    }
    const outside = [...linked].filter((path) => !path.startsWith(BASE));
    expect(outside).toEqual([]);
    // Every link and asset named in the pages is there (slides, example CSV, favicon…).
    const missing: string[] = [];
    for (const path of [...linked].sort()) {
      const response = await fetch(server.url + path);
      if (response.status !== 200) missing.push(`${response.status} ${path}`);
      await response.arrayBuffer();
    }
    expect(missing).toEqual([]);
    expect(linked).toContain(`${BASE}slides/core.png`);
    const guide = readFileSync(join(out, 'pages/guide/index.html'), 'utf8');
    expect(guide).toContain(`<a href="${BASE}icps/core/">the core market</a>`);
    expect(guide).toContain('<a href="https://astro.build/" rel="noopener noreferrer">Astro</a>');
    expect(server.requests.filter((request) => request.status !== 200)).toEqual([]);
  });

  it('scores an account in the widget', { timeout: 60_000 }, async () => {
    const { page, problems } = await open(`${BASE}score/`);
    await page.locator('score-widget.is-ready').waitFor();
    await page.getByLabel('Employees', { exact: true }).fill('300');
    await page.getByRole('group', { name: 'Region' }).getByLabel('France').check();
    await page.getByLabel('HubSpot', { exact: true }).check();
    await page.getByRole('group', { name: 'Hiring for RevOps roles' }).getByLabel('Yes').check();
    // One active ICP: one result card. 40 (HubSpot) + 30 (hiring) + 30 (200 to 500 people).
    const result = page.locator('score-widget [data-verdict]').first();
    await expect.poll(() => result.locator('.sw-score__value').textContent(), { timeout: 15_000 }).toBe('100');
    expect(await result.getAttribute('data-verdict')).toBe('fit');
    expect(await result.locator('.sw-tier').textContent()).toBe('Tier 1');
    // The form's state is kept in the address, under the base.
    await expect
      .poll(() => page.url())
      .toBe(`${server.url}${BASE}score/?employees=300&region=fr&stack=hubspot&hiring_revops=yes`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('scores a CSV in the browser, its worker loaded from under the base', { timeout: 60_000 }, async () => {
    const { page, problems } = await open(`${BASE}score/`);
    const csv = 'company,employees,region,stack,hiring_revops\nAlder,300,fr,hubspot,yes\nBirch,20,de,,no\n';
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await page
      .getByLabel('Choose a file')
      .setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('batch-scorer[data-state="done"]').waitFor();
    expect(
      await page.locator('batch-scorer tbody[data-batch="rows"] tr td:nth-child(4) strong').allTextContents(),
    ).toEqual(['100', '0']);
    expect(workers.length).toBe(1);
    expect(workers[0]).toMatch(/^\/playbook\/_astro\//);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers a search with links under the base', { timeout: 60_000 }, async () => {
    const { page, problems } = await open(`${BASE}pages/guide/`);
    await page.waitForFunction(() => document.querySelector('site-search button')?.hasAttribute('disabled') === false);
    await page.keyboard.press('/');
    await page.locator('#site-search-input').fill('Core market');
    await page.waitForFunction(() => {
      const element = document.querySelector<HTMLElement>('site-search');
      return element?.dataset['state'] === 'ready' && element.dataset['query'] === 'Core market';
    });
    const hrefs = await page
      .locator('[role="option"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`${BASE}icps/core/`);
    expect(hrefs.every((href) => href?.startsWith(BASE))).toBe(true);
    await page.locator(`[role="option"][href="${BASE}icps/core/"]`).click();
    await page.waitForURL(`${server.url}${BASE}icps/core/`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
