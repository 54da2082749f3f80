// A CRM export scored on /score/ as a RevOps lead would: columns and values the playbook does not
// know are mapped in the page (and rescored at once), the saved `aliases:` lines make
// `npm run score` give the same file, the results are filtered and searched, Windows-1252 and
// binary files are handled, and only the key columns can be downloaded. Real Chromium, on a
// fixture playbook built for this file (never the live content/).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv/parse.ts';
import { scoringMessages } from '../../src/lib/i18n/scoring.ts';
import { PROJECT_ROOT } from '../helpers/built-site.ts';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { buildFixture } from '../helpers/fixture-build.ts';
import { scoreWithCli } from '../helpers/run-cli.ts';
import { pasteAliases } from '../helpers/paste-aliases.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'valid', 'content');
const work = mkdtempSync(join(tmpdir(), 'icp-batch-crm-'));

/**
 * A CRM export of the fixture's accounts: CRM header names (`Number of Employees`,
 * `Country/Region`, `Tools`), CRM spellings of values (`Deutschland`, `HubSpot CRM`), and columns
 * that are not attributes (id, name with a comma and quotes, phone).
 */
const EXPORT =
  [
    'Record ID,Company name,Number of Employees,Country/Region,Tools,Hiring for RevOps roles,Phone Number',
    '101,"Acme, Inc.",250,Deutschland,HubSpot,yes,+33 1 10 30 99 64',
    '102,Bolt,80,France,Salesforce,no,',
    '103,Cargo,20,Deutschland,HubSpot,yes,+49 30 1234',
    '104,"Dune ""Labs""",600,Allemagne,HubSpot CRM,,',
    '105,Éclair,300,United States,Salesforce,yes,',
    '106,Société Générale de Test,150,deutschland,HubSpot CRM|Salesforce,no,',
    '107,Fjord,450,France,,yes,',
  ].join('\r\n') + '\r\n';

/** The same bytes as Excel on Windows saves them: Windows-1252. */
function windows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code > 0xff) throw new Error(`"${char}" is not in the test's Windows-1252 subset`);
    bytes.push(code);
  }
  return Buffer.from(bytes);
}

let site: string;
let server: StaticServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  const content = join(work, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  site = buildFixture(content, 'batch-crm');
  server = await serveStatic(site);
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) if (!page.isClosed()) await page.close();
});

/** /score/ in a new page; the mapping remembered by earlier tests is forgotten unless `keepStorage`. */
async function open(
  viewport = { width: 1280, height: 900 },
  keepStorage = false,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  opened.push(page);
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(`${server.url}/score/`, { waitUntil: 'networkidle' });
  if (!keepStorage) await page.evaluate(() => localStorage.clear());
  return { page, errors };
}

/** Chooses a file in the drop zone and waits for the scores. */
async function drop(page: Page, name: string, content: string | Buffer): Promise<void> {
  const runs = await page.locator('batch-scorer').getAttribute('data-runs');
  await page
    .getByLabel('Choose a file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  await nextRun(page, runs);
}

/** Waits until the scorer has finished one more job than when it had `runs`. */
async function nextRun(page: Page, runs: string | null): Promise<void> {
  await page.waitForFunction((before) => {
    const scorer = document.querySelector('batch-scorer') as HTMLElement;
    return scorer.dataset['state'] === 'done' && Number(scorer.dataset['runs'] ?? 0) > Number(before ?? 0);
  }, runs);
}

/** Picks a choice in the mapping step and waits for the file to be scored again. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const runs = await page.locator('batch-scorer').getAttribute('data-runs');
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
  await nextRun(page, runs);
}

async function download(page: Page): Promise<{ name: string; text: string }> {
  const link = page.getByRole('link', { name: 'Download scored CSV' });
  await page.waitForFunction(
    () => document.querySelector('[data-batch="download"]')?.getAttribute('aria-disabled') === 'false',
  );
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** Table rows as shown: account name and verdict. */
async function shownRows(page: Page): Promise<{ name: string; verdict: string }[]> {
  return page.locator('batch-scorer tbody[data-batch="rows"] tr').evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector('.batch-name')!.textContent,
      verdict: row.querySelector('.sw-verdict')!.className.replace(/.*sw-verdict--/, ''),
    })),
  );
}

/** Maps the export the way its CRM means it. */
async function mapExport(page: Page): Promise<void> {
  await choose(page, 'Read as: Number of Employees', 'Employees');
  await choose(page, 'Read as: Country/Region', 'Region');
  await choose(page, 'Means: Deutschland', 'Germany');
  await choose(page, 'Means: Allemagne', 'Germany');
  await choose(page, 'Read as: Tools', 'Tools in use');
  await choose(page, 'Means: HubSpot CRM', 'HubSpot');
}

describe('the mapping step', () => {
  it('shows unmatched columns and grouped values with counts, rescores on each choice, and its saved lines make npm run score give the same file', async () => {
    const { page, errors } = await open();
    await drop(page, 'hubspot.csv', EXPORT);

    const mapping = page.locator('[data-batch="mapping"]');
    expect(await mapping.isVisible()).toBe(true);
    const columns = await mapping.locator('[data-batch="mapping-columns"] tbody th').allTextContents();
    expect(columns).toEqual([
      'Record ID',
      'Company name',
      'Number of Employees',
      'Country/Region',
      'Tools',
      'Phone Number',
    ]);
    expect(
      await mapping.locator('tr', { hasText: 'Number of Employees' }).locator('.batch-samples code').allTextContents(),
    ).toEqual(['250', '80', '20']);
    // Nothing read yet but the hiring column: every account is unknown.
    expect(new Set((await shownRows(page)).map((r) => r.verdict))).toEqual(new Set(['unknown']));

    await choose(page, 'Read as: Number of Employees', 'Employees');
    // Cargo has 20 employees: out as soon as the column is read.
    expect((await shownRows(page)).find((r) => r.name === 'Cargo')!.verdict).toBe('out');

    await choose(page, 'Read as: Country/Region', 'Region');
    // Values grouped: spellings that differ only in case are one value, most frequent first.
    const values = await mapping
      .locator('[data-batch="mapping-values"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('td.num')!.textContent]),
      );
    expect(values).toEqual([
      ['Deutschland', '3'],
      ['Allemagne', '1'],
      ['United States', '1'],
    ]);
    await choose(page, 'Means: Deutschland', 'Germany');
    await choose(page, 'Means: Allemagne', 'Germany');
    await choose(page, 'Read as: Tools', 'Tools in use');
    expect(
      await mapping
        .locator('[data-batch="mapping-values"] tbody tr', { hasText: 'HubSpot CRM' })
        .locator('td.num')
        .textContent(),
    ).toBe('2');
    await choose(page, 'Means: HubSpot CRM', 'HubSpot');
    // The choice stays where it was made, for keyboard and screen reader users.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Means: HubSpot CRM');

    const yaml = await page.locator('[data-batch="yaml"]').textContent();
    expect(yaml).toContain('- id: employees\n  aliases:\n    - Number of Employees\n');
    const browserOut = await download(page);
    expect(browserOut.name).toBe('hubspot-scored.csv');

    // The lines pasted into a copy of the fixture playbook: the CLI reads the export the same way.
    const content = join(work, 'pasted');
    cpSync(FIXTURE, content, { recursive: true });
    const attributesFile = join(content, 'attributes.yaml');
    writeFileSync(attributesFile, pasteAliases(readFileSync(attributesFile, 'utf8'), yaml!));
    const input = join(work, 'hubspot.csv');
    writeFileSync(input, EXPORT);
    const cli = scoreWithCli(content, [input]);
    // Only the value left unmapped is still unreadable.
    expect(cli.stderr).toContain('Country/Region: United States × 1');
    expect(cli.stderr).not.toContain('Deutschland');
    expect(cli.status).toBe(0);
    expect(browserOut.text).toBe(cli.stdout);
    // And the table shows the same verdicts, row by row.
    const [header, ...rows] = parseCsv(cli.stdout).records;
    const verdict = header!.cells.indexOf('verdict');
    expect((await shownRows(page)).map((r) => r.verdict)).toEqual(rows.map((r) => r.cells[verdict]));
    expect(new Set(rows.map((r) => r.cells[verdict])).size).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });

  it('remembers the mapping for the next file in this browser, and works without storage', async () => {
    const { page } = await open();
    await drop(page, 'hubspot.csv', EXPORT);
    await mapExport(page);
    const mapped = await shownRows(page);
    expect(await page.locator('[data-batch="storage-note"]').textContent()).toBe(
      'This browser remembers the mapping for the next file.',
    );

    const { page: next } = await open(undefined, true);
    await drop(next, 'hubspot-2.csv', EXPORT);
    expect(await shownRows(next)).toEqual(mapped);
    expect(await next.getByLabel('Read as: Number of Employees', { exact: true }).inputValue()).toBe('employees');

    // "Forget" clears it: the export is read as the playbook alone reads it.
    const runs = await next.locator('batch-scorer').getAttribute('data-runs');
    await next.getByRole('button', { name: 'Forget this mapping' }).click();
    await nextRun(next, runs);
    expect(await next.getByLabel('Read as: Number of Employees', { exact: true }).inputValue()).toBe('');
    expect(new Set((await shownRows(next)).map((r) => r.verdict))).toEqual(new Set(['unknown']));

    // Storage refused (privacy settings): the mapping still works for this file, and the page says it is not kept.
    const blocked = await browser.context.newPage();
    opened.push(blocked);
    await blocked.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await blocked.goto(`${server.url}/score/`, { waitUntil: 'networkidle' });
    await drop(blocked, 'hubspot.csv', EXPORT);
    await mapExport(blocked);
    expect(await shownRows(blocked)).toEqual(mapped);
    expect(await blocked.locator('[data-batch="storage-note"]').textContent()).toBe(
      'This browser does not let the page remember the mapping: save the lines below to keep it.',
    );
  });
});

describe('results a RevOps lead can work with', () => {
  it('filters by verdict and tier chips and searches any kept column, with the keyboard', async () => {
    const { page, errors } = await open();
    await drop(page, 'hubspot.csv', EXPORT);
    await mapExport(page);
    const all = await shownRows(page);
    const fit = all.filter((r) => r.verdict === 'fit');
    expect(fit.length).toBeGreaterThan(0);
    expect(fit.length).toBeLessThan(all.length);

    const fitChip = page.locator('button[data-filter="verdict"][data-value="fit"]');
    await fitChip.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shownRows(page)).toEqual(fit);
    expect(await fitChip.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-batch="matched"]').textContent()).toBe(
      `${fit.length} account${fit.length === 1 ? '' : 's'} of 7 match${fit.length === 1 ? 'es' : ''}.`,
    );

    // Tier chips count fit accounts only; pressing one narrows the fit rows to it.
    const tierChips = page.locator('button[data-filter="tier"]');
    const tierCounts = await tierChips.evaluateAll((chips) =>
      chips.map((c) => Number(c.querySelector('strong')!.textContent)),
    );
    expect(tierCounts.reduce((a, b) => a + b, 0)).toBe(fit.length);
    await tierChips.first().click();
    await expect.poll(async () => (await shownRows(page)).length).toBe(tierCounts[0]);

    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => shownRows(page)).toEqual(all);

    // Search: by name, accent-insensitive, and by any kept column (a phone number).
    await page.getByLabel('Search accounts').fill('societe');
    await expect.poll(async () => (await shownRows(page)).map((r) => r.name)).toEqual(['Société Générale de Test']);
    await page.getByLabel('Search accounts').fill('+33 1 10');
    await expect.poll(async () => (await shownRows(page)).map((r) => r.name)).toEqual(['Acme, Inc.']);
    await page.getByLabel('Search accounts').fill('nobody here');
    await expect
      .poll(() => page.locator('[data-batch="matched"]').textContent())
      .toBe('No account matches. Clear the search or press “Show all”.');
    expect(errors).toEqual([]);
  });

  it('downloads the key columns and the results only, for a CRM re-import, as npm run score -- --only-keys does', async () => {
    const { page } = await open();
    await drop(page, 'hubspot.csv', EXPORT);
    await mapExport(page);
    const full = parseCsv((await download(page)).text).records;
    await page.getByLabel(/Key columns and results only/).check();
    const keys = await download(page);
    expect(keys.name).toBe('hubspot-scored-keys.csv');
    const records = parseCsv(keys.text).records;
    const header = full[0]!.cells;
    const results = header.slice(header.indexOf('Phone Number') + 1);
    expect(results).toEqual(['icp', 'verdict', 'score', 'best', 'tier', 'provisional_tier', 'reasons']);
    expect(records[0]!.cells).toEqual(['Record ID', 'Company name', 'Phone Number', ...results]);
    // Every cell is the full download's cell, row by row: nothing else is touched; a phone number survives.
    const pick = ['Record ID', 'Company name', 'Phone Number', ...results].map((name) => header.indexOf(name));
    expect(records.map((r) => r.cells)).toEqual(full.map((r) => pick.map((i) => r.cells[i])));
    expect(records[1]!.cells.slice(0, 3)).toEqual(['101', 'Acme, Inc.', '+33 1 10 30 99 64']);
    expect(records[4]!.cells[1]).toBe('Dune "Labs"');

    // The same bytes as the CLI's option, with the saved mapping pasted into the playbook.
    const content = join(work, 'keys');
    cpSync(FIXTURE, content, { recursive: true });
    const attributesFile = join(content, 'attributes.yaml');
    writeFileSync(
      attributesFile,
      pasteAliases(readFileSync(attributesFile, 'utf8'), (await page.locator('[data-batch="yaml"]').textContent())!),
    );
    const input = join(work, 'hubspot-keys.csv');
    writeFileSync(input, EXPORT);
    const cli = scoreWithCli(content, [input, '--only-keys']);
    expect(cli.status).toBe(0);
    expect(keys.text).toBe(cli.stdout);
  });

  it('fits a 390 px phone screen, mapping step included', async () => {
    const { page } = await open({ width: 390, height: 844 });
    await drop(page, 'hubspot.csv', EXPORT);
    await choose(page, 'Read as: Country/Region', 'Region');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const select = page.getByLabel('Means: Deutschland', { exact: true });
    const box = (await select.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  });
});

describe('encodings', () => {
  it('reads a Windows-1252 export like its UTF-8 copy and says so in one line', async () => {
    const { page } = await open();
    await drop(page, 'hubspot.csv', EXPORT);
    await mapExport(page);
    const utf8 = await download(page);
    expect(await page.locator('[data-batch="encoding"]').isVisible()).toBe(false);

    await drop(page, 'hubspot-excel.csv', windows1252(EXPORT));
    expect(await page.locator('[data-batch="encoding"]').textContent()).toBe(scoringMessages.en.csv.decodedWindows1252);
    const ansi = await download(page);
    expect(ansi.text).toBe(utf8.text);
    expect(ansi.text).not.toContain('\uFFFD');
    expect(ansi.text).toContain('Société Générale de Test');
  });

  it('refuses a binary file with a clear message', async () => {
    const { page } = await open();
    // An Excel workbook renamed .csv: a zip archive.
    const workbook = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
      Buffer.alloc(2048, 0x07),
    ]);
    await page
      .getByLabel('Choose a file')
      .setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: workbook });
    await page.locator('batch-scorer[data-state="error"]').waitFor();
    expect(await page.locator('[data-batch="error"]').textContent()).toBe(
      `This file cannot be scored: ${scoringMessages.en.csv.binaryZip}.`,
    );
    expect(await page.locator('[data-batch="results"]').isVisible()).toBe(false);
  });
});
