import type { MarketFigure, MarketLevel } from '../market.ts';

export interface Circle {
  level: MarketLevel;
  cx: number;
  cy: number;
  r: number;
}

/**
 * Nested circles for TAM ⊃ SAM ⊃ SOM, areas proportional to value, all touching the bottom
 * edge so the smaller ones sit inside the larger. A figure too small to see still gets a
 * minimum radius so it stays visible (the table beside it gives the real numbers).
 */
export function marketCircles(figures: Record<MarketLevel, MarketFigure>, size: number, minRadius = 6): Circle[] {
  const outer = size / 2 - 1;
  const radius = (value: number) => (figures.tam.value > 0 ? outer * Math.sqrt(value / figures.tam.value) : 0);
  const bottom = size - 1;
  let previous = outer;
  return (['tam', 'sam', 'som'] as const).map((level) => {
    const r = Math.min(previous, Math.max(minRadius, radius(figures[level].value)));
    previous = Math.max(minRadius / 2, r - 2);
    return { level, cx: size / 2, cy: bottom - r, r };
  });
}
