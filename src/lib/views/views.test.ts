import { describe, expect, it } from 'vitest';
import { marketCircles } from './market-circles.ts';
import { tierRows } from './icp-view.ts';

describe('tierRows', () => {
  it('gives each tier the score range up to the tier above', () => {
    expect(
      tierRows([
        { label: 'A', min: 70 },
        { label: 'B', min: 40 },
        { label: 'C', min: 0 },
      ]).map((t) => [t.label, t.min, t.max]),
    ).toEqual([
      ['A', 70, 100],
      ['B', 40, 69],
      ['C', 0, 39],
    ]);
  });
});

describe('marketCircles', () => {
  const fig = (value: number) => ({ value, method: 'top-down' as const });
  it('draws areas proportional to value, nested and resting on the bottom edge', () => {
    const [tam, sam, som] = marketCircles({ tam: fig(100), sam: fig(25), som: fig(4) }, 200, 0);
    expect(tam!.r / sam!.r).toBeCloseTo(2, 1);
    expect(sam!.r / som!.r).toBeCloseTo(2.5, 1);
    for (const c of [tam!, sam!, som!]) expect(c.cy + c.r).toBeCloseTo(199);
  });
  it('keeps a tiny SOM visible', () => {
    const [, , som] = marketCircles({ tam: fig(1e9), sam: fig(1e6), som: fig(1) }, 200);
    expect(som!.r).toBeGreaterThanOrEqual(3);
  });
});
