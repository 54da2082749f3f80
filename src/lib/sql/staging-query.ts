// The staging query: text columns, as a CSV load or a CRM sync gives them, turned into the
// typed shape the scoring query reads, by the rules of the CSV reader (src/lib/csv/accounts.ts,
// src/lib/parse-number.ts). A cell that cannot be read becomes NULL (unknown), as the CSV
// reader scores it; `unreadableSql` finds those cells so a runner can report them.
import type { Dialect, Sql } from './dialects.ts';
import { foldSql, TRIMMED } from './fold.ts';
import type { PlanAttribute, SqlPlan } from './plan.ts';
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


/** Text to number by parseNumberCell's rules, within the attribute's bounds; NULL otherwise. */
function stageNumber(dialect: Dialect, attribute: PlanAttribute, text: Sql, scale: number): Sql {
  const s = dialect.trimChars(text, `${TRIMMED}`);
  const spaced = dialect.replaceAll(s, spaces(dialect), ' ');
  const n = (e: Sql) => dialect.toNumber(e);
  const parsed = `CASE
      WHEN ${dialect.fullMatch(s, INTEGER)} THEN ${n(s)}
      WHEN ${dialect.fullMatch(s, AMBIGUOUS)} THEN NULL
      WHEN ${dialect.fullMatch(s, DECIMAL)} THEN ${n(`replace(${s}, ',', '.')`)}
      WHEN ${dialect.fullMatch(spaced, GROUPED_SPACE)} THEN ${n(`replace(replace(${spaced}, ' ', ''), ',', '.')`)}
      WHEN ${dialect.fullMatch(spaced, GROUPED_COMMA)} THEN ${n(`replace(${spaced}, ',', '')`)}
      WHEN ${dialect.fullMatch(spaced, GROUPED_DOT)} THEN ${n(`replace(replace(${spaced}, '.', ''), ',', '.')`)}
    END${scale === 1 ? '' : ` * ${scale}`}`;
  const bounds = [attribute.min !== undefined ? `(${parsed}) >= ${attribute.min}` : '', attribute.max !== undefined ? `(${parsed}) <= ${attribute.max}` : ''].filter(Boolean);
  if (bounds.length === 0) return parsed;
  // Out of bounds is unreadable, as in the CSV reader.
  return `CASE WHEN ${bounds.join(' AND ')} THEN ${parsed} END`;
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
  return `(${foldSql(dialect, text)} <> '' AND ${read} IS NULL)`;
}

export interface StagingOptions {
  /** Text expression of each attribute (default: the column named by its id). */
  columns?: ReadonlyMap<string, Sql> | undefined;
  /** Other columns carried through, as `[expression, alias]` (default: the plan's keys). */
  keep?: readonly (readonly [Sql, string])[] | undefined;
  /** Where to read (default: the plan's table). */
  from?: Sql | undefined;
}

/** The staging query: keys and one typed column per attribute (BigQuery adds `<attr>_known` for choices). */
export function compileStagingQuery(plan: SqlPlan, dialect: Dialect, options: StagingOptions = {}): string {
  const q = (name: string) => dialect.ident(name);
  const keep = options.keep ?? plan.keys.map((k) => [q(k), k] as const);
  const columns: Sql[] = keep.map(([expr, alias]) => (expr === q(alias) ? expr : `${expr} AS ${q(alias)}`));
  for (const attribute of plan.attributes) {
    const text = options.columns ? options.columns.get(attribute.id) : q(attribute.id);
    if (text === undefined) {
      columns.push(`CAST(NULL AS ${attribute.type === 'number' ? dialect.numberType : attribute.type === 'boolean' ? 'BOOLEAN' : attribute.type === 'choice' ? 'VARCHAR' : 'VARCHAR[]'}) AS ${q(attribute.id)}`);
      continue;
    }
    const value = stageValue(dialect, attribute, text);
    if (attribute.type === 'choices' && dialect.name === 'bigquery') {
      columns.push(`COALESCE(${value}, ARRAY<STRING>[]) AS ${q(attribute.id)}`, `${value} IS NOT NULL AS ${q(`${attribute.id}_known`)}`);
    } else {
      columns.push(`${value} AS ${q(attribute.id)}`);
    }
  }
  return `SELECT\n  ${columns.join(',\n  ')}\nFROM ${options.from ?? tableSql(dialect, plan.table)}`;
}
