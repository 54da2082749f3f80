import type { Attribute } from '../../schemas/attribute.ts';
import type { Filter } from '../../schemas/filter.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Signal } from '../../schemas/signal.ts';
import type { Tier } from '../../schemas/icp.ts';
import type { IcpEntry, PlaybookModel } from '../model/playbook-model.ts';
import { getFormatters } from '../format.ts';
import { impactMessages, type ImpactMessages } from '../i18n/impact.ts';
import { resolveMarket, type MarketLevel } from '../market.ts';
import { describeRule, formatPoints, joinList } from '../scoring/describe.ts';

/** The parts of a playbook the impact report compares. */
export type ImpactSide = Pick<PlaybookModel, 'settings' | 'attributes' | 'icps' | 'personas' | 'pages'>;

/** The rule changes of one ICP, in words. */
export interface IcpChanges {
  id: string;
  title: string;
  lines: string[];
}

/** What changed between two playbooks, in words, in the report's locale. */
export interface RuleChanges {
  icps: IcpChanges[];
  /** Personas, pages, attributes and settings changed, one line each. */
  other: string[];
  /** The changes worth the verdict line: tier thresholds and SAM moves. */
  headline: string[];
}

interface Context {
  locale: Locale;
  t: ImpactMessages;
  before: readonly Attribute[];
  after: readonly Attribute[];
}

function attributeOf(attributes: readonly Attribute[], id: string): Attribute {
  // Validated content names existing attributes; an id alone keeps the words readable otherwise.
  return attributes.find((a) => a.id === id) ?? { id, label: id, type: 'boolean' };
}

/**
 * Pairs the items of two lists: first by equal key (a label), then the rest by an equal
 * secondary key (the attribute), in order. Unpaired items are added or removed.
 */
export function pair<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  fallback: (item: T) => string,
) {
  const pairs: [T, T][] = [];
  const left = [...before];
  const added: T[] = [];
  const unmatched: T[] = [];
  for (const item of after) {
    const i = left.findIndex((other) => key(other) === key(item));
    if (i === -1) unmatched.push(item);
    else pairs.push([left.splice(i, 1)[0]!, item]);
  }
  for (const item of unmatched) {
    const i = left.findIndex((other) => fallback(other) === fallback(item));
    if (i === -1) added.push(item);
    else pairs.push([left.splice(i, 1)[0]!, item]);
  }
  return { pairs, added, removed: left };
}

function filterWords(filter: Filter, attributes: readonly Attribute[], locale: Locale): string {
  return describeRule(filter.rule, attributeOf(attributes, filter.attribute), locale);
}

function signalWords(signal: Signal, attributes: readonly Attribute[], locale: Locale): string {
  const attribute = attributeOf(attributes, signal.attribute);
  return signal.levels
    .map((level) => `${describeRule(level.rule, attribute, locale)} ${formatPoints(level.points, locale)}`)
    .join('; ');
}

function filterChanges(before: readonly Filter[], after: readonly Filter[], c: Context): string[] {
  const { t, locale } = c;
  const lines: string[] = [];
  const { pairs, added, removed } = pair(
    before,
    after,
    (f) => f.label,
    (f) => f.attribute,
  );
  for (const [a, b] of pairs) {
    if (a.label !== b.label) lines.push(t.renamed(t.filter, t.q(a.label), t.q(b.label)));
    const was = filterWords(a, c.before, locale);
    const now = filterWords(b, c.after, locale);
    if (was !== now) lines.push(t.filterChanged(t.q(b.label), was, now));
  }
  for (const f of added) lines.push(t.filterAdded(t.q(f.label), filterWords(f, c.after, locale)));
  for (const f of removed) lines.push(t.filterRemoved(t.q(f.label), filterWords(f, c.before, locale)));
  return lines;
}

function signalChanges(before: readonly Signal[], after: readonly Signal[], c: Context): string[] {
  const { t, locale } = c;
  const lines: string[] = [];
  const { pairs, added, removed } = pair(
    before,
    after,
    (s) => s.label,
    (s) => s.attribute,
  );
  for (const [a, b] of pairs) {
    if (a.label !== b.label) lines.push(t.renamed(t.signal, t.q(a.label), t.q(b.label)));
    const ruleOf = (s: Signal, attributes: readonly Attribute[]) =>
      s.levels.map((level) => describeRule(level.rule, attributeOf(attributes, s.attribute), locale)).join('; ');
    const sameRules = ruleOf(a, c.before) === ruleOf(b, c.after);
    if (sameRules && !a.graded && !b.graded) {
      const [was, now] = [a.levels[0]!.points, b.levels[0]!.points];
      if (was !== now) lines.push(t.signalPoints(t.q(b.label), formatPoints(was, locale), formatPoints(now, locale)));
      continue;
    }
    const was = signalWords(a, c.before, locale);
    const now = signalWords(b, c.after, locale);
    if (was !== now) lines.push(t.signalRule(t.q(b.label), was, now));
  }
  for (const s of added) lines.push(t.signalAdded(t.q(s.label), signalWords(s, c.after, locale)));
  for (const s of removed) lines.push(t.signalRemoved(t.q(s.label), signalWords(s, c.before, locale)));
  return lines;
}

function tierChanges(
  before: readonly Tier[],
  after: readonly Tier[],
  c: Context,
  title: string,
  headline: string[],
): string[] {
  const { t } = c;
  const { number } = getFormatters(c.locale);
  const lines: string[] = [];
  const { pairs, added, removed } = pair(
    before,
    after,
    (tier) => tier.label,
    () => '\u0000',
  );
  for (const [a, b] of pairs) {
    if (a.min === b.min) continue;
    lines.push(t.tierMin(t.q(b.label), number(a.min), number(b.min)));
    headline.push(t.tierNeeds(b.label, title, number(b.min)));
  }
  for (const tier of added) lines.push(t.tierAdded(t.q(tier.label), number(tier.min)));
  for (const tier of removed) lines.push(t.tierRemoved(t.q(tier.label), number(tier.min)));
  return lines;
}

/** A market figure in words: accounts when counted bottom-up, else money. */
function figureWords(
  icp: IcpEntry,
  level: MarketLevel,
  locale: Locale,
  t: ImpactMessages,
): { text: string; amount: number } | undefined {
  const market = icp.data.market;
  if (!market) return undefined;
  const { figures } = resolveMarket(market);
  const figure = figures?.[level];
  if (!figure) return undefined;
  const f = getFormatters(locale);
  if (figure.accounts !== undefined) return { text: t.accounts(f.number(figure.accounts)), amount: figure.accounts };
  return { text: f.moneyCompact(figure.value, market.currency), amount: figure.value };
}

function marketChanges(a: IcpEntry, b: IcpEntry, c: Context, headline: string[]): string[] {
  const { t, locale } = c;
  if (!a.data.market && !b.data.market) return [];
  if (!a.data.market) return [t.marketAdded];
  if (!b.data.market) return [t.marketRemoved];
  const lines: string[] = [];
  for (const level of ['tam', 'sam', 'som'] as const) {
    const was = figureWords(a, level, locale, t);
    const now = figureWords(b, level, locale, t);
    if (!was || !now || was.text === now.text) continue;
    lines.push(t.marketChanged(level.toUpperCase(), was.text, now.text));
    // A percentage only between two counts of the same kind (accounts, or money).
    const sameKind = (a.data.market[level].accounts === undefined) === (b.data.market[level].accounts === undefined);
    if (level === 'sam' && sameKind && was.amount > 0) {
      const change = (now.amount - was.amount) / was.amount;
      const percent = getFormatters(locale).percent(Math.abs(change), 1);
      headline.push(t.samChange(b.data.title, was.text, now.text, `${change < 0 ? '\u2212' : '+'}${percent}`));
    }
  }
  return lines;
}

function icpChanges(
  a: IcpEntry | undefined,
  b: IcpEntry | undefined,
  c: Context,
  headline: string[],
): IcpChanges | undefined {
  const { t } = c;
  const entry = (b ?? a)!;
  if (!a) return { id: entry.id, title: entry.data.title, lines: [t.icpAdded(entry.data.status)] };
  if (!b) return { id: entry.id, title: entry.data.title, lines: [t.icpRemoved] };
  const lines: string[] = [];
  if (a.data.title !== b.data.title) lines.push(t.titleChanged(a.data.title, b.data.title));
  if (a.data.status !== b.data.status) lines.push(t.statusChanged(a.data.status, b.data.status));
  lines.push(...filterChanges(a.data.filters, b.data.filters, c));
  lines.push(...signalChanges(a.data.signals, b.data.signals, c));
  lines.push(...tierChanges(a.data.tiers, b.data.tiers, c, b.data.title, headline));
  lines.push(...marketChanges(a, b, c, headline));
  return lines.length === 0 ? undefined : { id: b.id, title: b.data.title, lines };
}

/** Object keys whose values differ (as JSON), sorted. */
function changedKeys(a: object, b: object): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter(
    (key) =>
      JSON.stringify((a as Record<string, unknown>)[key]) !== JSON.stringify((b as Record<string, unknown>)[key]),
  );
}

/** Added, removed and changed entries of a kind (personas, pages), by id, with the fields changed. */
function entryChanges(
  kind: string,
  before: readonly { id: string; data: object; body: string }[],
  after: readonly { id: string; data: object; body: string }[],
  c: Context,
): string | undefined {
  const { t, locale } = c;
  const byId = new Map(before.map((entry) => [entry.id, entry]));
  const afterIds = new Set(after.map((entry) => entry.id));
  const added = after
    .filter((entry) => !byId.has(entry.id))
    .map((entry) => entry.id)
    .sort();
  const removed = before
    .filter((entry) => !afterIds.has(entry.id))
    .map((entry) => entry.id)
    .sort();
  const changed = after
    .filter((entry) => byId.has(entry.id))
    .map((entry) => {
      const old = byId.get(entry.id)!;
      const fields = changedKeys(old.data, entry.data);
      if (old.body !== entry.body) fields.push(t.body);
      return fields.length === 0 ? undefined : t.fieldsChanged(entry.id, fields.join(', '));
    })
    .filter((line): line is string => line !== undefined)
    .sort();
  const parts = [
    added.length > 0 ? t.added(joinList(added, locale)) : undefined,
    removed.length > 0 ? t.removed(joinList(removed, locale)) : undefined,
    changed.length > 0 ? t.changed(changed.join('; ')) : undefined,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? undefined : `${kind}: ${parts.join('; ')}`;
}

function optionIds(attribute: Attribute): string[] {
  return attribute.type === 'choice' || attribute.type === 'choices' ? attribute.options.map((o) => o.id) : [];
}

function attributeChanges(c: Context): string | undefined {
  const { t, locale } = c;
  const entries = (list: readonly Attribute[]) =>
    list.map((attribute) => ({ id: attribute.id, data: attribute, body: '' }));
  const summary = entryChanges(t.attributes, entries(c.before), entries(c.after), c);
  if (!summary) return undefined;
  // Options are what rules read: name the ones added and removed.
  const details: string[] = [];
  for (const b of c.after) {
    const a = c.before.find((attribute) => attribute.id === b.id);
    if (!a) continue;
    const was = optionIds(a);
    const now = optionIds(b);
    const added = now.filter((id) => !was.includes(id));
    const removed = was.filter((id) => !now.includes(id));
    if (added.length > 0) details.push(`${b.id}: ${t.optionsAdded(joinList(added, locale))}`);
    if (removed.length > 0) details.push(`${b.id}: ${t.optionsRemoved(joinList(removed, locale))}`);
  }
  return details.length === 0 ? summary : `${summary} — ${details.join('; ')}`;
}

/**
 * Compares two playbooks and says what changed in words: per ICP the filters, signals, levels,
 * points, tiers and market figures; then personas, pages, attributes and settings.
 * @example compareRules(base, head, 'en').icps[0].lines // ['Filter “50 to 1,000 employees”: Employees between 50 and 1,000 people → Employees between 80 and 1,000 people']
 */
export function compareRules(before: ImpactSide, after: ImpactSide, locale: Locale): RuleChanges {
  const t = impactMessages[locale];
  const c: Context = { locale, t, before: before.attributes, after: after.attributes };
  const headline: string[] = [];
  const ids = [
    ...after.icps.map((icp) => icp.id),
    ...before.icps.map((icp) => icp.id).filter((id) => !after.icps.some((icp) => icp.id === id)),
  ];
  const icps = ids
    .map((id) =>
      icpChanges(
        before.icps.find((icp) => icp.id === id),
        after.icps.find((icp) => icp.id === id),
        c,
        headline,
      ),
    )
    .filter((change): change is IcpChanges => change !== undefined);
  const settings = changedKeys(before.settings, after.settings);
  const other = [
    entryChanges(t.personas, before.personas, after.personas, c),
    entryChanges(t.pages, before.pages, after.pages, c),
    attributeChanges(c),
    settings.length > 0 ? `${t.settings}: ${settings.join(', ')}` : undefined,
  ].filter((line): line is string => line !== undefined);
  return { icps, other, headline };
}
