import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttributesSchema } from '../../schemas/attribute.ts';
import type { Account } from './types.ts';
import {
  cleanDomain,
  parseAccountLabel,
  parseAccountQuery,
  readNumber,
  readNumberField,
  toAccountQuery,
  toShareQuery,
} from './url-state.ts';
import type { Attribute } from '../../schemas/attribute.ts';

// Parsed through the real schema, like content/attributes.yaml. `constructor` is a legal
// attribute id (lowercase letters), so it must work as one and never reach Object.prototype.
const attributes = AttributesSchema.parse([
  { id: 'employees', label: 'Employees', type: 'number', unit: 'people', min: 0, max: 1_000_000 },
  { id: 'revenue', label: 'Revenue', type: 'number' },
  {
    id: 'region',
    label: 'Region',
    type: 'choice',
    options: [
      { id: 'fr', label: 'France' },
      { id: 'uk-ie', label: 'UK & Ireland' },
      { id: 'dach', label: 'DACH' },
    ],
  },
  {
    id: 'stack',
    label: 'Tools in use',
    type: 'choices',
    options: [
      { id: 'hubspot', label: 'HubSpot' },
      { id: 'salesforce', label: 'Salesforce' },
      { id: 'gong', label: 'Gong' },
    ],
  },
  { id: 'hiring_revops', label: 'Hiring RevOps', type: 'boolean' },
  { id: 'constructor', label: 'Built by a constructor', type: 'boolean' },
]);

/** A plain object of the parsed account, to compare with toEqual. */
const parse = (search: string) => ({ ...parseAccountQuery(search, attributes) });

describe('parseAccountQuery', () => {
  it('reads every attribute type from a query string', () => {
    expect(parse('?employees=250&revenue=12.5&region=fr&stack=hubspot,gong&hiring_revops=yes')).toEqual({
      employees: 250,
      revenue: 12.5,
      region: 'fr',
      stack: ['hubspot', 'gong'],
      hiring_revops: true,
    });
  });

  it('reads a query with or without the leading question mark', () => {
    expect(parse('employees=80')).toEqual({ employees: 80 });
    expect(parse('?employees=80')).toEqual({ employees: 80 });
    expect(parse('')).toEqual({});
    expect(parse('?')).toEqual({});
  });

  it('returns an account without a prototype', () => {
    expect(Object.getPrototypeOf(parseAccountQuery('?employees=1', attributes))).toBeNull();
  });

  it('reads an empty choices parameter as the answer "none of these"', () => {
    expect(parse('?stack=')).toEqual({ stack: [] });
    expect(parse('?stack')).toEqual({ stack: [] });
  });

  it('keeps choices in attribute order, without duplicates, and merges repeated parameters', () => {
    expect(parse('?stack=gong,hubspot,gong')).toEqual({ stack: ['hubspot', 'gong'] });
    expect(parse('?stack=gong&stack=salesforce')).toEqual({ stack: ['salesforce', 'gong'] });
  });

  it('uses the first value of a repeated single-value parameter', () => {
    expect(parse('?employees=10&employees=20')).toEqual({ employees: 10 });
  });

  it('reads booleans as yes/no, true/false, 1/0 and oui/non, any case', () => {
    for (const [text, value] of [
      ['yes', true],
      ['TRUE', true],
      ['1', true],
      ['oui', true],
      ['no', false],
      ['False', false],
      ['0', false],
      ['non', false],
    ] as const) {
      expect(parse(`?hiring_revops=${text}`), text).toEqual({ hiring_revops: value });
    }
  });

  it('reads an attribute whose id is an Object.prototype name as a plain attribute', () => {
    const account = parseAccountQuery('?constructor=yes', attributes);
    expect(account['constructor']).toBe(true);
    expect(parse('')).not.toHaveProperty('constructor');
    expect(parseAccountQuery('', attributes)['constructor']).toBeUndefined();
  });

  describe.each([
    ['prototype pollution key', '?__proto__[polluted]=1&__proto__=x&prototype=1'],
    ['constructor.prototype', '?constructor[prototype][polluted]=1&constructor.prototype.polluted=1'],
    ['broken percent escapes', '?employees=%E0%A4%A&region=%&stack=%ZZ&%=1'],
    [
      'HTML and script',
      '?region=<script>alert(1)</script>&employees=<img src=x onerror=alert(1)>&stack=<b>hubspot</b>',
    ],
    ['unknown option ids', '?region=mars&stack=evil,worse&hiring_revops=maybe'],
    ['non-numbers', '?employees=abc&revenue=NaN'],
    ['hex and infinity', '?employees=0x10&revenue=Infinity'],
    ['numbers with units or separators', '?employees=1,000&revenue=12 M€'],
    ['an overflowing exponent', '?employees=1e400'],
    ['numbers out of bounds', '?employees=-5'],
    ['unknown parameters', '?utm_source=mail&q=hello&Employees=12'],
    ['an extremely long value', `?employees=${'9'.repeat(5000)}`],
  ])('ignores %s', (_name, search) => {
    it('and returns an empty account', () => {
      expect(parse(search)).toEqual({});
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  });

  it('keeps the known ids of a choices parameter and drops the unknown ones', () => {
    expect(parse('?stack=hubspot,evil,__proto__')).toEqual({ stack: ['hubspot'] });
  });

  it('reads percent-encoded and plus-encoded values', () => {
    expect(parse('?region=uk%2Die&stack=hubspot%2Cgong&employees=+250')).toEqual({
      region: 'uk-ie',
      stack: ['hubspot', 'gong'],
      employees: 250,
    });
  });

  it('reads negative, decimal and exponent numbers within bounds', () => {
    expect(parse('?revenue=-3.5')).toEqual({ revenue: -3.5 });
    expect(parse('?revenue=.5')).toEqual({ revenue: 0.5 });
    expect(parse('?revenue=1e3')).toEqual({ revenue: 1000 });
    expect(parse('?employees=1000000')).toEqual({ employees: 1_000_000 });
    expect(parse('?employees=1000001')).toEqual({});
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (search) => {
        const account = parseAccountQuery(search, attributes);
        expect(Object.getPrototypeOf(account)).toBeNull();
      }),
    );
  });
});

describe('toAccountQuery', () => {
  it('writes known values in attribute order, readable', () => {
    const account: Account = { hiring_revops: true, stack: ['gong', 'hubspot'], region: 'fr', employees: 250 };
    expect(toAccountQuery(account, attributes)).toBe('employees=250&region=fr&stack=hubspot,gong&hiring_revops=yes');
  });

  it('writes nothing for an empty account', () => {
    expect(toAccountQuery({}, attributes)).toBe('');
  });

  it('writes an explicit empty choices list as an empty parameter', () => {
    expect(toAccountQuery({ stack: [] }, attributes)).toBe('stack=');
  });

  it('skips values that do not fit their attribute and keys that are not attributes', () => {
    const account = {
      employees: Number.NaN,
      region: 'mars',
      hiring_revops: 'yes',
      stack: 'hubspot',
      utm: 'x',
    } as unknown as Account;
    expect(toAccountQuery(account, attributes)).toBe('');
  });

  it('writes false as no', () => {
    expect(toAccountQuery({ hiring_revops: false }, attributes)).toBe('hiring_revops=no');
  });
});

describe('round trip', () => {
  const option = (ids: string[]) => fc.constantFrom(...ids);
  const accountArbitrary = fc.record(
    {
      employees: fc.integer({ min: 0, max: 1_000_000 }),
      revenue: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      region: option(['fr', 'uk-ie', 'dach']),
      stack: fc.uniqueArray(option(['hubspot', 'salesforce', 'gong'])),
      hiring_revops: fc.boolean(),
      constructor: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  it('reads back exactly the account it wrote', () => {
    fc.assert(
      fc.property(accountArbitrary, (account) => {
        const read = parseAccountQuery(toAccountQuery(account, attributes), attributes);
        const ordered = account.stack
          ? { ...account, stack: ['hubspot', 'salesforce', 'gong'].filter((id) => account.stack!.includes(id)) }
          : account;
        // -0 is written "0": compare as the form would show it.
        expect({ ...read }).toEqual(JSON.parse(JSON.stringify(ordered)));
      }),
    );
  });

  it.each([
    [1e-7, '0.0000001'],
    [-2.5e-9, '-0.0000000025'],
    [1.5e21, '1500000000000000000000'],
    [0.1, '0.1'],
  ])('writes %s as plain decimals (%s), which the form and the link read back', (revenue, text) => {
    const query = toAccountQuery({ revenue }, attributes);
    expect(query).toBe(`revenue=${text}`);
    expect(parseAccountQuery(query, attributes)).toEqual({ revenue });
    expect(readNumber(text, attributes.find((a) => a.id === 'revenue') as Attribute & { type: 'number' })).toBe(
      revenue,
    );
  });

  it('reads 0,0000001 typed in the form, and keeps it through the link', () => {
    const revenue = attributes.find((a) => a.id === 'revenue') as Attribute & { type: 'number' };
    const typed = readNumber('0,0000001', revenue)!;
    expect(typed).toBe(1e-7);
    const query = toAccountQuery({ revenue: typed }, attributes);
    expect(parseAccountQuery(query, attributes)).toEqual({ revenue: 1e-7 });
  });

  it('is stable: writing what it read gives the same query', () => {
    const query = 'employees=250&region=fr&stack=hubspot,gong&hiring_revops=yes&constructor=no';
    expect(toAccountQuery(parseAccountQuery(query, attributes), attributes)).toBe(query);
  });
});

describe('readNumberField', () => {
  const employees = attributes.find((a) => a.id === 'employees') as (typeof attributes)[number] & { type: 'number' };
  it.each([
    ['', { kind: 'empty' }],
    ['1 200', { kind: 'ok', value: 1200 }],
    ['38,5', { kind: 'ok', value: 38.5 }],
    ['1,200', { kind: 'ambiguous', value: '1,200', thousands: '1200', decimal: '1.2' }],
    ['85 salariés', { kind: 'withWords', number: '85' }],
    ['40 M€', { kind: 'withWords', number: '40' }],
    ['-5', { kind: 'belowMin', min: 0 }],
    ['2000000', { kind: 'aboveMax', max: 1_000_000 }],
    ['quatre-vingt', { kind: 'notNumber' }],
    ['abc 5', { kind: 'notNumber' }],
  ] as const)('reads %j', (typed, expected) => {
    expect(readNumberField(typed, employees)).toEqual(expected);
  });
});

describe('account name and domain in the address', () => {
  it('reads them back as written, cleaned', () => {
    expect(
      parseAccountLabel('?_account=Acme%20%20SAS%0A&_domain=https%3A%2F%2FWWW.Acme.fr%2Fabout&employees=5'),
    ).toEqual({ name: 'Acme SAS', domain: 'www.acme.fr' });
    expect(parseAccountLabel('?employees=5')).toEqual({ name: undefined, domain: undefined });
    expect(parseAccountLabel(`?_account=${'x'.repeat(500)}`).name).toHaveLength(120);
    // A broken escape is not something the form wrote: no name rather than a replacement character.
    expect(parseAccountLabel('?_account=Acme%E0%A4&_domain=%FF.fr')).toEqual({ name: undefined, domain: undefined });
  });

  it('puts them first in a shared link, and never as an attribute', () => {
    expect(toShareQuery({ name: 'Acme & Co', domain: 'acme.fr' }, { employees: 250 }, attributes)).toBe(
      '_account=Acme%20%26%20Co&_domain=acme.fr&employees=250',
    );
    expect(toShareQuery({}, { employees: 250 }, attributes)).toBe('employees=250');
    expect(parse('?_account=Acme&_domain=acme.fr')).toEqual({});
  });

  it('keeps only the host of a domain', () => {
    expect(cleanDomain(' http://acme.fr/path?q ')).toBe('acme.fr');
    expect(cleanDomain('   ')).toBeUndefined();
  });
});
