import { describe, expect, it } from 'vitest';
import { getBatchStrings } from './batch.ts';

/** Every string of a nested table, with its path. */
function strings(table: object, path = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${path}${key}`, value] as [string, string]]
      : strings(value as object, `${path}${key}.`),
  );
}

describe('batch scorer strings', () => {
  const en = strings(getBatchStrings('en'));
  const fr = strings(getBatchStrings('fr'));

  it('has every English string in French, translated, with the same placeholders', () => {
    expect(fr.map(([path]) => path)).toEqual(en.map(([path]) => path));
    for (const [i, [path, text]] of fr.entries()) {
      const english = en[i]![1];
      // Short shared words (Verdict) may be the same in both languages; sentences are not.
      if (english.length > 12) expect(text, path).not.toBe(english);
      expect(text.match(/\{\w+\}/g)?.sort() ?? [], path).toEqual(english.match(/\{\w+\}/g)?.sort() ?? []);
    }
  });

  it('uses French typography: a narrow no-break space before : ; ? ! and inside « »', () => {
    for (const [path, text] of fr) {
      expect(text, path).not.toMatch(/[^\u202f][:;?!](\s|$)/u);
      expect(text, path).not.toMatch(/«[^\u202f]|[^\u202f]»/u);
      expect(text, path).not.toMatch(/"/);
    }
  });
});
