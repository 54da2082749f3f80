// Suggested signal points from the known accounts: transparent, explained, never applied.
//
// Each level whose effect is clear (the 90 % interval of its log odds ratio excludes 0, with
// enough won and lost accounts) gets points proportional to that log odds ratio, with one scale
// for the whole ICP. A level with enough accounts and no clear effect is suggested 0 points (the
// accounts do not show it matters); a level with too few accounts, or that never fires, keeps
// today's points (the accounts cannot tell). The scale is chosen so that the best
// positive points total exactly 100, as the content contract requires, then rounded to whole
// points (largest remainder). A reviewer reads the reason beside each number.
import { stringify } from 'yaml';
import type { Rule } from '../../schemas/rule.ts';
import type { IcpData } from '../model/playbook-model.ts';
import type { IcpEvidence } from './evidence.ts';

/** Why a level gets the points it gets. */
export type SuggestionReason = 'effect' | 'no-effect' | 'too-few' | 'never-fires';

export interface LevelSuggestion {
  current: number;
  suggested: number;
  reason: SuggestionReason;
}

export interface SignalSuggestion {
  label: string;
  levels: LevelSuggestion[];
}

export type PointsSuggestion =
  | { status: 'ok'; signals: SignalSuggestion[]; /** Points per unit of log odds ratio. */ scale: number }
  /** No level with a clear positive effect: nothing to rescale from. */
  | { status: 'none' }
  /** Levels kept as they are (too few accounts to tell) already reach 100: nothing left for the clear effects. */
  | { status: 'over-budget'; kept: number };

const MAX_POINTS = 100;
const TOTAL = 100;

function clampPoints(points: number): number {
  return Math.max(-MAX_POINTS, Math.min(MAX_POINTS, points));
}

/** The best positive points of a signal (its best level, or 0). */
function bestOf(levels: readonly number[]): number {
  return Math.max(0, ...levels);
}

/**
 * Suggested points for every signal of an ICP from its evidence, or why there is none.
 * @example suggestPoints(icp.data, evidence) // { status: 'ok', scale: 21.4, signals: [{ label: 'Hiring RevOps', levels: [{ current: 35, suggested: 52, reason: 'effect' }] }, …] }
 */
export function suggestPoints(icp: Pick<IcpData, 'signals'>, evidence: IcpEvidence): PointsSuggestion {
  const plan = icp.signals.map((signal, i) => {
    const found = evidence.signals[i]!;
    return signal.levels.map((level, j) => {
      const { comparison } = found.levels[j]!;
      const reason: SuggestionReason = found.neverFires
        ? 'never-fires'
        : comparison.finding === 'too-few'
          ? 'too-few'
          : comparison.finding === 'no-effect'
            ? 'no-effect'
            : 'effect';
      return { current: level.points, reason, weight: comparison.logOdds.value };
    });
  });
  const levels = plan.flat();
  if (!levels.some((level) => level.reason === 'effect' && level.weight > 0)) return { status: 'none' };
  const pointsAt = (level: (typeof levels)[number], scale: number) =>
    level.reason === 'effect' ? clampPoints(scale * level.weight) : level.reason === 'no-effect' ? 0 : level.current;
  const at = (scale: number) => plan.map((signal) => signal.map((level) => pointsAt(level, scale)));
  const total = (points: number[][]) => points.reduce((sum, signal) => sum + bestOf(signal), 0);
  const kept = total(at(0));
  if (kept >= TOTAL) return { status: 'over-budget', kept };
  // total(at(scale)) grows with scale: find the scale where it reaches 100 by bisection.
  let high = 1;
  while (total(at(high)) < TOTAL) high *= 2;
  let low = 0;
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2;
    if (total(at(middle)) < TOTAL) low = middle;
    else high = middle;
  }
  const scale = high;
  const exact = at(scale);
  const rounded = exact.map((signal) => signal.map(Math.round));
  fixRounding(rounded, exact, plan);
  return {
    status: 'ok',
    scale,
    signals: icp.signals.map((signal, i) => ({
      label: signal.label,
      levels: plan[i]!.map((level, j) => ({
        current: level.current,
        suggested: rounded[i]![j]!,
        reason: level.reason,
      })),
    })),
  };
}

/**
 * Rounding can leave the best positive total at 99 or 101: move the difference onto the best
 * levels with a clear effect whose exact value was rounded the most, one point at a time.
 */
function fixRounding(rounded: number[][], exact: number[][], plan: readonly { reason: SuggestionReason }[][]): void {
  const total = () => rounded.reduce((sum, signal) => sum + bestOf(signal), 0);
  for (let guard = 0; guard < 1000 && total() !== TOTAL; guard++) {
    const up = total() < TOTAL;
    let pick: [number, number] | undefined;
    let pickGap = -Infinity;
    rounded.forEach((signal, i) => {
      const best = signal.indexOf(Math.max(...signal));
      if (plan[i]![best]!.reason !== 'effect' || signal[best]! <= 0) return;
      const next = signal[best]! + (up ? 1 : -1);
      if (next > MAX_POINTS || next < 1) return;
      // The level that lost the most to rounding gains first (and the reverse).
      const gap = up ? exact[i]![best]! - signal[best]! : signal[best]! - exact[i]![best]!;
      if (gap > pickGap) {
        pickGap = gap;
        pick = [i, best];
      }
    });
    if (!pick) return;
    rounded[pick[0]]![pick[1]]! += up ? 1 : -1;
  }
}

function scalar(value: string | number | boolean | null): string {
  // lineWidth 0: a long label stays on one line, so the block pastes as it is.
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The author's operator key and value for a canonical rule: `between: [50, 1000]`. */
export function ruleToYaml(rule: Rule): string {
  const list = (values: readonly (string | number | null)[]) => `[${values.map(scalar).join(', ')}]`;
  switch (rule.op) {
    case 'between':
      return `between: ${list([rule.min, rule.max])}`;
    case 'atLeast':
    case 'atMost':
    case 'is':
      return `${rule.op}: ${scalar(rule.value)}`;
    default:
      return `${rule.op}: ${list(rule.values)}`;
  }
}

/**
 * The `signals:` block of the ICP with the suggested points, ready to paste over the old one;
 * a comment on each changed line keeps today's value in sight.
 */
export function suggestionYaml(
  icp: Pick<IcpData, 'signals'>,
  suggestion: Extract<PointsSuggestion, { status: 'ok' }>,
): string {
  const lines = ['signals:'];
  const was = (level: LevelSuggestion) => (level.suggested === level.current ? '' : `   # was ${level.current}`);
  icp.signals.forEach((signal, i) => {
    const levels = suggestion.signals[i]!.levels;
    lines.push(`  - label: ${scalar(signal.label)}`, `    attribute: ${scalar(signal.attribute)}`);
    if (signal.why !== undefined) lines.push(`    why: ${scalar(signal.why)}`);
    if (!signal.graded) {
      lines.push(`    ${ruleToYaml(signal.levels[0]!.rule)}`, `    points: ${levels[0]!.suggested}${was(levels[0]!)}`);
      return;
    }
    lines.push('    levels:');
    signal.levels.forEach((level, j) =>
      lines.push(`      - { ${ruleToYaml(level.rule)}, points: ${levels[j]!.suggested} }${was(levels[j]!)}`),
    );
  });
  return `${lines.join('\n')}\n`;
}
