// The widget's result panel as an HTML string: the same function renders it at build time (so
// the page shows a result before any script runs) and in the browser on every change. Built with
// the `html` template, which escapes every value: labels and answers never become markup.
import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { getFormatters } from '../../lib/format.ts';
import { scoringMessages } from '../../lib/i18n/scoring.ts';
import { fillTemplate, type WidgetStrings } from '../../lib/i18n/widget.ts';
import { bestSummary, describeRule, describeValue } from '../../lib/scoring/score-account.ts';
import type { FilterOutcome, ScoreResult, SignalResult, Verdict } from '../../lib/scoring/types.ts';
import type { AccountLabel } from '../../lib/scoring/url-state.ts';
import type { WidgetContact } from './widget-model.ts';
import { html, type Html } from '../../lib/html.ts';

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

const VERDICT_ICON: Record<Verdict, string> = { fit: '✓', unknown: '?', out: '✕' };
const OUTCOME_ICON: Record<FilterOutcome, string> = { pass: '✓', unknown: '?', fail: '✕' };
const OUTCOME_ORDER: Record<FilterOutcome, number> = { fail: 0, unknown: 1, pass: 2 };

function verdictBadge(state: ResultState, context: Pick<RenderContext, 'locale' | 'strings'>, size = ''): Html {
  if (state === 'empty')
    return html`<span class="sw-verdict sw-verdict--empty${size}"><span class="sw-verdict__icon" aria-hidden="true">…</span>${context.strings.emptyBadge}</span>`;
  const label = scoringMessages[context.locale].verdicts[state];
  return html`<span class="sw-verdict sw-verdict--${state}${size}"><span class="sw-verdict__icon" aria-hidden="true">${VERDICT_ICON[state]}</span>${label}</span>`;
}

/** The tier as far as the answers support it: firm when fit, "if confirmed" when unknown, none otherwise. */
function tierBadge(
  result: ScoreResult,
  state: ResultState,
  strings: WidgetStrings,
  showNone: boolean,
): Html | undefined {
  if (result.tier && state === 'fit') return html`<span class="sw-tier">${result.tier.label}</span>`;
  if (result.tier && state === 'unknown') {
    return html`<span class="sw-tier sw-tier--provisional">${result.tier.label}</span><span class="sw-tier__note">${strings.provisional}</span>`;
  }
  return showNone && state === 'out' ? html`<span class="sw-tier sw-tier--none">${strings.noTier}</span>` : undefined;
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
  return [scoringMessages[locale].verdicts[result.verdict], tierWords(result, state, strings), score]
    .filter(Boolean)
    .join(' · ');
}

/** `Acme SAS (acme.fr)`, `Acme SAS`, `acme.fr`, or undefined. */
export function accountWords(account: AccountLabel | undefined): string | undefined {
  if (!account) return undefined;
  if (account.name && account.domain) return `${account.name} (${account.domain})`;
  return account.name ?? account.domain;
}

/** The failed filters, each with the value that failed it: what keeps an `out` account out. */
function keptOut(result: ScoreResult, context: Pick<RenderContext, 'locale' | 'strings'>): Html {
  const { strings, locale } = context;
  const failed = result.filters.filter((f) => f.outcome === 'fail');
  const items = failed.map((f) => html`<li><strong>${f.filter.label}</strong> — ${f.explanation}</li>`);
  const quote = (text: string) => (locale === 'fr' ? `«\u202f${text}\u202f»` : `“${text}”`);
  const names = failed.map((f) => quote(f.filter.label)).join(', ');
  return html`<div class="sw-kept-out"><p class="sw-kept-out__lead">${fillTemplate(strings.keptOutBy, { filters: names })}</p><ul class="sw-kept-out__list">${items}</ul></div>`;
}

/** The tier's action and the personas to call, for an account that fits. */
function nextSteps(result: ScoreResult, context: RenderContext): Html | undefined {
  const { strings } = context;
  const h = `h${context.subheadLevel}`;
  const action = result.tier?.action;
  const contacts = context.contacts?.[result.icpId] ?? [];
  if (!action && contacts.length === 0) return undefined;
  const people = contacts.map((c) => {
    const objection =
      c.objection &&
      html`<p class="sw-contact__objection"><span class="sw-contact__tag">${strings.topObjection}</span> “${c.objection.objection}”</p><p class="sw-contact__answer"><span class="sw-contact__tag">${strings.answer}</span> ${c.objection.answer}</p>`;
    return html`<li class="sw-contact"><p class="sw-contact__who"><span class="sw-contact__role">${c.role}</span> <a href="${c.href}">${c.name}, ${c.title}</a></p>${objection}</li>`;
  });
  return html`<div class="sw-next"><${h} class="sw-subhead">${strings.nextTitle}</${h}>${action && html`<p class="sw-action">${action}</p>`}${contacts.length > 0 && html`<p class="sw-next__label">${strings.whoToCall}</p><ul class="sw-contacts">${people}</ul>`}</div>`;
}

function signalDetail(result: SignalResult, context: RenderContext): string {
  const { locale, strings, attributes } = context;
  const attribute = attributes.find((a) => a.id === result.signal.attribute);
  if (!attribute) return result.explanation;
  if (!result.answered) return strings.unanswered;
  const seen = describeValue(result.value, attribute, locale);
  if (result.level !== undefined) {
    const level = result.signal.levels[result.level];
    if (level) return `${describeRule(level.rule, attribute, locale)} · ${seen}`;
  }
  return seen;
}

function signalPoints(result: SignalResult, context: RenderContext): Html {
  const { points } = getFormatters(context.locale);
  if (!result.answered) {
    return result.bestPoints > 0
      ? html`<span class="sw-points sw-points--open">${fillTemplate(context.strings.upTo, { best: points(result.bestPoints) })}</span>`
      : html`<span class="sw-points sw-points--open">—</span>`;
  }
  const kind = result.points > 0 ? 'pos' : result.points < 0 ? 'neg' : 'zero';
  return html`<span class="sw-points sw-points--${kind}">${points(result.points)}</span>`;
}

/** The full explanation of one result: verdict, score and best, tier, next steps, filters, signals. */
function resultBody(result: ScoreResult, context: RenderContext): Html {
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
        html`<li class="sw-filter sw-filter--${f.outcome}"><span class="sw-filter__icon" aria-hidden="true">${OUTCOME_ICON[f.outcome]}</span><span><span class="sw-filter__label">${f.filter.label}</span><span class="sw-filter__why">${f.explanation}</span></span></li>`,
    );
  const showAll = result.signals.length <= SIGNAL_ROWS || (context.allSignals?.has(result.icpId) ?? false);
  const hidden = showAll ? 0 : result.signals.length - SIGNAL_ROWS;
  const signals = (showAll ? result.signals : result.signals.slice(0, SIGNAL_ROWS)).map(
    (s) =>
      html`<tr class="${s.answered ? '' : 'sw-row--open'}"><td><span class="sw-signal__label">${s.signal.label}</span><span class="sw-signal__why">${signalDetail(s, context)}</span></td><td class="num">${signalPoints(s, context)}</td></tr>`,
  );
  const h = `h${context.subheadLevel}`;
  const scorePct = Math.max(0, Math.min(100, result.score));
  // Confirming answers cannot bring an account back once a filter fails: no "up to" for out.
  const canGrow = state !== 'out' && result.best > result.score;
  const bestPct = canGrow ? Math.max(scorePct, Math.min(100, result.best)) : scorePct;
  const who = accountWords(context.account);
  // An SVG meter: widths as SVG attributes, so a strict CSP (no style attributes) allows it.
  const scoreBlock =
    state !== 'empty' &&
    html`<div class="sw-score"><p class="sw-score__line"><span class="sw-score__value">${score}</span><span class="sw-score__of">${strings.outOf}</span>${canGrow && html`<span class="sw-score__best">${fillTemplate(strings.upTo, { best })}</span>`}</p><svg class="sw-meter" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="sw-meter__best" width="${bestPct}" height="10"/><rect class="sw-meter__score" width="${scorePct}" height="10"/></svg>${state === 'out' ? keptOut(result, context) : html`<p class="sw-summary">${bestSummary(result, attributes, locale)}</p>`}</div>`;
  const more =
    hidden > 0 &&
    html`<p class="sw-more"><button type="button" class="sw-more__button" data-all-signals="${result.icpId}">${fillTemplate(strings.showAllSignals, { count: number(result.signals.length), hidden: number(hidden) })}</button></p>`;
  return html`${who && html`<p class="sw-account" data-account>${who}</p>`}<div class="sw-head">${verdictBadge(state, context, ' sw-verdict--large')}${tierBadge(result, state, strings, true)}</div><p class="sw-lead">${state === 'empty' ? strings.emptyLead : strings.verdictLead[state]}</p>${scoreBlock}${state === 'fit' && nextSteps(result, context)}<${h} class="sw-subhead">${strings.filters} <span class="sw-subhead__count">${fillTemplate(strings.filtersPassed, { passed, total: result.filters.length })}</span></${h}><ul class="sw-filters">${filters}</ul><${h} class="sw-subhead">${strings.signals}</${h}><table class="sw-signals"><thead><tr><th scope="col">${strings.signal}</th><th scope="col" class="num">${strings.points}</th></tr></thead><tbody>${signals}</tbody></table>${more}`;
}

/** One ICP's result, as shown on its own page. */
export function renderSingle(result: ScoreResult, context: RenderContext): string {
  const state = resultState(result);
  return String(
    html`<div class="sw-card sw-card--${state}" data-verdict="${result.verdict}" data-state="${state}">${resultBody(result, context)}</div>`,
  );
}

/**
 * Every ICP's result, best fit first, each a disclosure; `open` holds the ids to show expanded
 * (the best fit, plus any the rep opened).
 */
export function renderList(results: readonly ScoreResult[], context: RenderContext, open: ReadonlySet<string>): string {
  if (results.length === 0) return String(html`<p class="sw-empty">${context.strings.noIcp}</p>`);
  const { number } = getFormatters(context.locale);
  // The account is named once above the list, not in every ICP's body.
  const who = accountWords(context.account);
  const inner = { ...context, account: undefined };
  const items = results.map((result) => {
    const title = context.titles[result.icpId] ?? result.icpId;
    const state = resultState(result);
    const scoreText =
      state !== 'empty' &&
      html`<span class="sw-icp__score"><strong>${number(result.score)}</strong>${context.strings.outOf}</span>`;
    return html`<li><details class="sw-icp sw-card sw-card--${state}" data-icp="${result.icpId}" data-verdict="${result.verdict}" data-state="${state}"${open.has(result.icpId) && html` open`}><summary class="sw-icp__summary"><span class="sw-icp__title">${title}</span><span class="sw-icp__meta">${verdictBadge(state, context)}${tierBadge(result, state, context.strings, false)}${scoreText}</span></summary><div class="sw-icp__body">${resultBody(result, inner)}</div></details></li>`;
  });
  return String(html`${who && html`<p class="sw-account" data-account>${who}</p>`}<ol class="sw-list">${items}</ol>`);
}
