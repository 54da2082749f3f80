// The staging query: text columns, as a CSV load or a CRM sync gives them, turned into the
// typed shape the scoring query reads, by the rules of the CSV reader (src/lib/csv/accounts.ts,
// src/lib/parse-number.ts). A cell that cannot be read becomes NULL (unknown), as the CSV
// reader scores it; `unreadableSql` finds those cells so a runner can report them.
import type { Dialect, Sql } from './dialects.ts';
import { foldName, foldSql, TRIMMED } from './fold.ts';
import { stagedColumns, type PlanAttribute, type SqlPlan } from './plan.ts';
import { exactNames, mapChoices, optionCase, tableSql } from './score-query.ts';
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

// The band patterns of parse-number.ts (RANGE, OPEN_RANGE, THOUSANDS). There the first bound is
// lazy (`1,001 - 5,000` → `1,001`); here it is greedy and then trimmed, which is the same text
// (only spaces can stand between it and the dash) and reads the same in every engine.
const bandChars = (dialect: Dialect) => `[0-9${[...TRIMMED, "'", '\u2019', '.', ','].map(dialect.regexChar).join('')}]`;
const bandSpace = (dialect: Dialect) => `[${[...TRIMMED].map(dialect.regexChar).join('')}]`;
const THOUSANDS = `${DIGIT}{1,3}[.,]${DIGIT}{3}`;
/** The dashes between a band's bounds (`51-200`, `1,001 – 5,000`). */
const DASHES = ['-', '\u2013', '\u2014'] as const;

/** One bound of a band (trimmed), as `rangeBound`: `1,001` is a thousand and one; NULL when not a number. */
function bandBound(dialect: Dialect, g: Sql): Sql {
  return `CASE WHEN ${dialect.fullMatch(g, THOUSANDS)} THEN ${dialect.toNumber(`replace(replace(${g}, ',', ''), '.', '')`)} ELSE ${parsedNumber(dialect, g)} END`;
}

/** Columns computed in one layer of the staging query, read by name in the next. */
type Columns = [Sql, string][];

/**
 * How a layer reads a column of the layer before: by name in the staging query (small
 * expressions, each computed once), or inlined as a whole expression (one expression per value,
 * for a single SELECT). One implementation of the rules, two shapes.
 */
type Ref = (name: string, expr: Sql) => Sql;

/** The staging of one attribute from a text cell, in three layers: pieces of text, numbers, values. */
interface Layers {
  pieces: Columns;
  numbers: Columns;
  values: Columns;
}

const piece = (attribute: PlanAttribute, what: string) => `__${what}_${attribute.id}`;

/**
 * A number cell by the CSV reader's rules: a number (parseNumberCell) within the attribute's
 * bounds, else a band (`51-200`, `1,001 – 5,000`, `10001+`) as `readRange` reads it: its bounds
 * times `scale`, `hi` NULL when open (or the attribute's max when it has one), none when its
 * bounds are in the wrong order or reach outside the attribute's; else the text is unreadable.
 */
function numberLayers(dialect: Dialect, attribute: PlanAttribute, text: Sql, scale: number, ref: Ref): Layers {
  const names = stagedColumns(attribute) as { lo: string; hi: string; unreadable: string };
  const s = dialect.trimChars(text, TRIMMED);
  const chars = bandChars(dialect);
  const space = bandSpace(dialect);
  const open = `(${DIGIT}${chars}*)${space}*[+]`;
  const closed = `(${DIGIT}${chars}*)${space}*[${DASHES.join('')}]${space}*(${DIGIT}${chars}*)`;
  // A band holds a `+` (open) or a dash (closed): a cell with neither, as most are, skips the
  // band's regular expressions for a cheap LIKE (a warehouse bills a dbt model by its CPU).
  const holds = (marks: readonly string[]) => marks.map((m) => `${s} LIKE ${dialect.text(`%${m}%`)}`).join(' OR ');
  const group = (pattern: string, n: number, marks: readonly string[]) =>
    `CASE WHEN NOT (${holds(marks)}) THEN NULL WHEN ${dialect.fullMatch(s, pattern)} THEN ${dialect.trimChars(dialect.regexGroup(s, pattern, n), TRIMMED)} END`;
  const pieces: Columns = [
    [s, piece(attribute, 't')],
    [group(open, 1, ['+']), piece(attribute, 'o')],
    [group(closed, 1, DASHES), piece(attribute, 'a')],
    [group(closed, 2, DASHES), piece(attribute, 'b')],
  ];
  const [t, o, a, b] = pieces.map(([expr, name]) => ref(name, expr)) as [Sql, Sql, Sql, Sql];
  const times = (e: Sql) => (scale === 1 ? e : `(${e}) * ${scale}`);
  const numbers: Columns = [
    [times(parsedNumber(dialect, t)), piece(attribute, 'n')],
    [times(bandBound(dialect, o)), piece(attribute, 'ol')],
    [times(bandBound(dialect, a)), piece(attribute, 'cl')],
    [times(bandBound(dialect, b)), piece(attribute, 'ch')],
  ];
  const [n, openLo, closedLo, closedHi] = numbers.map(([expr, name]) => ref(name, expr)) as [Sql, Sql, Sql, Sql];
  const { min, max } = attribute;
  const within = (lo: Sql, hi: Sql) =>
    [min !== undefined ? `${lo} >= ${min}` : '', max !== undefined ? `${lo} <= ${max} AND ${hi} <= ${max}` : '']
      .filter(Boolean)
      .join(' AND ') || 'TRUE';
  // Out of bounds is unreadable, as in the CSV reader.
  const pointBounds = [min !== undefined ? `${n} >= ${min}` : '', max !== undefined ? `${n} <= ${max}` : ''].filter(
    Boolean,
  );
  const point = pointBounds.length === 0 ? n : `CASE WHEN ${pointBounds.join(' AND ')} THEN ${n} END`;
  // An open band stops at the attribute's max, as in the CSV reader.
  const openHi = max === undefined ? `CAST(NULL AS ${dialect.numberType})` : `GREATEST(${openLo}, ${max})`;
  const band = (which: 'lo' | 'hi') => `CASE
      WHEN ${openLo} IS NOT NULL THEN CASE WHEN ${within(openLo, max === undefined ? openLo : openHi)} THEN ${which === 'lo' ? openLo : openHi} END
      WHEN ${closedLo} <= ${closedHi} AND ${within(closedLo, closedHi)} THEN ${which === 'lo' ? closedLo : closedHi}
    END`;
  const values: Columns = [
    [point, attribute.id],
    [band('lo'), names.lo],
    [band('hi'), names.hi],
  ];
  values.push([
    `CASE WHEN ${t} <> '' AND (${point}) IS NULL AND (${band('lo')}) IS NULL THEN ${t} END`,
    names.unreadable,
  ]);
  return { pieces, numbers, values };
}

function booleanLayers(dialect: Dialect, attribute: PlanAttribute, text: Sql, ref: Ref): Layers {
  const pieces: Columns = [[dialect.trimChars(text, TRIMMED), piece(attribute, 't')]];
  const t = ref(pieces[0]![1], pieces[0]![0]);
  const value = `CASE lower(${t}) ${[...BOOLEANS].map(([word, v]) => `WHEN ${dialect.text(word)} THEN ${v ? 'TRUE' : 'FALSE'}`).join(' ')} END`;
  const { unreadable } = stagedColumns(attribute) as { unreadable: string };
  return {
    pieces,
    numbers: [],
    values: [
      [value, attribute.id],
      [`CASE WHEN ${t} <> '' AND (${value}) IS NULL THEN ${t} END`, unreadable],
    ],
  };
}

/**
 * Whether a choice or choices cell says something: not blank once folded. A list cell of
 * separators only (`|`) says nothing, as in the CSV reader: unknown, not unreadable.
 */
function saysSomething(dialect: Dialect, attribute: PlanAttribute, text: Sql): Sql {
  const said = attribute.type === 'choices' ? dialect.replaceAll(text, '[|;]', '') : text;
  return `${foldSql(dialect, said)} <> ''`;
}

/** The staging of one attribute from a text cell (numbers times `scale`, for a `{ column, scale }` alias). */
function layers(dialect: Dialect, attribute: PlanAttribute, text: Sql, scale: number, ref: Ref): Layers {
  switch (attribute.type) {
    case 'number':
      return numberLayers(dialect, attribute, text, scale, ref);
    case 'boolean':
      return booleanLayers(dialect, attribute, text, ref);
    case 'choice':
      return {
        pieces: [],
        numbers: [],
        values: [
          [
            `CASE WHEN ${saysSomething(dialect, attribute, text)} THEN ${dialect.trimChars(text, TRIMMED)} END`,
            attribute.id,
          ],
        ],
      };
    case 'choices':
      return {
        pieces: [],
        numbers: [],
        values: [
          [`CASE WHEN ${saysSomething(dialect, attribute, text)} THEN ${dialect.splitList(text)} END`, attribute.id],
        ],
      };
  }
}

const inline: Ref = (_name, expr) => `(${expr})`;

/** The staged columns of one attribute as single expressions over the text (tests, small queries). */
function inlineValues(dialect: Dialect, attribute: PlanAttribute, text: Sql, scale: number): Columns {
  return layers(dialect, attribute, text, scale, inline).values;
}

/** A band's bounds from a text cell, as single expressions (see {@link numberLayers}); NULL when the text is no band. */
export function stageBand(dialect: Dialect, attribute: PlanAttribute, text: Sql, scale = 1): { lo: Sql; hi: Sql } {
  const values = inlineValues(dialect, attribute, text, scale);
  return { lo: values[1]![0], hi: values[2]![0] };
}

/** `a|b;c` → option ids; NULL if a part names no option or no part has text (a cell of separators says nothing). */
function stageChoices(dialect: Dialect, text: Sql, mapped: Sql): Sql {
  const compact = dialect.arrayCompact(mapped);
  return `CASE WHEN ${text} IS NULL THEN NULL WHEN ${dialect.arrayHasNull(mapped)} THEN NULL WHEN ${dialect.arrayLength(compact)} = 0 THEN NULL ELSE ${compact} END`;
}

/**
 * A `choices` cell's parts as option ids: '' for a blank part, NULL for one that names no option.
 * Computed once as a column, then read by {@link unreadableSql}: inlined, it was mapped three times.
 */
export function mappedChoices(dialect: Dialect, attribute: PlanAttribute, text: Sql): Sql {
  return mapChoices(dialect, attribute, dialect.splitList(text));
}

/**
 * The typed value of one text cell, by the CSV reader's rules (numbers times `scale`, for a
 * `{ column, scale }` alias). Choice texts stay text (trimmed) and choices become arrays of
 * their parts: the scoring query maps them to option ids, and names a part it cannot read.
 */
export function stageValue(dialect: Dialect, attribute: PlanAttribute, text: Sql, scale = 1): Sql {
  return inlineValues(dialect, attribute, text, scale)[0]![0];
}

/** One attribute read from a text expression of the source (numbers times `scale`). */
export interface StagedText {
  attribute: PlanAttribute;
  text: Sql;
  scale?: number | undefined;
}

/**
 * The source with the staging layers on top: a FROM item holding the source's columns and the
 * pieces each attribute is read from, and per attribute its staged columns (typed value, then
 * the companions of `stagedColumns` in plan.ts: a band's bounds, the text of an unreadable
 * cell), written over those pieces. Each regular expression runs once per cell, in its layer.
 */
export function stagedSource(
  dialect: Dialect,
  texts: readonly StagedText[],
  from: Sql,
): { from: Sql; values: Map<string, Columns> } {
  const byName: Ref = (name) => dialect.ident(name);
  const all = texts.map((t) => ({ id: t.attribute.id, ...layers(dialect, t.attribute, t.text, t.scale ?? 1, byName) }));
  const layer = (columns: Columns, inner: Sql, alias: string) =>
    columns.length === 0
      ? inner
      : `(SELECT *, ${columns.map(([expr, name]) => `${expr} AS ${dialect.ident(name)}`).join(', ')} FROM ${inner}${dialect.layerEnd === '' ? '' : ` ${dialect.layerEnd}`}) AS ${alias}`;
  const pieces = layer(
    all.flatMap((l) => l.pieces),
    from,
    '__pieces',
  );
  return {
    from: layer(
      all.flatMap((l) => l.numbers),
      pieces,
      '__numbers',
    ),
    values: new Map(all.map((l) => [l.id, l.values])),
  };
}

/**
 * Whether a text cell holds something (not empty, not only spaces) that the CSV reader could
 * not read, over {@link stagedSource}'s columns (`values`: the attribute's staged columns;
 * `mapped`, for `choices`: a column holding {@link mappedChoices}).
 */
export function unreadableSql(
  dialect: Dialect,
  attribute: PlanAttribute,
  text: Sql,
  values: Columns,
  mapped: Sql,
): Sql {
  if (attribute.type === 'number' || attribute.type === 'boolean')
    return `(${values[values.length - 1]![0]}) IS NOT NULL`;
  const read = attribute.type === 'choice' ? optionCase(dialect, attribute, text) : stageChoices(dialect, text, mapped);
  // A cell spelled exactly as one option reads, without folding it. (An IN list may become a join
  // that reorders rows: fine in this count, never in the scored output.)
  const exact = exactNames(attribute)
    .map(([name]) => name)
    .filter((name) => name === name.trim() && foldName(name) !== '' && !/[|;]/.test(name));
  const slow = `(${saysSomething(dialect, attribute, text)} AND ${read} IS NULL)`;
  return exact.length === 0
    ? slow
    : `CASE WHEN ${text} IN (${exact.map((name) => dialect.text(name)).join(', ')}) THEN FALSE ELSE ${slow} END`;
}

/**
 * The text to report for an unreadable cell, trimmed, as the CSV reader reports it: the cell, or
 * for `choices` the first part that names no option (`mapped`: a column holding {@link mappedChoices}).
 */
export function unreadableTextSql(dialect: Dialect, attribute: PlanAttribute, text: Sql, mapped: Sql): Sql {
  const part =
    attribute.type === 'choices'
      ? dialect.arrayElement(dialect.splitList(text), dialect.arrayPositionOfNull(mapped))
      : text;
  return dialect.trimChars(part, TRIMMED);
}

/** The staged columns of an attribute with no column in the source: all NULL, typed. */
export function missingValues(dialect: Dialect, attribute: PlanAttribute): [Sql, string][] {
  const names = stagedColumns(attribute);
  const type =
    attribute.type === 'number'
      ? dialect.numberType
      : attribute.type === 'boolean'
        ? 'BOOLEAN'
        : attribute.type === 'choice'
          ? dialect.textType
          : dialect.textArrayType;
  const out: [Sql, string][] = [[`CAST(NULL AS ${type})`, attribute.id]];
  if (names.lo && names.hi)
    out.push([`CAST(NULL AS ${dialect.numberType})`, names.lo], [`CAST(NULL AS ${dialect.numberType})`, names.hi]);
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
  const texts = plan.attributes.flatMap((attribute) => {
    const text = options.columns ? options.columns.get(attribute.id) : q(attribute.id);
    return text === undefined ? [] : [{ attribute, text }];
  });
  const source = stagedSource(dialect, texts, options.from ?? tableSql(dialect, plan.table));
  for (const attribute of plan.attributes) {
    for (const [value, name] of source.values.get(attribute.id) ?? missingValues(dialect, attribute)) {
      if (attribute.type === 'choices' && dialect.name === 'bigquery') {
        columns.push(
          `COALESCE(${value}, ARRAY<STRING>[]) AS ${q(name)}`,
          `${value} IS NOT NULL AS ${q(`${name}_known`)}`,
        );
      } else {
        columns.push(`${value} AS ${q(name)}`);
      }
    }
  }
  return `SELECT\n  ${columns.join(',\n  ')}\nFROM ${source.from}`;
}
