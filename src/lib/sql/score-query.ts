// The scoring query: one plain SELECT over the accounts table, one pass (each CTE reads the
// one before it, none is joined back), written from the plan with the dialect's functions.
// Three-valued logic is explicit: a rule on a NULL value is NULL (unknown), never FALSE.
import type { Rule } from '../../schemas/rule.ts';
import { getFormatters } from '../format.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import type { Dialect, Sql } from './dialects.ts';
import { foldSql, TRIMMED } from './fold.ts';
import type { PlanAttribute, PlanIcp, SqlPlan } from './plan.ts';
import { RESULT_COLUMNS, TRAILING_COLUMNS } from './plan.ts';

/** Internal column names: prefixed so they never meet a key column. */
const valueColumn = (id: string) => `__v_${id}`;
const levelColumn = (column: string) => `__level_${column}`;
const icpColumn = (icp: PlanIcp, what: string) => `__${icp.prefix}_${what}`;

/** A table name, possibly with its schema (`analytics.accounts`), quoted part by part. */
export function tableSql(dialect: Dialect, table: string): Sql {
  if (table.startsWith('{{')) return table;
  return table
    .split('.')
    .map((part) => dialect.ident(part))
    .join('.');
}

/**
 * The option id a text names, NULL when it names none; `blank` for an empty or blank text.
 * Exact spellings (ids, labels, aliases as written) are tried first, as the CSV reader's
 * OptionIndex does: clean data never pays for folding.
 */
export function optionCase(dialect: Dialect, attribute: PlanAttribute, text: Sql, blank: 'null' | 'empty' = 'null'): Sql {
  const exact = new Map<string, string>();
  for (const o of attribute.options) for (const name of [o.id, o.label, ...o.exact]) if (!exact.has(name)) exact.set(name, o.id);
  const pairs: [Sql, Sql][] = attribute.options.flatMap((o) => o.names.map((name): [Sql, Sql] => [dialect.text(name), dialect.text(o.id)]));
  if (blank === 'empty') pairs.push(["''", "''"]);
  const whens = [...exact].map(([name, id]) => `WHEN ${dialect.text(name)} THEN ${dialect.text(id)}`).join(' ');
  return `CASE ${text} ${whens} ELSE ${dialect.lookup(foldSql(dialect, text), pairs)} END`;
}

/** A choices array mapped to option ids: '' for a blank or NULL element (ignored), NULL for one that names no option. */
export function mapChoices(dialect: Dialect, attribute: PlanAttribute, array: Sql): Sql {
  return dialect.arrayMap(array, (x) => optionCase(dialect, attribute, `COALESCE(${x}, '')`, 'empty'));
}

const foldedColumn = (id: string) => `__f_${id}`;
const rejectedColumn = (id: string) => `__r_${id}`;

/**
 * The text of a choice(s) value that names no option (trimmed; for choices, the first such
 * element), NULL otherwise: reasons then say "value not recognised: X", not "no value".
 */
function rejectedValue(dialect: Dialect, attribute: PlanAttribute): Sql | undefined {
  const column = dialect.ident(attribute.id);
  const folded = dialect.ident(foldedColumn(attribute.id));
  if (attribute.type === 'choice') return `CASE WHEN ${folded} IS NULL AND ${foldSql(dialect, column)} <> '' THEN ${dialect.trimChars(column, TRIMMED)} END`;
  if (attribute.type === 'choices') return `CASE WHEN ${folded} IS NOT NULL THEN ${dialect.trimChars(dialect.arrayElement(column, dialect.arrayPositionOfNull(folded)), TRIMMED)} END`;
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
      return `CASE WHEN ${known} THEN ${mapChoices(dialect, attribute, column)} END`;
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
    case 'choices':
      return `CASE WHEN ${folded} IS NULL THEN NULL WHEN ${dialect.arrayHasNull(folded)} THEN NULL ELSE ${dialect.arrayCompact(folded)} END`;
  }
}

function numberLiteral(value: number): Sql {
  return Number.isInteger(value) ? String(value) : String(value);
}

/** The rule on a known value: TRUE or FALSE, never NULL. */
function ruleCondition(dialect: Dialect, rule: Rule, v: Sql): Sql {
  switch (rule.op) {
    case 'between': {
      const parts = [rule.min !== null ? `${v} >= ${numberLiteral(rule.min)}` : '', rule.max !== null ? `${v} <= ${numberLiteral(rule.max)}` : ''].filter(Boolean);
      return parts.length === 0 ? 'TRUE' : `(${parts.join(' AND ')})`;
    }
    case 'atLeast':
      return `(${v} >= ${numberLiteral(rule.value)})`;
    case 'atMost':
      return `(${v} <= ${numberLiteral(rule.value)})`;
    case 'is':
      return rule.value ? `(${v} = TRUE)` : `(${v} = FALSE)`;
    case 'in':
      return `(${v} IN (${rule.values.map((id) => dialect.text(id)).join(', ')}))`;
    case 'notIn':
      return `(${v} NOT IN (${rule.values.map((id) => dialect.text(id)).join(', ')}))`;
    case 'anyOf':
      return `(${rule.values.map((id) => dialect.arrayContains(v, dialect.text(id))).join(' OR ')})`;
    case 'allOf':
      return `(${rule.values.map((id) => dialect.arrayContains(v, dialect.text(id))).join(' AND ')})`;
    case 'noneOf':
      return `(NOT (${rule.values.map((id) => dialect.arrayContains(v, dialect.text(id))).join(' OR ')}))`;
  }
}

/** The rule in three-valued logic: NULL when the value is unknown. */
function ruleTest(dialect: Dialect, rule: Rule, attribute: PlanAttribute): Sql {
  const v = dialect.ident(valueColumn(attribute.id));
  return `CASE WHEN ${v} IS NULL THEN NULL WHEN ${ruleCondition(dialect, rule, v)} THEN TRUE ELSE FALSE END`;
}

/** A number as `getFormatters(locale).number` writes it (up to two decimals, grouped thousands). */
function formatNumberSql(dialect: Dialect, plan: SqlPlan, v: Sql): Sql {
  const cents = dialect.roundToInteger(`abs(${v}) * 100`);
  const whole = dialect.groupThousands(dialect.intDiv(cents, '100'));
  const fraction = `(${cents} - ${dialect.intDiv(cents, '100')} * 100)`;
  const decimals = `CASE WHEN ${fraction} = 0 THEN '' WHEN ${fraction} - ${dialect.intDiv(fraction, '10')} * 10 = 0 THEN ${dialect.text(plan.locale === 'fr' ? ',' : '.')} || ${dialect.toText(dialect.intDiv(fraction, '10'))} ELSE ${dialect.text(plan.locale === 'fr' ? ',' : '.')} || ${dialect.padTwo(fraction)} END`;
  const grouped = plan.locale === 'fr' ? `replace(${whole}, ',', ${dialect.text(getFormatters('fr').number(1000).charAt(1))})` : whole;
  return `CASE WHEN ${v} < 0 AND ${cents} > 0 THEN '-' ELSE '' END || ${grouped} || ${decimals}`;
}

/** A list of labels as `joinList` writes it: `A`, `A and B`, `A, B, and C` (`A, B et C`). */
function joinLabelsSql(dialect: Dialect, plan: SqlPlan, labels: Sql): Sql {
  const n = dialect.arrayLength(labels);
  const [and, lastComma] = plan.locale === 'fr' ? [' et ', ' et '] : [' and ', ', and '];
  const last = dialect.arrayElement(labels, n);
  return `CASE WHEN ${n} = 1 THEN ${dialect.arrayElement(labels, '1')} WHEN ${n} = 2 THEN ${dialect.arrayElement(labels, '1')} || ${dialect.text(and)} || ${dialect.arrayElement(labels, '2')} ELSE ${dialect.arrayJoinFirst(labels, `${n} - 1`, ', ')} || ${dialect.text(lastComma)} || ${last} END`;
}

/** A known value in words, as `describeValue` writes it. */
function describeValueSql(dialect: Dialect, plan: SqlPlan, attribute: PlanAttribute): Sql {
  const t = scoringMessages[plan.locale];
  const v = dialect.ident(valueColumn(attribute.id));
  const label = (x: Sql) => `CASE ${x} ${attribute.options.map((o) => `WHEN ${dialect.text(o.id)} THEN ${dialect.text(o.label)}`).join(' ')} END`;
  switch (attribute.type) {
    case 'number': {
      const text = formatNumberSql(dialect, plan, v);
      return attribute.unit ? `${text} || ${dialect.text(` ${attribute.unit}`)}` : text;
    }
    case 'boolean':
      return `CASE WHEN ${v} THEN ${dialect.text(t.yes)} ELSE ${dialect.text(t.no)} END`;
    case 'choice':
      return label(v);
    case 'choices':
      return `CASE WHEN ${dialect.arrayLength(v)} = 0 THEN ${dialect.text(t.noneSelected)} ELSE ${joinLabelsSql(dialect, plan, dialect.arrayMap(v, label))} END`;
  }
}

/** The `reasons` of one ICP: failed filters, then unknown ones, by label; NULL when none. */
function reasonsSql(dialect: Dialect, plan: SqlPlan, icp: PlanIcp, byId: Map<string, PlanAttribute>): Sql {
  const t = scoringMessages[plan.locale];
  const failed = icp.filters.map((f) => {
    const column = dialect.ident(f.column);
    const [before, after] = t.filterFail(f.label, '\u0000').split('\u0000') as [string, string];
    return `CASE WHEN ${column} = FALSE THEN ${dialect.text(before)} || ${describeValueSql(dialect, plan, byId.get(f.attribute)!)} || ${dialect.text(after)} END`;
  });
  const unknown = icp.filters.map((f) => {
    const column = dialect.ident(f.column);
    const noValue = dialect.text(t.filterUnknown(f.label));
    const attribute = byId.get(f.attribute)!;
    if (attribute.type !== 'choice' && attribute.type !== 'choices') return `CASE WHEN ${column} IS NULL THEN ${noValue} END`;
    const rejected = dialect.ident(rejectedColumn(attribute.id));
    const [before, after] = t.filterUnrecognised(f.label, '\u0000').split('\u0000') as [string, string];
    return `CASE WHEN ${column} IS NULL THEN CASE WHEN ${rejected} IS NULL THEN ${noValue} ELSE ${dialect.text(before)} || ${rejected} || ${dialect.text(after)} END END`;
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

export interface ScoreQueryOptions {
  /** What to read instead of the plan's table: a FROM item such as `(SELECT …) AS staged`. */
  from?: Sql | undefined;
}

/** The scoring query of a plan, in one dialect. */
export function compileScoreQuery(plan: SqlPlan, dialect: Dialect, options: ScoreQueryOptions = {}): string {
  const q = (name: string) => dialect.ident(name);
  const byId = new Map(plan.attributes.map((a) => [a.id, a]));
  const used = plan.attributes.filter((a) => plan.icps.some((icp) => [...icp.filters, ...icp.signals].some((r) => r.attribute === a.id)));
  const keys = plan.keys.map(q);
  const from = options.from ?? tableSql(dialect, plan.table);

  const folded = [
    ...keys,
    ...used.map((a) => `${foldedValue(dialect, a)} AS ${q(foldedColumn(a.id))}`),
    ...used.filter((a) => a.type === 'choice' || a.type === 'choices').map((a) => q(a.id)),
  ];
  const typed = [
    ...keys,
    ...used.map((a) => `${typedValue(dialect, a)} AS ${q(valueColumn(a.id))}`),
    ...used.flatMap((a) => {
      const rejected = rejectedValue(dialect, a);
      return rejected ? [`${rejected} AS ${q(rejectedColumn(a.id))}`] : [];
    }),
  ];

  const rules: Sql[] = [];
  for (const icp of plan.icps) {
    for (const f of icp.filters) rules.push(`${ruleTest(dialect, f.rule, byId.get(f.attribute)!)} AS ${q(f.column)}`);
    for (const s of icp.signals) {
      const attribute = byId.get(s.attribute)!;
      // First matching level wins, as in the engine; a level that cannot be tested stops the search.
      const whens = s.levels.map((level, j) => {
        const test = ruleTest(dialect, level.rule, attribute);
        return `WHEN (${test}) IS NULL THEN ${j === 0 ? 'NULL' : '-1'} WHEN ${test} THEN ${j}`;
      });
      rules.push(`CASE ${whens.join(' ')} ELSE -1 END AS ${q(levelColumn(s.column))}`);
    }
  }

  const points: Sql[] = [];
  for (const icp of plan.icps) {
    for (const s of icp.signals) {
      const level = q(levelColumn(s.column));
      const whens = s.levels.map((l, j) => `WHEN ${j} THEN ${l.points}`).join(' ');
      points.push(`CASE WHEN ${level} IS NULL THEN NULL ELSE CASE ${level} ${whens} ELSE 0 END END AS ${q(s.column)}`);
    }
  }

  const totals: Sql[] = [];
  for (const icp of plan.icps) {
    const failed = icp.filters.map((f) => `COALESCE(NOT ${q(f.column)}, FALSE)`);
    const unknown = icp.filters.map((f) => `${q(f.column)} IS NULL`);
    const verdict = failed.length === 0 ? `'fit'` : `CASE WHEN ${failed.join(' OR ')} THEN 'out' WHEN ${unknown.join(' OR ')} THEN 'unknown' ELSE 'fit' END`;
    totals.push(`${verdict} AS ${q(icpColumn(icp, 'verdict'))}`);
    totals.push(`${sum(icp.signals.map((s) => `COALESCE(${q(s.column)}, 0)`))} AS ${q(icpColumn(icp, 'sum'))}`);
    totals.push(`${sum(icp.signals.map((s) => `CASE WHEN ${q(s.column)} IS NULL THEN ${s.best} ELSE 0 END`))} AS ${q(icpColumn(icp, 'upside'))}`);
  }

  const scores: Sql[] = [];
  for (const icp of plan.icps) {
    const verdict = q(icpColumn(icp, 'verdict'));
    const score = clamp(q(icpColumn(icp, 'sum')));
    scores.push(`${score} AS ${q(icpColumn(icp, 'score'))}`);
    scores.push(`${clamp(`${q(icpColumn(icp, 'sum'))} + ${q(icpColumn(icp, 'upside'))}`)} AS ${q(icpColumn(icp, 'best'))}`);
    const tier = `CASE ${icp.tiers.map((tier) => `WHEN ${score} >= ${tier.min} THEN ${dialect.text(tier.label)}`).join(' ')} END`;
    scores.push(`CASE WHEN ${verdict} = 'out' THEN NULL ELSE ${tier} END AS ${q(icpColumn(icp, 'tier'))}`);
    // Best fit first: fit, then unknown, then out; then the higher score (0..302, lowest wins).
    scores.push(`CASE ${verdict} WHEN 'fit' THEN 0 WHEN 'unknown' THEN 101 ELSE 202 END + (100 - ${score}) AS ${q(icpColumn(icp, 'rank'))}`);
    scores.push(`${reasonsSql(dialect, plan, icp, byId)} AS ${q(icpColumn(icp, 'reasons'))}`);
  }

  // Ties go to the first ICP in playbook order, as in the engine.
  const ranks = plan.icps.map((icp) => q(icpColumn(icp, 'rank')));
  const winner = plan.icps.length === 1 ? '0' : `CASE ${ranks.map((r, i) => `WHEN ${r} = LEAST(${ranks.join(', ')}) THEN ${i}`).join(' ')} END`;
  const chosen = (what: string) =>
    plan.icps.length === 1 ? q(icpColumn(plan.icps[0]!, what)) : `CASE ${q('__best')} ${plan.icps.map((icp, i) => `WHEN ${i} THEN ${q(icpColumn(icp, what))}`).join(' ')} END`;
  const icpName = plan.icps.length === 1 ? dialect.text(plan.icps[0]!.id) : `CASE ${q('__best')} ${plan.icps.map((icp, i) => `WHEN ${i} THEN ${dialect.text(icp.id)}`).join(' ')} END`;
  const verdict = chosen('verdict');
  const explanation = dialect.jsonObject(
    plan.icps.map((icp) => [
      icp.id,
      dialect.jsonObject([
        ['verdict', q(icpColumn(icp, 'verdict'))],
        ['score', q(icpColumn(icp, 'score'))],
        ['best', q(icpColumn(icp, 'best'))],
        ['tier', q(icpColumn(icp, 'tier'))],
        ['filters', dialect.jsonObject(icp.filters.map((f) => [f.label, q(f.column)]))],
        ['signals', dialect.jsonObject(icp.signals.map((s) => [s.label, q(s.column)]))],
      ]),
    ]),
  );
  const details = plan.icps.flatMap((icp) => [...icp.filters.map((f) => q(f.column)), ...icp.signals.map((s) => q(s.column))]);
  const result: Record<(typeof RESULT_COLUMNS)[number] | (typeof TRAILING_COLUMNS)[number], Sql> = {
    icp: icpName,
    verdict,
    score: chosen('score'),
    best: chosen('best'),
    tier: `CASE WHEN ${verdict} = 'fit' THEN ${chosen('tier')} END`,
    provisional_tier: `CASE WHEN ${verdict} = 'unknown' THEN ${chosen('tier')} END`,
    reasons: chosen('reasons'),
    explanation,
    icp_version: dialect.text(plan.version),
  };
  const select = [
    ...keys,
    ...RESULT_COLUMNS.map((c) => `${result[c]} AS ${q(c)}`),
    ...details,
    ...TRAILING_COLUMNS.map((c) => `${result[c]} AS ${q(c)}`),
  ];
  const layer = (columns: Sql[]) => `SELECT *${columns.length > 0 ? `,\n    ${columns.join(',\n    ')}` : ''}`;
  return [
    `WITH folded AS (\n  SELECT\n    ${folded.join(',\n    ')}\n  FROM ${from}\n),`,
    `typed ${dialect.cteAs} (\n  SELECT\n    ${typed.join(',\n    ')}\n  FROM folded\n),`,
    `rules ${dialect.cteAs} (\n  ${layer(rules)}\n  FROM typed\n),`,
    `points ${dialect.cteAs} (\n  ${layer(points)}\n  FROM rules\n),`,
    `totals ${dialect.cteAs} (\n  ${layer(totals)}\n  FROM points\n),`,
    `scores ${dialect.cteAs} (\n  ${layer(scores)}\n  FROM totals\n),`,
    `ranked ${dialect.cteAs} (\n  ${layer([`${winner} AS ${q('__best')}`])}\n  FROM scores\n)`,
    `SELECT\n  ${select.join(',\n  ')}\nFROM ranked`,
  ].join('\n');
}
