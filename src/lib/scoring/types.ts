import type { Filter } from '../../schemas/filter.ts';
import type { Signal } from '../../schemas/signal.ts';
import type { Tier } from '../../schemas/icp.ts';

/**
 * What a rep knows of one attribute: a number, a `choice` option id, the option ids of a
 * `choices` attribute, or a boolean. A missing key means "unknown".
 */
export type AttributeValue = number | string | readonly string[] | boolean;

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
  /** Points earned (0 when unanswered or no level matched). */
  points: number;
  /** The most this signal can add (its best positive level, else 0). */
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
  /** The score if every unanswered signal earned its best positive points, clamped to 100. */
  best: number;
  /** First tier whose min ≤ score, for verdicts fit and unknown; undefined when out. */
  tier?: Tier | undefined;
  /** One-paragraph explanation in words, in the playbook locale. */
  explanation: string;
}
