import { describe, expect, it } from 'vitest';
import { editDistance, foldWord, probePrefixes, suggestWord, wordsAt } from './did-you-mean.ts';

describe('did you mean', () => {
  it.each([
    ['comptble', ['comptable', 'comptables', 'compte', 'comptable'], 'comptable'],
    ['recnciliation', ['reconciliation', 'reconciled'], 'reconciliation'],
    ['forcast', ['forecast', 'forecasts', 'forecast'], 'forecast'],
    ['objetcion', ['objection'], 'objection'],
    ['clôture', ['clôture'], undefined],
    ['cloture', ['Clôture'], undefined],
    ['comptable', ['comptable', 'comptables'], undefined],
    ['zzzzzz', ['comptable'], undefined],
    ['cfo', ['cro'], undefined],
    ['compt', ['comptable', 'compte'], undefined],
  ] as const)('suggests for %s', (typed, words, expected) => {
    expect(suggestWord(typed, words)).toBe(expected);
  });

  it('measures edits with transpositions and stops past the limit', () => {
    expect(editDistance('comptble', 'comptable', 2)).toBe(1);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('reads the words at match locations and folds accents and case', () => {
    expect(wordsAt('Le cabinet « comptable » ferme.', [1, 3])).toEqual(['cabinet', 'comptable']);
    expect(foldWord('Clôture,')).toBe('cloture');
    expect(probePrefixes('Comptble')).toEqual(['com', 'co']);
    expect(probePrefixes('cfo')).toEqual([]);
  });
});
