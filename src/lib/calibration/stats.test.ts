import { describe, expect, it } from 'vitest';
import { compare, logOddsRatio, median, wilson, winRate } from './stats.ts';

// Expected values computed by hand (and checked with a calculator) from the textbook formulas:
// Wilson: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = 1.6449 for 90 %;
// Woolf: ln(ad/bc) ± z·√(1/a + 1/b + 1/c + 1/d), with 0.5 added to every cell when one is 0.
describe('wilson', () => {
  it.each([
    { won: 8, n: 10, low: 0.540793, high: 0.931442 },
    { won: 1, n: 2, low: 0.120866, high: 0.879134 },
    { won: 0, n: 5, low: 0, high: 0.351117 },
    { won: 5, n: 5, low: 0.648883, high: 1 },
  ])('$won of $n gives [$low, $high]', ({ won, n, low, high }) => {
    const interval = wilson(won, n);
    expect(interval.low).toBeCloseTo(low, 5);
    expect(interval.high).toBeCloseTo(high, 5);
  });

  it('says nothing (0 to 1) for no account', () => {
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('gives no win rate without a won or lost account', () => {
    expect(winRate(0, 0)).toBeUndefined();
    expect(winRate(3, 1)?.rate).toBe(0.75);
  });
});

describe('logOddsRatio', () => {
  it('is ln(ad/bc) with a Woolf interval', () => {
    const r = logOddsRatio(8, 2, 3, 7);
    expect(r.value).toBeCloseTo(2.233592, 5);
    expect(r.low).toBeCloseTo(0.507522, 5);
    expect(r.high).toBeCloseTo(3.959663, 5);
    expect(r.corrected).toBe(false);
  });

  it('adds 0.5 to every cell when one is empty, so "never lost" stays finite', () => {
    const r = logOddsRatio(5, 0, 2, 3);
    expect(r.value).toBeCloseTo(2.734368, 5);
    expect(r.low).toBeCloseTo(-0.050993, 5);
    expect(r.high).toBeCloseTo(5.519728, 5);
    expect(r.corrected).toBe(true);
  });
});

describe('compare', () => {
  it('finds a better win rate when the interval lies above 0', () => {
    const c = compare(12, 4, 6, 10);
    expect(c.finding).toBe('better');
    expect(c.holds?.rate).toBe(0.75);
    expect(c.fails?.rate).toBe(0.375);
    expect(c.lift).toBe(2);
    expect(c.logOdds.low).toBeCloseTo(0.33534, 4);
  });

  it('finds worse when the interval lies below 0', () => {
    expect(compare(4, 12, 10, 6).finding).toBe('worse');
  });

  it('says too few below 5 accounts a side or 20 in all, however large the effect', () => {
    expect(compare(4, 0, 0, 16).finding).toBe('too-few');
    expect(compare(9, 0, 0, 9).finding).toBe('too-few');
    expect(compare(10, 0, 0, 10).finding).toBe('better');
  });

  it('all won on both sides: no effect, lift 1', () => {
    const c = compare(10, 0, 10, 0);
    expect(c.finding).toBe('no-effect');
    expect(c.lift).toBe(1);
    expect(c.logOdds.value).toBe(0);
  });

  it('all lost on both sides: no lift (0 / 0), no effect', () => {
    const c = compare(0, 10, 0, 12);
    expect(c.lift).toBeUndefined();
    expect(c.holds?.rate).toBe(0);
    expect(c.finding).toBe('no-effect');
  });

  it('an empty side gives no rate and too few', () => {
    const c = compare(0, 0, 10, 12);
    expect(c.holds).toBeUndefined();
    expect(c.lift).toBeUndefined();
    expect(c.finding).toBe('too-few');
  });
});

describe('median', () => {
  it.each([
    { values: [], median: undefined },
    { values: [5], median: 5 },
    { values: [9, 1, 5], median: 5 },
    { values: [40, 10, 30, 20], median: 25 },
  ])('of $values is $median', ({ values, median: expected }) => {
    expect(median(values)).toBe(expected);
  });
});
