import { describe, expect, it } from 'vitest';
import { fillTemplate, getSearchStrings } from './search.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const flatten = (value: unknown, prefix = ''): [string, string][] =>
  typeof value === 'string'
    ? [[prefix, value]]
    : Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
        flatten(v, prefix ? `${prefix}.${key}` : key),
      );

describe('search strings', () => {
  const en = new Map(flatten(getSearchStrings('en')));
  const fr = new Map(flatten(getSearchStrings('fr')));

  it('has the same keys in English and French', () => {
    expect([...fr.keys()]).toEqual([...en.keys()]);
  });

  it.each([...en.keys()])('%s uses the same placeholders in both languages', (key) => {
    expect(placeholders(fr.get(key) ?? '')).toEqual(placeholders(en.get(key) ?? ''));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillTemplate('{n} results for {query} {missing}', { n: 3, query: 'CFO' })).toBe(
      '3 results for CFO {missing}',
    );
    expect(fillTemplate(getSearchStrings('fr').results.other, { n: 4 })).toBe('4 résultats');
  });
});
