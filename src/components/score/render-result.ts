// The widget's result panel as an HTML string: the same function renders it at build time (so
// the page shows a result before any script runs) and in the browser on every change.
import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../../schemas/playbook.ts';
import { getFormatters } from '../../lib/format.ts';
import { scoringMessages } from '../../lib/i18n/scoring.ts';
import { fillTemplate, type WidgetStrings } from '../../lib/i18n/widget.ts';
import { bestSummary, describeRule, describeValue } from '../../lib/scoring/score-account.ts';
import type { FilterOutcome, ScoreResult, SignalResult, Verdict } from '../../lib/scoring/types.ts';
import type { AccountLabel } from '../../lib/scoring/url-state.ts';
import type { WidgetContact } from './widget-model.ts';

/** What the renderer needs besides the results. */
export interface RenderContext {
  attributes: Attribute[];
  locale: Locale;
  strings: WidgetStrings;
  /** ICP titles by id. */
  titles: Readonly<Record<string, string>>;
  /** Level of the Filters / Signals headings (one below the widget's own titles). */
  subheadLevel: number;
  /** Who to call about a fitting account, by ICP id (champion, then economic buyer). */
  contacts?: Readonly<Record<string, readonly WidgetContact[]>> | undefined;
  /** Which account is scored, as the rep named it. */
  account?: AccountLabel | undefined;
  /** ICPs whose every signal row the rep asked to see (past {@link SIGNAL_ROWS}). */
  allSignals?: ReadonlySet<string> | undefined;
}

/**
 * What a result may claim, from what was answered: `empty` before any filter or signal has an
 * answer (no verdict, no tier), else the engine's verdict.
 */
export type ResultState = 'empty' | Verdict;

/** The state to show: `empty` until at least one filter or signal of this ICP is answered. */
export function resultState(result: Pick<ScoreResult, 'verdict' | 'filters' | 'signals'>): ResultState {
  const answered = result.filters.some((f) => f.outcome !== 'unknown') || result.signals.some((s) => s.answered);
  return answered ? result.verdict : 'empty';
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

function verdictBadge(state: ResultState, context: Pick<RenderContext, 'locale' | 'strings'>, size = ''): string {
  if (state === 'empty') return `<span class="sw-verdict sw-verdict--empty${size}"><span class="sw-verdict__icon" aria-hidden="true">…</span>${escapeHtml(context.strings.emptyBadge)}</span>`;
  const label = scoringMessages[context.locale].verdicts[state];
  return `<span class="sw-verdict sw-verdict--${state}${size}"><span class="sw-verdict__icon" aria-hidden="true">${VERDICT_ICON[state]}</span>${escapeHtml(label)}</span>`;
}

/** The tier as far as the answers support it: firm when fit, "if confirmed" when unknown, none otherwise. */
function tierBadge(result: ScoreResult, state: ResultState, strings: WidgetStrings, showNone: boolean): string {
  if (result.tier && state === 'fit') return `<span class="sw-tier">${escapeHtml(result.tier.label)}</span>`;
  if (result.tier && state === 'unknown') {
    return `<span class="sw-tier sw-tier--provisional">${escapeHtml(result.tier.label)}</span><span class="sw-tier__note">${escapeHtml(strings.provisional)}</span>`;
  }
  return showNone && state === 'out' ? `<span class="sw-tier sw-tier--none">${escapeHtml(strings.noTier)}</span>` : '';
}

/** The tier in words as far as the answers support it: `Tier 2`, `Tier 2 if confirmed`, or nothing. */
function tierWords(result: ScoreResult, state: ResultState, strings: WidgetStrings): string | undefined {
  if (!result.tier) return undefined;
  if (state === 'fit') return result.tier.label;
  if (state === 'unknown') return `${result.tier.label} ${strings.provisional}`;
  return undefined;
}

/** The one-line announcement: `Fit · Tier 1 · 82 of 100`; empty before any answer. */
export function announcement(result: ScoreResult, context: Pick<RenderContext, 'locale' | 'strings'>): string {
  const { locale, strings } = context;
  const state = resultState(result);
  if (state === 'empty') return strings.emptyBadge;
  const score = fillTemplate(strings.announceScore, { score: getFormatters(locale).number(result.score) });
  return [scoringMessages[locale].verdicts[result.verdict], tierWords(result, state, strings), score].filter(Boolean).join(' · ');
}

/** `Acme SAS (acme.fr)`, `Acme SAS`, `acme.fr`, or undefined. */
export function accountWords(account: AccountLabel | undefined): string | undefined {
  if (!account) return undefined;
  if (account.name && account.domain) return `${account.name} (${account.domain})`;
  return account.name ?? account.domain;
}

/** The failed filters, each with the value that failed it: what keeps an `out` account out. */
function keptOut(result: ScoreResult, context: Pick<RenderContext, 'locale' | 'strings'>): string {
  const { strings, locale } = context;
  const failed = result.filters.filter((f) => f.outcome === 'fail');
  const items = failed.map((f) => `<li><strong>${escapeHtml(f.filter.label)}</strong> — ${escapeHtml(f.explanation)}</li>`).join('');
  const quote = (text: string) => (locale === 'fr' ? `«\u202f${text}\u202f»` : `“${text}”`);
  const names = failed.map((f) => quote(f.filter.label)).join(', ');
  return `<div class="sw-kept-out"><p class="sw-kept-out__lead">${escapeHtml(fillTemplate(strings.keptOutBy, { filters: names }))}</p><ul class="sw-kept-out__list">${items}</ul></div>`;
}

/** The tier's action and the personas to call, for an account that fits. */
function nextSteps(result: ScoreResult, context: RenderContext): string {
  const { strings } = context;
  const h = `h${context.subheadLevel}`;
  const action = result.tier?.action;
  const contacts = context.contacts?.[result.icpId] ?? [];
  if (!action && contacts.length === 0) return '';
  const people = contacts
    .map((c) => {
      const objection = c.objection
        ? `<p class="sw-contact__objection"><span class="sw-contact__tag">${escapeHtml(strings.topObjection)}</span> “${escapeHtml(c.objection.objection)}”</p><p class="sw-contact__answer"><span class="sw-contact__tag">${escapeHtml(strings.answer)}</span> ${escapeHtml(c.objection.answer)}</p>`
        : '';
      return `<li class="sw-contact"><p class="sw-contact__who"><span class="sw-contact__role">${escapeHtml(c.role)}</span> <a href="${escapeHtml(c.href)}">${escapeHtml(c.name)}, ${escapeHtml(c.title)}</a></p>${objection}</li>`;
    })
    .join('');
  return [
    `<div class="sw-next">`,
    `<${h} class="sw-subhead">${escapeHtml(strings.nextTitle)}</${h}>`,
    action ? `<p class="sw-action">${escapeHtml(action)}</p>` : '',
    contacts.length > 0 ? `<p class="sw-next__label">${escapeHtml(strings.whoToCall)}</p><ul class="sw-contacts">${people}</ul>` : '',
    `</div>`,
  ].join('');
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

/** The full explanation of one result: verdict, score and best, tier, next steps, filters, signals. */
export function renderResultBody(result: ScoreResult, context: RenderContext): string {
  const { locale, strings, attributes } = context;
  const { number } = getFormatters(locale);
  const state = resultState(result);
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
  // Confirming answers cannot bring an account back once a filter fails: no "up to" for out.
  const canGrow = state !== 'out' && result.best > result.score;
  const bestPct = canGrow ? Math.max(scorePct, Math.min(100, result.best)) : scorePct;
  const who = accountWords(context.account);
  const scoreBlock =
    state === 'empty'
      ? ''
      : [
          `<div class="sw-score"><p class="sw-score__line"><span class="sw-score__value">${score}</span><span class="sw-score__of">${escapeHtml(strings.outOf)}</span>`,
          canGrow ? `<span class="sw-score__best">${escapeHtml(fillTemplate(strings.upTo, { best }))}</span>` : '',
          // An SVG meter: widths as SVG attributes, so a strict CSP (no style attributes) allows it.
          `</p><svg class="sw-meter" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="sw-meter__best" width="${bestPct}" height="10"/><rect class="sw-meter__score" width="${scorePct}" height="10"/></svg>`,
          state === 'out' ? keptOut(result, context) : `<p class="sw-summary">${escapeHtml(bestSummary(result, attributes, locale))}</p>`,
          `</div>`,
        ].join('');
  return [
    who ? `<p class="sw-account" data-account>${escapeHtml(who)}</p>` : '',
    `<div class="sw-head">${verdictBadge(state, context, ' sw-verdict--large')}${tierBadge(result, state, strings, true)}</div>`,
    `<p class="sw-lead">${escapeHtml(state === 'empty' ? strings.emptyLead : strings.verdictLead[state])}</p>`,
    scoreBlock,
    state === 'fit' ? nextSteps(result, context) : '',
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
  const state = resultState(result);
  return `<div class="sw-card sw-card--${state}" data-verdict="${result.verdict}" data-state="${state}">${renderResultBody(result, context)}</div>`;
}

/**
 * Every ICP's result, best fit first, each a disclosure; `open` holds the ids to show expanded
 * (the best fit, plus any the rep opened).
 */
export function renderList(results: readonly ScoreResult[], context: RenderContext, open: ReadonlySet<string>): string {
  if (results.length === 0) return `<p class="sw-empty">${escapeHtml(context.strings.noIcp)}</p>`;
  const { number } = getFormatters(context.locale);
  // The account is named once above the list, not in every ICP's body.
  const who = accountWords(context.account);
  const inner = { ...context, account: undefined };
  const items = results.map((result) => {
    const title = context.titles[result.icpId] ?? result.icpId;
    const isOpen = open.has(result.icpId);
    const state = resultState(result);
    const scoreText = state === 'empty' ? '' : `<span class="sw-icp__score"><strong>${number(result.score)}</strong>${escapeHtml(context.strings.outOf)}</span>`;
    return `<li><details class="sw-icp sw-card sw-card--${state}" data-icp="${escapeHtml(result.icpId)}" data-verdict="${result.verdict}" data-state="${state}"${isOpen ? ' open' : ''}><summary class="sw-icp__summary"><span class="sw-icp__title">${escapeHtml(title)}</span><span class="sw-icp__meta">${verdictBadge(state, context)}${tierBadge(result, state, context.strings, false)}${scoreText}</span></summary><div class="sw-icp__body">${renderResultBody(result, inner)}</div></details></li>`;
  });
  return `${who ? `<p class="sw-account" data-account>${escapeHtml(who)}</p>` : ''}<ol class="sw-list">${items.join('')}</ol>`;
}
