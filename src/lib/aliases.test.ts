import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttributesSchema } from '../schemas/attribute.ts';
import { ColumnIndex, findNameConflicts, normaliseName, OptionIndex } from './aliases.ts';

const attributes = AttributesSchema.parse([
  {
    id: 'revenue',
    label: 'Annual revenue',
    type: 'number',
    unit: 'M€',
    aliases: ["Chiffre d'affaires", { column: 'Annual Revenue (EUR)', scale: 0.000001 }],
  },
  {
    id: 'industry',
    label: 'Industry',
    type: 'choice',
    aliases: ['Secteur d’activité'],
    options: [
      { id: 'software', label: 'Software', aliases: ['Computer Software', 'COMPUTER_SOFTWARE', 'Logiciels'] },
      { id: 'services', label: 'Services' },
    ],
  },
]);

describe('normaliseName', () => {
  it.each([
    ['  Number of  Employees ', 'number of employees'],
    ['Secteur d’Activité', 'secteur d’activite'],
    ['ÉTATS-UNIS', 'etats-unis'],
    ['Zürich\tAG', 'zurich ag'],
    ['Record ID', 'record id'],
  ])('reads %j as %j', (name, expected) => expect(normaliseName(name)).toBe(expected));

  it('is idempotent and ignores surrounding space and case', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const once = normaliseName(name);
        expect(normaliseName(once)).toBe(once);
        expect(normaliseName(`  ${name.toUpperCase()} `)).toBe(normaliseName(name.toUpperCase()));
      }),
    );
  });
});

describe('ColumnIndex', () => {
  const index = new ColumnIndex(attributes);

  it.each([
    ['revenue', 'revenue', 1, 'id'],
    ['ANNUAL REVENUE', 'revenue', 1, 'label'],
    ["chiffre d'affaires", 'revenue', 1, 'alias'],
    ['Annual Revenue (EUR)', 'revenue', 0.000001, 'alias'],
    ['secteur d’activite', 'industry', 1, 'alias'],
  ] as const)('matches the column %j', (header, id, scale, via) => {
    expect(index.match(header)).toMatchObject({ attribute: { id }, scale, via });
  });

  it('matches nothing else', () => expect(index.match('Company name')).toBeUndefined());
});

describe('OptionIndex', () => {
  const index = new OptionIndex(attributes[1]!);
  it.each([
    ['software', 'software'],
    ['Computer Software', 'software'],
    ['computer  software ', 'software'],
    ['LOGICIELS', 'software'],
    ['services', 'services'],
    ['Transportation/Trucking/Railroad', undefined],
  ])('reads %j as %j', (value, expected) => expect(index.match(value)).toBe(expected));
});

describe('findNameConflicts', () => {
  it('finds none in distinct names', () => expect(findNameConflicts(attributes)).toEqual([]));

  it('names both places of a column alias that is another attribute’s label', () => {
    const clash = AttributesSchema.parse([attributes[0], { ...attributes[1], aliases: ['annual révenue'] }]);
    expect(findNameConflicts(clash)).toEqual([
      {
        kind: 'column',
        key: 'annual revenue',
        first: { name: 'Annual revenue', path: [0, 'label'], owner: 'revenue' },
        second: { name: 'annual révenue', path: [1, 'aliases', 0], owner: 'industry' },
      },
    ]);
  });
});
