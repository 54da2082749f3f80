import type { Attribute } from '../../schemas/attribute.ts';
import type { Filter } from '../../schemas/filter.ts';
import type { Locale } from '../../schemas/playbook.ts';
import { OPERATOR_TYPES, type Rule } from '../../schemas/rule.ts';
import { bestPoints, type Signal } from '../../schemas/signal.ts';
import type { IcpData } from '../content/model.ts';
import { describeRule } from './describe.ts';
import type { Account, AttributeValue, FilterOutcome, Verdict } from './types.ts';

/**
 * A rule compiled once into a test: `true` matches, `false` does not, `undefined` when the
 * value is not of the attribute's type (read as unknown, so it never passes silently).
 */
export type RuleTest = (value: AttributeValue) => boolean | undefined;

/** A signal level index meaning "the attribute has no value". */
export const UNANSWERED = -2;
/** A signal level index meaning "answered, but no level matched". */
export const NO_MATCH = -1;

export interface CompiledFilter {
  filter: Filter;
  attribute: Attribute;
  test: RuleTest;
  /** The rule in words, computed once. */
  words: string;
}

export interface CompiledSignal {
  signal: Signal;
  attribute: Attribute;
  tests: RuleTest[];
  points: number[];
  /** The rule of each level in words, computed once. */
  words: string[];
  best: number;
}

/** An ICP prepared for scoring many accounts: rules are compiled to tests, words computed once. */
export interface CompiledIcp {
  id: string;
  data: IcpData;
  locale: Locale;
  filters: CompiledFilter[];
  signals: CompiledSignal[];
  /** Tier minimums, highest first. */
  tierMins: number[];
}

/** The numbers of one account against one ICP, before any words: what batch scoring needs. */
export interface Evaluation {
  verdict: Verdict;
  /** Outcome of each filter, in ICP order. */
  filters: FilterOutcome[];
  /** Matching level of each signal, or {@link NO_MATCH} / {@link UNANSWERED}. */
  levels: number[];
  /** Sum of earned points, before clamping. */
  sum: number;
  score: number;
  best: number;
  /** Index of the tier, or -1 when out. */
  tier: number;
}

const isNumber = (value: AttributeValue): value is number => typeof value === 'number' && !Number.isNaN(value);
const isList = (value: AttributeValue): value is readonly string[] => Array.isArray(value);

function includesAny(selected: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (const id of selected) if (wanted.has(id)) return true;
  return false;
}

/** Compiles one rule into a test. An explicit empty `choices` selection is an answered "none selected". */
export function compileRule(rule: Rule): RuleTest {
  switch (rule.op) {
    case 'between': {
      const min = rule.min ?? -Infinity;
      const max = rule.max ?? Infinity;
      return (value) => (isNumber(value) ? value >= min && value <= max : undefined);
    }
    case 'atLeast': {
      const min = rule.value;
      return (value) => (isNumber(value) ? value >= min : undefined);
    }
    case 'atMost': {
      const max = rule.value;
      return (value) => (isNumber(value) ? value <= max : undefined);
    }
    case 'is': {
      const wanted = rule.value;
      return (value) => (typeof value === 'boolean' ? value === wanted : undefined);
    }
    case 'in': {
      const wanted = new Set(rule.values);
      return (value) => (typeof value === 'string' ? wanted.has(value) : undefined);
    }
    case 'notIn': {
      const unwanted = new Set(rule.values);
      return (value) => (typeof value === 'string' ? !unwanted.has(value) : undefined);
    }
    case 'anyOf': {
      const wanted = new Set(rule.values);
      return (value) => (isList(value) ? includesAny(value, wanted) : undefined);
    }
    case 'allOf': {
      const wanted = rule.values;
      return (value) => (isList(value) ? wanted.every((id) => value.includes(id)) : undefined);
    }
    case 'noneOf': {
      const unwanted = new Set(rule.values);
      return (value) => (isList(value) ? !includesAny(value, unwanted) : undefined);
    }
  }
}

function attributeFor(id: string, rule: Rule, byId: ReadonlyMap<string, Attribute>): Attribute {
  // Validated content always names an existing attribute; this fallback keeps a bad call readable.
  return byId.get(id) ?? ({ id, label: id, type: OPERATOR_TYPES[rule.op], options: [] } as unknown as Attribute);
}

/** Prepares an ICP for scoring: call once, then {@link evaluate} each account. */
export function compileIcp(icp: { id: string; data: IcpData }, attributes: readonly Attribute[], locale: Locale): CompiledIcp {
  const byId = new Map(attributes.map((a) => [a.id, a]));
  const filters = icp.data.filters.map((filter): CompiledFilter => {
    const attribute = attributeFor(filter.attribute, filter.rule, byId);
    return { filter, attribute, test: compileRule(filter.rule), words: describeRule(filter.rule, attribute, locale) };
  });
  const signals = icp.data.signals.map((signal): CompiledSignal => {
    const attribute = attributeFor(signal.attribute, signal.levels[0]!.rule, byId);
    return {
      signal,
      attribute,
      tests: signal.levels.map((level) => compileRule(level.rule)),
      points: signal.levels.map((level) => level.points),
      words: signal.levels.map((level) => describeRule(level.rule, attribute, locale)),
      best: bestPoints(signal),
    };
  });
  return { id: icp.id, data: icp.data, locale, filters, signals, tierMins: icp.data.tiers.map((tier) => tier.min) };
}

/** Keeps a score between 0 and 100. */
export function clampScore(sum: number): number {
  return sum < 0 ? 0 : sum > 100 ? 100 : sum;
}

/** Index of the first tier whose min ≤ score (tiers highest first), or -1 if none. */
export function tierIndex(tierMins: readonly number[], score: number): number {
  for (let i = 0; i < tierMins.length; i++) if (tierMins[i]! <= score) return i;
  return -1;
}

/** The one scoring engine: filters, signals, score, best and tier of one account. */
export function evaluate(icp: CompiledIcp, account: Account): Evaluation {
  const filters: FilterOutcome[] = new Array(icp.filters.length);
  let failed = false;
  let unknown = false;
  for (let i = 0; i < icp.filters.length; i++) {
    const { filter, test } = icp.filters[i]!;
    const value = account[filter.attribute];
    const match = value === undefined || value === null ? undefined : test(value);
    const outcome: FilterOutcome = match === undefined ? 'unknown' : match ? 'pass' : 'fail';
    if (outcome === 'fail') failed = true;
    else if (outcome === 'unknown') unknown = true;
    filters[i] = outcome;
  }
  const levels: number[] = new Array(icp.signals.length);
  let sum = 0;
  let upside = 0;
  for (let i = 0; i < icp.signals.length; i++) {
    const { signal, tests, points, best } = icp.signals[i]!;
    const value = account[signal.attribute];
    let level = UNANSWERED;
    if (value !== undefined && value !== null) {
      for (let j = 0; j < tests.length; j++) {
        const match = tests[j]!(value);
        if (match === undefined) break;
        if (level === UNANSWERED) level = NO_MATCH;
        if (match) {
          level = j;
          break;
        }
      }
    }
    levels[i] = level;
    if (level >= 0) sum += points[level]!;
    else if (level === UNANSWERED) upside += best;
  }
  const verdict: Verdict = failed ? 'out' : unknown ? 'unknown' : 'fit';
  const score = clampScore(sum);
  // `best` starts from the raw sum, so a negative signal already earned still counts against it.
  const best = clampScore(sum + upside);
  return { verdict, filters, levels, sum, score, best, tier: verdict === 'out' ? -1 : tierIndex(icp.tierMins, score) };
}

const VERDICT_RANK: Record<Verdict, number> = { fit: 0, unknown: 1, out: 2 };

/** Best fit first: verdict fit, then unknown, then out; then the higher score. */
export function compareEvaluations(a: Pick<Evaluation, 'verdict' | 'score'>, b: Pick<Evaluation, 'verdict' | 'score'>): number {
  return VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || b.score - a.score;
}
