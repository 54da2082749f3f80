// axe-core, run in Chromium over every kind of page of the built example: no serious or
// critical accessibility violation (contrast, labels, landmarks, names of links and controls).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/site-in-browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['/', '/icps/', '/icps/mid-market-saas/', '/icps/agencies-consultancies/', '/personas/', '/personas/cfo/', '/pages/', '/pages/objection-handling/', '/market/', '/review/', '/score/', '/404.html'];

const site = useSiteInBrowser();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe('accessibility', () => {
  it.each(PAGES)('%s has no serious or critical axe violation', async (path) => {
    const page = await site.browser.context.newPage();
    await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
      return (await axe.run()).violations;
    });
    const serious = violations
      .filter((v: Violation) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: Violation) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    expect(serious).toEqual([]);
    await page.close();
  });
});
