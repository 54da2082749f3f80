// axe-core, run in Chromium over every page of the example and of a French playbook, on a
// desktop (1280 px) and a phone (390 px) viewport: no accessibility violation of any impact
// (contrast, labels, landmarks, list structure, keyboard access to scrolling regions…).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_SITE, PROJECT_ROOT } from '../helpers/built-site.ts';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { buildFixture, fixtureContent } from '../helpers/fixture-build.ts';
import { htmlPages } from '../helpers/page-watch.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FRENCH = fixtureContent('french-payroll');
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
const servers: Record<string, StaticServer> = {};
beforeAll(async () => {
  const french = buildFixture(FRENCH, 'french-payroll');
  servers['example'] = await serveStatic(BUILT_SITE);
  servers['french'] = await serveStatic(french);
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server.close();
});

/** Every violation axe finds on one page, as `rule (impact): help — targets`. */
async function axeViolations(
  site: string,
  path: string,
  viewport: { width: number; height: number },
): Promise<string[]> {
  const page = await browser!.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(servers[site]!.url + path, { waitUntil: 'networkidle' });
  // Through the DevTools protocol: the page's own CSP refuses inline scripts, as it should.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  await page.close();
  return violations.map(
    (v: Violation) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

describe.each([
  ['example', BUILT_SITE],
  ['french', join(PROJECT_ROOT, '.test-dist', 'french-payroll')],
])('accessibility of the %s playbook', (site, dir) => {
  it('has no axe violation of any impact on any page, at 1280 and 390 px', async () => {
    const report: Record<string, string[]> = {};
    for (const path of htmlPages(dir)) {
      for (const viewport of VIEWPORTS) {
        const found = await axeViolations(site, path, viewport);
        if (found.length > 0) report[`${path} @${viewport.width}`] = found;
      }
    }
    expect(report).toEqual({});
  }, 1_200_000);
});
