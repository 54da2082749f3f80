import { describe, expect, it } from 'vitest';
import { attributes } from '../../../test/helpers/scoring-fixtures.ts';
import { exampleAccountsCsv } from './example-accounts.ts';
import { parseCsv } from './parse.ts';

describe('exampleAccountsCsv', () => {
  it('uses the known accounts without their outcome and expected tier', () => {
    const text = 'company,outcome,employees,expect\nAcme,won,240,Tier 1\n"Bolt, Inc",lost,20,out\n';
    expect(exampleAccountsCsv({ attributes, accounts: [{ file: 'content/accounts/known.csv', text }] })).toBe(
      'company,employees\nAcme,240\n"Bolt, Inc",20\n',
    );
  });

  it('makes up three accounts with every attribute when there is no known account', () => {
    const { records } = parseCsv(exampleAccountsCsv({ attributes, accounts: [] }));
    expect(records[0]!.cells).toEqual(['company', ...attributes.map((a) => a.id)]);
    expect(records).toHaveLength(4);
  });
});
