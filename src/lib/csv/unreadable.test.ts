import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributes, icp } from '../../../test/helpers/scoring-fixtures.ts';
import type { CellProblem } from './accounts.ts';
import { CsvScorer } from './score-csv.ts';
import { formatUnreadableSummary, UnreadableSummary } from './unreadable.ts';

function problem(
  column: number,
  header: string,
  value: string,
  row: number,
  attribute: string | undefined = header.toLowerCase(),
): CellProblem {
  return { row, column, header, value, message: `"${value}" is not an option`, attribute };
}

describe('UnreadableSummary', () => {
  it('groups unreadable cells by column and distinct value, most frequent first, ties in file order', () => {
    const summary = new UnreadableSummary();
    const cells = [
      problem(3, 'Industry', 'Retail', 2),
      problem(3, 'Industry', 'Computer Software', 3),
      problem(2, 'Region', 'Mars', 4),
      problem(3, 'Industry', ' Computer Software ', 5),
      problem(3, 'Industry', 'Banking', 6),
      { row: 7, column: 9, header: '', value: 'x y', message: 'has 9 cells' },
    ];
    for (const cell of cells) summary.add(cell);
    expect(summary.total).toBe(5);
    expect(
      summary.columns().map((c) => [c.header, c.total, c.values.map((v) => [v.value, v.count, v.firstRow])]),
    ).toEqual([
      ['Region', 1, [['Mars', 1, 4]]],
      [
        'Industry',
        4,
        [
          ['Computer Software', 2, 3],
          ['Retail', 1, 2],
          ['Banking', 1, 6],
        ],
      ],
    ]);
  });

  it('merges parts counted without a cap, in file order, into the summary of the whole file (cap included)', () => {
    const cell = fc.record({
      column: fc.integer({ min: 1, max: 3 }),
      value: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    });
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 4 }),
        (cells, cuts) => {
          const problems = cells.map(({ column, value }, i) => problem(column, `C${column}`, value, i + 2));
          const whole = new UnreadableSummary(3);
          for (const p of problems) whole.add(p);
          const merged = new UnreadableSummary(3);
          const ends = [...new Set([...cuts, problems.length])].sort((a, b) => a - b);
          let from = 0;
          for (const end of ends) {
            const part = new UnreadableSummary(Infinity);
            for (const p of problems.slice(from, Math.max(from, end))) part.add(p);
            merged.merge(part.take());
            expect(part.total).toBe(0);
            from = Math.max(from, end);
          }
          expect(merged.columns()).toEqual(whole.columns());
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('remembers a bounded number of distinct values and counts the rest', () => {
    const summary = new UnreadableSummary(2);
    for (let i = 0; i < 10; i++) summary.add(problem(1, 'Industry', `v${i % 5}`, i + 2));
    const [column] = summary.columns();
    expect(column!.values.map((v) => [v.value, v.count])).toEqual([
      ['v0', 2],
      ['v1', 2],
    ]);
    expect(column!.otherCells).toBe(6);
    expect(formatUnreadableSummary(summary.columns(), 'en')).toEqual([
      'Industry: v0 × 2, v1 × 2, at least 1 other values × 6',
    ]);
  });

  it('writes one line per column, in English and French', () => {
    const summary = new UnreadableSummary();
    for (let i = 0; i < 1014; i++) summary.add(problem(3, 'Industry', 'Computer Software', i + 2));
    for (let i = 0; i < 388; i++) summary.add(problem(3, 'Industry', 'Transportation/Trucking/Railroad', i + 2000));
    summary.add(problem(3, 'Industry', 'Banking', 5000));
    expect(formatUnreadableSummary(summary.columns(), 'en', 2)).toEqual([
      'Industry: Computer Software × 1,014, Transportation/Trucking/Railroad × 388, 1 other value × 1',
    ]);
    expect(formatUnreadableSummary(summary.columns(), 'fr', 2).map((l) => l.replace(/\s/g, ' '))).toEqual([
      'Industry : Computer Software × 1 014, Transportation/Trucking/Railroad × 388, 1 autre valeur × 1',
    ]);
  });
});

describe('the reasons column', () => {
  it('tells a value not recognised from no value, and the scorer keeps the grouped summary', () => {
    const scorer = new CsvScorer({ attributes, icps: [icp], locale: 'en' });
    const out = scorer.push('company,employees,region\nAcme,240,Mars\nBolt,300,\nCargo,250,Mars\n') + scorer.end();
    expect(
      out
        .split('\n')
        .slice(1, 4)
        .map((line) => line.slice(line.lastIndexOf(',') + 1)),
    ).toEqual([
      'Unknown: France or DACH (value not recognised: Mars)',
      'Unknown: France or DACH (no value)',
      'Unknown: France or DACH (value not recognised: Mars)',
    ]);
    expect(
      scorer.unreadable.columns().map((c) => [c.header, c.attribute, c.values.map((v) => [v.value, v.count])]),
    ).toEqual([['region', 'region', [['Mars', 2]]]]);
  });

  it('says it in French for a French playbook', () => {
    const scorer = new CsvScorer({ attributes, icps: [icp], locale: 'fr' });
    const out = scorer.push('employees,region\n240,Mars\n') + scorer.end();
    expect(out).toContain('Inconnu\u202f: France or DACH (valeur non reconnue\u202f: Mars)');
  });
});
