import type { Attribute } from '../../schemas/attribute.ts';
import type { Filter } from '../../schemas/filter.ts';
import type { Locale } from '../i18n/locales.ts';
import { OPERATOR_TYPES, bestPoints } from '../../schemas/operators.ts';
import type { Rule } from '../../schemas/rule.ts';
import type { Signal } from '../../schemas/signal.ts';
import { describeRule } from './describe.ts';
import {
  isNumberRange,
  type Account,
  type AttributeValue,
  type FilterOutcome,
  type ScoringIcpData,
  type Verdict,
} from './types.ts';

// The engine reads values by position (`values[slot]`, slot = the attribute's index in the
// attribute list) rather than by name, and tests rules with one switch rather than one closure
// per rule: both keep V8's property lookups and calls monomorphic over millions of CSV rows.

/** An account's values by attribute position (the order of `attributes.yaml`); `undefined` is unknown. */
export type AccountValues = readonly (AttributeValue | undefined | null)[];

const BETWEEN = 0;
const IN = 1;
const NOT_IN = 2;
const ANY_OF = 3;
const ALL_OF = 4;
const NONE_OF = 5;
const IS = 6;

/** A rule prepared for testing; every compiled rule has this one shape. */
export interface CompiledRule {
  code: number;
  /** Inclusive bounds for number rules (open bounds are ±Infinity). */
  min: number;
  max: number;
  /** Option ids for choice and choices rules. */
  ids: ReadonlySet<string>;
  list: readonly string[];
  /** The answer wanted by `is`. */
  flag: boolean;
}

/** A signal level index meaning "the attribute has no value". */
export const UNANSWERED = -2;
/** A signal level index meaning "answered, but no level matched". */
export const NO_MATCH = -1;
/**
 * A signal level index meaning "answered with a range that straddles a level" (`51-200` against
 * "at least 100"): the first level that matches cannot be told. It earns the fewest points of
 * the levels it may reach when it surely reaches one and all are positive, else 0; `best`
 * counts the most.
 */
export const UNCERTAIN = -3;

export interface CompiledFilter {
  filter: Filter;
  attribute: Attribute;
  /** Position of the attribute in the attribute list, or -1 if it is not in it. */
  slot: number;
  rule: CompiledRule;
  /** The rule in words, computed once. */
  words: string;
}

export interface CompiledSignal {
  signal: Signal;
  attribute: Attribute;
  slot: number;
  rules: CompiledRule[];
  points: number[];
  /** The rule of each level in words, computed once. */
  words: string[];
  best: number;
}

/** An ICP prepared for scoring many accounts: rules compiled, words computed once. */
export interface CompiledIcp {
  id: string;
  data: ScoringIcpData;
  locale: Locale;
  /** Attribute ids by slot. */
  attributeIds: readonly string[];
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
  /** Matching level of each signal, or {@link NO_MATCH} / {@link UNANSWERED} / {@link UNCERTAIN}. */
  levels: number[];
  /** Per signal, the points earned: its level's points, or for {@link UNCERTAIN} the fewest it is sure of (0 otherwise). */
  earned: number[];
  /** Per signal, the points it could still add when {@link UNCERTAIN} (0 otherwise). */
  upsides: number[];
  /** Sum of earned points, before clamping. */
  sum: number;
  score: number;
  best: number;
  /** Index of the tier, or -1 when out. */
  tier: number;
}

const NO_IDS: ReadonlySet<string> = new Set();

/** Prepares one rule for {@link testRule}. */
export function compileRule(rule: Rule): CompiledRule {
  const base = {
    code: BETWEEN,
    min: -Infinity,
    max: Infinity,
    ids: NO_IDS,
    list: [] as readonly string[],
    flag: false,
  };
  switch (rule.op) {
    case 'between':
      return { ...base, min: rule.min ?? -Infinity, max: rule.max ?? Infinity };
    case 'atLeast':
      return { ...base, min: rule.value };
    case 'atMost':
      return { ...base, max: rule.value };
    case 'is':
      return { ...base, code: IS, flag: rule.value };
    default: {
      const code = { in: IN, notIn: NOT_IN, anyOf: ANY_OF, allOf: ALL_OF, noneOf: NONE_OF }[rule.op];
      return { ...base, code, ids: new Set(rule.values), list: rule.values };
    }
  }
}

function includesAny(selected: readonly string[], ids: ReadonlySet<string>): boolean {
  for (let i = 0; i < selected.length; i++) if (ids.has(selected[i]!)) return true;
  return false;
}

function includesAll(selected: readonly string[], list: readonly string[]): boolean {
  for (let i = 0; i < list.length; i++) if (!selected.includes(list[i]!)) return false;
  return true;
}

/**
 * Tests a value: `true` matches, `false` does not, `undefined` when the value is not of the
 * attribute's type (read as unknown, so it never passes silently) or is a range across a bound. An explicit empty `choices`
 * selection is an answered "none selected": `anyOf`/`allOf` fail, `noneOf` passes.
 */
export function testRule(rule: CompiledRule, value: AttributeValue): boolean | undefined {
  switch (rule.code) {
    case BETWEEN:
      if (typeof value === 'number') return Number.isNaN(value) ? undefined : value >= rule.min && value <= rule.max;
      // A range passes wholly inside the rule, fails wholly outside, and is unknown across a bound.
      if (isNumberRange(value))
        return value.min >= rule.min && value.max <= rule.max
          ? true
          : value.max < rule.min || value.min > rule.max
            ? false
            : undefined;
      return undefined;
    case IS:
      return typeof value === 'boolean' ? value === rule.flag : undefined;
    case IN:
      return typeof value === 'string' ? rule.ids.has(value) : undefined;
    case NOT_IN:
      return typeof value === 'string' ? !rule.ids.has(value) : undefined;
    default:
      if (!Array.isArray(value)) return undefined;
      if (rule.code === ANY_OF) return includesAny(value, rule.ids);
      if (rule.code === ALL_OF) return includesAll(value, rule.list);
      return !includesAny(value, rule.ids);
  }
}

function attributeFor(id: string, rule: Rule, byId: ReadonlyMap<string, Attribute>): Attribute {
  // Validated content always names an existing attribute; this fallback keeps a bad call readable.
  return byId.get(id) ?? { id, label: id, type: OPERATOR_TYPES[rule.op], options: [] };
}

/** Prepares an ICP for scoring: call once, then {@link evaluate} each account. */
export function compileIcp(
  icp: { id: string; data: ScoringIcpData },
  attributes: readonly Attribute[],
  locale: Locale,
): CompiledIcp {
  const byId = new Map(attributes.map((a) => [a.id, a]));
  const attributeIds = attributes.map((a) => a.id);
  const filters = icp.data.filters.map((filter): CompiledFilter => {
    const attribute = attributeFor(filter.attribute, filter.rule, byId);
    return {
      filter,
      attribute,
      slot: attributeIds.indexOf(filter.attribute),
      rule: compileRule(filter.rule),
      words: describeRule(filter.rule, attribute, locale),
    };
  });
  const signals = icp.data.signals.map((signal): CompiledSignal => {
    const attribute = attributeFor(signal.attribute, signal.levels[0]!.rule, byId);
    return {
      signal,
      attribute,
      slot: attributeIds.indexOf(signal.attribute),
      rules: signal.levels.map((level) => compileRule(level.rule)),
      points: signal.levels.map((level) => level.points),
      words: signal.levels.map((level) => describeRule(level.rule, attribute, locale)),
      best: bestPoints(signal),
    };
  });
  return {
    id: icp.id,
    data: icp.data,
    locale,
    attributeIds,
    filters,
    signals,
    tierMins: icp.data.tiers.map((tier) => tier.min),
  };
}

/** An account's values in slot order, for {@link evaluateValues}. */
export function accountValues(icp: Pick<CompiledIcp, 'attributeIds'>, account: Account): AccountValues {
  return icp.attributeIds.map((id) => valueOf(account, id));
}

/**
 * The account's own value for an attribute. Attribute ids such as `constructor` are valid, and
 * a plain object would answer them from its prototype: only own keys count.
 */
export function valueOf(account: Account, id: string): AttributeValue | undefined {
  return Object.hasOwn(account, id) ? (account[id] ?? undefined) : undefined;
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

/**
 * The one scoring engine, on values by slot: filters, signals, score, best and tier.
 * Batch scoring passes `into`, an earlier evaluation of the same ICP, to reuse its arrays.
 */
export function evaluateValues(icp: CompiledIcp, values: AccountValues, into?: Evaluation): Evaluation {
  const filters = into ? into.filters : new Array<FilterOutcome>(icp.filters.length);
  let failed = false;
  let unknown = false;
  for (let i = 0; i < icp.filters.length; i++) {
    const { slot, rule } = icp.filters[i]!;
    const value = slot === -1 ? undefined : values[slot];
    const match = value === undefined || value === null ? undefined : testRule(rule, value);
    if (match === undefined) {
      unknown = true;
      filters[i] = 'unknown';
    } else if (match) {
      filters[i] = 'pass';
    } else {
      failed = true;
      filters[i] = 'fail';
    }
  }
  const levels = into ? into.levels : new Array<number>(icp.signals.length);
  const upsides = into ? into.upsides : new Array<number>(icp.signals.length);
  const earned = into ? into.earned : new Array<number>(icp.signals.length);
  let sum = 0;
  let upside = 0;
  for (let i = 0; i < icp.signals.length; i++) {
    const { slot, rules, points, best } = icp.signals[i]!;
    const value = slot === -1 ? undefined : values[slot];
    let level = UNANSWERED;
    // For a range across levels: the fewest and the most points of the levels it may reach.
    let low = Infinity;
    let high = 0;
    let reached = false;
    if (value !== undefined && value !== null) {
      for (let j = 0; j < rules.length; j++) {
        const match = testRule(rules[j]!, value);
        if (match === undefined) {
          // A value of the wrong type is unanswered; a range across a level's bound is uncertain.
          if (!isNumberRange(value)) break;
          level = UNCERTAIN;
          low = Math.min(low, points[j]!);
          high = Math.max(high, points[j]!);
          continue;
        }
        if (level !== UNCERTAIN) level = NO_MATCH;
        if (match) {
          reached = true;
          if (level !== UNCERTAIN) level = j;
          low = Math.min(low, points[j]!);
          high = Math.max(high, points[j]!);
          break;
        }
      }
    }
    levels[i] = level;
    // Uncertain: earns the fewest points it is sure of (0 when it may match no level, or may
    // earn negative points, as an unanswered signal would) and could earn up to the most.
    const now = level === UNCERTAIN && reached && low > 0 ? low : 0;
    earned[i] = level >= 0 ? points[level]! : now;
    upsides[i] = level === UNCERTAIN ? high - now : 0;
    sum += earned[i]!;
    if (level === UNANSWERED) upside += best;
    else upside += upsides[i]!;
  }
  const verdict: Verdict = failed ? 'out' : unknown ? 'unknown' : 'fit';
  const score = clampScore(sum);
  // `best` starts from the raw sum, so a negative signal already earned still counts against it.
  const best = clampScore(sum + upside);
  const tier = verdict === 'out' ? -1 : tierIndex(icp.tierMins, score);
  if (!into) return { verdict, filters, levels, earned, upsides, sum, score, best, tier };
  into.verdict = verdict;
  into.sum = sum;
  into.score = score;
  into.best = best;
  into.tier = tier;
  return into;
}

/** The one scoring engine: filters, signals, score, best and tier of one account. */
export function evaluate(icp: CompiledIcp, account: Account): Evaluation {
  return evaluateValues(icp, accountValues(icp, account));
}

const VERDICT_RANK: Record<Verdict, number> = { fit: 0, unknown: 1, out: 2 };

/** Best fit first: verdict fit, then unknown, then out; then the higher score. */
export function compareEvaluations(
  a: Pick<Evaluation, 'verdict' | 'score'>,
  b: Pick<Evaluation, 'verdict' | 'score'>,
): number {
  return VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || b.score - a.score;
}
