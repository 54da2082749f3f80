// Every page built from the hostile fixture (the part that passes validation: what the sanitizer
// must make harmless) in real Chromium under the strict CSP: no request leaves the site's host,
// no script runs, no violation is reported, and the markup that should survive does.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { contentSecurityPolicy, headersFile, securityHeaders } from '../../src/lib/security/csp.ts';
import { buildFixture, fixtureContent } from '../helpers/fixture-build.ts';
import { htmlPages, openWatched } from '../helpers/page-watch.ts';
import { useSiteInBrowser } from '../helpers/site-in-browser.ts';

let siteDir = '';
beforeAll(() => {
  siteDir = buildFixture(fixtureContent('hostile'), 'hostile');
}, 300_000);
const site = useSiteInBrowser(() => siteDir, securityHeaders());

const pageHtml = (path: string) => parseHTML(readFileSync(join(siteDir, path, 'index.html'), 'utf8')).document;

describe('the hostile fixture, built and loaded', () => {
  it('loads every page with 0 requests to other hosts, no script run and no CSP violation', async () => {
    const pages = htmlPages(siteDir);
    expect(pages).toContain('/pages/event-handlers/');
    const report: Record<string, string[]> = {};
    for (const path of pages) {
      const { page, problems, foreignRequests } = await openWatched(site.browser.context, site.server.url + path);
      await page.close();
      const found = [...problems, ...foreignRequests.map((url) => `request to ${url}`)];
      if (found.length > 0) report[path] = found;
    }
    expect(report).toEqual({});
  }, 300_000);

  it('ships the policy in every page and in _headers for the host', () => {
    expect(readFileSync(join(siteDir, '_headers'), 'utf8')).toBe(headersFile());
    for (const path of htmlPages(siteDir)) {
      const file = join(siteDir, path.endsWith('.html') ? path : `${path}index.html`);
      const meta = parseHTML(readFileSync(file, 'utf8')).document.querySelector(
        'meta[http-equiv="Content-Security-Policy"]',
      );
      expect(meta?.getAttribute('content'), path).toBe(contentSecurityPolicy([], 'meta'));
    }
  });

  it('keeps links to other sites, with rel="noopener noreferrer"', () => {
    const links = [...pageHtml('pages/links-to-other-sites').querySelectorAll('.prose a')].map((a) => [
      a.getAttribute('href'),
      a.getAttribute('rel'),
    ]);
    expect(links).toEqual([
      ['https://example.com/docs', 'noopener noreferrer'],
      ['//example.org/x', 'noopener noreferrer'],
      ['/pages/guide/', null],
    ]);
  });

  it('drops data-pagefind-* written in a .md, so a guide stays out of the ICP facet', () => {
    const article = pageHtml('pages/pagefind-filter').querySelector('article')!;
    expect(article.getAttribute('data-pagefind-filter')).toBe('kind:page');
    expect(article.querySelectorAll('[data-pagefind-filter], [data-pagefind-meta]').length).toBe(0);
    expect(article.querySelector('.prose')!.textContent).toContain('hidden filter');
  });

  it('strips event handlers and javascript: links, keeping their text and the local image', () => {
    const prose = pageHtml('pages/event-handlers').querySelector('.prose')!;
    expect(prose.innerHTML).not.toMatch(/onclick|onerror|javascript:/i);
    expect(prose.querySelector('b')!.textContent).toBe('bold');
    expect(prose.querySelector('img')!.getAttribute('src')).toBe('/favicon.svg');
  });

  it('ships a local image next to its page, and code and tables with classes, no inline style', () => {
    expect(pageHtml('pages/local-image').querySelector('.prose img')!.getAttribute('src')).toMatch(
      /^\/_astro\/team\.[\w-]+\.webp$/,
    );
    const code = pageHtml('pages/code-and-table').querySelector('.prose')!;
    expect(code.querySelector('pre')!.getAttribute('class')).toBe('astro-code github-dark sh-bg-24292e sh-c-e1e4e8');
    expect([...code.querySelectorAll('th')].map((th) => th.getAttribute('class'))).toEqual([
      'align-left',
      'align-right',
    ]);
    expect(code.innerHTML).not.toContain('style=');
  });
});
