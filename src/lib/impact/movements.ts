import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import { bestEvaluation, selectIcps } from '../csv/score-csv.ts';
import { getFormatters } from '../format.ts';
import { impactMessages } from '../i18n/impact.ts';
import { evaluateValues, type AccountValues, type CompiledIcp, type Evaluation } from '../scoring/compile.ts';
import { describeValue, formatPoints } from '../scoring/describe.ts';
import { getCompiledIcp, type IcpInput } from '../scoring/score-account.ts';
import type { Verdict } from '../scoring/types.ts';
import { pair } from './rule-changes.ts';

/** One side of the comparison: the attributes and every ICP (only active ones are scored). */
export interface ScoringSide {
  attributes: Attribute[];
  icps: readonly IcpInput[];
}

/** Where an account lands: its best-fit active ICP, verdict, score and tier (see BRIEF decision 3). */
export interface Landing {
  /** Index of the ICP among the side's active ICPs, or -1 when there is none. */
  icp: number;
  verdict: Verdict;
  score: number;
  /** Tier index in that ICP, -1 when out. */
  tier: number;
}

/** A moved account, in words. */
export interface Move {
  name: string;
  before: string;
  after: string;
  why: string;
  /** +1 up, -1 down, 0 to another ICP or verdict at the same level. */
  direction: number;
  /** The known account's `expect`, when the new landing disagrees with it (validation fails on it). */
  unmet?: string | undefined;
}

/** Counts of one population on one active ICP of a side, for the warnings. */
export interface IcpCounts {
  id: string;
  title: string;
  filterLabels: string[];
  signalLabels: string[];
  tierLabels: string[];
  /** Accounts failing each filter. */
  filterFails: number[];
  /** Accounts earning non-zero points from each signal. */
  signalFires: number[];
  /** Accounts in each tier (verdict fit or unknown), scored against this ICP alone. */
  tiers: number[];
}

/** What a population of accounts does between the two sides. */
export interface Movements {
  total: number;
  moved: number;
  /** Moved accounts whose `expect` the new landing no longer meets. */
  unmet: number;
  up: number;
  down: number;
  sideways: number;
  /** Moves kept (every one, or the biggest), biggest first, then in input order. */
  moves: Move[];
  /** Row and column labels of the transition matrix: tiers, then unknown, then out. */
  labels: string[];
  /** counts[before][after], indexed like {@link labels}. */
  matrix: number[][];
  before: IcpCounts[];
  after: IcpCounts[];
}

interface Side {
  icps: CompiledIcp[];
  scratch: Evaluation[];
  counts: IcpCounts[];
}

interface Kept {
  name: string;
  order: number;
  magnitude: number;
  direction: number;
  before: Landing;
  after: Landing;
  beforeValues: AccountValues;
  afterValues: AccountValues;
  unmet?: string | undefined;
}

const UNKNOWN_RANK = 1000;
const OUT_RANK = 2000;

function rank(landing: Landing): number {
  if (landing.verdict === 'out') return OUT_RANK;
  if (landing.verdict === 'unknown') return UNKNOWN_RANK + landing.tier;
  return landing.tier;
}

function prepare(side: ScoringSide, locale: Locale): Side {
  const icps = selectIcps(side.icps).map((icp) => getCompiledIcp(icp, side.attributes, locale));
  return {
    icps,
    scratch: icps.map((icp) => evaluateValues(icp, [])),
    counts: icps.map((icp) => ({
      id: icp.id,
      title: icp.data.title,
      filterLabels: icp.data.filters.map((f) => f.label),
      signalLabels: icp.data.signals.map((s) => s.label),
      tierLabels: icp.data.tiers.map((tier) => tier.label),
      filterFails: icp.filters.map(() => 0),
      signalFires: icp.signals.map(() => 0),
      tiers: icp.data.tiers.map(() => 0),
    })),
  };
}

/** Scores on one side, counts for the warnings, and returns where the account lands. */
function land(side: Side, values: AccountValues): Landing {
  if (side.icps.length === 0) return { icp: -1, verdict: 'out', score: 0, tier: -1 };
  const { icp, evaluation } = bestEvaluation(side.icps, values, side.scratch);
  // bestEvaluation left each ICP's evaluation in the scratch array: count them all.
  for (let i = 0; i < side.icps.length; i++) {
    const e = side.scratch[i]!;
    const counts = side.counts[i]!;
    const compiled = side.icps[i]!;
    for (let f = 0; f < e.filters.length; f++) if (e.filters[f] === 'fail') counts.filterFails[f]!++;
    for (let s = 0; s < e.levels.length; s++) {
      const level = e.levels[s]!;
      if (level >= 0 && compiled.signals[s]!.points[level] !== 0) counts.signalFires[s]!++;
    }
    if (e.tier >= 0) counts.tiers[e.tier]!++;
  }
  return { icp: side.icps.indexOf(icp), verdict: evaluation.verdict, score: evaluation.score, tier: evaluation.tier };
}

/**
 * Follows a population of accounts (known accounts, or a CSV of millions streamed row by row)
 * from the base playbook to the changed one: where each lands on both sides with the one engine,
 * the transition matrix, the moves (all, or the `keep` biggest, so memory stays flat), and the
 * counts the warnings need.
 */
export class MovementTracker {
  private readonly locale: Locale;
  private readonly before: Side;
  private readonly after: Side;
  private readonly keep: number;
  private readonly kept: Kept[] = [];
  private readonly labels: string[];
  private readonly matrix: number[][];
  private readonly labelIndex: number[][][];
  private rows = 0;
  private moved = 0;
  private unmet = 0;
  private up = 0;
  private down = 0;
  private sideways = 0;

  constructor(options: { before: ScoringSide; after: ScoringSide; locale: Locale; keep: number }) {
    this.locale = options.locale;
    this.keep = options.keep;
    this.before = prepare(options.before, options.locale);
    this.after = prepare(options.after, options.locale);
    const t = impactMessages[options.locale];
    const tierLabels = [...this.after.icps, ...this.before.icps].flatMap((icp) =>
      icp.data.tiers.map((tier) => tier.label),
    );
    this.labels = [...new Set(tierLabels), t.unknown, t.out];
    this.matrix = this.labels.map(() => this.labels.map(() => 0));
    // Matrix index of each landing, looked up per [icp][tier] rather than by label per row.
    const index = (side: Side) => side.icps.map((icp) => icp.data.tiers.map((tier) => this.labels.indexOf(tier.label)));
    this.labelIndex = [index(this.before), index(this.after)];
  }

  private matrixIndex(side: number, landing: Landing): number {
    if (landing.verdict === 'out') return this.labels.length - 1;
    if (landing.verdict === 'unknown') return this.labels.length - 2;
    return this.labelIndex[side]![landing.icp]![landing.tier]!;
  }

  /**
   * Adds one account: its name, its values as read on each side (attributes may differ) and,
   * for a known account, its `expect` (a tier label or `out`).
   */
  add(name: string, beforeValues: AccountValues, afterValues: AccountValues, expect?: string): void {
    const before = land(this.before, beforeValues);
    const after = land(this.after, afterValues);
    this.rows++;
    this.matrix[this.matrixIndex(0, before)]![this.matrixIndex(1, after)]!++;
    const sameIcp =
      before.icp !== -1 && after.icp !== -1 && this.before.icps[before.icp]!.id === this.after.icps[after.icp]!.id;
    if (sameIcp && before.verdict === after.verdict && before.tier === after.tier) return;
    // Out everywhere, before and after: which ICP it fails "best" is no move.
    if (before.verdict === 'out' && after.verdict === 'out') return;
    this.moved++;
    const difference = rank(before) - rank(after);
    const direction = Math.sign(difference);
    if (direction > 0) this.up++;
    else if (direction < 0) this.down++;
    else this.sideways++;
    // As the known-accounts check reads it: the tier label of the best fit (fit or unknown), or out.
    const landed =
      after.verdict === 'out' || after.icp === -1 ? 'out' : this.after.icps[after.icp]!.data.tiers[after.tier]!.label;
    const unmet =
      expect !== undefined && expect !== '' && expect.toLowerCase() !== landed.toLowerCase() ? expect : undefined;
    if (unmet !== undefined) this.unmet++;
    const magnitude = Math.abs(difference) * 1000 + Math.abs(before.score - after.score);
    if (this.kept.length >= this.keep && magnitude <= this.kept[this.kept.length - 1]!.magnitude) return;
    // Values are copied: readers may reuse their arrays.
    const move: Kept = {
      name,
      order: this.rows,
      magnitude,
      direction,
      before,
      after,
      beforeValues: [...beforeValues],
      afterValues: [...afterValues],
      unmet,
    };
    // Kept sorted biggest first, input order among equals: deterministic for any keep.
    let at = this.kept.length;
    while (at > 0 && this.kept[at - 1]!.magnitude < magnitude) at--;
    this.kept.splice(at, 0, move);
    if (this.kept.length > this.keep) this.kept.pop();
  }

  /** The moves in words, the matrix and the counts. */
  result(): Movements {
    return {
      total: this.rows,
      moved: this.moved,
      unmet: this.unmet,
      up: this.up,
      down: this.down,
      sideways: this.sideways,
      moves: this.kept.map((move) => this.describe(move)),
      labels: this.labels,
      matrix: this.matrix,
      before: this.before.counts,
      after: this.after.counts,
    };
  }

  private landingWords(side: Side, landing: Landing): string {
    const t = impactMessages[this.locale];
    if (landing.icp === -1) return t.noIcp;
    const icp = side.icps[landing.icp]!;
    const score = String(landing.score);
    if (landing.verdict === 'out') return t.landingOut;
    const tier = icp.data.tiers[landing.tier]?.label ?? '';
    return landing.verdict === 'fit'
      ? t.landingFit(tier, icp.data.title, score)
      : t.landingUnknown(icp.data.title, tier, score);
  }

  private describe(move: Kept): Move {
    return {
      name: move.name,
      before: this.landingWords(this.before, move.before),
      after: this.landingWords(this.after, move.after),
      why: this.why(move),
      direction: move.direction,
      unmet: move.unmet,
    };
  }

  /** The per-filter and per-signal reasons of a move, on each ICP involved that exists on both sides. */
  private why(move: Kept): string {
    const t = impactMessages[this.locale];
    const reasons: string[] = [];
    const ids = new Set<string>();
    // The ICPs the account lands in (not the ones it is out of anyway).
    if (move.after.icp !== -1 && move.after.verdict !== 'out') ids.add(this.after.icps[move.after.icp]!.id);
    if (move.before.icp !== -1 && move.before.verdict !== 'out') ids.add(this.before.icps[move.before.icp]!.id);
    for (const id of ids) {
      const a = this.before.icps.find((icp) => icp.id === id);
      const b = this.after.icps.find((icp) => icp.id === id);
      if (!a || !b) continue;
      reasons.push(...this.icpReasons(a, b, move));
    }
    const beforeIcp = move.before.icp === -1 ? undefined : this.before.icps[move.before.icp]!;
    const afterIcp = move.after.icp === -1 ? undefined : this.after.icps[move.after.icp]!;
    if (afterIcp && move.after.verdict !== 'out' && beforeIcp?.id !== afterIcp.id)
      reasons.push(t.reasonIcp(afterIcp.data.title));
    return reasons.join(t.separator);
  }

  private icpReasons(a: CompiledIcp, b: CompiledIcp, move: Kept): string[] {
    const t = impactMessages[this.locale];
    const { number } = getFormatters(this.locale);
    const ea = evaluateValues(a, move.beforeValues);
    const eb = evaluateValues(b, move.afterValues);
    const reasons: string[] = [];
    const outcome = (o: string | undefined) =>
      o === 'pass' ? t.pass : o === 'fail' ? t.fail : o === undefined ? '—' : t.unknown;
    const filters = pair(
      a.filters.map((f, i) => ({ f, i })),
      b.filters.map((f, i) => ({ f, i })),
      (x) => x.f.filter.label,
      (x) => x.f.filter.attribute,
    );
    const filterPairs: [number | undefined, number][] = [
      ...filters.pairs.map(([x, y]): [number, number] => [x.i, y.i]),
      ...filters.added.map((y): [undefined, number] => [undefined, y.i]),
    ];
    for (const [i, j] of filterPairs.sort((x, y) => x[1] - y[1])) {
      const was = i === undefined ? undefined : ea.filters[i];
      const now = eb.filters[j]!;
      if (was === now) continue;
      const compiled = b.filters[j]!;
      const seen = describeValue(move.afterValues[compiled.slot] ?? undefined, compiled.attribute, this.locale);
      reasons.push(t.reasonFilter(compiled.words, outcome(was), outcome(now), seen));
    }
    // In or out is decided by the filters alone: points only explain a move between landings in the ICP.
    if (ea.verdict === 'out' || eb.verdict === 'out') return reasons;
    const earned = (icp: CompiledIcp, e: Evaluation, i: number) =>
      e.levels[i]! >= 0 ? icp.signals[i]!.points[e.levels[i]!]! : 0;
    const signals = pair(
      a.signals.map((s, i) => ({ s, i })),
      b.signals.map((s, i) => ({ s, i })),
      (x) => x.s.signal.label,
      (x) => x.s.signal.attribute,
    );
    const signalPairs: [number | undefined, number | undefined][] = [
      ...signals.pairs.map(([x, y]): [number, number] => [x.i, y.i]),
      ...signals.added.map((y): [undefined, number] => [undefined, y.i]),
      ...signals.removed.map((x): [number, undefined] => [x.i, undefined]),
    ];
    for (const [i, j] of signalPairs) {
      const was = i === undefined ? 0 : earned(a, ea, i);
      const now = j === undefined ? 0 : earned(b, eb, j);
      if (was === now) continue;
      const label = j === undefined ? a.signals[i!]!.signal.label : b.signals[j]!.signal.label;
      reasons.push(t.reasonPoints(label, formatPoints(was, this.locale), formatPoints(now, this.locale)));
    }
    // Same score, another tier: a threshold moved.
    if (ea.tier !== eb.tier) {
      const tier = a.data.tiers[ea.tier];
      const moved = tier && b.data.tiers.find((other) => other.label === tier.label);
      if (tier && moved && moved.min !== tier.min)
        reasons.push(t.reasonTier(tier.label, number(moved.min), number(eb.score)));
    }
    if (reasons.length === 0 && ea.score !== eb.score) reasons.push(t.reasonScore(number(ea.score), number(eb.score)));
    return reasons;
  }
}
