// `npm run score -- accounts.csv [--icp id] [--out file]`: batch scoring, CSV in, CSV out.
// Streams both ways (constant memory, millions of rows) through the same pipeline as the
// browser batch scorer (src/lib/csv/score-csv.ts).
import { createReadStream, createWriteStream, existsSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { loadPlaybookFromDisk } from '../src/content-fs.ts';
import { closest } from '../src/lib/content/did-you-mean.ts';
import type { CellProblem } from '../src/lib/csv/accounts.ts';
import { CsvError } from '../src/lib/csv/parse.ts';
import { CsvDecoder, DecodeError } from '../src/lib/csv/decode.ts';
import { NpmBannerError, stdoutWithoutNpmBanner } from './lib/npm-banner.ts';
import { CsvInputError, CsvScorer } from '../src/lib/csv/score-csv.ts';
import { formatUnreadableSummary, type UnreadableSummary } from '../src/lib/csv/unreadable.ts';
import type { Locale } from '../src/schemas/playbook.ts';
import { getFormatters } from '../src/lib/format.ts';
import { DuckDbInputError, isParquet } from './lib/duckdb-input.ts';
import { scoreInParallel, scoringThreads } from './lib/score-parallel.ts';

const USAGE = 'Usage: npm run --silent score -- <accounts.csv | accounts.parquet | -> [--icp <id>] [--out <file>] [--only-keys | --keys <columns>] [--verbose] [--engine ts|duckdb]';
const HELP = `${USAGE}

Scores each account (one row per account) against the playbook's ICPs and writes the same CSV
with the columns icp, verdict, score, best, tier, provisional_tier and reasons added (see
docs/scoring.md). Columns are named by attribute id, label or alias (see
content/attributes.yaml); other columns are kept as they are. Files in UTF-8, UTF-16 (with a
BOM) or Windows-1252 are read; the result is UTF-8.

  --icp <id>     score against this ICP only (whatever its status);
                 default: the best fit among the active ICPs
  --out <file>   write the result to this file (.parquet writes Parquet with DuckDB);
                 default: standard output
  --engine <e>   ts (default for CSV) or duckdb (default for .parquet): score through the
                 generated DuckDB SQL on every core (see docs/sql.md)
  --only-keys    write only the columns that are not attributes (record id,
                 name, phone…) before the results: a CRM update then changes
                 nothing but the results
  --keys <a,b>   write only these columns (comma-separated header names)
                 before the results
  --verbose      list every cell that could not be read (by default, values
                 not recognised are summarised by column, with counts)
  -              read the CSV from standard input
  --help         show this help`;

/** Cell problems listed one per line before "... and N more". */
const MAX_LISTED_PROBLEMS = 50;
/** Progress every this many rows. */
const PROGRESS_EVERY = 100_000;

/** A mistake in how the command is called or what it reads: one line, exit code 1. */
class UsageError extends Error {}

interface Args {
  input: string;
  verbose: boolean;
  /** Input columns to write: all, the non-attribute ones (`keys`), or the named ones. */
  keep: 'all' | 'keys' | string[];
  icp?: string | undefined;
  out?: string | undefined;
  engine?: 'ts' | 'duckdb' | undefined;
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const positional: string[] = [];
  let icp: string | undefined;
  let out: string | undefined;
  let engine: Args['engine'];
  let verbose = false;
  let keep: Args['keep'] = 'all';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value. ${USAGE}`);
      return next;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--icp') icp = value();
    else if (flag === '--out' || flag === '-o') out = value();
    else if (flag === '--verbose' || flag === '-v') verbose = true;
    else if (flag === '--engine') {
      const chosen = value();
      if (chosen !== 'ts' && chosen !== 'duckdb') throw new UsageError(`unknown engine "${chosen}": use --engine ts or --engine duckdb`);
      engine = chosen;
    }
    else if (flag === '--only-keys') keep = 'keys';
    else if (flag === '--keys') {
      keep = value()
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
      if (keep.length === 0) throw new UsageError(`--keys needs column names, e.g. --keys "Record ID,Company name". ${USAGE}`);
    }
    else if (arg === '-' || !arg.startsWith('-')) positional.push(arg);
    else throw new UsageError(`unknown option "${flag}": use --icp <id>, --out <file>, --only-keys, --keys <columns>, --verbose, --engine ts|duckdb or --help`);
  }
  if (positional.length === 0) throw new UsageError(`no CSV file given. ${USAGE}`);
  if (positional.length > 1) throw new UsageError(`one CSV file at a time, got ${positional.length} (${positional.join(', ')}). ${USAGE}`);
  return { input: positional[0]!, icp, out, verbose, keep, engine };
}

/** A path as the user meant it: npm runs scripts from the project root, INIT_CWD is where they typed the command. */
function userPath(path: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), path);
}

/**
 * Opens the --out file as a temporary file beside it, renamed over it only once every row is
 * written: a failed run never leaves half a file, nor destroys an earlier result or the input.
 */
async function openOutput(path: string, input: string): Promise<{ stream: Writable; failed(): Error | undefined; commit(): void; discard(): void }> {
  const full = userPath(path);
  const folder = dirname(full);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`cannot write ${path}: the folder ${folder} does not exist`);
  if (existsSync(full) && statSync(full).isDirectory()) throw new UsageError(`cannot write ${path}: it is a folder, give a file name such as ${join(path, 'scored.csv')}`);
  if (input !== '-' && existsSync(full) && realpathSync(full) === realpathSync(userPath(input))) {
    throw new UsageError(`--out ${path} is the input file: write the result to another file, e.g. --out ${basename(path).replace(/(\.\w+)?$/, '-scored$1')}`);
  }
  // A device or pipe (/dev/stdout, a named pipe) is written directly: it cannot be replaced.
  const special = existsSync(full) && !statSync(full).isFile();
  const temporary = special ? full : join(folder, `.${basename(full)}.${process.pid}.partial`);
  const stream = createWriteStream(temporary, { highWaterMark: 1 << 20 });
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
  }
  // A disk that fills up mid-run emits 'error' between writes: keep it, the loop checks it.
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = new UsageError(`cannot write ${path}: ${error.message}`);
  });
  return {
    stream,
    failed: () => failure,
    commit: () => {
      if (!special) renameSync(temporary, full);
    },
    discard: () => {
      stream.destroy();
      if (!special && existsSync(temporary)) unlinkSync(temporary);
    },
  };
}

function openInput(path: string): Readable {
  // Bytes, not text: CsvDecoder decides the encoding (UTF-8, UTF-16 with a BOM, Windows-1252).
  if (path === '-') return process.stdin;
  const full = userPath(path);
  if (!existsSync(full)) throw new UsageError(`cannot read ${path}: there is no such file`);
  if (statSync(full).isDirectory()) throw new UsageError(`cannot read ${path}: it is a folder, give a CSV file`);
  return createReadStream(full, { highWaterMark: 1 << 16 });
}

/** The size of a regular file to read, else 0 (standard input; a missing file is reported when opened). */
function fileSize(path: string): number {
  if (path === '-') return 0;
  const full = userPath(path);
  return existsSync(full) && statSync(full).isFile() ? statSync(full).size : 0;
}

async function write(out: Writable, bytes: Uint8Array): Promise<void> {
  if (bytes.length > 0 && !out.write(bytes)) await once(out, 'drain');
}

/**
 * Cell problems: header and row-shape problems one per line as they come; unreadable values
 * grouped by column and distinct value at the end (each cell too with --verbose).
 */
function createProblemPrinter(name: string, verbose: boolean) {
  let listed = 0;
  return {
    print: (problem: CellProblem) => {
      if (problem.attribute !== undefined && !verbose) return;
      if (verbose || listed++ < MAX_LISTED_PROBLEMS) console.error(`${name}:${problem.row}:${problem.column}  ${problem.header || '-'}  ${problem.message}`);
      else if (listed === MAX_LISTED_PROBLEMS + 1) console.error(`... more problems with rows (not listed)`);
    },
    finish: (total: number, unreadable: UnreadableSummary, locale: Locale) => {
      const columns = unreadable.columns();
      if (columns.length > 0) {
        console.error(`Values not recognised, by column (most frequent first${verbose ? '' : '; --verbose lists every cell'}):`);
        for (const line of formatUnreadableSummary(columns, locale)) console.error(`  ${line}`);
        console.error("  To read a value of a choice column, add it to an option's aliases in content/attributes.yaml (see docs/scoring.md); fix the others in the file.");
      }
      if (total > 0) {
        console.error(`${total} cell${total === 1 ? '' : 's'} could not be read: ${total === 1 ? 'that value was' : 'those values were'} scored as unknown.`);
      }
    },
  };
}

function createProgress() {
  const tty = process.stderr.isTTY === true;
  const { number } = getFormatters('en');
  let next = PROGRESS_EVERY;
  return {
    update: (rows: number) => {
      if (rows < next) return;
      next = (Math.floor(rows / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
      if (tty) process.stderr.write(`\rScored ${number(rows)} accounts…`);
      else console.error(`Scored ${number(rows)} accounts…`);
    },
    clear() {
      if (tty && next > PROGRESS_EVERY) process.stderr.write('\r\x1b[K');
    },
  };
}

async function run(args: Args): Promise<void> {
  const started = performance.now();
  const { model, problems } = loadPlaybookFromDisk();
  if (!model) {
    throw new UsageError(`content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}): run npm run validate to see and fix ${problems.length === 1 ? 'it' : 'them'}`);
  }
  const ids = model.icps.map((icp) => icp.id);
  if (args.icp !== undefined && !ids.includes(args.icp)) {
    const suggestion = closest(args.icp, ids);
    throw new UsageError(`unknown ICP "${args.icp}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: the ICPs are ${ids.join(', ')}`);
  }
  // Parquet, and CSV with --engine duckdb, are scored by DuckDB (scripts/lib/duckdb-score.ts).
  if (args.engine === 'duckdb' || (args.engine === undefined && isParquet(args.input))) {
    if (args.input === '-') throw new UsageError('--engine duckdb reads a file, not standard input: give the file name');
    if (args.keep !== 'all') throw new UsageError('--only-keys and --keys are not available with --engine duckdb: score with the TypeScript engine (drop --engine duckdb), or select columns from the result');
    const { runDuckDbScore } = await import('./lib/duckdb-score.ts');
    await runDuckDbScore({ model, input: userPath(args.input), out: args.out && userPath(args.out), icpId: args.icp });
    return;
  }
  if (isParquet(args.input)) throw new UsageError(`${args.input} is a Parquet file: the TypeScript scorer reads CSV; drop --engine ts to score it with DuckDB`);
  const name = args.input === '-' ? 'stdin' : args.input;
  const printer = createProblemPrinter(name, args.verbose);
  const options = { attributes: model.attributes, icps: model.icps, locale: model.settings.locale, icpId: args.icp, keep: args.keep };
  const scorer = new CsvScorer({ ...options, onProblem: printer.print });
  // Big files are cut into pieces (about one read each) scored on every core (scripts/lib/score-parallel.ts).
  const threads = scoringThreads(fileSize(args.input));
  const input = openInput(args.input);
  const decoder = new CsvDecoder(model.settings.locale);
  // A roomy write buffer lets the next chunk be scored while the last one is being written.
  const file = args.out ? await openOutput(args.out, args.input) : undefined;
  const redirected = file ? undefined : stdoutWithoutNpmBanner('score');
  // Ctrl-C or a kill mid-run: remove the partial file; an earlier result at --out stays as it was.
  const interrupted = (signal: NodeJS.Signals) => {
    file?.discard();
    console.error(`Interrupted (${signal}): nothing written${args.out ? `; ${args.out} is unchanged` : ''}.`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  if (file) {
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
  }
  const output: Writable = file?.stream ?? redirected ?? process.stdout;
  const progress = createProgress();
  // The text of the file, chunk by chunk; a write that failed (disk full) stops the reading.
  async function* decoded(): AsyncGenerator<string> {
    for await (const chunk of input) {
      yield decoder.push(chunk as Uint8Array);
      const failure = file?.failed();
      if (failure) throw failure;
    }
    const last = decoder.end();
    if (last) yield last;
  }
  try {
    await scoreInParallel({
      chunks: decoded(),
      scorer,
      options,
      threads,
      verbose: args.verbose,
      write: (bytes) => write(output, bytes),
      onProblem: printer.print,
      onProgress: progress.update,
    });
    const failure = file?.failed();
    if (failure) throw failure;
  } catch (error) {
    progress.clear();
    file?.discard();
    if (error instanceof CsvInputError || error instanceof CsvError || error instanceof DecodeError) throw new UsageError(`${name}: ${error.message}`);
    throw error;
  }
  if (file || redirected) {
    output.end();
    await once(output, 'finish');
    file?.commit();
  }
  progress.clear();
  if (decoder.notice) console.error(`${name}: ${decoder.notice}`);
  for (const warning of scorer.unitWarnings()) console.error(`${name}:1:${warning.column}  ${warning.message}`);
  printer.finish(scorer.problems, scorer.unreadable, model.settings.locale);
  const { number } = getFormatters('en');
  const { fit, unknown, out } = scorer.verdicts;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const against = args.icp ?? `best fit of ${scorer.icpIds.join(', ')}`;
  console.error(
    `Scored ${number(scorer.rows)} account${scorer.rows === 1 ? '' : 's'} (${number(fit)} fit, ${number(unknown)} unknown, ${number(out)} out) against ${against} in ${seconds} s${args.out ? ` → ${args.out}` : ''}.`,
  );
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

// Closing the reader early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  fail(`cannot write the result: ${error.message}`);
});
if (process.env['ICP_SCORE_REPORT_RSS'] === '1') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    console.error(`maxRSS=${usage.maxRSS} cpuMicros=${usage.userCPUTime + usage.systemCPUTime}`);
  });
}

try {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') console.log(HELP);
  else await run(args);
} catch (error) {
  if (error instanceof UsageError || error instanceof CsvInputError || error instanceof CsvError || error instanceof NpmBannerError || error instanceof DuckDbInputError) fail(error.message);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'ENOENT' || code === 'EISDIR' || code === 'EROFS') fail(`cannot open a file: ${(error as Error).message}`);
  if (code === 'ENOSPC' || code === 'EIO' || code === 'EFBIG' || code === 'EDQUOT') fail(`cannot write the result: ${(error as Error).message}`);
  // Anything else is a bug in the scorer, not in the user's file: say so in one line.
  fail(`The scorer stopped on an unexpected error (${(error as Error).message}). Please report it with the command you ran.`);
}
