import { describe, expect, it } from 'vitest';
import { attributes } from '../../../test/helpers/scoring-fixtures.ts';
import { AttributesSchema } from '../../schemas/attribute.ts';
import { AccountReader, parseNumberCell, type CellProblem } from './accounts.ts';

describe.each([
  ['1200', 1200],
  ['-3', -3],
  [' 42 ', 42],
  ['38.5', 38.5],
  ['38,5', 38.5],
  ['.5', 0.5],
  // Ambiguous (1200 or 1.2?): refused, with a message that says how to write it.
  ['1,200', undefined],
  ['1.200', undefined],
  ['1 200', 1200],
  ['1\u00a0200,5', 1200.5],
  ['1\u202f200', 1200],
  ["1'200", 1200],
  ['1,200.5', 1200.5],
  ['1.200,5', 1200.5],
  ['1,200,000', 1200000],
  ['1.200.000', 1200000],
  ['12 M€', undefined],
  ['1 2', undefined],
  ['1,2,3', undefined],
  ['1e3', undefined],
  ['0x10', undefined],
  ['abc', undefined],
] as const)('the number cell %j', (text, expected) => {
  it(`reads ${expected === undefined ? 'as not a number' : expected}`, () =>
    expect(parseNumberCell(text)).toBe(expected));
});

function read(header: string[], row: string[]) {
  const reader = new AccountReader(header, attributes, 'en');
  const problems: CellProblem[] = [];
  return { account: reader.read(row, 2, problems), problems, reader };
}

describe.each([
  ['a number by id', ['employees'], ['240'], { employees: 240 }],
  ['a number by label, any case and spacing', ['  EMPLOYEES '], ['1 200'], { employees: 1200 }],
  ['a choice by id', ['region'], ['dach'], { region: 'dach' }],
  ['a choice by label in any case', ['Region'], [' united states '], { region: 'us' }],
  ['choices split on |', ['Tools in use'], ['hubspot|Salesforce'], { stack: ['hubspot', 'salesforce'] }],
  ['choices split on ;', ['stack'], ['HubSpot; competitor x'], { stack: ['hubspot', 'competitor-x'] }],
  ['choices without duplicates', ['stack'], ['hubspot|HUBSPOT'], { stack: ['hubspot'] }],
  ['separators only as unknown', ['stack'], ['|'], {}],
  ['booleans: yes', ['hiring_revops'], ['Yes'], { hiring_revops: true }],
  ['booleans: non', ['hiring_revops'], ['non'], { hiring_revops: false }],
  ['booleans: VRAI', ['hiring_revops'], ['VRAI'], { hiring_revops: true }],
  ['booleans: 0', ['hiring_revops'], ['0'], { hiring_revops: false }],
  ['empty cells as unknown', ['employees', 'region', 'stack', 'hiring_revops'], ['', ' ', '', ''], {}],
  ['a short row as unknown', ['employees', 'region'], ['12'], { employees: 12 }],
  ['other columns as nothing', ['company', 'employees'], ['Acme', '80'], { employees: 80 }],
] as const)('reading %s', (_name, header, row, expected) => {
  it('gives the account, with no problem', () => {
    const { account, problems } = read([...header], [...row]);
    expect(account).toEqual(expected);
    expect(problems).toEqual([]);
  });
});

describe('cells that cannot be read', () => {
  it.each([
    [
      'employees',
      'lots',
      '"lots" is not a number: write digits, with . or , as decimal mark (for example 1200 or 38,5), or a range such as 51-200 or 10001+',
    ],
    ['employees', '-5', '-5 is below 0, the lowest value for Employees: check the cell'],
    ['employees', '1,200', '"1,200" could be a thousand-odd or a decimal: write 1200 or 1.2'],
    [
      'region',
      'Frnace',
      '"Frnace" is not an option of Region (did you mean "France"?): write an option id or label: fr, dach, us',
    ],
    [
      'stack',
      'hubspot|zoho',
      '"zoho" is not an option of Tools in use: write an option id or label: hubspot, salesforce, competitor-x',
      'zoho',
    ],
    ['hiring_revops', 'maybe', '"maybe" is not yes or no: write true/false, yes/no, oui/non or 1/0'],
  ])(
    'report %s = %j with its row, column and header, and leave it unknown',
    (header, cell, message, unrecognised = cell) => {
      const { account, problems } = read(['company', header], ['Acme', cell]);
      expect(account).toEqual({});
      expect(problems).toEqual([{ row: 2, column: 2, header, value: cell, message, attribute: header, unrecognised }]);
    },
  );

  it('are worded in French for a French playbook', () => {
    const reader = new AccountReader(['employees'], attributes, 'fr');
    const problems: CellProblem[] = [];
    reader.read(['beaucoup'], 3, problems);
    expect(problems[0]!.message).toMatchInlineSnapshot(
      `"« beaucoup » n'est pas un nombre : écrivez des chiffres, avec . ou , comme séparateur décimal (par exemple 1200 ou 38,5), ou une tranche comme 51-200 ou 10001+"`,
    );
  });
});

describe('AccountReader columns', () => {
  it('maps columns by id or label and keeps the others unmapped', () => {
    const { reader } = read(['Company', 'Employees', 'stack', 'notes'], []);
    expect(reader.columns.map((c) => c?.id)).toEqual([undefined, 'employees', 'stack', undefined]);
    expect(reader.attributeCount).toBe(2);
  });

  it('reports a second column for the same attribute and a near miss, on the header row', () => {
    const { reader } = read(['employees', 'Employees', 'regoin'], []);
    expect(reader.headerProblems.map((p) => `${p.row}:${p.column}  ${p.header}  ${p.message}`)).toMatchInlineSnapshot(`
      [
        "1:2  Employees  is a second column for Employees (the first is column 1): this one is kept as is and not scored",
        "1:3  regoin  is not an attribute (did you mean "region"?): the column is kept as is and not scored",
      ]
    `);
  });

  it('reports a row with more cells than the header', () => {
    const { reader } = read(['employees'], []);
    expect(reader.shapeProblem(['1', '2', '3'], 4)).toEqual({
      row: 4,
      column: 2,
      header: '',
      value: '2 3',
      message:
        'has 3 cells but the header has 1: the extra cells are left out (quote cells that contain the delimiter)',
    });
    expect(reader.shapeProblem(['1'], 4)).toBeUndefined();
  });

  it('reads values by attribute position for the engine', () => {
    const reader = new AccountReader(['hiring_revops', 'employees'], attributes, 'en');
    expect(reader.readValues(['yes', '10'], 2, [])).toEqual([10, undefined, undefined, undefined, true]);
  });
});

describe('reading columns and values through aliases', () => {
  const aliased = AttributesSchema.parse([
    {
      id: 'revenue',
      label: 'Annual revenue',
      type: 'number',
      unit: 'M€',
      min: 0,
      aliases: [{ column: 'Annual Revenue', scale: 0.000001 }],
    },
    {
      id: 'industry',
      label: 'Industry',
      type: 'choice',
      options: [
        { id: 'software', label: 'Software', aliases: ['Computer Software'] },
        { id: 'retail', label: 'Retail' },
      ],
    },
  ]);

  it('scales a number column and reads an option alias in any case and accents', () => {
    const reader = new AccountReader(['ANNUAL  REVENUE', 'industry'], aliased, 'en');
    const problems: CellProblem[] = [];
    expect(reader.read(['3431943', 'computer SOFTWARE'], 2, problems)).toEqual({
      revenue: 3.431943,
      industry: 'software',
    });
    expect(reader.scales).toEqual([0.000001, 1]);
    expect(problems).toEqual([]);
  });
});

describe('reading a number band', () => {
  it.each([
    ['51-200', { min: 51, max: 200 }],
    ['10,001+', { min: 10001, max: Infinity }],
  ])('reads %j as an interval', (cell, expected) => {
    const { account, problems } = read(['employees'], [cell]);
    expect(account).toEqual({ employees: expected });
    expect(problems).toEqual([]);
  });

  it('refuses a band below the attribute’s min, and scales a band read through a scaled alias', () => {
    expect(read(['employees'], ['-5-10']).problems).toHaveLength(1);
    const scaled = AttributesSchema.parse([
      {
        id: 'revenue',
        label: 'Revenue',
        type: 'number',
        min: 0,
        aliases: [{ column: 'Revenue (EUR)', scale: 0.000001 }],
      },
    ]);
    const reader = new AccountReader(['Revenue (EUR)'], scaled, 'en');
    expect(reader.read(['1000000-5000000'], 2, [])).toEqual({ revenue: { min: 1, max: 5 } });
  });
});

describe('numbers too long to hold exactly', () => {
  it.each(['9'.repeat(400), '12345678901234567', '1,234,567,890,123,456,789'])(
    'reports %s, never scores it as Infinity',
    (cell) => {
      const { account, problems } = read(['employees'], [cell]);
      expect(account).toEqual({});
      expect(problems[0]!.message).toMatch(
        /^".*" has \d+ digits, more than a number can hold exactly \(15\): check the cell/,
      );
    },
  );

  it('still reads 15 digits', () =>
    expect(read(['employees'], ['123456789012345']).account).toEqual({ employees: 123456789012345 }));
});
