// `npm run score -- --engine duckdb` (scripts/lib/duckdb-score.ts) writes what the TypeScript
// scorer writes, byte for byte and row for row: 150,000 text accounts (several DuckDB row groups
// scored in parallel, so a reordering would show), with bands, unreadable cells and aliases.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreWithDuckDb } from '../../scripts/lib/duckdb-score.ts';
import { CsvScorer } from '../../src/lib/csv/score-csv.ts';
import { formatCsvRow } from '../../src/lib/csv/write.ts';
import { generateTextAccounts, loadFixture } from './differential.ts';

const model = loadFixture();
const work = mkdtempSync(join(tmpdir(), 'icp-duckdb-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run score with DuckDB', () => {
  it('writes the TypeScript scorer’s output for a CSV, in the input’s row order', async () => {
    const sample = generateTextAccounts(model, 25_000, 41);
    const header = ['id', ...model.attributes.map((a) => a.id)];
    const lines = [formatCsvRow(header, ',')];
    for (let copy = 0; copy < 6; copy++) {
      for (const account of sample)
        lines.push(
          formatCsvRow(
            [String(copy * 25_000 + account.id), ...model.attributes.map((a) => String(account[a.id] ?? ''))],
            ',',
          ),
        );
    }
    const input = join(work, 'accounts.csv');
    writeFileSync(input, `${lines.join('\r\n')}\r\n`);
    const output = join(work, 'scored.csv');
    const result = await scoreWithDuckDb({ model, input, output });
    const scorer = new CsvScorer({ attributes: model.attributes, icps: model.icps, locale: model.settings.locale });
    const expected = scorer.push(readFileSync(input, 'utf8')) + scorer.end();
    const actual = readFileSync(output, 'utf8').split(/\r?\n/);
    const wanted = expected.split(/\r?\n/);
    expect(result.rows).toBe(150_000);
    const mismatches = wanted.flatMap((line, i) =>
      line === actual[i] ? [] : [`line ${i + 1}: DuckDB ${actual[i]} ≠ TypeScript ${line}`],
    );
    expect(mismatches.slice(0, 5), `${mismatches.length} mismatches`).toEqual([]);
  });

  it('counts the unreadable cells of each column as the TypeScript scorer does', async () => {
    const sample = generateTextAccounts(model, 25_000, 43);
    const header = ['id', ...model.attributes.map((a) => a.id)];
    const lines = [header, ...sample.map((a) => [String(a.id), ...model.attributes.map((b) => String(a[b.id] ?? ''))])];
    const input = join(work, 'unreadable.csv');
    writeFileSync(input, `${lines.map((line) => formatCsvRow(line, ',')).join('\r\n')}\r\n`);
    const said: string[] = [];
    await scoreWithDuckDb({ model, input, output: join(work, 'unreadable-out.csv'), onProblem: (m) => said.push(m) });
    const counted: Record<string, number> = {};
    for (const message of said) {
      const [, count = '', column = message] = /^([\d,]+) cells? of (\S+) could not be read/.exec(message) ?? [];
      counted[column] = Number(count.replaceAll(',', ''));
    }
    const scorer = new CsvScorer({ attributes: model.attributes, icps: model.icps, locale: model.settings.locale });
    scorer.push(readFileSync(input, 'utf8'));
    scorer.end();
    const expected = Object.fromEntries(scorer.unreadable.columns().map((c) => [c.header, c.total]));
    // The generated cells include unreadable numbers, options and lists: every kind is counted.
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(3);
    expect(counted).toEqual(expected);
    // A list names the part it could not read, as the CSV reader does, not the whole cell.
    const lists = model.attributes.filter((a) => a.type === 'choices').map((a) => a.id);
    const listMessages = said.filter((m) => lists.some((id) => m.includes(` of ${id} could not be read`)));
    expect(listMessages.length).toBeGreaterThan(0);
    for (const message of listMessages) expect(message).not.toMatch(/[|;]/);
  });
});
