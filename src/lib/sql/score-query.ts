// The scoring query: one plain SELECT over the accounts table, one pass (each CTE reads the
// one before it, none is joined back), written from the plan with the dialect's functions.
// Three-valued logic is explicit: a rule on a NULL value is NULL (unknown), never FALSE.
import type { Rule } from '../../schemas/rule.ts';
import { getFormatters } from '../format.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import type { Dialect, Sql } from './dialects.ts';
import { foldSql, TRIMMED } from './fold.ts';
import type { PlanAttribute, PlanIcp, SqlPlan } from './plan.ts';
import { RESULT_COLUMNS, stagedColumns, TRAILING_COLUMNS } from './plan.ts';

/** Internal column names: prefixed so they never meet a key column. */
const valueColumn = (id: string) => `__v_${id}`;
const icpColumn = (icp: PlanIcp, what: string) => `__${icp.prefix}_${what}`;
/** A band's bounds (a single number is the band [v, v]; `hi` NULL: open above). */
const loColumn = (id: string) => `__lo_${id}`;
const hiColumn = (id: string) => `__hi_${id}`;
/** The test of level `j` of a banded signal, and the points it may still add. */
const testColumn = (column: string, j: number) => `__t${j}_${column}`;
const upsideColumn = (column: string) => `__up_${column}`;

/** A table name, possibly with its schema (`analytics.accounts`), quoted part by part. */
export function tableSql(dialect: Dialect, table: string): Sql {
  if (table.startsWith('{{')) return table;
  return table
    .split('.')
    .map((part) => dialect.ident(part))
    .join('.');
}

/** Each option's exact spellings (id, label, aliases as written) and the id each names, ids first. */
export function exactNames(attribute: PlanAttribute): [name: string, id: string][] {
  const exact = new Map<string, string>();
  for (const o of attribute.options)
    for (const name of [o.id, o.label, ...o.exact]) if (!exact.has(name)) exact.set(name, o.id);
  // Each name reads as one option, so the order of the WHENs cannot change the result: ids,
  // the commonest spelling in typed tables, are tried first.
  const ids = new Set(attribute.options.map((o) => o.id));
  return [...exact].sort(([a], [b]) => Number(!ids.has(a)) - Number(!ids.has(b)));
}

/**
 * The option id a text names, NULL when it names none; `blank` for an empty or blank text.
 * Exact spellings (ids, labels, aliases as written) are tried first, as the CSV reader's
 * OptionIndex does: clean data never pays for folding.
 */
export function optionCase(
  dialect: Dialect,
  attribute: PlanAttribute,
  text: Sql,
  blank: 'null' | 'empty' = 'null',
): Sql {
  const pairs: [Sql, Sql][] = attribute.options.flatMap((o) =>
    o.names.map((name): [Sql, Sql] => [dialect.text(name), dialect.text(o.id)]),
  );
  if (blank === 'empty') pairs.push(["''", "''"]);
  const whens = exactNames(attribute)
    .map(([name, id]) => `WHEN ${dialect.text(name)} THEN ${dialect.text(id)}`)
    .join(' ');
  return `CASE ${text} ${whens} ELSE ${dialect.lookup(foldSql(dialect, text), pairs)} END`;
}

/** A choices array mapped to option ids: '' for a blank or NULL element (ignored), NULL for one that names no option. */
export function mapChoices(dialect: Dialect, attribute: PlanAttribute, array: Sql): Sql {
  return dialect.arrayMap(array, (x) => optionCase(dialect, attribute, `COALESCE(${x}, '')`, 'empty'));
}

const foldedColumn = (id: string) => `__f_${id}`;
const rejectedColumn = (id: string) => `__r_${id}`;

/**
 * The text of a value that could not be read (trimmed; for choices, the first element that
 * names no option), NULL otherwise: reasons then say "value not recognised: X", not "no value".
 */
function rejectedValue(dialect: Dialect, plan: SqlPlan, attribute: PlanAttribute): Sql | undefined {
  const column = dialect.ident(attribute.id);
  // A staged number or boolean cell that could not be read: the staging query kept its text.
  const { unreadable } = stagedColumns(attribute);
  if (plan.staged.has(attribute.id) && unreadable) return dialect.ident(unreadable);
  const folded = dialect.ident(foldedColumn(attribute.id));
  if (attribute.type === 'choice')
    return `CASE WHEN ${folded} IS NULL AND ${foldSql(dialect, column)} <> '' THEN ${dialect.trimChars(column, TRIMMED)} END`;
  if (attribute.type === 'choices')
    return `CASE WHEN ${folded} IS NOT NULL THEN ${dialect.trimChars(dialect.arrayElement(column, dialect.arrayPositionOfNull(folded)), TRIMMED)} END`;
  return undefined;
}

/** First step of reading a column: folded text for a choice, mapped ids for choices, else as is. */
function foldedValue(dialect: Dialect, attribute: PlanAttribute): Sql {
  const column = dialect.ident(attribute.id);
  switch (attribute.type) {
    case 'number':
      return `CAST(${column} AS ${dialect.numberType})`;
    case 'boolean':
      return column;
    case 'choice':
      return optionCase(dialect, attribute, column);
    case 'choices': {
      const known = dialect.arrayKnown(column, dialect.ident(`${attribute.id}_known`));
      // Clean data (distinct option ids) skips the per-element mapping, where the dialect can tell.
      const clean = dialect.arrayAllIn?.(
        column,
        attribute.options.map((o) => dialect.text(o.id)),
      );
      return `CASE WHEN NOT ${known} THEN NULL${clean ? ` WHEN ${clean} THEN ${column}` : ''} ELSE ${mapChoices(dialect, attribute, column)} END`;
    }
  }
}

/**
 * The typed value of an attribute as the engine reads it (NULL = unknown): a number, an option
 * id (id or any alias, trimmed, any case or accent), the distinct option ids of a choices
 * array (NULL if any element names no option), or a boolean.
 */
function typedValue(dialect: Dialect, attribute: PlanAttribute): Sql {
  const folded = dialect.ident(foldedColumn(attribute.id));
  switch (attribute.type) {
    case 'number':
    case 'boolean':
    case 'choice':
      return folded;
    case 'choices': {
      // Repeats are kept here (rules do not mind them) and dropped where the value is put in words.
      const clean = dialect.arrayAllIn?.(
        folded,
        attribute.options.map((o) => dialect.text(o.id)),
      );
      return `CASE WHEN ${folded} IS NULL THEN NULL${clean ? ` WHEN ${clean} THEN ${folded}` : ''} WHEN ${dialect.arrayHasNull(folded)} THEN NULL ELSE ${dialect.arrayCompact(folded)} END`;
    }
  }
}

function numberLiteral(value: number): Sql {
  return String(value);
}

/** The rule on a known value: TRUE or FALSE, never NULL. */
function ruleCondition(dialect: Dialect, rule: Rule, v: Sql): Sql {
  switch (rule.op) {
    case 'between': {
      const parts = [
        rule.min !== null ? `${v} >= ${numberLiteral(rule.min)}` : '',
        rule.max !== null ? `${v} <= ${numberLiteral(rule.max)}` : '',
      ].filter(Boolean);
      return parts.length === 0 ? 'TRUE' : `(${parts.join(' AND ')})`;
    }
    case 'atLeast':
      return `(${v} >= ${numberLiteral(rule.value)})`;
    case 'atMost':
      return `(${v} <= ${numberLiteral(rule.value)})`;
    case 'is':
      return rule.value ? `(${v} = TRUE)` : `(${v} = FALSE)`;
    // Comparisons rather than IN: DuckDB turns a long IN list into a join, which may reorder the rows.
    case 'in':
      return `(${rule.values.map((id) => `${v} = ${dialect.text(id)}`).join(' OR ')})`;
    case 'notIn':
      return `(${rule.values.map((id) => `${v} <> ${dialect.text(id)}`).join(' AND ')})`;
    case 'anyOf':
      return `(${rule.values.map((id) => dialect.arrayContains(v, dialect.text(id))).join(' OR ')})`;
    case 'allOf':
      return `(${rule.values.map((id) => dialect.arrayContains(v, dialect.text(id))).join(' AND ')})`;
    case 'noneOf':
      return `(NOT (${rule.values.map((id) => dialect.arrayContains(v, dialect.text(id))).join(' OR ')}))`;
  }
}

/** Inclusive bounds of a number rule (NULL = open). */
function ruleBounds(rule: Rule): { min: number | null; max: number | null } {
  if (rule.op === 'between') return { min: rule.min, max: rule.max };
  if (rule.op === 'atLeast') return { min: rule.value, max: null };
  if (rule.op === 'atMost') return { min: null, max: rule.value };
  throw new Error(`not a number rule: ${rule.op}`);
}

/** Whether an attribute's values may be bands: a number attribute staged from text. */
function banded(plan: SqlPlan, attribute: PlanAttribute): boolean {
  return plan.staged.has(attribute.id) && attribute.type === 'number';
}

/**
 * A number rule on a band `[lo, hi]` (hi NULL: open above), as the engine's `testRule` on a
 * NumberRange: TRUE when the whole band is inside the rule, FALSE when it is wholly outside,
 * NULL otherwise. A single number is the band [v, v], where this is the plain comparison.
 */
function bandTest(dialect: Dialect, rule: Rule, attribute: PlanAttribute): Sql {
  const lo = dialect.ident(loColumn(attribute.id));
  const hi = dialect.ident(hiColumn(attribute.id));
  const { min, max } = ruleBounds(rule);
  const inside = [
    min !== null ? `${lo} >= ${numberLiteral(min)}` : '',
    max !== null ? `${hi} <= ${numberLiteral(max)}` : '',
  ].filter(Boolean);
  const outside = [
    min !== null ? `${hi} < ${numberLiteral(min)}` : '',
    max !== null ? `${lo} > ${numberLiteral(max)}` : '',
  ].filter(Boolean);
  // `hi <= max` is NULL for an open band: never inside a bounded rule, as the engine's Infinity.
  return `CASE WHEN ${lo} IS NULL THEN NULL WHEN ${inside.length === 0 ? 'TRUE' : inside.join(' AND ')} THEN TRUE${outside.length === 0 ? '' : ` WHEN ${outside.join(' OR ')} THEN FALSE`} END`;
}

/** The rule in three-valued logic: NULL when the value is unknown (or a band across a bound). */
function ruleTest(dialect: Dialect, plan: SqlPlan, rule: Rule, attribute: PlanAttribute): Sql {
  if (banded(plan, attribute)) return bandTest(dialect, rule, attribute);
  const v = dialect.ident(valueColumn(attribute.id));
  const condition = ruleCondition(dialect, rule, v);
  // Every condition but the always-true one is NULL on a NULL value and TRUE or FALSE on a known
  // one (arrays hold no NULL by now): three-valued as it stands, without a CASE to pay for.
  return condition === 'TRUE' ? `CASE WHEN ${v} IS NULL THEN NULL ELSE TRUE END` : condition;
}

/** A number's cents, rounded (what the wording of a number is written from). */
function centsSql(dialect: Dialect, v: Sql): Sql {
  return dialect.roundToInteger(`abs(${v}) * 100`);
}

/**
 * A piece of a text being worded: a literal (merged with its neighbours before it is written)
 * or an SQL expression. Wording builds each text in one concatenation, not a chain of them.
 */
type Piece = string | { sql: Sql };

function concatSql(dialect: Dialect, pieces: Piece[]): Sql {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (typeof piece === 'string' && typeof last === 'string') merged[merged.length - 1] = last + piece;
    else if (piece !== '') merged.push(piece);
  }
  const parts = merged.map((piece) => (typeof piece === 'string' ? dialect.text(piece) : piece.sql));
  return parts.length === 0 ? "''" : parts.length === 1 ? parts[0]! : dialect.concat(parts);
}

/**
 * A number as `getFormatters(locale).number` writes it (up to two decimals, grouped thousands),
 * as pieces. `cents` may be a column holding {@link centsSql} of `v`: computed once, read many times.
 */
function numberPieces(dialect: Dialect, plan: SqlPlan, v: Sql, cents: Sql = centsSql(dialect, v)): Piece[] {
  const whole = dialect.groupThousands(dialect.intDiv(cents, '100'));
  const fraction = `(${cents} - ${dialect.intDiv(cents, '100')} * 100)`;
  const point = dialect.text(plan.locale === 'fr' ? ',' : '.');
  const decimals = `CASE WHEN ${fraction} = 0 THEN '' WHEN ${fraction} - ${dialect.intDiv(fraction, '10')} * 10 = 0 THEN ${point} || ${dialect.toText(dialect.intDiv(fraction, '10'))} ELSE ${point} || ${dialect.padTwo(fraction)} END`;
  const grouped =
    plan.locale === 'fr'
      ? `replace(${whole}, ',', ${dialect.text(getFormatters('fr').number(1000).charAt(1))})`
      : whole;
  return [{ sql: `CASE WHEN ${v} < 0 AND ${cents} > 0 THEN '-' ELSE '' END` }, { sql: grouped }, { sql: decimals }];
}

/** Columns of the wording layers: a number's cents, a choices value's labels, a failed filter in words. */
const centsColumn = (id: string) => `__c_${id}`;
const labelsColumn = (id: string) => `__l_${id}`;
const failedColumn = (filterColumn: string) => `__x_${filterColumn}`;

/** A choices value's labels, distinct, in the order first given. */
function labelsSql(dialect: Dialect, attribute: PlanAttribute): Sql {
  const v = dialect.ident(valueColumn(attribute.id));
  const label = (x: Sql) =>
    `CASE ${x} ${attribute.options.map((o) => `WHEN ${dialect.text(o.id)} THEN ${dialect.text(o.label)}`).join(' ')} END`;
  return dialect.arrayMap(dialect.arrayDistinct(v), label);
}

/**
 * A known value in words, as `describeValue` writes it, between `before` and `after` (the
 * filter's message around it), from the first wording layer's columns (a number's cents, a
 * choices value's labels). Options and booleans are whole literals: nothing is built per row.
 */
function describedSql(dialect: Dialect, plan: SqlPlan, attribute: PlanAttribute, before: string, after: string): Sql {
  const t = scoringMessages[plan.locale];
  const v = dialect.ident(valueColumn(attribute.id));
  const around = (pieces: Piece[]) => concatSql(dialect, [before, ...pieces, after]);
  switch (attribute.type) {
    case 'number': {
      const unit = attribute.unit ? ` ${attribute.unit}` : '';
      const number = numberPieces(dialect, plan, v, dialect.ident(centsColumn(attribute.id)));
      if (!banded(plan, attribute)) return around([...number, unit]);
      // A band as describeValue writes it: `51–200`, `10,001+` (`10 001 et plus`).
      const lo = numberPieces(dialect, plan, dialect.ident(loColumn(attribute.id)));
      const hi = numberPieces(dialect, plan, dialect.ident(hiColumn(attribute.id)));
      const closed = t.range('\u0000', '\u0001').split(/\u0000|\u0001/) as [string, string, string];
      const [openBefore, openAfter] = t.range('\u0000', undefined).split('\u0000') as [string, string];
      return `CASE WHEN ${v} IS NOT NULL THEN ${around([...number, unit])} WHEN ${dialect.ident(hiColumn(attribute.id))} IS NULL THEN ${around([openBefore, ...lo, openAfter, unit])} ELSE ${around([closed[0], ...lo, closed[1], ...hi, closed[2], unit])} END`;
    }
    case 'boolean':
      return `CASE WHEN ${v} THEN ${around([t.yes])} ELSE ${around([t.no])} END`;
    case 'choice':
      return `CASE ${v} ${attribute.options.map((o) => `WHEN ${dialect.text(o.id)} THEN ${around([o.label])}`).join(' ')} END`;
    case 'choices': {
      // A list of labels as `joinList` writes it: `A`, `A and B`, `A, B, and C` (`A, B et C`).
      const labels = dialect.ident(labelsColumn(attribute.id));
      const n = dialect.arrayLength(labels);
      const [and, lastComma] = plan.locale === 'fr' ? [' et ', ' et '] : [' and ', ', and '];
      const at = (i: Sql): Piece => ({ sql: dialect.arrayElement(labels, i) });
      return `CASE WHEN ${dialect.arrayLength(v)} = 0 THEN ${around([t.noneSelected])} WHEN ${n} = 1 THEN ${around([at('1')])} WHEN ${n} = 2 THEN ${around([at('1'), and, at('2')])} ELSE ${around([{ sql: dialect.arrayJoinFirst(labels, `${n} - 1`, ', ') }, lastComma, at(n)])} END`;
    }
  }
}

/** When a value must be put in words: a filter on it of the chosen ICP failed (reasons are worded for that ICP only). */
function wordedWhen(dialect: Dialect, plan: SqlPlan, attribute: PlanAttribute): Sql | undefined {
  const perIcp = plan.icps.flatMap((icp, i) => {
    const failed = icp.filters
      .filter((f) => f.attribute === attribute.id)
      .map((f) => `${dialect.ident(f.column)} = FALSE`);
    if (failed.length === 0) return [];
    return [
      plan.icps.length === 1
        ? `(${failed.join(' OR ')})`
        : `(${dialect.ident('__best')} = ${i} AND (${failed.join(' OR ')}))`,
    ];
  });
  return perIcp.length === 0 ? undefined : perIcp.join(' OR ');
}

/**
 * The two wording layers, guarded so that rows which need no words pay nothing: first the
 * costly pieces of a value (a number's cents, a choices value's labels), once per row; then
 * each failed filter of the chosen ICP in words, built in one concatenation.
 */
function wordingLayers(
  dialect: Dialect,
  plan: SqlPlan,
  byId: Map<string, PlanAttribute>,
): { pieces: Sql[]; words: Sql[] } {
  const t = scoringMessages[plan.locale];
  const pieces: Sql[] = [];
  for (const attribute of plan.attributes) {
    const when = wordedWhen(dialect, plan, attribute);
    if (!when) continue;
    const v = dialect.ident(valueColumn(attribute.id));
    if (attribute.type === 'number')
      pieces.push(`CASE WHEN ${when} THEN ${centsSql(dialect, v)} END AS ${dialect.ident(centsColumn(attribute.id))}`);
    if (attribute.type === 'choices')
      pieces.push(
        `CASE WHEN ${when} THEN ${labelsSql(dialect, attribute)} END AS ${dialect.ident(labelsColumn(attribute.id))}`,
      );
  }
  const words = plan.icps.flatMap((icp, i) =>
    icp.filters.map((f) => {
      const [before, after] = t.filterFail(f.label, '\u0000').split('\u0000') as [string, string];
      const chosen = plan.icps.length === 1 ? '' : `${dialect.ident('__best')} = ${i} AND `;
      return `CASE WHEN ${chosen}${dialect.ident(f.column)} = FALSE THEN ${describedSql(dialect, plan, byId.get(f.attribute)!, before, after)} END AS ${dialect.ident(failedColumn(f.column))}`;
    }),
  );
  return { pieces, words };
}

/** The `reasons` of one ICP: failed filters, then unknown ones, by label; NULL when none. */
function reasonsSql(dialect: Dialect, plan: SqlPlan, icp: PlanIcp, byId: Map<string, PlanAttribute>): Sql {
  const t = scoringMessages[plan.locale];
  const failed = icp.filters.map((f) => dialect.ident(failedColumn(f.column)));
  const unknown = icp.filters.map((f) => {
    const column = dialect.ident(f.column);
    const noValue = dialect.text(t.filterUnknown(f.label));
    const attribute = byId.get(f.attribute)!;
    if (rejectedValue(dialect, plan, attribute) === undefined) return `CASE WHEN ${column} IS NULL THEN ${noValue} END`;
    const rejected = dialect.ident(rejectedColumn(attribute.id));
    const [before, after] = t.filterUnrecognised(f.label, '\u0000').split('\u0000') as [string, string];
    return `CASE WHEN ${column} IS NULL THEN CASE WHEN ${rejected} IS NULL THEN ${noValue} ELSE ${concatSql(dialect, [before, { sql: rejected }, after])} END END`;
  });
  if (failed.length === 0) return 'NULL';
  return `NULLIF(${dialect.joinNonNull([...failed, ...unknown], '; ')}, '')`;
}

function sum(terms: Sql[]): Sql {
  return terms.length === 0 ? '0' : terms.join(' + ');
}

function clamp(expr: Sql): Sql {
  return `LEAST(GREATEST(${expr}, 0), 100)`;
}

/** Verdicts are small integers until the last step (cheaper to compare than text), in best-fit order. */
const FIT = 0;
const UNKNOWN = 1;
const OUT = 2;
const verdictText = (code: Sql) =>
  `CASE ${code} WHEN ${FIT} THEN 'fit' WHEN ${UNKNOWN} THEN 'unknown' WHEN ${OUT} THEN 'out' END`;

/**
 * The points of a signal whose values may be bands, and the points it may still add, as the
 * engine's `evaluateValues`: the first level that surely passes wins; levels before it that the
 * band straddles make the signal uncertain: it earns the fewest points among the levels it may
 * reach when it surely reaches one and all are positive (else 0), and may add up to the most.
 */
function bandSignal(
  dialect: Dialect,
  signal: PlanIcp['signals'][number],
  attribute: PlanAttribute,
): { points: Sql; upside: Sql } {
  const q = (name: string) => dialect.ident(name);
  const lo = q(loColumn(attribute.id));
  const tests = signal.levels.map((_, j) => q(testColumn(signal.column, j)));
  const p = signal.levels.map((l) => String(l.points));
  // Each term is neutral (the level's own points, or 0) unless level i is straddled: no NULL reaches LEAST or GREATEST.
  const straddled = (k: number, neutral: (i: number) => string) =>
    Array.from({ length: k }, (_, i) => `CASE WHEN ${tests[i]} IS NULL THEN ${p[i]} ELSE ${neutral(i)} END`);
  const uncertain = (k: number) =>
    k === 0
      ? 'FALSE'
      : `(${tests
          .slice(0, k)
          .map((t) => `${t} IS NULL`)
          .join(' OR ')})`;
  const pointWhens: Sql[] = [];
  const upsideWhens: Sql[] = [];
  signal.levels.forEach((_, k) => {
    if (k === 0) {
      pointWhens.push(`WHEN ${tests[0]} THEN ${p[0]}`);
      upsideWhens.push(`WHEN ${tests[0]} THEN 0`);
      return;
    }
    const low = `LEAST(${[p[k], ...straddled(k, () => p[k]!)].join(', ')})`;
    const now = `CASE WHEN ${low} > 0 THEN ${low} ELSE 0 END`;
    const high = `GREATEST(${['0', p[k], ...straddled(k, () => '0')].join(', ')})`;
    pointWhens.push(`WHEN ${tests[k]} THEN CASE WHEN ${uncertain(k)} THEN ${now} ELSE ${p[k]} END`);
    upsideWhens.push(`WHEN ${tests[k]} THEN CASE WHEN ${uncertain(k)} THEN ${high} - ${now} ELSE 0 END`);
  });
  const n = signal.levels.length;
  // No level surely passes: 0 now; if some were straddled, up to the most of them.
  const highNone = `GREATEST(${['0', ...straddled(n, () => '0')].join(', ')})`;
  return {
    points: `CASE WHEN ${lo} IS NULL THEN NULL ${pointWhens.join(' ')} ELSE 0 END`,
    upside: `CASE WHEN ${lo} IS NULL THEN 0 ${upsideWhens.join(' ')} ELSE CASE WHEN ${uncertain(n)} THEN ${highNone} ELSE 0 END END`,
  };
}

export interface ScoreQueryOptions {
  /** What to read instead of the plan's table: a FROM item such as `(SELECT …) AS staged`. */
  from?: Sql | undefined;
}

/** The scoring query of a plan, in one dialect. */
export function compileScoreQuery(plan: SqlPlan, dialect: Dialect, options: ScoreQueryOptions = {}): string {
  const q = (name: string) => dialect.ident(name);
  const byId = new Map(plan.attributes.map((a) => [a.id, a]));
  const used = plan.attributes.filter((a) =>
    plan.icps.some((icp) => [...icp.filters, ...icp.signals].some((r) => r.attribute === a.id)),
  );
  const keys = plan.keys.map(q);
  const from = options.from ?? tableSql(dialect, plan.table);

  const folded = [
    ...keys,
    ...used.map((a) => `${foldedValue(dialect, a)} AS ${q(foldedColumn(a.id))}`),
    ...used.filter((a) => a.type === 'choice' || a.type === 'choices').map((a) => q(a.id)),
    ...used.filter((a) => plan.staged.has(a.id)).flatMap((a) => Object.values(stagedColumns(a)).map(q)),
  ];
  const typed = [
    ...keys,
    ...used.map((a) => `${typedValue(dialect, a)} AS ${q(valueColumn(a.id))}`),
    ...used.flatMap((a) => {
      const rejected = rejectedValue(dialect, plan, a);
      return rejected ? [`${rejected} AS ${q(rejectedColumn(a.id))}`] : [];
    }),
    // A band's bounds; a single number is the band [v, v].
    ...used
      .filter((a) => banded(plan, a))
      .flatMap((a) => {
        const v = q(foldedColumn(a.id));
        const { lo, hi } = stagedColumns(a) as { lo: string; hi: string };
        return [
          `CASE WHEN ${v} IS NOT NULL THEN ${v} ELSE CAST(${q(lo)} AS ${dialect.numberType}) END AS ${q(loColumn(a.id))}`,
          `CASE WHEN ${v} IS NOT NULL THEN ${v} ELSE CAST(${q(hi)} AS ${dialect.numberType}) END AS ${q(hiColumn(a.id))}`,
        ];
      }),
  ];

  // Filters are TRUE / FALSE / NULL; a signal's points come straight from its first matching
  // level (a level that cannot be tested means the value is unknown: NULL, unanswered).
  const rules: Sql[] = [];
  const points: Sql[] = [];
  for (const icp of plan.icps) {
    for (const f of icp.filters)
      rules.push(`${ruleTest(dialect, plan, f.rule, byId.get(f.attribute)!)} AS ${q(f.column)}`);
    for (const s of icp.signals) {
      const attribute = byId.get(s.attribute)!;
      if (banded(plan, attribute)) {
        s.levels.forEach((level, j) =>
          rules.push(`${bandTest(dialect, level.rule, attribute)} AS ${q(testColumn(s.column, j))}`),
        );
        const band = bandSignal(dialect, s, attribute);
        points.push(`${band.points} AS ${q(s.column)}`, `${band.upside} AS ${q(upsideColumn(s.column))}`);
        continue;
      }
      const v = q(valueColumn(attribute.id));
      const whens = s.levels.map((level) => `WHEN ${ruleCondition(dialect, level.rule, v)} THEN ${level.points}`);
      rules.push(`CASE WHEN ${v} IS NULL THEN NULL ${whens.join(' ')} ELSE 0 END AS ${q(s.column)}`);
    }
  }

  const totals: Sql[] = [];
  for (const icp of plan.icps) {
    const failed = icp.filters.map((f) => `NOT ${q(f.column)}`);
    const unknown = icp.filters.map((f) => `${q(f.column)} IS NULL`);
    const verdict =
      failed.length === 0
        ? String(FIT)
        : `CASE WHEN ${failed.join(' OR ')} THEN ${OUT} WHEN ${unknown.join(' OR ')} THEN ${UNKNOWN} ELSE ${FIT} END`;
    totals.push(`${verdict} AS ${q(icpColumn(icp, 'verdict'))}`);
    totals.push(`${sum(icp.signals.map((s) => `COALESCE(${q(s.column)}, 0)`))} AS ${q(icpColumn(icp, 'sum'))}`);
    const upside = (s: PlanIcp['signals'][number]) =>
      banded(plan, byId.get(s.attribute)!)
        ? `CASE WHEN ${q(s.column)} IS NULL THEN ${s.best} ELSE ${q(upsideColumn(s.column))} END`
        : `CASE WHEN ${q(s.column)} IS NULL THEN ${s.best} ELSE 0 END`;
    totals.push(`${sum(icp.signals.map(upside))} AS ${q(icpColumn(icp, 'upside'))}`);
  }

  const scores: Sql[] = [];
  for (const icp of plan.icps) {
    const verdict = q(icpColumn(icp, 'verdict'));
    const score = clamp(q(icpColumn(icp, 'sum')));
    scores.push(`${score} AS ${q(icpColumn(icp, 'score'))}`);
    scores.push(
      `${clamp(`${q(icpColumn(icp, 'sum'))} + ${q(icpColumn(icp, 'upside'))}`)} AS ${q(icpColumn(icp, 'best'))}`,
    );
    const tier = `CASE ${icp.tiers.map((tier) => `WHEN ${score} >= ${tier.min} THEN ${dialect.text(tier.label)}`).join(' ')} END`;
    scores.push(`CASE WHEN ${verdict} = ${OUT} THEN NULL ELSE ${tier} END AS ${q(icpColumn(icp, 'tier'))}`);
    // Best fit first: fit, then unknown, then out; then the higher score (0..302, lowest wins).
    scores.push(`${verdict} * 101 + (100 - ${score}) AS ${q(icpColumn(icp, 'rank'))}`);
  }

  // Ties go to the first ICP in playbook order, as in the engine: ICP i wins when no later one ranks lower and no earlier one ranks as low.
  const ranks = plan.icps.map((icp) => q(icpColumn(icp, 'rank')));
  const winner =
    plan.icps.length === 1
      ? '0'
      : `CASE ${ranks
          .slice(0, -1)
          .map(
            (r, i) =>
              `WHEN ${ranks
                .slice(i + 1)
                .map((other) => `${r} <= ${other}`)
                .join(' AND ')} THEN ${i}`,
          )
          .join(' ')} ELSE ${ranks.length - 1} END`;
  const chosen = (what: string) =>
    plan.icps.length === 1
      ? q(icpColumn(plan.icps[0]!, what))
      : `CASE ${q('__best')} ${plan.icps.map((icp, i) => `WHEN ${i} THEN ${q(icpColumn(icp, what))}`).join(' ')} END`;
  const icpName =
    plan.icps.length === 1
      ? dialect.text(plan.icps[0]!.id)
      : `CASE ${q('__best')} ${plan.icps.map((icp, i) => `WHEN ${i} THEN ${dialect.text(icp.id)}`).join(' ')} END`;
  const verdictCode = chosen('verdict');
  // Reasons are worded for the chosen ICP only, and only when it is not a fit: the words are the costly part.
  const reasonsOf = (icp: PlanIcp) =>
    `CASE WHEN ${q(icpColumn(icp, 'verdict'))} = ${FIT} THEN NULL ELSE ${reasonsSql(dialect, plan, icp, byId)} END`;
  const reasons =
    plan.icps.length === 1
      ? reasonsOf(plan.icps[0]!)
      : `CASE ${q('__best')} ${plan.icps.map((icp, i) => `WHEN ${i} THEN ${reasonsOf(icp)}`).join(' ')} END`;
  const explanation = dialect.jsonObject(
    plan.icps.map((icp) => [
      icp.id,
      {
        type: 'object',
        sql: dialect.jsonObject([
          ['verdict', { sql: verdictText(q(icpColumn(icp, 'verdict'))), type: 'text' }],
          ['score', { sql: q(icpColumn(icp, 'score')), type: 'integer' }],
          ['best', { sql: q(icpColumn(icp, 'best')), type: 'integer' }],
          ['tier', { sql: q(icpColumn(icp, 'tier')), type: 'text' }],
          [
            'filters',
            {
              type: 'object',
              sql: dialect.jsonObject(icp.filters.map((f) => [f.label, { sql: q(f.column), type: 'boolean' }])),
            },
          ],
          [
            'signals',
            {
              type: 'object',
              sql: dialect.jsonObject(icp.signals.map((s) => [s.label, { sql: q(s.column), type: 'integer' }])),
            },
          ],
        ]),
      },
    ]),
  );
  const details = plan.icps.flatMap((icp) => [
    ...icp.filters.map((f) => q(f.column)),
    ...icp.signals.map((s) => q(s.column)),
  ]);
  const result: Record<(typeof RESULT_COLUMNS)[number] | (typeof TRAILING_COLUMNS)[number], Sql> = {
    icp: icpName,
    verdict: verdictText(verdictCode),
    score: chosen('score'),
    best: chosen('best'),
    tier: `CASE WHEN ${verdictCode} = ${FIT} THEN ${chosen('tier')} END`,
    provisional_tier: `CASE WHEN ${verdictCode} = ${UNKNOWN} THEN ${chosen('tier')} END`,
    reasons,
    explanation,
    icp_version: dialect.text(plan.version),
  };
  const select = [
    ...keys,
    ...RESULT_COLUMNS.map((c) => `${result[c]} AS ${q(c)}`),
    ...details,
    ...TRAILING_COLUMNS.map((c) => `${result[c]} AS ${q(c)}`),
  ];
  const wording = wordingLayers(dialect, plan, byId);
  const layer = (columns: Sql[]) => `SELECT *${columns.length > 0 ? `,\n    ${columns.join(',\n    ')}` : ''}`;
  const layers: [string, Sql][] = [
    ['folded', `SELECT\n    ${folded.join(',\n    ')}\n  FROM ${from}`],
    ['typed', `SELECT\n    ${typed.join(',\n    ')}\n  FROM folded`],
    ['rules', `${layer(rules)}\n  FROM typed`],
    ['points', `${layer(points)}\n  FROM rules`],
    ['totals', `${layer(totals)}\n  FROM points`],
    ['scores', `${layer(scores)}\n  FROM totals`],
    ['ranked', `${layer([`${winner} AS ${q('__best')}`])}\n  FROM scores`],
    ['pieces', `${layer(wording.pieces)}\n  FROM ranked`],
    ['worded', `${layer(wording.words)}\n  FROM pieces`],
  ];
  const end = dialect.layerEnd === '' ? '' : `\n  ${dialect.layerEnd}`;
  const ctes = layers.map(([name, body]) => `${name} AS (\n  ${body}${end}\n)`);
  return `WITH ${ctes.join(',\n')}\nSELECT\n  ${select.join(',\n  ')}\nFROM worded`;
}
