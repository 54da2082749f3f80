// Every difference between the SQL dialects lives in this one table of functions: the plan
// compiler (score-query.ts, staging-query.ts) writes portable SQL and asks the dialect for
// anything else (arrays, JSON, regular expressions, number formatting).

/** The warehouses the ICPs compile to. */
export const DIALECTS = ['duckdb', 'postgres', 'snowflake', 'bigquery'] as const;
export type DialectName = (typeof DIALECTS)[number];

/** SQL text of an expression. */
export type Sql = string;

/** A value in a JSON object: its SQL and the JSON type it becomes (NULL becomes null). */
export interface JsonValue {
  sql: Sql;
  type: 'text' | 'integer' | 'boolean' | 'object';
}

export interface Dialect {
  name: DialectName;
  /** A quoted identifier. */
  ident(name: string): Sql;
  /** A string literal. */
  text(value: string): Sql;
  /** The type of numbers read and written (numbers are compared exactly as written). */
  numberType: Sql;
  /** Casts an expression to text. */
  toText(expr: Sql): Sql;
  /** Texts joined end to end (every part non-NULL where it is used): one call where the dialect allows. */
  concat(parts: Sql[]): Sql;
  /** Casts text to a number (the text is already known to be one). */
  toNumber(expr: Sql): Sql;
  /** The `n`-th parenthesised group of a whole-text match of a regular expression (written without anchors); NULL or '' when it does not match. */
  regexGroup(expr: Sql, pattern: string, n: number): Sql;
  /** The type of text and of an array of text (for typed NULLs). */
  textType: Sql;
  textArrayType: Sql;
  /** Whether text matches a whole regular expression (written without anchors). */
  fullMatch(expr: Sql, pattern: string): Sql;
  /** A character inside a regular expression, escaped when invisible (so the pattern stays one constant literal). */
  regexChar: (char: string) => string;
  /**
   * Removes accents from lowercase text, as `normaliseName` does (NFKD, then no combining marks).
   * `table` is a TRANSLATE table generated from `normaliseName`, for engines without Unicode normalisation.
   */
  stripAccents(expr: Sql, table: { from: string; to: string }): Sql;
  /**
   * The value paired with a key (NULL when the key is not listed). The key expression must be
   * evaluated once: DuckDB's simple CASE repeats its operand per WHEN, so it looks up a list.
   */
  lookup(key: Sql, pairs: readonly (readonly [Sql, Sql])[]): Sql;
  /**
   * What ends the SELECT of each layer (a CTE or a subquery in FROM) of the queries, or ''.
   * PostgreSQL inlines a CTE read once, flattens subqueries, and substitutes a layer's expressions
   * into every reference, which multiplies the work of each layer; `OFFSET 0` keeps each layer a
   * subquery of its own, computed once per row and streamed to the next. (MATERIALIZED CTEs, used
   * before, also wrote every layer to a temporary store: 3.4 times as slow on 1M accounts.)
   */
  layerEnd: Sql;
  /** Replaces every match of a regular expression. */
  replaceAll(expr: Sql, pattern: string, replacement: string): Sql;
  /** Removes the given characters from both ends of the text. */
  trimChars(expr: Sql, chars: string): Sql;
  /** Maps each element of an array through `body` (which reads the element as `x`), keeping order. */
  arrayMap(array: Sql, body: (x: Sql) => Sql): Sql;
  /**
   * Whether every element of an array is one of these texts (none NULL; repeats allowed): such
   * a `choices` value needs no mapping (clean data skips the per-element lookup). Optional: a speed-up only.
   */
  arrayAllIn?(array: Sql, values: readonly Sql[]): Sql;
  /** Whether any element of an array is NULL. */
  arrayHasNull(array: Sql): Sql;
  /** The array without empty strings and without repeats, in first-seen order. */
  arrayCompact(array: Sql): Sql;
  /** The distinct elements of an array that holds no blank and no NULL, in the order first given. */
  arrayDistinct(array: Sql): Sql;
  /** Number of elements. */
  arrayLength(array: Sql): Sql;
  /** Whether the array holds this text (the array holds no NULL). */
  arrayContains(array: Sql, value: Sql): Sql;
  /** 1-based position of the first NULL element of an array, NULL if none. */
  arrayPositionOfNull(array: Sql): Sql;
  /** Element `index` (1-based) of an array. */
  arrayElement(array: Sql, index: Sql): Sql;
  /** Joins the first `count` elements of a text array with `separator`. */
  arrayJoinFirst(array: Sql, count: Sql, separator: string): Sql;
  /** Splits text on `|` and `;` into an array of text. */
  splitList(expr: Sql): Sql;
  /** An array literal of text (possibly empty). */
  textArray(values: Sql[]): Sql;
  /**
   * Whether a `choices` column holds an answer. BigQuery cannot store a NULL array, so there the
   * answer is the companion boolean column `<attr>_known`.
   */
  arrayKnown(column: Sql, knownColumn: Sql): Sql;
  /** Joins the non-NULL parts with a separator ('' when every part is NULL). */
  joinNonNull(parts: Sql[], separator: string): Sql;
  /** A whole number with a comma between groups of three digits: 1,234,567. */
  groupThousands(expr: Sql): Sql;
  /** Left-pads text with zeros to two characters. */
  padTwo(expr: Sql): Sql;
  /** A JSON object from key/value pairs, NULL values kept as JSON null. */
  jsonObject(pairs: [string, JsonValue][]): Sql;
  /** Integer division of non-negative integers. */
  intDiv(a: Sql, b: Sql): Sql;
  /** Rounds a number to a whole number (half away from zero), as a big integer. */
  roundToInteger(expr: Sql): Sql;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Characters written as escapes, never raw: controls, invisible spaces, combining marks. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{M}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;
const hex4 = (char: string) => char.charCodeAt(0).toString(16).padStart(4, '0');

/** DuckDB: plain quoted text, invisible characters as `chr(n)` (folded to a constant by the planner). */
function duckText(value: string): string {
  const parts: string[] = [];
  let run = '';
  for (const char of value) {
    if (INVISIBLE.test(char)) {
      if (run !== '') parts.push(`'${run.replaceAll("'", "''")}'`);
      run = '';
      parts.push(`chr(${char.codePointAt(0)})`);
    } else run += char;
  }
  if (run !== '' || parts.length === 0) parts.push(`'${run.replaceAll("'", "''")}'`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' || ')})`;
}

/** PostgreSQL: standard text, or an E'' string with \uXXXX escapes when it holds invisible characters. */
function postgresText(value: string): string {
  if (!INVISIBLE.test(value)) return `'${value.replaceAll("'", "''")}'`;
  let body = '';
  for (const char of value)
    body += INVISIBLE.test(char) ? `\\u${hex4(char)}` : char === "'" ? "\\'" : char === '\\' ? '\\\\' : char;
  return `E'${body}'`;
}

/** Snowflake and BigQuery: backslash escapes are read in every string literal; BigQuery refuses raw line breaks. */
const escapeText = (value: string) => {
  let body = '';
  for (const char of value)
    body += INVISIBLE.test(char) ? `\\u${hex4(char)}` : char === "'" ? "\\'" : char === '\\' ? '\\\\' : char;
  return `'${body}'`;
};
const quoteText = duckText;

/**
 * DuckDB: the JSON text written out with one concat() per object, each value by its type.
 * json_object builds a document per row: the example's query on 10M accounts took 69–81 s with
 * it, 55–65 s this way; the text is the same, key for key (the differential tests parse it). The column is VARCHAR:
 * DuckDB's JSON functions read it as is, and a cast to JSON would parse every row again.
 */
function duckJsonObject(pairs: [string, JsonValue][]): Sql {
  const value = ({ sql, type }: JsonValue): Sql => {
    if (type === 'object') return sql;
    if (type === 'boolean') return `CASE WHEN ${sql} THEN 'true' WHEN NOT ${sql} THEN 'false' ELSE 'null' END`;
    return `COALESCE(${type === 'text' ? `CAST(to_json(${sql}) AS VARCHAR)` : `CAST(${sql} AS VARCHAR)`}, 'null')`;
  };
  const parts = pairs.flatMap(([key, v], i) => [quoteText(`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`), value(v)]);
  return `concat(${[...parts, quoteText(pairs.length === 0 ? '{}' : '}')].join(', ')})`;
}

const duckdb: Dialect = {
  name: 'duckdb',
  layerEnd: '',
  ident: quoteIdent,
  text: quoteText,
  numberType: 'DOUBLE',
  toText: (e) => `CAST(${e} AS VARCHAR)`,
  // One concat() builds the text once; a chain of || builds every intermediate text.
  concat: (parts) => `concat(${parts.join(', ')})`,
  toNumber: (e) => `CAST(${e} AS DOUBLE)`,
  fullMatch: (e, p) => `regexp_full_match(${e}, ${quoteText(p)})`,
  regexGroup: (e, p, n) => `regexp_extract(${e}, ${quoteText(`^(?:${p})$`)}, ${n})`,
  textType: 'VARCHAR',
  textArrayType: 'VARCHAR[]',
  regexChar: (c) => (INVISIBLE.test(c) ? `\\x{${hex4(c)}}` : c),
  // A long TRANSLATE table is rebuilt on every call in DuckDB; its own strip_accents is fast.
  stripAccents: (e) => `strip_accents(${e})`,
  lookup: (key, pairs) =>
    `[${pairs.map(([, v]) => v).join(', ')}][list_position([${pairs.map(([k]) => k).join(', ')}], ${key})]`,
  replaceAll: (e, p, r) => `regexp_replace(${e}, ${quoteText(p)}, ${quoteText(r)}, 'g')`,
  trimChars: (e, chars) => `trim(${e}, ${quoteText(chars)})`,
  arrayMap: (a, body) => `list_transform(${a}, x -> ${body('x')})`,
  // One lambda over the elements is cheaper than list_has_all's hashing; a NULL element is not IN the list.
  arrayAllIn: (a, values) => `(len(list_filter(${a}, y -> y IN (${values.join(', ')}))) = len(${a}))`,
  arrayHasNull: (a) => `(list_position(${a}, NULL) IS NOT NULL)`,
  arrayCompact: (a) =>
    `list_filter(list_filter(${a}, y -> y <> ''), (y, i) -> list_position(list_filter(${a}, z -> z <> ''), y) = i)`,
  arrayDistinct: (a) => `list_filter(${a}, (y, i) -> list_position(${a}, y) = i)`,
  arrayLength: (a) => `len(${a})`,
  arrayContains: (a, v) => `list_contains(${a}, ${v})`,
  arrayPositionOfNull: (a) => `list_position(${a}, NULL)`,
  arrayElement: (a, i) => `${a}[${i}]`,
  arrayJoinFirst: (a, n, sep) => `array_to_string(${a}[1:${n}], ${quoteText(sep)})`,
  splitList: (e) => `regexp_split_to_array(${e}, '[|;]')`,
  textArray: (values) => `CAST([${values.join(', ')}] AS VARCHAR[])`,
  arrayKnown: (column) => `(${column} IS NOT NULL)`,
  joinNonNull: (parts, sep) => `concat_ws(${quoteText(sep)}, ${parts.join(', ')})`,
  groupThousands: (e) => `format('{:,}', ${e})`,
  padTwo: (e) => `lpad(CAST(${e} AS VARCHAR), 2, '0')`,
  jsonObject: (pairs) => duckJsonObject(pairs),
  intDiv: (a, b) => `(${a} // ${b})`,
  roundToInteger: (e) => `CAST(round(${e}) AS BIGINT)`,
};

const postgres: Dialect = {
  name: 'postgres',
  layerEnd: 'OFFSET 0',
  ident: quoteIdent,
  text: postgresText,
  numberType: 'double precision',
  toText: (e) => `CAST(${e} AS text)`,
  concat: (parts) => parts.join(' || '),
  toNumber: (e) => `CAST(${e} AS double precision)`,
  fullMatch: (e, p) => `(${e} ~ ${postgresText(`^(?:${p})$`)})`,
  regexGroup: (e, p, n) => `(regexp_match(${e}, ${postgresText(`^(?:${p})$`)}))[${n}]`,
  textType: 'text',
  textArrayType: 'text[]',
  regexChar: (c) => (INVISIBLE.test(c) ? `\\u${hex4(c)}` : c),
  // normalize() needs a UTF8 database (PostgreSQL 13 and later).
  stripAccents: (e) => `regexp_replace(normalize(${e}, NFKD), '[\\u0300-\\u036f]', '', 'g')`,
  lookup: (key, pairs) => `CASE ${key} ${pairs.map(([k, v]) => `WHEN ${k} THEN ${v}`).join(' ')} ELSE NULL END`,
  replaceAll: (e, p, r) => `regexp_replace(${e}, ${postgresText(p)}, ${postgresText(r)}, 'g')`,
  trimChars: (e, chars) => `btrim(${e}, ${postgresText(chars)})`,
  arrayMap: (a, body) => `ARRAY(SELECT ${body('x')} FROM unnest(${a}) WITH ORDINALITY AS t(x, o) ORDER BY o)`,
  arrayHasNull: (a) => `array_position(${a}, NULL) IS NOT NULL`,
  arrayCompact: (a) =>
    `ARRAY(SELECT x FROM unnest(${a}) WITH ORDINALITY AS t(x, o) WHERE x <> '' GROUP BY x ORDER BY min(o))`,
  arrayDistinct: (a) =>
    `ARRAY(SELECT x FROM unnest(${a}) WITH ORDINALITY AS t(x, o) WHERE x <> '' GROUP BY x ORDER BY min(o))`,
  arrayLength: (a) => `cardinality(${a})`,
  arrayContains: (a, v) => `(${v} = ANY(${a}))`,
  arrayPositionOfNull: (a) => `array_position(${a}, NULL)`,
  arrayElement: (a, i) => `(${a})[${i}]`,
  arrayJoinFirst: (a, n, sep) => `array_to_string((${a})[1:${n}], ${postgresText(sep)})`,
  splitList: (e) => `regexp_split_to_array(${e}, '[|;]')`,
  textArray: (values) => `CAST(ARRAY[${values.join(', ')}] AS text[])`,
  arrayKnown: (column) => `(${column} IS NOT NULL)`,
  joinNonNull: (parts, sep) => `concat_ws(${postgresText(sep)}, ${parts.join(', ')})`,
  groupThousands: (e) => `trim(to_char(${e}, 'FM999,999,999,999,999,990'))`,
  padTwo: (e) => `lpad(CAST(${e} AS text), 2, '0')`,
  jsonObject: (pairs) => `json_build_object(${pairs.map(([k, v]) => `${postgresText(k)}, ${v.sql}`).join(', ')})`,
  intDiv: (a, b) => `div(${a}, ${b})`,
  // round() of a double rounds half to even in PostgreSQL; numeric rounds half away from zero.
  roundToInteger: (e) => `CAST(round(CAST(${e} AS numeric)) AS bigint)`,
};

const snowflake: Dialect = {
  name: 'snowflake',
  layerEnd: '',
  ident: quoteIdent,
  text: escapeText,
  numberType: 'DOUBLE',
  toText: (e) => `TO_VARCHAR(${e})`,
  concat: (parts) => parts.join(' || '),
  toNumber: (e) => `TO_DOUBLE(${e})`,
  // REGEXP_LIKE matches the whole text.
  fullMatch: (e, p) => `REGEXP_LIKE(${e}, ${escapeText(p)})`,
  // The patterns passed here have no top-level alternation: anchors need no group around them.
  regexGroup: (e, p, n) => `REGEXP_SUBSTR(${e}, ${escapeText(`^${p}$`)}, 1, 1, 'e', ${n})`,
  textType: 'VARCHAR',
  textArrayType: 'ARRAY',
  regexChar: (c) => (INVISIBLE.test(c) ? `\\x{${hex4(c)}}` : c),
  // Snowflake has no Unicode normalisation function: the generated table covers Latin letters.
  stripAccents: (e, table) => `TRANSLATE(${e}, ${escapeText(table.from)}, ${escapeText(table.to)})`,
  lookup: (key, pairs) => `CASE ${key} ${pairs.map(([k, v]) => `WHEN ${k} THEN ${v}`).join(' ')} ELSE NULL END`,
  replaceAll: (e, p, r) => `REGEXP_REPLACE(${e}, ${escapeText(p)}, ${escapeText(r)})`,
  trimChars: (e, chars) => `TRIM(${e}, ${escapeText(chars)})`,
  arrayMap: (a, body) => `TRANSFORM(${a}, x -> ${body('x::VARCHAR')})`,
  arrayHasNull: (a) => `(ARRAY_SIZE(${a}) > ARRAY_SIZE(ARRAY_COMPACT(${a})))`,
  arrayCompact: (a) => `ARRAY_DISTINCT(FILTER(${a}, y -> y::VARCHAR <> ''))`,
  arrayDistinct: (a) => `ARRAY_DISTINCT(FILTER(${a}, y -> y::VARCHAR <> ''))`,
  arrayLength: (a) => `ARRAY_SIZE(${a})`,
  arrayContains: (a, v) => `ARRAY_CONTAINS(${v}::VARIANT, ${a})`,
  arrayPositionOfNull: (a) => `(ARRAY_POSITION(NULL::VARIANT, ${a}) + 1)`,
  arrayElement: (a, i) => `GET(${a}, ${i} - 1)::VARCHAR`,
  arrayJoinFirst: (a, n, sep) => `ARRAY_TO_STRING(ARRAY_SLICE(${a}, 0, ${n}), ${escapeText(sep)})`,
  splitList: (e) => `SPLIT(REGEXP_REPLACE(${e}, '[|;]', '|'), '|')`,
  textArray: (values) => `ARRAY_CONSTRUCT(${values.join(', ')})`,
  arrayKnown: (column) => `(${column} IS NOT NULL)`,
  joinNonNull: (parts, sep) => `ARRAY_TO_STRING(ARRAY_CONSTRUCT_COMPACT(${parts.join(', ')}), ${escapeText(sep)})`,
  groupThousands: (e) => `TRIM(TO_VARCHAR(${e}, '999,999,999,999,999,990'))`,
  padTwo: (e) => `LPAD(TO_VARCHAR(${e}), 2, '0')`,
  // OBJECT_CONSTRUCT drops NULL values; the explanation must say "unanswered" with a null.
  jsonObject: (pairs) =>
    `OBJECT_CONSTRUCT_KEEP_NULL(${pairs.map(([k, v]) => `${escapeText(k)}, ${v.sql}`).join(', ')})`,
  intDiv: (a, b) => `FLOOR(${a} / ${b})`,
  roundToInteger: (e) => `CAST(ROUND(${e}) AS BIGINT)`,
};

const bigquery: Dialect = {
  name: 'bigquery',
  layerEnd: '',
  ident: (name) => `\`${name.replaceAll('`', '\\`')}\``,
  text: escapeText,
  numberType: 'FLOAT64',
  toText: (e) => `CAST(${e} AS STRING)`,
  concat: (parts) => parts.join(' || '),
  toNumber: (e) => `CAST(${e} AS FLOAT64)`,
  fullMatch: (e, p) => `REGEXP_CONTAINS(${e}, ${escapeText(`^(?:${p})$`)})`,
  // REGEXP_EXTRACT returns the pattern's only group: the others become non-capturing.
  regexGroup: (e, p, n) => {
    let k = 0;
    const one = p.replace(/\((?!\?)/g, () => (++k === n ? '(' : '(?:'));
    return `REGEXP_EXTRACT(${e}, ${escapeText(`^(?:${one})$`)})`;
  },
  textType: 'STRING',
  textArrayType: 'ARRAY<STRING>',
  regexChar: (c) => (INVISIBLE.test(c) ? `\\x{${hex4(c)}}` : c),
  stripAccents: (e) => `REGEXP_REPLACE(NORMALIZE(${e}, NFKD), r'[\\x{0300}-\\x{036f}]', '')`,
  lookup: (key, pairs) => `CASE ${key} ${pairs.map(([k, v]) => `WHEN ${k} THEN ${v}`).join(' ')} ELSE NULL END`,
  replaceAll: (e, p, r) => `REGEXP_REPLACE(${e}, ${escapeText(p)}, ${escapeText(r)})`,
  trimChars: (e, chars) => `TRIM(${e}, ${escapeText(chars)})`,
  arrayMap: (a, body) => `ARRAY(SELECT ${body('x')} FROM UNNEST(${a}) AS x WITH OFFSET AS o ORDER BY o)`,
  arrayHasNull: (a) => `EXISTS(SELECT 1 FROM UNNEST(${a}) AS y WHERE y IS NULL)`,
  arrayCompact: (a) =>
    `ARRAY(SELECT y FROM UNNEST(${a}) AS y WITH OFFSET AS o WHERE y <> '' GROUP BY y ORDER BY MIN(o))`,
  arrayDistinct: (a) =>
    `ARRAY(SELECT y FROM UNNEST(${a}) AS y WITH OFFSET AS o WHERE y <> '' GROUP BY y ORDER BY MIN(o))`,
  arrayLength: (a) => `ARRAY_LENGTH(${a})`,
  arrayContains: (a, v) => `(${v} IN UNNEST(${a}))`,
  arrayPositionOfNull: (a) => `(SELECT MIN(o) + 1 FROM UNNEST(${a}) AS y WITH OFFSET AS o WHERE y IS NULL)`,
  arrayElement: (a, i) => `${a}[SAFE_ORDINAL(${i})]`,
  arrayJoinFirst: (a, n, sep) =>
    `ARRAY_TO_STRING(ARRAY(SELECT y FROM UNNEST(${a}) AS y WITH OFFSET AS o WHERE o < ${n} ORDER BY o), ${escapeText(sep)})`,
  splitList: (e) => `REGEXP_EXTRACT_ALL(CONCAT(${e}, '|'), r'([^|;]*)[|;]')`,
  textArray: (values) => `ARRAY<STRING>[${values.join(', ')}]`,
  // BigQuery turns a NULL array into an empty one: the companion column says whether it was answered.
  arrayKnown: (_column, known) => `COALESCE(${known}, FALSE)`,
  // ARRAY_TO_STRING leaves NULL elements out.
  joinNonNull: (parts, sep) => `ARRAY_TO_STRING([${parts.join(', ')}], ${escapeText(sep)})`,
  groupThousands: (e) => `FORMAT("%'d", ${e})`,
  padTwo: (e) => `LPAD(CAST(${e} AS STRING), 2, '0')`,
  jsonObject: (pairs) => `JSON_OBJECT(${pairs.map(([k, v]) => `${escapeText(k)}, ${v.sql}`).join(', ')})`,
  intDiv: (a, b) => `DIV(${a}, ${b})`,
  roundToInteger: (e) => `CAST(ROUND(${e}) AS INT64)`,
};

/** The dialects by name. */
export const dialects: Record<DialectName, Dialect> = { duckdb, postgres, snowflake, bigquery };
