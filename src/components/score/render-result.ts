// The widget's result panel as an HTML string: the same function renders it at build time (so
// the page shows a result before any script runs) and in the browser on every change.
import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../../schemas/playbook.ts';
import { getFormatters } from '../../lib/format.ts';
import { percentClass } from '../../lib/percent-class.ts';
import { scoringMessages } from '../../lib/i18n/scoring.ts';
import { fillTemplate, type WidgetStrings } from '../../lib/i18n/widget.ts';
import { bestSummary, describeRule, describeValue } from '../../lib/scoring/score-account.ts';
import type { FilterOutcome, ScoreResult, SignalResult, Verdict } from '../../lib/scoring/types.ts';

/** What the renderer needs besides the results. */
export interface RenderContext {
  attributes: Attribute[];
  locale: Locale;
  strings: WidgetStrings;
  /** ICP titles by id. */
  titles: Readonly<Record<string, string>>;
  /** Level of the Filters / Signals headings (one below the widget's own titles). */
  subheadLevel: number;
  /** ICPs whose every signal row the rep asked to see (past {@link SIGNAL_ROWS}). */
  allSignals?: ReadonlySet<string> | undefined;
}

/**
 * Signal rows shown per ICP until the rep asks for all. The result is redrawn on every
 * keystroke: thousands of table rows (an ICP with 10,000 signals) took seconds each time.
 */
export const SIGNAL_ROWS = 50;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const VERDICT_ICON: Record<Verdict, string> = { fit: '✓', unknown: '?', out: '✕' };
const OUTCOME_ICON: Record<FilterOutcome, string> = { pass: '✓', unknown: '?', fail: '✕' };
const OUTCOME_ORDER: Record<FilterOutcome, number> = { fail: 0, unknown: 1, pass: 2 };

function verdictBadge(verdict: Verdict, locale: Locale, size = ''): string {
  const label = scoringMessages[locale].verdicts[verdict];
  return `<span class="sw-verdict sw-verdict--${verdict}${size}"><span class="sw-verdict__icon" aria-hidden="true">${VERDICT_ICON[verdict]}</span>${escapeHtml(label)}</span>`;
}

function tierBadge(result: ScoreResult, strings: WidgetStrings): string {
  return result.tier
    ? `<span class="sw-tier">${escapeHtml(result.tier.label)}</span>`
    : `<span class="sw-tier sw-tier--none">${escapeHtml(strings.noTier)}</span>`;
}

/** The one-line announcement: `Fit · Tier 1 · 82 of 100`. */
export function announcement(result: ScoreResult, context: Pick<RenderContext, 'locale' | 'strings'>): string {
  const { locale, strings } = context;
  const score = fillTemplate(strings.announceScore, { score: getFormatters(locale).number(result.score) });
  return [scoringMessages[locale].verdicts[result.verdict], result.tier?.label, score].filter(Boolean).join(' · ');
}

function signalDetail(result: SignalResult, context: RenderContext): string {
  const { locale, strings, attributes } = context;
  const attribute = attributes.find((a) => a.id === result.signal.attribute);
  if (!attribute) return escapeHtml(result.explanation);
  if (!result.answered) return escapeHtml(strings.unanswered);
  const seen = escapeHtml(describeValue(result.value, attribute, locale));
  if (result.level !== undefined) {
    const level = result.signal.levels[result.level];
    if (level) return `${escapeHtml(describeRule(level.rule, attribute, locale))} · ${seen}`;
  }
  return seen;
}

function signalPoints(result: SignalResult, context: RenderContext): string {
  const { points } = getFormatters(context.locale);
  if (!result.answered) {
    return result.bestPoints > 0 ? `<span class="sw-points sw-points--open">${escapeHtml(fillTemplate(context.strings.upTo, { best: points(result.bestPoints) }))}</span>` : '<span class="sw-points sw-points--open">—</span>';
  }
  const kind = result.points > 0 ? 'pos' : result.points < 0 ? 'neg' : 'zero';
  const text = points(result.points);
  return `<span class="sw-points sw-points--${kind}">${text}</span>`;
}

/** The full explanation of one result: verdict, score and best, tier, filters, signals. */
export function renderResultBody(result: ScoreResult, context: RenderContext): string {
  const { locale, strings, attributes } = context;
  const { number } = getFormatters(locale);
  const score = number(result.score);
  const best = number(result.best);
  const passed = result.filters.filter((f) => f.outcome === 'pass').length;
  const filters = [...result.filters]
    .sort((a, b) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome])
    .map(
      (f) =>
        `<li class="sw-filter sw-filter--${f.outcome}"><span class="sw-filter__icon" aria-hidden="true">${OUTCOME_ICON[f.outcome]}</span><span><span class="sw-filter__label">${escapeHtml(f.filter.label)}</span><span class="sw-filter__why">${escapeHtml(f.explanation)}</span></span></li>`,
    )
    .join('');
  const showAll = result.signals.length <= SIGNAL_ROWS || (context.allSignals?.has(result.icpId) ?? false);
  const hidden = showAll ? 0 : result.signals.length - SIGNAL_ROWS;
  const signals = (showAll ? result.signals : result.signals.slice(0, SIGNAL_ROWS))
    .map(
      (s) =>
        `<tr class="${s.answered ? '' : 'sw-row--open'}"><td><span class="sw-signal__label">${escapeHtml(s.signal.label)}</span><span class="sw-signal__why">${signalDetail(s, context)}</span></td><td class="num">${signalPoints(s, context)}</td></tr>`,
    )
    .join('');
  const h = `h${context.subheadLevel}`;
  const scorePct = Math.max(0, Math.min(100, result.score));
  const bestPct = Math.max(scorePct, Math.min(100, result.best));
  return [
    `<div class="sw-head">${verdictBadge(result.verdict, locale, ' sw-verdict--large')}${tierBadge(result, strings)}</div>`,
    `<p class="sw-lead">${escapeHtml(strings.verdictLead[result.verdict])}</p>`,
    `<div class="sw-score"><p class="sw-score__line"><span class="sw-score__value">${score}</span><span class="sw-score__of">${escapeHtml(strings.outOf)}</span>`,
    result.best > result.score ? `<span class="sw-score__best">${escapeHtml(fillTemplate(strings.upTo, { best }))}</span>` : '',
    `</p><div class="sw-meter" aria-hidden="true"><span class="sw-meter__best ${percentClass(bestPct)}"></span><span class="sw-meter__score ${percentClass(scorePct)}"></span></div>`,
    `<p class="sw-summary">${escapeHtml(bestSummary(result, attributes, locale))}</p></div>`,
    `<${h} class="sw-subhead">${escapeHtml(strings.filters)} <span class="sw-subhead__count">${escapeHtml(fillTemplate(strings.filtersPassed, { passed, total: result.filters.length }))}</span></${h}>`,
    `<ul class="sw-filters">${filters}</ul>`,
    `<${h} class="sw-subhead">${escapeHtml(strings.signals)}</${h}>`,
    `<table class="sw-signals"><thead><tr><th scope="col">${escapeHtml(strings.signal)}</th><th scope="col" class="num">${escapeHtml(strings.points)}</th></tr></thead><tbody>${signals}</tbody></table>`,
    hidden > 0
      ? `<p class="sw-more"><button type="button" class="sw-more__button" data-all-signals="${escapeHtml(result.icpId)}">${escapeHtml(fillTemplate(strings.showAllSignals, { count: number(result.signals.length), hidden: number(hidden) }))}</button></p>`
      : '',
  ].join('');
}

/** One ICP's result, as shown on its own page. */
export function renderSingle(result: ScoreResult, context: RenderContext): string {
  return `<div class="sw-card sw-card--${result.verdict}" data-verdict="${result.verdict}">${renderResultBody(result, context)}</div>`;
}

/**
 * Every ICP's result, best fit first, each a disclosure; `open` holds the ids to show expanded
 * (the best fit, plus any the rep opened).
 */
export function renderList(results: readonly ScoreResult[], context: RenderContext, open: ReadonlySet<string>): string {
  if (results.length === 0) return `<p class="sw-empty">${escapeHtml(context.strings.noIcp)}</p>`;
  const { number } = getFormatters(context.locale);
  const items = results.map((result) => {
    const title = context.titles[result.icpId] ?? result.icpId;
    const isOpen = open.has(result.icpId);
    return `<li><details class="sw-icp sw-card sw-card--${result.verdict}" data-icp="${escapeHtml(result.icpId)}" data-verdict="${result.verdict}"${isOpen ? ' open' : ''}><summary class="sw-icp__summary"><span class="sw-icp__title">${escapeHtml(title)}</span><span class="sw-icp__meta">${verdictBadge(result.verdict, context.locale)}${result.tier ? `<span class="sw-tier">${escapeHtml(result.tier.label)}</span>` : ''}<span class="sw-icp__score"><strong>${number(result.score)}</strong>${escapeHtml(context.strings.outOf)}</span></span></summary><div class="sw-icp__body">${renderResultBody(result, context)}</div></details></li>`;
  });
  return `<ol class="sw-list">${items.join('')}</ol>`;
}
