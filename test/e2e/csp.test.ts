// The site under its own strict Content-Security-Policy (src/lib/security/csp.ts), sent as a
// header by a small local server as a host would send it from the _headers file: every page of
// the example loads with no violation, and the parts that need more than static HTML (score
// meter, search's WebAssembly worker) still work.
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/lib/security/csp.ts';
import { BUILT_SITE } from '../helpers/built-site.ts';
import { htmlPages, openWatched } from '../helpers/page-watch.ts';
import { useSiteInBrowser } from '../helpers/site-in-browser.ts';

const site = useSiteInBrowser(BUILT_SITE, securityHeaders());

describe('the example under the strict CSP', () => {
  it('is served with the policy, Referrer-Policy and X-Content-Type-Options', async () => {
    const response = await fetch(`${site.server.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("style-src 'self';");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(htmlPages(BUILT_SITE))('%s loads with no CSP violation', async (path) => {
    const { page, problems, foreignRequests } = await openWatched(site.browser.context, site.server.url + path);
    await page.close();
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('draws the score meter (a class per percent, no inline width)', async () => {
    const { page, problems } = await openWatched(site.browser.context, `${site.server.url}/score/`);
    await page.locator('score-widget.is-ready').waitFor();
    await page.getByLabel('Employees', { exact: true }).fill('250');
    await page.getByLabel('Annual revenue', { exact: true }).fill('40');
    await page.getByLabel('Quota-carrying sales reps', { exact: true }).fill('32');
    const meter = page.locator('score-widget .sw-icp[open] .sw-meter__score');
    await expect.poll(async () => (await meter.boundingBox())?.width ?? 0).toBeGreaterThan(10);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('searches (pagefind WebAssembly in a worker) under the policy', async () => {
    const { page, problems } = await openWatched(site.browser.context, `${site.server.url}/`);
    await page.waitForFunction(() => document.querySelector('site-search button')?.hasAttribute('disabled') === false);
    await page.keyboard.press('/');
    await page.keyboard.type('finance');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('site-search')?.dataset['state'] === 'ready' &&
        document.querySelectorAll('#site-search-results [role="option"]').length > 0,
      undefined,
      { timeout: 15_000 },
    );
    await page.close();
    expect(problems).toEqual([]);
  });
});
