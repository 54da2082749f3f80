// The typed plan of a scoring query: what to read, which rules to test, which columns to
// write. Built once from the validated playbook, then compiled to each dialect's SQL
// (score-query.ts, staging-query.ts): the dialects differ in text only, never in meaning.
import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Rule } from '../../schemas/rule.ts';
import { bestPoints } from '../../schemas/operators.ts';
import { sqlMessages } from '../i18n/sql.ts';
import { selectIcps } from '../csv/score-csv.ts';
import type { IcpInput } from '../scoring/score-account.ts';
import { optionNames } from '../aliases.ts';
import { foldName } from './fold.ts';

/** An option of a choice(s) attribute and every folded name that reads as it. */
export interface PlanOption {
  id: string;
  label: string;
  /** Folded id, label and aliases, each claimed by this option only. */
  names: string[];
  /** Aliases as written (tried before folding, as the CSV reader's exact lookup). */
  exact: string[];
}

export interface PlanAttribute {
  id: string;
  label: string;
  type: Attribute['type'];
  unit?: string | undefined;
  /** Bounds of a number attribute: a staged value outside them is unreadable, as in the CSV reader. */
  min?: number | undefined;
  max?: number | undefined;
  options: PlanOption[];
}

export interface PlanRule {
  rule: Rule;
  points: number;
}

export interface PlanFilter {
  label: string;
  attribute: string;
  rule: Rule;
  /** Output column: the filter's outcome, TRUE / FALSE / NULL (unknown). */
  column: string;
}

export interface PlanSignal {
  label: string;
  attribute: string;
  /** One level for a plain signal; graded signals list theirs in declared order (first match wins). */
  levels: PlanRule[];
  best: number;
  /** Output column: the points earned, NULL when unanswered. */
  column: string;
}

export interface PlanIcp {
  id: string;
  title: string;
  /** Prefix of this ICP's columns: the id with `-` as `_`. */
  prefix: string;
  filters: PlanFilter[];
  signals: PlanSignal[];
  /** Highest first; the last has min 0. */
  tiers: { label: string; min: number }[];
}

/** Everything a dialect needs to write the scoring query. */
export interface SqlPlan {
  table: string;
  keys: string[];
  locale: Locale;
  attributes: PlanAttribute[];
  /** The ICPs scored, in playbook order (ties go to the first). */
  icps: PlanIcp[];
  /** Content hash of the attributes and ICPs scored: `icp_version`. */
  version: string;
  /**
   * Whether the table is the staging query's output: it then also holds, per number attribute,
   * a band's bounds (`<id>_lo`, `<id>_hi`) and per number and boolean attribute the text of a
   * cell that could not be read (`<id>_unreadable`). See {@link stagedColumns}. The ids of the
   * attributes read so (all of them for `--staged`; the text columns of a file for the CLI).
   */
  staged: ReadonlySet<string>;
}

/**
 * The companion columns the staging query writes beside an attribute's typed column: a band's
 * bounds (`51-200` → 51 and 200; `_hi` NULL for an open band such as `10001+`) and the trimmed
 * text of a cell that could not be read, so the reasons say "value not recognised: X".
 */
export function stagedColumns(attribute: Pick<PlanAttribute, 'id' | 'type'>): {
  lo?: string;
  hi?: string;
  unreadable?: string;
} {
  if (attribute.type === 'number')
    return { lo: `${attribute.id}_lo`, hi: `${attribute.id}_hi`, unreadable: `${attribute.id}_unreadable` };
  if (attribute.type === 'boolean') return { unreadable: `${attribute.id}_unreadable` };
  return {};
}

/** Columns every scoring query writes after the keys, in this order. */
export const RESULT_COLUMNS = ['icp', 'verdict', 'score', 'best', 'tier', 'provisional_tier', 'reasons'] as const;
/** Columns written last. */
export const TRAILING_COLUMNS = ['explanation', 'icp_version'] as const;

/** A mistake in what was asked (unknown ICP, clashing key): one message, for the user. */
export class SqlPlanError extends Error {
  override name = 'SqlPlanError';
}

export interface PlanOptions {
  attributes: readonly Attribute[];
  icps: readonly IcpInput[];
  locale: Locale;
  /** Score this ICP only (any status); default: best fit among active ICPs. */
  icpId?: string | undefined;
  table?: string | undefined;
  keys?: readonly string[] | undefined;
  /**
   * The table is the staging query's output (bands and unreadable texts in companion columns):
   * `true` for every attribute, or the ids of the attributes staged from text (typed columns hold no bands).
   */
  staged?: boolean | readonly string[] | undefined;
}

function planAttribute(attribute: Attribute): PlanAttribute {
  const base = { id: attribute.id, label: attribute.label, type: attribute.type };
  if (attribute.type === 'number')
    return { ...base, unit: attribute.unit, min: attribute.min, max: attribute.max, options: [] };
  if (attribute.type === 'boolean') return { ...base, options: [] };
  // Ids, labels and aliases, as the CSV reader's OptionIndex reads them: the first claim of a name wins.
  const claimed = new Set<string>();
  const names = new Map<string, string[]>(attribute.options.map((o) => [o.id, []]));
  for (const { name, option } of optionNames(attribute, 0)) {
    const folded = foldName(name);
    if (folded === '' || claimed.has(folded)) continue;
    claimed.add(folded);
    names.get(option)!.push(folded);
  }
  return {
    ...base,
    options: attribute.options.map((o) => ({
      id: o.id,
      label: o.label,
      names: names.get(o.id)!,
      exact: o.aliases ?? [],
    })),
  };
}

/** Labels made unique within a list (JSON keys): a repeated label gets ` (2)`, ` (3)`… */
function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}

/** 64-bit FNV-1a of a text, as 16 hex digits: stable across runs and machines. */
export function contentHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** JSON with object keys sorted, so the hash does not depend on key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Builds the plan of the scoring query for the chosen ICPs. Throws {@link SqlPlanError}. */
export function buildPlan(options: PlanOptions): SqlPlan {
  const { attributes, locale } = options;
  const t = sqlMessages[locale];
  const chosen = selectIcps(options.icps, options.icpId);
  if (chosen.length === 0) {
    throw new SqlPlanError(
      options.icpId === undefined
        ? t.noActiveIcp
        : t.unknownIcp(options.icpId, options.icps.map((i) => i.id).join(', ')),
    );
  }
  const keys = [...(options.keys ?? ['id'])];
  const icps = chosen.map((icp): PlanIcp => {
    const prefix = icp.id.replaceAll('-', '_');
    const filterLabels = uniqueLabels(icp.data.filters.map((f) => f.label));
    const signalLabels = uniqueLabels(icp.data.signals.map((s) => s.label));
    return {
      id: icp.id,
      title: icp.data.title,
      prefix,
      filters: icp.data.filters.map((f, i) => ({
        label: filterLabels[i]!,
        attribute: f.attribute,
        rule: f.rule,
        column: `${prefix}__filter_${i + 1}`,
      })),
      signals: icp.data.signals.map((s, i) => ({
        label: signalLabels[i]!,
        attribute: s.attribute,
        levels: s.levels.map((level) => ({ rule: level.rule, points: level.points })),
        best: bestPoints(s),
        column: `${prefix}__signal_${i + 1}`,
      })),
      tiers: icp.data.tiers.map((tier) => ({ label: tier.label, min: tier.min })),
    };
  });
  const taken = new Map<string, string>();
  const claim = (column: string, what: string) => {
    const other = taken.get(column.toLowerCase());
    if (other !== undefined) throw new SqlPlanError(t.columnClash(column, other, what));
    taken.set(column.toLowerCase(), what);
  };
  for (const column of [...RESULT_COLUMNS, ...TRAILING_COLUMNS]) claim(column, t.resultColumn);
  for (const icp of icps) for (const { column } of [...icp.filters, ...icp.signals]) claim(column, t.icpColumn(icp.id));
  for (const key of keys) claim(key, t.keyColumn);
  if (options.staged) {
    // The staging query writes these columns beside the attributes': none may be written twice.
    const inputs = new Map<string, string>();
    for (const attribute of attributes) {
      for (const column of [attribute.id, ...Object.values(stagedColumns(attribute))]) {
        const other = inputs.get(column.toLowerCase());
        if (other !== undefined) throw new SqlPlanError(t.inputClash(column, other, attribute.id));
        inputs.set(column.toLowerCase(), attribute.id);
      }
    }
  }
  const scored = chosen.map((icp) => ({ id: icp.id, data: icp.data }));
  return {
    table: options.table ?? 'accounts',
    keys,
    locale,
    attributes: attributes.map(planAttribute),
    icps,
    version: contentHash(canonicalJson({ attributes, icps: scored, locale })),
    staged: new Set(
      options.staged === true
        ? attributes.map((a) => a.id)
        : options.staged === false || options.staged === undefined
          ? []
          : options.staged,
    ),
  };
}
