// The example playbook as built by `npm run build` (once per run, by test/global-setup.ts):
// every page exists, says what it should, and asks nothing of a third-party host.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_SITE, EXAMPLE_CONTENT_PATH, readPage } from '../helpers/built-site.ts';

const text = (doc: ParentNode, selector: string) =>
  [...doc.querySelectorAll(selector)].map((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '');

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));
}

describe('every page of the example playbook', () => {
  it.each([
    '/',
    '/icps/',
    '/icps/mid-market-saas/',
    '/icps/industrial-tech/',
    '/icps/agencies-consultancies/',
    '/personas/',
    '/personas/head-of-revops/',
    '/pages/',
    '/pages/glossary/',
    '/pages/scoring-guide/',
    '/market/',
    '/review/',
  ])('%s is built with the playbook language and a title', (path) => {
    const doc = readPage(path);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('title')?.textContent).toMatch(/Northwind Analytics Playbook$/);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
  });

  it('links to no third-party host for scripts, styles, fonts or images', () => {
    const external: string[] = [];
    for (const file of [...files(BUILT_SITE, '.html'), ...files(BUILT_SITE, '.css')]) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(
        /(?:src|href)=["'](https?:)?\/\/[^"']+|url\((["']?)(https?:)?\/\/[^)]+\)|@import\s+["']https?:/g,
      )) {
        const tag = source.slice(Math.max(0, source.lastIndexOf('<', match.index)), match.index);
        // Plain links (<a href>, "Edit this page", og:url meta) are navigation, not requests.
        if (/^<a\s/.test(tag)) continue;
        external.push(`${relative(BUILT_SITE, file)}: ${match[0]}`);
      }
    }
    expect(external).toEqual([]);
  });

  it('keeps zod and Node-only code out of the browser bundle', () => {
    const bundled = files(join(BUILT_SITE, '_astro'), '.js').filter((file) =>
      /\bZodError\b|\$ZodType|node:fs/.test(readFileSync(file, 'utf8')),
    );
    expect(bundled.map((file) => relative(BUILT_SITE, file))).toEqual([]);
  });

  it('ships the Inter font files it uses', () => {
    const fonts = files(BUILT_SITE, '.woff2');
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => statSync(f).size > 1000)).toBe(true);
  });
});

describe('the ICP page', () => {
  const doc = readPage('/icps/mid-market-saas/');

  it('shows the filters in words with their reasons', () => {
    expect(text(doc, '.filter strong')).toEqual([
      '80 to 1,000 employees',
      'Headquartered in one of our five core markets',
      'B2B software or fintech',
      'Runs HubSpot or Salesforce',
    ]);
    expect(text(doc, '.filter__rule')[0]).toBe('Employees between 80 and 1,000 people');
    expect(text(doc, '.filter__why')[0]).toMatch(/^Why: Below 80 people/);
  });

  it('shows graded and negative signals with signed points', () => {
    const rows = [...doc.querySelectorAll('table.signals tbody tr')];
    const graded = rows[0]!;
    expect(graded.textContent).toContain('Graded: the first matching level counts');
    expect(text(graded, '.points')).toEqual(['+25', '+15', '+10']);
    const negative = rows.find((row) => row.classList.contains('signal--negative'))!;
    expect(negative.textContent).toContain('Already on Clari or Gong Forecast');
    expect(text(negative, '.points--neg')).toEqual(['\u221220']);
  });

  it('shows the tiers with their score ranges', () => {
    expect(text(doc, '.tier')).toEqual(['Tier 1: 70–100', 'Tier 2: 40–69', 'Tier 3: 0–39']);
  });

  it('lists the personas that link to this ICP', () => {
    expect(text(doc, '.persona-card .card__title')).toEqual(['Léa', 'Marc', 'Rita']);
  });

  it('passes the 30% referral test and shows it', () => {
    expect(doc.querySelector('.pmf__value')?.textContent).toBe('34%');
    expect(doc.querySelector('.pmf__verdict')?.textContent).toMatch(/^At or above the 30% referral test/);
  });

  it('draws TAM, SAM and SOM as nested circles with a table of figures and sources', () => {
    const svg = doc.querySelector('svg.market-circles')!;
    expect(svg.getAttribute('aria-label')).toBe('Nested circles: TAM €340.8M, SAM €93.6M, SOM €4.68M');
    const radii = [...svg.querySelectorAll('circle')].map((c) => Number(c.getAttribute('r')));
    expect(radii[0]).toBeGreaterThan(radii[1]!);
    expect(radii[1]).toBeGreaterThan(radii[2]!);
    expect(text(doc, '.market-table tbody td.num:first-of-type')).toEqual(['€340.8M', '€93.6M', '€4.68M']);
    expect(text(doc, '.market-table__source').every((s) => s.length > 10)).toBe(true);
  });

  it('shows how the known accounts land in the tiers, with win rates', () => {
    const rows = [...doc.querySelectorAll('table.calibration tbody tr')].map((row) => text(row, 'th, td').slice(0, 5));
    expect(rows[0]![0]).toBe('Tier 1');
    expect(rows.at(-1)![0]).toBe('Out (fails a filter)');
    const total = rows.reduce((sum, row) => sum + Number(row[1]) + Number(row[2]) + Number(row[3]), 0);
    expect(total).toBe(42);
  });

  it('shows its one-slide image and links to the PNG and SVG downloads', () => {
    expect(doc.querySelector('.slide img')?.getAttribute('src')).toBe('/slides/mid-market-saas.png');
    expect([...doc.querySelectorAll('.slide__links a')].map((a) => a.getAttribute('href'))).toEqual([
      '/slides/mid-market-saas.png',
      '/slides/mid-market-saas.svg',
    ]);
    expect(statSync(join(BUILT_SITE, 'slides/mid-market-saas.png')).size).toBeGreaterThan(10_000);
  });

  it('renders the narrative and links to the file in the repository', () => {
    expect(doc.querySelector('.prose h2')?.textContent).toBeTruthy();
    expect(doc.querySelector('a.edit-link')?.getAttribute('href')).toBe(
      `https://github.com/northwind/playbook/edit/main/${EXAMPLE_CONTENT_PATH}/icps/mid-market-saas.md`,
    );
  });
});

describe('other pages', () => {
  it('says a retired ICP is left out of scoring', () => {
    const doc = readPage('/icps/agencies-consultancies/');
    expect(doc.querySelector('.badge--retired')?.textContent).toBe('Retired');
    expect(doc.querySelector('.callout--warn')?.textContent).toMatch(
      /^Retired: kept for history\. It is left out of \/score\/ and of CSV scoring/,
    );
  });

  it('shows a persona with objections and answers', () => {
    const doc = readPage('/personas/head-of-revops/');
    expect(doc.querySelector('h1')?.textContent).toMatch(/^Rita/);
    expect(doc.querySelectorAll('.objection').length).toBeGreaterThanOrEqual(3);
    expect(text(doc, '.persona__icps a')).toEqual([
      'Mid-market B2B SaaS scale-ups',
      'Industrial tech with complex B2B sales',
    ]);
  });

  it('renders the MDX guide', () => {
    const doc = readPage('/pages/scoring-guide/');
    expect(doc.querySelector('.prose table')).not.toBeNull();
  });

  it('lists stale files first on the review page', () => {
    const doc = readPage('/review/');
    const rows = [...doc.querySelectorAll('table.review tbody tr')];
    expect(rows.length).toBe(12);
    const staleFlags = rows.map((row) => row.classList.contains('review--stale'));
    expect(staleFlags.slice(0, 2)).toEqual([true, true]);
    expect(staleFlags.slice(2).every((flag) => !flag)).toBe(true);
  });

  it('puts every active ICP on the market page, with formatted figures', () => {
    const doc = readPage('/market/');
    expect(text(doc, '.market-card .card__title')).toEqual([
      'Industrial tech with complex B2B sales',
      'Mid-market B2B SaaS scale-ups',
    ]);
    expect(text(doc, 'tfoot td')).toEqual(['€1.16B', '€231.6M', '€10.18M']);
  });

  it('shows each active ICP on the home page with its slide', () => {
    const doc = readPage('/');
    expect([...doc.querySelectorAll('.icp-card img')].map((img) => img.getAttribute('src'))).toEqual([
      '/slides/industrial-tech.png',
      '/slides/mid-market-saas.png',
    ]);
  });

  it('keeps navigation to sections, not to every file', () => {
    const doc = readPage('/');
    expect(text(doc, '.site-nav a')).toEqual(['ICPs', 'Personas', 'Guides', 'Market', 'Review', 'Score an account']);
  });
});
