// Scoring through embedded DuckDB: `npm run score -- accounts.parquet` and `--engine duckdb`.
// The accounts never pass through JavaScript: DuckDB reads the file, runs the generated SQL
// (staging for text columns, then scoring) on every core, and writes the result file itself.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { WriteStream } from 'node:tty';
import type { PlaybookModel } from '../../src/lib/model/playbook-model.ts';
import { ColumnIndex } from '../../src/lib/aliases.ts';
import { OUTPUT_COLUMNS } from '../../src/lib/csv/score-csv.ts';
import { getFormatters } from '../../src/lib/format.ts';
import { sqlMessages } from '../../src/lib/i18n/sql.ts';
import { scoringMessages } from '../../src/lib/i18n/scoring.ts';
import { scoreCliMessages } from '../../src/lib/i18n/score-cli.ts';
import { dialects, type Sql } from '../../src/lib/sql/dialects.ts';
import { buildPlan, type PlanAttribute } from '../../src/lib/sql/plan.ts';
import { compileScoreQuery } from '../../src/lib/sql/score-query.ts';
import {
  mappedChoices,
  missingValues,
  stagedSource,
  unreadableSql,
  unreadableTextSql,
  type StagedText,
} from '../../src/lib/sql/staging-query.ts';
import { lineWriter } from './cli-io.ts';
import { DuckDbInputError, isParquet } from './duckdb-input.ts';
import { scoreSummary } from './score-summary.ts';

const duckdb = dialects.duckdb;
const q = (name: string) => duckdb.ident(name);
const literal = (text: string) => duckdb.text(text);

export interface DuckDbScoreOptions {
  model: PlaybookModel;
  /** A .parquet, .csv, .tsv or .txt file. */
  input: string;
  /** Where to write: .parquet writes Parquet, anything else CSV; `/dev/stdout` for standard output. */
  output: string;
  icpId?: string | undefined;
  /** Called about once a second while DuckDB works, with the share done (0..1). */
  onProgress?: ((done: number) => void) | undefined;
  /** One line per column with unreadable cells (counts and the commonest values). */
  onProblem?: ((message: string) => void) | undefined;
}

export interface DuckDbScoreResult {
  rows: number;
  verdicts: { fit: number; unknown: number; out: number };
  icpIds: string[];
}

function source(input: string): Sql {
  // Every CSV cell is read as text and staged by the CSV reader's rules, never guessed by DuckDB.
  return isParquet(input)
    ? `read_parquet(${literal(input)})`
    : `read_csv(${literal(input)}, header = true, all_varchar = true)`;
}

/** The staged columns of a typed (not text) source column for one attribute: read as is, no band, nothing unreadable. */
function typedColumns(attribute: PlanAttribute, column: string, scale: number): [Sql, string][] {
  const typed: [Sql, string][] = missingValues(duckdb, attribute);
  if (attribute.type === 'number')
    typed[0]![0] = scale !== 1 ? `CAST(${q(column)} AS DOUBLE) * ${scale}` : `CAST(${q(column)} AS DOUBLE)`;
  else if (attribute.type === 'choice') typed[0]![0] = `CAST(${q(column)} AS VARCHAR)`;
  else typed[0]![0] = q(column);
  return typed;
}

/**
 * Neutralises a cell a spreadsheet would run as a formula, as `neutraliseCell` in
 * src/lib/csv/write.ts: plain numbers and international phone numbers (7 digits or more) are kept.
 */
function neutralised(expr: Sql): Sql {
  const phone = `(regexp_full_match(${expr}, '[+][0-9][0-9 ().\\-/\\x{00a0}]*[0-9]') AND length(regexp_replace(${expr}, '[^0-9]', '', 'g')) >= 7)`;
  return `CASE WHEN regexp_matches(${expr}, '^[=+\\-@\\t\\r]') AND NOT regexp_full_match(${expr}, '[+-]?[0-9]+([.,][0-9]+)?') AND NOT ${phone} THEN '''' || ${expr} ELSE ${expr} END`;
}

async function runWithProgress(
  connection: DuckDBConnection,
  sql: string,
  onProgress?: (done: number) => void,
): Promise<void> {
  const pending = await connection.start(sql);
  const timer = onProgress
    ? setInterval(() => {
        const { percentage } = connection.progress;
        if (percentage >= 0) onProgress(percentage / 100);
      }, 1000)
    : undefined;
  try {
    await pending.runAllTasks();
    await pending.getResult();
  } finally {
    if (timer) clearInterval(timer);
  }
}

/** Scores a file through the generated DuckDB SQL and writes the result file; counts come back, rows never do. */
export async function scoreWithDuckDb(options: DuckDbScoreOptions): Promise<DuckDbScoreResult> {
  const { model, input, output } = options;
  const locale = model.settings.locale;
  const instance = await DuckDBInstance.create(':memory:', { threads: String(Math.max(1, cpus().length)) });
  const connection = await instance.connect();
  try {
    await connection.run(
      `SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET preserve_insertion_order = true`,
    );
    const from = source(input);
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJson() as {
      column_name: string;
      column_type: string;
    }[];
    const index = new ColumnIndex(model.attributes);
    const taken = new Set<string>();
    const columns = new Map<string, [Sql, string][]>();
    const raw = new Map<string, { column: string; attribute: PlanAttribute }>();
    const texts: StagedText[] = [];
    // The attributes read from text columns (bands, unreadable cells); typed columns are read as they are.
    const stagedIds = described.flatMap(({ column_name, column_type }) => {
      const match = index.match(column_name);
      return match && /^VARCHAR$/i.test(column_type) ? [match.attribute.id] : [];
    });
    const plan = buildPlan({
      attributes: model.attributes,
      icps: model.icps,
      locale,
      icpId: options.icpId,
      keys: described.map((_, i) => `__in_${i}`),
      staged: stagedIds,
    });
    described.forEach(({ column_name, column_type }) => {
      const match = index.match(column_name);
      // The first column of an attribute counts, as in the CSV reader.
      if (!match || taken.has(match.attribute.id)) return;
      taken.add(match.attribute.id);
      const attribute = plan.attributes[match.slot]!;
      // Text columns are staged by the CSV reader's rules (bands and unreadable cells included).
      if (/^VARCHAR$/i.test(column_type)) {
        raw.set(attribute.id, { column: column_name, attribute });
        texts.push({ attribute, text: q(column_name), scale: match.scale });
      } else {
        columns.set(attribute.id, typedColumns(attribute, column_name, match.scale));
      }
    });
    const stagedFrom = stagedSource(duckdb, texts, from);
    for (const [id, values] of stagedFrom.values) columns.set(id, values);
    if (columns.size === 0) {
      throw new DuckDbInputError(
        `${input}: ${scoringMessages[locale].csv.noAttributeColumns(model.attributes.map((a) => a.id).join(', '))}`,
      );
    }
    const staged = [
      ...described.map(({ column_name }, i) => `${q(column_name)} AS ${q(`__in_${i}`)}`),
      ...plan.attributes.flatMap((a) =>
        (columns.get(a.id) ?? missingValues(duckdb, a)).map(([expr, name]) => `${expr} AS ${q(name)}`),
      ),
    ];
    const scoring = compileScoreQuery(plan, duckdb, {
      from: `(SELECT ${staged.join(', ')} FROM ${stagedFrom.from}) AS staged`,
    });
    const parquet = isParquet(output);
    const split = (OUTPUT_COLUMNS as readonly string[]).includes('provisional_tier');
    const outputs: Record<string, Sql> = {
      tier: split ? q('tier') : `COALESCE(${q('tier')}, ${q('provisional_tier')})`,
    };
    const select = [
      ...described.map(
        ({ column_name, column_type }, i) =>
          `${parquet || !/^VARCHAR$/i.test(column_type) ? q(`__in_${i}`) : neutralised(q(`__in_${i}`))} AS ${q(column_name)}`,
      ),
      ...(OUTPUT_COLUMNS as readonly string[]).map((c) => `${outputs[c] ?? q(c)} AS ${q(c)}`),
    ];
    const delimiter = await csvDelimiter(connection, input);
    const format = parquet ? `(FORMAT parquet)` : `(FORMAT csv, HEADER true, DELIMITER ${literal(delimiter)})`;
    // Straight from the query to the file: no table in between, one write of each row.
    await runWithProgress(
      connection,
      `COPY (SELECT ${select.join(', ')} FROM (${scoring})) TO ${literal(output)} ${format}`,
      options.onProgress,
    );
    // Unreadable cells are counted per column with their commonest values: nothing is dropped
    // silently. One pass over the staged source for every text column (UNPIVOT), not one each.
    const rawTexts = [...raw.values()];
    if (rawTexts.length > 0) {
      // A choices cell's parts are mapped to options once, in a layer of their own.
      const mapped = rawTexts.flatMap(({ column, attribute }, i) =>
        attribute.type === 'choices' ? [`${mappedChoices(duckdb, attribute, q(column))} AS ${q(`__m${i}`)}`] : [],
      );
      const countFrom =
        mapped.length === 0 ? stagedFrom.from : `(SELECT *, ${mapped.join(', ')} FROM ${stagedFrom.from}) AS __mapped`;
      const cells = rawTexts.map(({ column, attribute }, i) => {
        const mappedColumn = q(`__m${i}`);
        const unreadable = unreadableSql(duckdb, attribute, q(column), columns.get(attribute.id)!, mappedColumn);
        return `CASE WHEN ${unreadable} THEN ${unreadableTextSql(duckdb, attribute, q(column), mappedColumn)} END AS ${q(`__u${i}`)}`;
      });
      const unpivoted = `(UNPIVOT (SELECT ${cells.join(', ')} FROM ${countFrom}) ON ${rawTexts.map((_, i) => q(`__u${i}`)).join(', ')} INTO NAME col VALUE value)`;
      const ranked = `SELECT col, value, count(*) AS n, sum(count(*)) OVER (PARTITION BY col) AS total, row_number() OVER (PARTITION BY col ORDER BY count(*) DESC, value) AS k FROM ${unpivoted} GROUP BY col, value`;
      const found = (
        await connection.runAndReadAll(`SELECT col, value, n, total FROM (${ranked}) WHERE k <= 5 ORDER BY col, k`)
      ).getRowObjectsJson() as { col: string; value: string; n: string | number; total: string | number }[];
      const { number } = getFormatters(locale);
      rawTexts.forEach(({ column }, i) => {
        const top = found.filter((r) => r.col === `__u${i}`);
        if (top.length === 0) return;
        const values = top.map((r) => `"${r.value}" × ${number(Number(r.n))}`).join(', ');
        options.onProblem?.(sqlMessages[locale].unreadable(number(Number(top[0]!.total)), column, values));
      });
    }
    // The counts of the summary line, read back from the result (one column): the query is not run twice.
    const width = described.length + OUTPUT_COLUMNS.length;
    const verdictColumn = `c${described.length + OUTPUT_COLUMNS.indexOf('verdict')}`;
    const counted = parquet
      ? `(SELECT verdict AS ${verdictColumn} FROM read_parquet(${literal(output)}))`
      : `read_csv(${literal(output)}, header = false, skip = 1, all_varchar = true, delim = ${literal(delimiter)}, quote = '"', escape = '"', names = [${Array.from({ length: width }, (_, i) => `'c${i}'`).join(', ')}])`;
    const counts = (
      await connection.runAndReadAll(`SELECT ${verdictColumn} AS verdict, count(*) AS n FROM ${counted} GROUP BY 1`)
    ).getRowObjectsJson() as { verdict: 'fit' | 'unknown' | 'out'; n: string | number }[];
    const verdicts = { fit: 0, unknown: 0, out: 0 };
    for (const { verdict, n } of counts) verdicts[verdict] = Number(n);
    return { rows: verdicts.fit + verdicts.unknown + verdicts.out, verdicts, icpIds: plan.icps.map((i) => i.id) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The input's delimiter for a CSV output (as the TypeScript scorer keeps it); `,` for Parquet input. */
async function csvDelimiter(connection: DuckDBConnection, input: string): Promise<string> {
  if (isParquet(input) || !existsSync(input)) return ',';
  const sniffed = (
    await connection.runAndReadAll(`SELECT Delimiter AS d FROM sniff_csv(${literal(input)})`)
  ).getRowObjectsJson()[0] as { d: string } | undefined;
  return sniffed?.d ?? ',';
}

/**
 * `npm run score` through DuckDB: what scripts/score.ts calls for a Parquet file or
 * `--engine duckdb`. Progress and problems go to stderr; the summary line matches the TypeScript path's.
 */
export async function runDuckDbScore(options: {
  model: PlaybookModel;
  input: string;
  out?: string | undefined;
  icpId?: string | undefined;
  stdout: Writable;
  stderr: Writable;
}): Promise<void> {
  const started = performance.now();
  const locale = options.model.settings.locale;
  const t = scoreCliMessages[locale];
  if (!existsSync(options.input)) throw new DuckDbInputError(t.noSuchFile(options.input));
  const { stdout, stderr } = options;
  const say = lineWriter(stderr);
  const tty = (stderr as Partial<WriteStream>).isTTY === true;
  let shown = false;
  // Without --out, DuckDB writes a temporary file that is then copied to standard output as bytes:
  // DuckDB opening /dev/stdout itself would truncate a redirected file.
  const scratch = options.out ? undefined : mkdtempSync(join(tmpdir(), 'icp-score-'));
  const temporary = scratch ? join(scratch, 'scored.csv') : '';
  try {
    const result = await scoreWithDuckDb({
      model: options.model,
      input: options.input,
      output: options.out ?? temporary,
      icpId: options.icpId,
      onProgress: (done) => {
        shown = true;
        const text = t.duckdbProgress(Math.round(done * 100));
        if (tty) stderr.write(`\r${text}`);
        else say(text);
      },
      onProblem: (message) => say(`${options.input}: ${message}`),
    });
    if (tty && shown) stderr.write('\r\x1b[K');
    if (scratch) await pipeline(createReadStream(temporary), stdout, { end: false });
    say(
      scoreSummary(locale, {
        rows: result.rows,
        verdicts: result.verdicts,
        icpId: options.icpId,
        icpIds: result.icpIds,
        started,
        duckdb: true,
        out: options.out,
      }),
    );
  } catch (error) {
    if (tty && shown) stderr.write('\r\x1b[K');
    if (error instanceof DuckDbInputError) throw error;
    // DuckDB's own message names the file and what it could not read: keep its first line.
    throw new DuckDbInputError(`${options.input}: ${String((error as Error).message).split('\n')[0]}`);
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
