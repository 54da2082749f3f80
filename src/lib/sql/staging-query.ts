// The staging query: text columns, as a CSV load or a CRM sync gives them, turned into the
// typed shape the scoring query reads, by the rules of the CSV reader (src/lib/csv/accounts.ts,
// src/lib/parse-number.ts). A cell that cannot be read becomes NULL (unknown), as the CSV
// reader scores it; `unreadableSql` finds those cells so a runner can report them.
import type { Dialect, Sql } from './dialects.ts';
import { foldSql, TRIMMED } from './fold.ts';
import { stagedColumns, type PlanAttribute, type SqlPlan } from './plan.ts';
import { mapChoices, optionCase, tableSql } from './score-query.ts';
import { BOOLEANS } from '../csv/accounts.ts';

const DIGIT = '[0-9]';
// The patterns of parse-number.ts, with ASCII digits spelled out (\d is wider in some engines).
const INTEGER = `[+-]?${DIGIT}+`;
const AMBIGUOUS = `[+-]?${DIGIT}{1,3}[.,]${DIGIT}{3}`;
const DECIMAL = `[+-]?${DIGIT}*[.,]${DIGIT}+`;
const GROUPED_SPACE = `[+-]?${DIGIT}{1,3}( ${DIGIT}{3})+([.,]${DIGIT}+)?`;
const GROUPED_COMMA = `[+-]?${DIGIT}{1,3}(,${DIGIT}{3})+([.]${DIGIT}+)?`;
const GROUPED_DOT = `[+-]?${DIGIT}{1,3}([.]${DIGIT}{3})+(,${DIGIT}+)?`;
/** Spaces, no-break spaces and apostrophes between digit groups (`1 200`, `1'200`). */
const spaces = (dialect: Dialect) => `[${[...TRIMMED, "'", '\u2019'].map(dialect.regexChar).join('')}]+`;


/** Text (already trimmed) to a number by parseNumberCell's rules, unbounded; NULL when it is not one. */
function parsedNumber(dialect: Dialect, s: Sql): Sql {
  const spaced = dialect.replaceAll(s, spaces(dialect), ' ');
  const n = (e: Sql) => dialect.toNumber(e);
  return `CASE
      WHEN ${dialect.fullMatch(s, INTEGER)} THEN ${n(s)}
      WHEN ${dialect.fullMatch(s, AMBIGUOUS)} THEN NULL
      WHEN ${dialect.fullMatch(s, DECIMAL)} THEN ${n(`replace(${s}, ',', '.')`)}
      WHEN ${dialect.fullMatch(spaced, GROUPED_SPACE)} THEN ${n(`replace(replace(${spaced}, ' ', ''), ',', '.')`)}
      WHEN ${dialect.fullMatch(spaced, GROUPED_COMMA)} THEN ${n(`replace(${spaced}, ',', '')`)}
      WHEN ${dialect.fullMatch(spaced, GROUPED_DOT)} THEN ${n(`replace(replace(${spaced}, '.', ''), ',', '.')`)}
    END`;
}

/** Text to number by parseNumberCell's rules, within the attribute's bounds; NULL otherwise. */
function stageNumber(dialect: Dialect, attribute: PlanAttribute, text: Sql, scale: number): Sql {
  const parsed = `${parsedNumber(dialect, dialect.trimChars(text, TRIMMED))}${scale === 1 ? '' : ` * ${scale}`}`;
  const bounds = [attribute.min !== undefined ? `(${parsed}) >= ${attribute.min}` : '', attribute.max !== undefined ? `(${parsed}) <= ${attribute.max}` : ''].filter(Boolean);
  if (bounds.length === 0) return parsed;
  // Out of bounds is unreadable, as in the CSV reader.
  return `CASE WHEN ${bounds.join(' AND ')} THEN ${parsed} END`;
}

// The band patterns of parse-number.ts (RANGE, OPEN_RANGE, THOUSANDS). There the first bound is
// lazy (`1,001 - 5,000` → `1,001`); here it is greedy and then trimmed, which is the same text
// (only spaces can stand between it and the dash) and reads the same in every engine.
const bandChars = (dialect: Dialect) => `[0-9${[...TRIMMED, "'", '\u2019', '.', ','].map(dialect.regexChar).join('')}]`;
const bandSpace = (dialect: Dialect) => `[${[...TRIMMED].map(dialect.regexChar).join('')}]`;
const THOUSANDS = `${DIGIT}{1,3}[.,]${DIGIT}{3}`;

/** One bound of a band, as `rangeBound`: `1,001` is a thousand and one; NULL when not a number. */
function bandBound(dialect: Dialect, bound: Sql): Sql {
  const g = dialect.trimChars(bound, TRIMMED);
  return `CASE WHEN ${dialect.fullMatch(g, THOUSANDS)} THEN ${dialect.toNumber(`replace(replace(${g}, ',', ''), '.', '')`)} ELSE ${parsedNumber(dialect, g)} END`;
}

/**
 * A band (`51-200`, `1,001 – 5,000`, `10001+`) as `readRange` reads it: its bounds times `scale`,
 * `hi` NULL when open (or the attribute's max), both NULL when the text is no band, its bounds
 * are in the wrong order, or it reaches outside the attribute's bounds.
 */
export function stageBand(dialect: Dialect, attribute: PlanAttribute, text: Sql, scale = 1): { lo: Sql; hi: Sql } {
  const s = dialect.trimChars(text, TRIMMED);
  const chars = bandChars(dialect);
  const space = bandSpace(dialect);
  const open = `(${DIGIT}${chars}*)${space}*[+]`;
  const closed = `(${DIGIT}${chars}*)${space}*[-\u2013\u2014]${space}*(${DIGIT}${chars}*)`;
  const times = (e: Sql) => (scale === 1 ? e : `(${e}) * ${scale}`);
  const openLo = times(bandBound(dialect, dialect.regexGroup(s, open, 1)));
  const closedLo = times(bandBound(dialect, dialect.regexGroup(s, closed, 1)));
  const closedHi = times(bandBound(dialect, dialect.regexGroup(s, closed, 2)));
  const max = attribute.max;
  // An open band stops at the attribute's max, as in the CSV reader.
  const openHi = max === undefined ? `CAST(NULL AS ${dialect.numberType})` : `GREATEST(${openLo}, ${max})`;
  const inBounds = (lo: Sql, hi: Sql) =>
    [attribute.min !== undefined ? `${lo} >= ${attribute.min}` : '', max !== undefined ? `${lo} <= ${max} AND ${hi} <= ${max}` : ''].filter(Boolean).join(' AND ') || 'TRUE';
  const when = (which: 'lo' | 'hi') => `CASE
      WHEN ${dialect.fullMatch(s, open)} THEN CASE WHEN ${inBounds(openLo, max === undefined ? openLo : openHi)} THEN ${which === 'lo' ? openLo : openHi} END
      WHEN ${dialect.fullMatch(s, closed)} THEN CASE WHEN ${closedLo} <= ${closedHi} AND ${inBounds(closedLo, closedHi)} THEN ${which === 'lo' ? closedLo : closedHi} END
    END`;
  return { lo: when('lo'), hi: when('hi') };
}

function stageBoolean(dialect: Dialect, text: Sql): Sql {
  const key = `lower(${dialect.trimChars(text, TRIMMED)})`;
  return `CASE ${key} ${[...BOOLEANS].map(([word, value]) => `WHEN ${dialect.text(word)} THEN ${value ? 'TRUE' : 'FALSE'}`).join(' ')} END`;
}

/** `a|b;c` → option ids; NULL if a part names no option or no part has text (a cell of separators says nothing). */
function stageChoices(dialect: Dialect, attribute: PlanAttribute, text: Sql): Sql {
  const mapped = mapChoices(dialect, attribute, dialect.splitList(text));
  const compact = dialect.arrayCompact(mapped);
  return `CASE WHEN ${text} IS NULL THEN NULL WHEN ${dialect.arrayHasNull(mapped)} THEN NULL WHEN ${dialect.arrayLength(compact)} = 0 THEN NULL ELSE ${compact} END`;
}

/**
 * The typed value of one text cell, by the CSV reader's rules (numbers times `scale`, for a
 * `{ column, scale }` alias). Choice texts stay text (trimmed) and choices become arrays of
 * their parts: the scoring query maps them to option ids, and names a part it cannot read.
 */
export function stageValue(dialect: Dialect, attribute: PlanAttribute, text: Sql, scale = 1): Sql {
  switch (attribute.type) {
    case 'number':
      return stageNumber(dialect, attribute, text, scale);
    case 'boolean':
      return stageBoolean(dialect, text);
    case 'choice':
      return `CASE WHEN ${foldSql(dialect, text)} <> '' THEN ${dialect.trimChars(text, TRIMMED)} END`;
    case 'choices':
      // A cell of separators only (`|`) says nothing: unknown, as in the CSV reader.
      return `CASE WHEN ${foldSql(dialect, dialect.replaceAll(text, '[|;]', ''))} <> '' THEN ${dialect.splitList(text)} END`;
  }
}

/** Whether a text cell holds something (not empty, not only spaces) that the CSV reader could not read. */
export function unreadableSql(dialect: Dialect, attribute: PlanAttribute, text: Sql, scale = 1): Sql {
  const read =
    attribute.type === 'choice' ? optionCase(dialect, attribute, text) : attribute.type === 'choices' ? stageChoices(dialect, attribute, text) : stageValue(dialect, attribute, text, scale);
  const band = attribute.type === 'number' ? ` AND ${stageBand(dialect, attribute, text, scale).lo} IS NULL` : '';
  return `(${foldSql(dialect, text)} <> '' AND ${read} IS NULL${band})`;
}

/**
 * The staged columns of one attribute from a text cell: its typed value, and for a number a
 * band's bounds and for a number or a boolean the text of a cell that could not be read
 * (see `stagedColumns` in plan.ts). The scoring query reads them with a `staged` plan.
 */
export function stagedValues(dialect: Dialect, attribute: PlanAttribute, text: Sql, scale = 1): [Sql, string][] {
  const names = stagedColumns(attribute);
  const value = stageValue(dialect, attribute, text, scale);
  const out: [Sql, string][] = [[value, attribute.id]];
  let read = `${value} IS NULL`;
  if (names.lo && names.hi) {
    const band = stageBand(dialect, attribute, text, scale);
    out.push([band.lo, names.lo], [band.hi, names.hi]);
    read += ` AND ${band.lo} IS NULL`;
  }
  if (names.unreadable) {
    const trimmed = dialect.trimChars(text, TRIMMED);
    out.push([`CASE WHEN ${trimmed} <> '' AND ${read} THEN ${trimmed} END`, names.unreadable]);
  }
  return out;
}

/** The staged columns of an attribute with no column in the source: all NULL, typed. */
export function missingValues(dialect: Dialect, attribute: PlanAttribute): [Sql, string][] {
  const names = stagedColumns(attribute);
  const type = attribute.type === 'number' ? dialect.numberType : attribute.type === 'boolean' ? 'BOOLEAN' : attribute.type === 'choice' ? dialect.textType : dialect.textArrayType;
  const out: [Sql, string][] = [[`CAST(NULL AS ${type})`, attribute.id]];
  if (names.lo && names.hi) out.push([`CAST(NULL AS ${dialect.numberType})`, names.lo], [`CAST(NULL AS ${dialect.numberType})`, names.hi]);
  if (names.unreadable) out.push([`CAST(NULL AS ${dialect.textType})`, names.unreadable]);
  return out;
}

export interface StagingOptions {
  /** Text expression of each attribute (default: the column named by its id). */
  columns?: ReadonlyMap<string, Sql> | undefined;
  /** Other columns carried through, as `[expression, alias]` (default: the plan's keys). */
  keep?: readonly (readonly [Sql, string])[] | undefined;
  /** Where to read (default: the plan's table). */
  from?: Sql | undefined;
}

/**
 * The staging query: keys, one typed column per attribute, and the companion columns of
 * `stagedColumns` (bands, unreadable texts; BigQuery adds `<attr>_known` for choices). Score
 * its output with a `staged` plan (`npm run sql -- --staged`).
 */
export function compileStagingQuery(plan: SqlPlan, dialect: Dialect, options: StagingOptions = {}): string {
  const q = (name: string) => dialect.ident(name);
  const keep = options.keep ?? plan.keys.map((k) => [q(k), k] as const);
  const columns: Sql[] = keep.map(([expr, alias]) => (expr === q(alias) ? expr : `${expr} AS ${q(alias)}`));
  for (const attribute of plan.attributes) {
    const text = options.columns ? options.columns.get(attribute.id) : q(attribute.id);
    const values = text === undefined ? missingValues(dialect, attribute) : stagedValues(dialect, attribute, text);
    for (const [value, name] of values) {
      if (attribute.type === 'choices' && dialect.name === 'bigquery') {
        columns.push(`COALESCE(${value}, ARRAY<STRING>[]) AS ${q(name)}`, `${value} IS NOT NULL AS ${q(`${name}_known`)}`);
      } else {
        columns.push(`${value} AS ${q(name)}`);
      }
    }
  }
  return `SELECT\n  ${columns.join(',\n  ')}\nFROM ${options.from ?? tableSql(dialect, plan.table)}`;
}
