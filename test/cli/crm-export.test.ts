// A generated HubSpot export (20,000 rows, real header names and value spellings) scored through
// the aliases of a fixture playbook gives the same results as the same accounts written with
// attribute ids; its Windows-1252 copy gives byte-identical output; key columns round-trip.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmCsv, encodeWindows1252, generateCrmRows, KEY_COLUMNS, type CrmRow } from '../../scripts/lib/crm-export.ts';
import { parseCsv } from '../../src/lib/csv/parse.ts';
import { OUTPUT_COLUMNS } from '../../src/lib/csv/score-csv.ts';
import { main } from '../../scripts/score.ts';
import { runCli } from '../helpers/run-cli.ts';

const ROWS = 20_000;
const work = mkdtempSync(join(tmpdir(), 'icp-crm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run score` in process on the CRM fixture playbook. */
async function score(file: string, args: string[] = []) {
  const result = await runCli(main, [file, ...args], { env: { ICP_CONTENT_DIR: 'test/fixtures/crm/content' } });
  return { status: result.status, stdout: result.stdoutBytes, stderr: result.stderr };
}

/** verdict, score, best, tier and provisional_tier of each row. */
function results(csv: string): string[][] {
  const [, ...records] = parseCsv(csv).records;
  return records.map((record) => record.cells.slice(-OUTPUT_COLUMNS.length + 1, -1));
}

let rows: CrmRow[];
let hubspot: Awaited<ReturnType<typeof score>>;
beforeAll(async () => {
  rows = generateCrmRows(ROWS);
  writeFileSync(join(work, 'hubspot.csv'), crmCsv(rows, 'hubspot'));
  writeFileSync(join(work, 'ids.csv'), crmCsv(rows, 'ids'));
  writeFileSync(join(work, 'hubspot-1252.csv'), encodeWindows1252(crmCsv(rows, 'hubspot')));
  hubspot = await score(join(work, 'hubspot.csv'));
}, 120_000);

describe('a HubSpot export read through aliases', { timeout: 120_000 }, () => {
  it('scores every row like the same accounts written with attribute ids', async () => {
    expect(hubspot.status).toBe(0);
    const ids = await score(join(work, 'ids.csv'));
    expect(ids.status).toBe(0);
    const viaAliases = results(hubspot.stdout.toString('utf8'));
    expect(viaAliases).toHaveLength(ROWS);
    expect(viaAliases).toEqual(results(ids.stdout.toString('utf8')));
    // Not a trivial agreement: every verdict occurs, bands and scaled euros included.
    const verdicts = new Set(viaAliases.map((r) => r[0]));
    expect([...verdicts].sort()).toEqual(['fit', 'out', 'unknown']);
  });

  it('summarises the values no alias reads, with counts, and tells them apart from empty cells', () => {
    expect(hubspot.stderr).toMatch(
      /Industry: (Hospital & Health Care|Mechanical or Industrial Engineering) × [\d,]+, (Hospital & Health Care|Mechanical or Industrial Engineering) × [\d,]+/,
    );
    expect(hubspot.stderr).toMatch(/Country\/Region: Suisse × [\d,]+/);
    const reasons = parseCsv(hubspot.stdout.toString('utf8')).records.map((r) => r.cells.at(-1));
    expect(reasons).toContain('Unknown: France or Germany (value not recognised: Suisse)');
    expect(reasons).toContain('Unknown: France or Germany (no value)');
  });

  it('gives byte-identical output for the Windows-1252 copy, with a one-line notice and no U+FFFD', async () => {
    const latin = await score(join(work, 'hubspot-1252.csv'));
    expect(latin.status).toBe(0);
    expect(latin.stderr).toContain('The file is not UTF-8: read as Windows-1252');
    expect(Buffer.compare(latin.stdout, hubspot.stdout)).toBe(0);
    expect(latin.stdout.toString('utf8')).not.toContain('\ufffd');
  });

  it('writes only key columns with --only-keys: phone numbers, names with commas and quotes and notes unchanged, formulas neutralised', async () => {
    const keys = await score(join(work, 'hubspot.csv'), ['--only-keys']);
    expect(keys.status).toBe(0);
    const [header, ...records] = parseCsv(keys.stdout.toString('utf8')).records;
    expect(header!.cells).toEqual([...KEY_COLUMNS, ...OUTPUT_COLUMNS]);
    const keyIndexes = KEY_COLUMNS.map((name) =>
      [
        'Record ID',
        'Company name',
        'Company Domain Name',
        'Phone Number',
        'Number of Employees',
        'Annual Revenue',
        'Industry',
        'Country/Region',
        'City',
        'CRM in use',
        'Hiring RevOps (custom)',
        'Notes',
        'Create Date',
      ].indexOf(name),
    );
    let formulas = 0;
    records.forEach((record, i) => {
      const expected = keyIndexes.map((k) => rows[i]!.hubspot[k]!);
      const got = record.cells.slice(0, KEY_COLUMNS.length);
      got.forEach((cell, k) => {
        if (/^[=@+-]/.test(expected[k]!) && !/^\+33 /.test(expected[k]!)) {
          formulas++;
          expect(cell).toBe(`'${expected[k]}`);
        } else expect(cell).toBe(expected[k]);
      });
    });
    expect(formulas).toBeGreaterThan(100);
    expect(records.some((r) => r.cells[3]!.startsWith('+33 '))).toBe(true);
    expect(records.some((r) => r.cells[1]!.includes(', ') && r.cells[1]!.includes('"') === false)).toBe(true);
  });
});
