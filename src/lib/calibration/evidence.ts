// What the known accounts say about each filter, signal, level and tier of one ICP: the
// numbers behind "test and refine". Each account is scored against this ICP alone.
import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import type { IcpEntry } from '../model/playbook-model.ts';
import { compileIcp, evaluate, NO_MATCH, UNANSWERED, type CompiledIcp, type Evaluation } from '../scoring/compile.ts';
import type { KnownAccount, Outcome } from './known-accounts.ts';
import { compare, median, type Comparison } from './stats.ts';

/** Known accounts by outcome. */
export interface Tally {
  won: number;
  lost: number;
  open: number;
  /** Rows with no outcome. */
  none: number;
}

/** How one filter splits the known accounts. */
export interface FilterEvidence {
  label: string;
  /** The rule in words. */
  rule: string;
  keeps: Tally;
  excludes: Tally;
  /** No value for the attribute. */
  unknown: Tally;
  /** Kept (pass) against excluded (fail), won against lost. */
  comparison: Comparison;
}

/** One level of a signal (a plain signal has one): where it fired against where no level did. */
export interface LevelEvidence {
  /** The rule in words. */
  rule: string;
  points: number;
  fired: Tally;
  comparison: Comparison;
}

/** How one signal separates won from lost among the accounts that pass the filters. */
export interface SignalEvidence {
  index: number;
  label: string;
  graded: boolean;
  levels: LevelEvidence[];
  /** Any level fired, against answered with no level matching. */
  comparison: Comparison;
  fired: Tally;
  /** Answered, no level matched. */
  silent: Tally;
  /** No value for the attribute. */
  unanswered: Tally;
  /** Fired on none of the known accounts (out ones included). */
  neverFires: boolean;
}

/** Deal value and sales cycle of the accounts that land in one tier (or out). */
export interface TierValue {
  label: string;
  tally: Tally;
  /** Won accounts with an amount. */
  wonWithAmount: number;
  totalWon: number;
  averageWon?: number | undefined;
  /** Won deals with both dates. */
  cycles: number;
  medianCycleDays?: number | undefined;
}

/** Everything the known accounts say about one ICP. */
export interface IcpEvidence {
  icpId: string;
  /** Every known account. */
  total: number;
  /** Won or lost accounts (the ones that can say anything). */
  decided: number;
  filters: FilterEvidence[];
  /** Signals, read on the accounts that pass the filters (verdict fit or unknown). */
  signals: SignalEvidence[];
  /** One entry per tier, highest first, then the accounts that are out. */
  tiers: TierValue[];
  /** Whether any known account has an amount (otherwise the value columns say nothing). */
  hasAmounts: boolean;
  hasCycles: boolean;
}

function tally(): Tally {
  return { won: 0, lost: 0, open: 0, none: 0 };
}

function add(t: Tally, outcome: Outcome | undefined): void {
  t[outcome ?? 'none']++;
}

function compareTallies(holds: Tally, fails: Tally): Comparison {
  return compare(holds.won, holds.lost, fails.won, fails.lost);
}

const DAY = 86_400_000;

function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

interface Scored {
  row: KnownAccount;
  evaluation: Evaluation;
}

function filterEvidence(icp: CompiledIcp, scored: readonly Scored[]): FilterEvidence[] {
  return icp.filters.map((filter, i) => {
    const keeps = tally();
    const excludes = tally();
    const unknown = tally();
    for (const { row, evaluation } of scored) {
      const outcome = evaluation.filters[i];
      add(outcome === 'pass' ? keeps : outcome === 'fail' ? excludes : unknown, row.outcome);
    }
    return {
      label: filter.filter.label,
      rule: filter.words,
      keeps,
      excludes,
      unknown,
      comparison: compareTallies(keeps, excludes),
    };
  });
}

function signalEvidence(icp: CompiledIcp, scored: readonly Scored[]): SignalEvidence[] {
  // Signals rank the accounts that pass the filters: an account that is out says nothing about them.
  const inPool = scored.filter(({ evaluation }) => evaluation.verdict !== 'out');
  return icp.signals.map((signal, i) => {
    const byLevel = signal.points.map(() => tally());
    const fired = tally();
    const silent = tally();
    const unanswered = tally();
    for (const { row, evaluation } of inPool) {
      const level = evaluation.levels[i]!;
      if (level === UNANSWERED) add(unanswered, row.outcome);
      else if (level === NO_MATCH) add(silent, row.outcome);
      else {
        add(fired, row.outcome);
        add(byLevel[level]!, row.outcome);
      }
    }
    const neverFires = !scored.some(({ evaluation }) => evaluation.levels[i]! >= 0);
    const levels = signal.points.map((points, j) => ({
      rule: signal.words[j]!,
      points,
      fired: byLevel[j]!,
      comparison: compareTallies(byLevel[j]!, silent),
    }));
    return {
      index: i,
      label: signal.signal.label,
      graded: signal.signal.graded,
      levels,
      comparison: compareTallies(fired, silent),
      fired,
      silent,
      unanswered,
      neverFires,
    };
  });
}

function tierValues(icp: CompiledIcp, scored: readonly Scored[], outLabel: string): TierValue[] {
  const groups = [...icp.data.tiers.map((tier) => tier.label), outLabel].map((label) => ({
    label,
    rows: [] as KnownAccount[],
  }));
  for (const { row, evaluation } of scored)
    groups[evaluation.tier === -1 ? groups.length - 1 : evaluation.tier]!.rows.push(row);
  return groups.map(({ label, rows }) => {
    const t = tally();
    for (const row of rows) add(t, row.outcome);
    const won = rows.filter((row) => row.outcome === 'won');
    const amounts = won.flatMap((row) => (row.amount === undefined ? [] : [row.amount]));
    const cycles = won.flatMap((row) =>
      row.opened !== undefined && row.closed !== undefined ? [days(row.opened, row.closed)] : [],
    );
    const totalWon = amounts.reduce((sum, amount) => sum + amount, 0);
    return {
      label,
      tally: t,
      wonWithAmount: amounts.length,
      totalWon,
      averageWon: amounts.length > 0 ? totalWon / amounts.length : undefined,
      cycles: cycles.length,
      medianCycleDays: median(cycles),
    };
  });
}

/**
 * What the known accounts say about one ICP: per filter, how many won and lost accounts it
 * keeps and excludes; per signal and level, the win rate where it fires against where it does
 * not, with the lift and Wilson 90 % intervals; per tier, deal value and sales cycle.
 * @example icpEvidence(icp, rows, attributes, 'en', 'Out').signals[0].comparison.finding // 'better'
 */
export function icpEvidence(
  icp: IcpEntry,
  rows: readonly KnownAccount[],
  attributes: readonly Attribute[],
  locale: Locale,
  outLabel: string,
): IcpEvidence {
  const compiled = compileIcp(icp, attributes, locale);
  const scored = rows.map((row) => ({ row, evaluation: evaluate(compiled, row.account) }));
  return {
    icpId: icp.id,
    total: rows.length,
    decided: rows.filter((row) => row.outcome === 'won' || row.outcome === 'lost').length,
    filters: filterEvidence(compiled, scored),
    signals: signalEvidence(compiled, scored),
    tiers: tierValues(compiled, scored, outLabel),
    hasAmounts: rows.some((row) => row.amount !== undefined),
    hasCycles: rows.some((row) => row.opened !== undefined && row.closed !== undefined),
  };
}
