import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import { getFormatters } from '../format.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import {
  compareEvaluations,
  compileIcp,
  evaluate,
  NO_MATCH,
  UNANSWERED,
  UNCERTAIN,
  valueOf,
  type CompiledIcp,
  type Evaluation,
} from './compile.ts';
import { describeValue, formatPoints, joinList } from './describe.ts';
import type { Account, FilterResult, ScoreResult, ScoringIcpData, SignalResult } from './types.ts';

export { describeRule, describeValue } from './describe.ts';

/** An ICP as the engine reads it: its id (file name) and the validated fields scoring needs. */
export interface IcpInput {
  id: string;
  data: ScoringIcpData;
}

const compiledCache = new WeakMap<
  ScoringIcpData,
  Map<string, { attributes: readonly Attribute[]; compiled: CompiledIcp }>
>();

/** The compiled ICP, cached per ICP data, attribute list and locale (the widget scores on every keystroke). */
export function getCompiledIcp(icp: IcpInput, attributes: readonly Attribute[], locale: Locale): CompiledIcp {
  let byLocale = compiledCache.get(icp.data);
  if (!byLocale) {
    byLocale = new Map();
    compiledCache.set(icp.data, byLocale);
  }
  const hit = byLocale.get(`${icp.id}:${locale}`);
  if (hit && hit.attributes === attributes) return hit.compiled;
  const compiled = compileIcp(icp, attributes, locale);
  byLocale.set(`${icp.id}:${locale}`, { attributes, compiled });
  return compiled;
}

function filterResults(icp: CompiledIcp, evaluation: Evaluation, account: Account): FilterResult[] {
  const t = scoringMessages[icp.locale];
  return icp.filters.map(({ filter, attribute, words }, i) => {
    const outcome = evaluation.filters[i]!;
    const value = valueOf(account, filter.attribute);
    const seen = describeValue(value, attribute, icp.locale);
    const explanation =
      outcome === 'pass'
        ? t.filterPass(words, seen)
        : outcome === 'fail'
          ? t.filterFail(words, seen)
          : t.filterUnknown(words);
    return { filter, outcome, value, explanation };
  });
}

function signalResults(icp: CompiledIcp, evaluation: Evaluation, account: Account): SignalResult[] {
  const t = scoringMessages[icp.locale];
  return icp.signals.map(({ signal, attribute, points, words, best }, i) => {
    const level = evaluation.levels[i]!;
    const value = valueOf(account, signal.attribute);
    const bestText = best > 0 ? formatPoints(best, icp.locale) : '';
    if (level === UNANSWERED) {
      return {
        signal,
        answered: false,
        points: 0,
        bestPoints: best,
        explanation: t.signalUnanswered(signal.label, bestText),
      };
    }
    const seen = describeValue(value, attribute, icp.locale);
    if (level === UNCERTAIN) {
      const now = evaluation.earned[i]!;
      const most = now + evaluation.upsides[i]!;
      const upTo = most > now ? formatPoints(most, icp.locale) : '';
      return {
        signal,
        answered: true,
        uncertain: true,
        points: now,
        bestPoints: most,
        value,
        explanation: t.signalUncertain(formatPoints(now, icp.locale), signal.label, seen, upTo),
      };
    }
    if (level === NO_MATCH) {
      return {
        signal,
        answered: true,
        points: 0,
        bestPoints: best,
        value,
        explanation: t.signalNoMatch(signal.label, seen),
      };
    }
    const earned = points[level]!;
    const what = signal.graded ? `${signal.label} — ${words[level]}` : signal.label;
    return {
      signal,
      answered: true,
      points: earned,
      bestPoints: best,
      level: signal.graded ? level : undefined,
      value,
      explanation: t.signalMatch(formatPoints(earned, icp.locale), what, seen),
    };
  });
}

/** Labels of the attributes worth confirming: those of unknown filters, then of unanswered signals that could add points. */
function toConfirm(result: Pick<ScoreResult, 'filters' | 'signals'>, attributes: readonly Attribute[]): string[] {
  const ids = new Set([
    ...result.filters.filter((f) => f.outcome === 'unknown').map((f) => f.filter.attribute),
    ...result.signals
      .filter((s) => (!s.answered || s.uncertain) && s.bestPoints > s.points)
      .map((s) => s.signal.attribute),
  ]);
  return [...ids].map((id) => attributes.find((a) => a.id === id)?.label ?? id);
}

/**
 * The score and what it could become, in one line: the attributes to confirm are those of
 * unknown filters and of unanswered (or uncertain) signals that could add points.
 * @example bestSummary(result, attributes, 'en') // '55 now — up to 80 if you confirm Region and Revenue'
 */
export function bestSummary(
  result: Pick<ScoreResult, 'score' | 'best' | 'filters' | 'signals'>,
  attributes: readonly Attribute[],
  locale: Locale,
): string {
  const t = scoringMessages[locale];
  const { number } = getFormatters(locale);
  if (result.best <= result.score) return t.scoreOnly(number(result.score));
  return t.bestSummary(number(result.score), number(result.best), joinList(toConfirm(result, attributes), locale));
}

function explainResult(
  icp: CompiledIcp,
  result: Omit<ScoreResult, 'explanation'>,
  attributes: readonly Attribute[],
): string {
  const t = scoringMessages[icp.locale];
  const title = icp.data.title;
  const labels = (outcome: string) => result.filters.filter((f) => f.outcome === outcome).map((f) => f.filter.label);
  if (result.verdict === 'out') return t.explainOut(title, joinList(labels('fail'), icp.locale));
  const summary = bestSummary(result, attributes, icp.locale);
  const tier = result.tier?.label ?? '';
  if (result.verdict === 'fit') return t.explainFit(title, tier, summary);
  const passed = result.filters.length - labels('unknown').length;
  return t.explainUnknown(title, passed, result.filters.length, joinList(labels('unknown'), icp.locale), tier, summary);
}

/** Turns an {@link Evaluation} into a full, explained {@link ScoreResult}. */
export function explainEvaluation(
  icp: CompiledIcp,
  evaluation: Evaluation,
  account: Account,
  attributes: readonly Attribute[],
): ScoreResult {
  const result = {
    icpId: icp.id,
    verdict: evaluation.verdict,
    filters: filterResults(icp, evaluation, account),
    signals: signalResults(icp, evaluation, account),
    score: evaluation.score,
    best: evaluation.best,
    tier: evaluation.tier >= 0 ? icp.data.tiers[evaluation.tier] : undefined,
  };
  return { ...result, explanation: explainResult(icp, result, attributes) };
}

/**
 * Scores one account against one ICP: filter outcomes, verdict, signal points, score, best and
 * tier, every part explained in words in `locale`.
 */
export function scoreAccount(account: Account, icp: IcpInput, attributes: Attribute[], locale: Locale): ScoreResult {
  const compiled = getCompiledIcp(icp, attributes, locale);
  return explainEvaluation(compiled, evaluate(compiled, account), account, attributes);
}

/**
 * Scores an account against every active ICP (every ICP with `includeInactive`), best fit first:
 * verdict fit, then unknown, then out; then the higher score. `best` is undefined without ICPs.
 */
export function scoreBestFit(
  account: Account,
  icps: readonly IcpInput[],
  attributes: Attribute[],
  locale: Locale,
  options: { includeInactive?: boolean } = {},
): { best?: ScoreResult; results: ScoreResult[] } {
  const scored = icps.filter((icp) => options.includeInactive || icp.data.status === 'active');
  const results = scored.map((icp) => scoreAccount(account, icp, attributes, locale)).sort(compareEvaluations);
  const [best] = results;
  return best ? { best, results } : { results };
}
