// The "what the known accounts say" section of an ICP page, built from a fixture of 300 known
// accounts drawn from a known model: readable at 1280 px as tables and at 390 px as cards.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { PROJECT_ROOT } from '../helpers/built-site.ts';
import { writeKnownAccountsModel } from '../helpers/known-accounts-model.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { buildFixture } from '../helpers/fixture-build.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'icp-calibration-e2e-'));
const out = join(PROJECT_ROOT, '.test-dist', 'calibration');
let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  writeKnownAccountsModel(join(work, 'content'));
  server = await serveStatic(buildFixture(join(work, 'content'), out));
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function openSection(width: number) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${server.url}/icps/finance/`);
  const section = page.locator('section:has(> h2#evidence)');
  await section.scrollIntoViewIfNeeded();
  return { page, section };
}

describe('known-accounts evidence on the ICP page', () => {
  it("shows each signal with today's and the suggested points, win rates and findings", async () => {
    const { page, section } = await openSection(1280);
    await expect(section.locator('h2').textContent()).resolves.toBe('What the known accounts say about each criterion');
    const hiring = section.locator('tr', { has: page.locator('th', { hasText: /^Hiring finance roles$/ }) });
    const cells = await hiring.locator('td').allTextContents();
    expect(cells[0]).toBe('+15');
    expect(Number(cells[1]!.replace('+', ''))).toBeGreaterThan(15);
    expect(cells[2]).toMatch(/^\d+%\d+ won \/ \d+ lost · \d+%–\d+%$/);
    expect(cells[4]).toBe('wins more often when it holds');
    const webinar = section.locator('tr', { has: page.locator('th', { hasText: /^Came to a webinar$/ }) });
    await expect(webinar.locator('td').nth(1).textContent()).resolves.toBe('0');
    // The suggested best points total exactly 100, as the content contract requires.
    const suggested = await section
      .locator('.evidence__table--signals tbody tr:not(.evidence__level) td:nth-of-type(2)')
      .allTextContents();
    const best = suggested
      .filter((text) => text.length > 0)
      .map((text) => Math.max(0, ...text.split(' / ').map((p) => Number(p.replace('−', '-').replace('+', '')))));
    expect(best.reduce((a, b) => a + b, 0)).toBe(100);
    expect(await section.locator('.evidence__table--value tbody tr').count()).toBe(4);
    await page.close();
  });

  it('reads as cards on a 390 px phone: no sideways scrolling, each value under its column name', async () => {
    const { page, section } = await openSection(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const layout = await section
      .locator('tbody tr')
      .first()
      .evaluate((row) => {
        const cell = row.querySelector('td')!;
        return {
          display: getComputedStyle(row).display,
          label: getComputedStyle(cell, '::before').content,
          fits: row.getBoundingClientRect().right <= window.innerWidth,
        };
      });
    expect(layout).toEqual({ display: 'grid', label: '"Keeps (won / lost)"', fits: true });
    await page.close();
  });

  it.each([1280, 390])('has no axe violation in the section at %i px', async (width) => {
    const { page } = await openSection(width);
    await page.evaluate(axeSource); // the page's CSP refuses inline script tags
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(context: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      return (await axe.run({ include: [['section:has(> h2#evidence)']] })).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
