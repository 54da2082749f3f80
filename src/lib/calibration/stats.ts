// Small-sample statistics for "does this criterion separate won from lost accounts?".
// Pure and exact: the unit tests check every function against values computed by hand.

/** z for a two-sided 90 % interval (the 95th percentile of the standard normal). */
export const Z_90 = 1.6448536269514722;

/** A win rate with its Wilson interval. */
export interface Rate {
  won: number;
  lost: number;
  /** won / (won + lost). */
  rate: number;
  /** Wilson 90 % interval of the rate. */
  low: number;
  high: number;
}

/**
 * Wilson score interval of a proportion: stays inside [0, 1] and stays honest for small samples
 * and for 0 or n successes, where the textbook p ± z·√(p(1−p)/n) collapses to a point.
 * @example wilson(8, 10) // { low: 0.5577…, high: 0.9377… }
 */
export function wilson(successes: number, n: number, z = Z_90): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The win rate of `won` wins and `lost` losses with its interval; undefined when there is neither. */
export function winRate(won: number, lost: number): Rate | undefined {
  const n = won + lost;
  if (n === 0) return undefined;
  return { won, lost, rate: won / n, ...wilson(won, n) };
}

/** Log of an odds ratio with its 90 % interval. */
export interface LogOdds {
  value: number;
  low: number;
  high: number;
  /** Whether 0.5 was added to every cell because one was empty (Haldane–Anscombe). */
  corrected: boolean;
}

/**
 * Log odds ratio of winning when a criterion holds (a won, b lost) against when it does not
 * (c won, d lost), with a Woolf 90 % interval. When any cell is 0, 0.5 is added to every cell
 * (Haldane–Anscombe) so the ratio stays finite: "all won" is a large effect, not infinity.
 * @example logOddsRatio(8, 2, 3, 7) // value ≈ ln(9.33) ≈ 2.234
 */
export function logOddsRatio(a: number, b: number, c: number, d: number, z = Z_90): LogOdds {
  const corrected = a === 0 || b === 0 || c === 0 || d === 0;
  const [w, x, y, v] = corrected ? [a + 0.5, b + 0.5, c + 0.5, d + 0.5] : [a, b, c, d];
  const value = Math.log((w * v) / (x * y));
  const se = Math.sqrt(1 / w + 1 / x + 1 / y + 1 / v);
  return { value, low: value - z * se, high: value + z * se, corrected };
}

/** Fewest decided accounts (won or lost) on each side of a comparison before it may conclude. */
export const MIN_PER_SIDE = 5;
/** Fewest decided accounts in all before a comparison may conclude. */
export const MIN_TOTAL = 20;

/** What comparing won/lost where a criterion holds against where it does not can say. */
export interface Comparison {
  /** Decided accounts where the criterion holds. */
  holds: Rate | undefined;
  /** Decided accounts where it does not. */
  fails: Rate | undefined;
  /** holds.rate / fails.rate; undefined when either side is empty or fails.rate is 0. */
  lift: number | undefined;
  logOdds: LogOdds;
  /** Decided accounts on both sides. */
  n: number;
  /**
   * `too-few`: not enough accounts to conclude; `better` / `worse`: the 90 % interval of the
   * log odds ratio lies wholly above / below 0; `no-effect`: it contains 0.
   */
  finding: 'too-few' | 'better' | 'worse' | 'no-effect';
}

/** Compares win rates where a criterion holds (a won, b lost) and where it does not (c won, d lost). */
export function compare(a: number, b: number, c: number, d: number): Comparison {
  const holds = winRate(a, b);
  const fails = winRate(c, d);
  const lift = holds && fails && fails.rate > 0 ? holds.rate / fails.rate : undefined;
  const logOdds = logOddsRatio(a, b, c, d);
  const n = a + b + c + d;
  const enough = a + b >= MIN_PER_SIDE && c + d >= MIN_PER_SIDE && n >= MIN_TOTAL;
  const finding = !enough ? 'too-few' : logOdds.low > 0 ? 'better' : logOdds.high < 0 ? 'worse' : 'no-effect';
  return { holds, fails, lift, logOdds, n, finding };
}

/** The median of a list of numbers; undefined for an empty list. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
