// The generated HubSpot export (20,000 rows, real header names and value spellings, quoted
// commas, multi-line cells, empty cells), scored on /score/ in real Chromium with the aliases of
// the CRM fixture playbook, gives the same file as `npm run score`; so does its Windows-1252
// copy, with no U+FFFD. The fixture playbook is built for this file, never the live content/.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmCsv, encodeWindows1252, generateCrmRows } from '../../scripts/lib/crm-export.ts';
import { parseCsv } from '../../src/lib/csv/parse.ts';
import { OUTPUT_COLUMNS } from '../../src/lib/csv/score-csv.ts';
import { scoringMessages } from '../../src/lib/i18n/scoring.ts';
import { PROJECT_ROOT } from '../helpers/built-site.ts';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { buildFixture } from '../helpers/fixture-build.ts';
import { scoreWithCli } from '../helpers/run-cli.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const ROWS = 20_000;
const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'crm', 'content');
const work = mkdtempSync(join(tmpdir(), 'icp-batch-hubspot-'));
let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let hubspot: string;
let cli: string;

beforeAll(async () => {
  const content = join(work, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  server = await serveStatic(buildFixture(content, 'batch-hubspot'));
  browser = await launchBrowser();
  hubspot = crmCsv(generateCrmRows(ROWS), 'hubspot');
  writeFileSync(join(work, 'hubspot.csv'), hubspot);
  const result = scoreWithCli(content, [join(work, 'hubspot.csv')]);
  if (result.status !== 0) throw new Error(`npm run score failed: ${result.stderr}`);
  cli = result.stdout;
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Scores a file on /score/ and returns the page and the downloaded CSV. */
async function scoreInPage(name: string, bytes: Uint8Array): Promise<{ page: Page; text: string }> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/score/`, { waitUntil: 'networkidle' });
  await page.getByLabel('Choose a file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  await page.locator('batch-scorer[data-state="done"]').waitFor({ timeout: 120_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download scored CSV' }).click(),
  ]);
  return { page, text: readFileSync(await download.path(), 'utf8') };
}

/** verdict, score, best, tier and provisional_tier of each row. */
function results(csv: string): string[][] {
  const [, ...records] = parseCsv(csv).records;
  return records.map((record) => record.cells.slice(-OUTPUT_COLUMNS.length + 1, -1));
}

describe('a HubSpot export on /score/', () => {
  it('scores each row as npm run score does, byte for byte', async () => {
    const { page, text } = await scoreInPage('hubspot.csv', new TextEncoder().encode(hubspot));
    expect(await page.locator('batch-scorer').getAttribute('data-rows')).toBe(String(ROWS));
    expect(results(text)).toEqual(results(cli));
    expect(text).toBe(cli);
    await page.close();
  }, 180_000);

  it('reads the Windows-1252 copy the same way, says so, and writes no U+FFFD', async () => {
    const { page, text } = await scoreInPage('hubspot-excel.csv', encodeWindows1252(hubspot));
    expect(await page.locator('[data-batch="encoding"]').textContent()).toBe(scoringMessages.en.csv.decodedWindows1252);
    expect(text).not.toContain('\uFFFD');
    expect(text).toBe(cli);
    await page.close();
  }, 180_000);
});
