import type { Filter } from '../../schemas/filter.ts';
import type { Signal } from '../../schemas/signal.ts';
import type { Tier } from '../../schemas/icp.ts';
import type { IcpData } from '../model/playbook-model.ts';

/** The part of an ICP that scoring reads; the rest (pains, market, narrative) is not the engine's. */
export type ScoringIcpData = Pick<IcpData, 'title' | 'status' | 'filters' | 'signals' | 'tiers'>;

/**
 * A number known only as an interval, as CRMs and LinkedIn export headcount bands (`51-200`,
 * `10001+`): inclusive bounds, `max` is Infinity when the band is open. A rule passes when the
 * whole interval is inside it, fails when it is wholly outside, and is unknown otherwise.
 */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
}

/**
 * What a rep knows of one attribute: a number (or a {@link NumberRange} read from a CSV band),
 * a `choice` option id, the option ids of a `choices` attribute, or a boolean. A missing key
 * means "unknown".
 */
export type AttributeValue = number | NumberRange | string | readonly string[] | boolean;

/** Whether a value is a {@link NumberRange}. */
export function isNumberRange(value: unknown): value is NumberRange {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as NumberRange).min === 'number'
  );
}

/** An account: a partial map attribute id → value. Unknown attributes are simply absent. */
export type Account = Readonly<Record<string, AttributeValue | undefined>>;

export type FilterOutcome = 'pass' | 'fail' | 'unknown';
export type Verdict = 'fit' | 'unknown' | 'out';

export interface FilterResult {
  filter: Filter;
  outcome: FilterOutcome;
  /** The value seen, if any. */
  value?: AttributeValue | undefined;
  /** The rule and the value in words, in the playbook locale. */
  explanation: string;
}

export interface SignalResult {
  signal: Signal;
  /** False when the attribute has no value: the signal earned 0 and could earn `bestPoints`. */
  answered: boolean;
  /**
   * True when the value is a range that straddles a level (`51-200` against "at least 100"):
   * the signal earns 0 for now and could earn `bestPoints`, the most among the levels it may reach.
   */
  uncertain?: boolean | undefined;
  /** Points earned (0 when unanswered, uncertain or no level matched). */
  points: number;
  /** The most this signal can add (its best positive level, else 0; for an uncertain signal, the best level it may reach). */
  bestPoints: number;
  /** Index of the matching level for graded signals. */
  level?: number | undefined;
  value?: AttributeValue | undefined;
  explanation: string;
}

export interface ScoreResult {
  icpId: string;
  verdict: Verdict;
  filters: FilterResult[];
  signals: SignalResult[];
  /** clamp(sum of earned points, 0, 100). */
  score: number;
  /** The score if every unanswered (or uncertain) signal earned its best positive points, clamped to 100. */
  best: number;
  /** First tier whose min ≤ score, for verdicts fit and unknown; undefined when out. */
  tier?: Tier | undefined;
  /** One-paragraph explanation in words, in the playbook locale. */
  explanation: string;
}
