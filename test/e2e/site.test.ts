// The built example in real Chromium, as a reader uses it: keyboard, phone, print, privacy.
import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/site-in-browser.ts';
import type { Page } from 'playwright-core';

const PAGES = [
  '/',
  '/icps/mid-market-saas/',
  '/personas/head-of-revops/',
  '/pages/glossary/',
  '/market/',
  '/review/',
  '/personas/',
  '/icps/',
];

const site = useSiteInBrowser();

/** Opens a page, recording console errors and every request that leaves 127.0.0.1. */
async function open(path: string, viewport = { width: 1280, height: 900 }) {
  const page: Page = await site.browser.context.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (
      !request.url().startsWith(site.server.url) &&
      !request.url().startsWith('data:') &&
      !request.url().startsWith('blob:')
    )
      external.push(request.url());
  });
  await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
  return { page, errors, external };
}

describe('every page', () => {
  it.each(PAGES)('%s loads with a clean console, no third-party request and no missing file', async (path) => {
    const { page, errors, external } = await open(path);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    expect(site.server.requests.filter((r) => r.status !== 200)).toEqual([]);
    await page.close();
  });

  it.each(PAGES)('%s fits a 390 px phone screen without sideways scrolling', async (path) => {
    const { page } = await open(path, { width: 390, height: 844 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe('keyboard', () => {
  it('reaches the content with the skip link, then the navigation with Tab', async () => {
    const { page } = await open('/icps/mid-market-saas/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    await page.close();
  });

  it('follows a navigation link with Enter', async () => {
    const { page } = await open('/');
    const market = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Market' });
    await market.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/market\/$/);
    expect(await page.locator('h1').textContent()).toBe('Market');
    await page.close();
  });
});

describe('print', () => {
  it('prints an ICP page as a one-pager on A4', async () => {
    const { page } = await open('/icps/mid-market-saas/');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    await page.close();
  });
});
