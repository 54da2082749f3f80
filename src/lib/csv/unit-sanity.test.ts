import { describe, expect, it } from 'vitest';
import { AttributesSchema } from '../../schemas/attribute.ts';
import { CsvScorer } from './score-csv.ts';
import { makeIcp, icpInput } from '../../../test/helpers/scoring-fixtures.ts';

const attributes = AttributesSchema.parse([
  { id: 'employees', label: 'Employees', type: 'number', min: 0 },
  {
    id: 'revenue',
    label: 'Annual revenue',
    type: 'number',
    unit: 'M€',
    min: 0,
    typical: [1, 5000],
    aliases: ['Chiffre d’affaires', { column: 'Annual Revenue', scale: 0.000001 }],
  },
  {
    id: 'region',
    label: 'Region',
    type: 'choice',
    options: [
      { id: 'fr', label: 'France' },
      { id: 'dach', label: 'DACH' },
    ],
  },
]);
const icp = makeIcp({
  ...icpInput,
  filters: [{ label: 'France', attribute: 'region', in: ['fr'] }],
  signals: [{ label: 'Big', attribute: 'revenue', atLeast: 10, points: 100 }],
});

function warnings(header: string, cells: string[], locale: 'en' | 'fr' = 'en') {
  const scorer = new CsvScorer({ attributes, icps: [icp], locale });
  scorer.push(`company,${header}\n${cells.map((c, i) => `C${i},${c}`).join('\n')}\n`);
  scorer.end();
  return scorer.unitWarnings();
}

describe('unit sanity of number columns', () => {
  const euros = ['3431943', '12500000', '800000', '45000000', '2100000', '950000'];

  it('names euros in a M€ column and the scale that fixes it', () => {
    const [warning] = warnings('Chiffre d’affaires', euros);
    expect(warning).toMatchObject({ column: 2, attribute: 'revenue', total: 6, outside: 6, scale: 0.000001 });
    expect(warning!.message).toBe(
      'Chiffre d’affaires: 6 of 6 numbers are outside the plausible range of Annual revenue (1–5,000 M€); they look 1,000,000 times too big, another unit (euros rather than M€?): add `scale: 0.000001` to the alias, e.g. - { column: Chiffre d’affaires, scale: 0.000001 }',
    );
    expect(warnings('Chiffre d’affaires', euros, 'fr')[0]!.message).toContain("ajoutez `scale: 0.000001` à l'alias");
  });

  it('says nothing once the alias has the scale, nor for plausible values, nor for a handful of values', () => {
    expect(warnings('Annual Revenue', euros)).toEqual([]);
    expect(warnings('revenue', ['12', '250', '3,5', '40', '1200'])).toEqual([]);
    expect(warnings('revenue', ['3431943', '12500000'])).toEqual([]);
  });

  it('reports values outside the range without a fix when no common factor fits', () => {
    const [warning] = warnings('revenue', ['0.0001', '90000', '0.0002', '80000', '0.0003', '70000']);
    expect(warning).toMatchObject({ outside: 6 });
    expect(warning!.scale).toBeUndefined();
    expect(warning!.message).toContain("check the column's unit");
  });
});
