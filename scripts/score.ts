// `npm run score -- accounts.csv [--icp id] [--out file]`: batch scoring, CSV in, CSV out.
// Streams both ways (constant memory, millions of rows) through the same pipeline as the
// browser batch scorer (src/lib/csv/score-csv.ts), on every core for big files
// (scripts/lib/score-parallel.ts).
import {
  createReadStream,
  createWriteStream,
  existsSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { WriteStream } from 'node:tty';
import { contentDir, loadPlaybookFromDisk, PROJECT_ROOT, readPlaybookSettings } from '../src/content-fs.ts';
import { closest } from '../src/lib/i18n/did-you-mean.ts';
import type { CellProblem } from '../src/lib/csv/accounts.ts';
import { CsvError } from '../src/lib/csv/parse.ts';
import { CsvDecoder, DecodeError } from '../src/lib/csv/decode.ts';
import { NpmBannerError, stdoutWithoutNpmBanner } from './lib/npm-banner.ts';
import { CsvInputError, CsvScorer } from '../src/lib/csv/score-csv.ts';
import { formatUnreadableSummary, type UnreadableSummary } from '../src/lib/csv/unreadable.ts';
import type { Locale } from '../src/lib/i18n/locales.ts';
import { getFormatters } from '../src/lib/format.ts';
import { scoreCliMessages } from '../src/lib/i18n/score-cli.ts';
import { DuckDbInputError, isParquet } from './lib/duckdb-input.ts';
import { readThreadSettings, scoreInParallel, scoringThreads } from './lib/score-parallel.ts';
import { scoreSummary } from './lib/score-summary.ts';
import { isUsageError, lineWriter, runAsProcess, type CliIo, UsageError } from './lib/cli-io.ts';

/** Cell problems listed one per line before "... and N more". */
const MAX_LISTED_PROBLEMS = 50;
/** Progress every this many rows. */
const PROGRESS_EVERY = 100_000;

/** One run of the command: where it writes, in the playbook's language. */
interface Run {
  io: CliIo;
  locale: Locale;
  t: (typeof scoreCliMessages)[Locale];
  number: (value: number) => string;
  /** A line to standard error. */
  say: (line: string) => void;
}

interface Args {
  input: string;
  verbose: boolean;
  /** Input columns to write: all, the non-attribute ones (`keys`), or the named ones. */
  keep: 'all' | 'keys' | string[];
  icp?: string | undefined;
  out?: string | undefined;
  engine?: 'ts' | 'duckdb' | undefined;
}

function parseArgs({ t }: Run, argv: readonly string[]): Args | 'help' {
  const positional: string[] = [];
  let icp: string | undefined;
  let out: string | undefined;
  let engine: Args['engine'];
  let verbose = false;
  let keep: Args['keep'] = 'all';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '') throw new UsageError(t.needsValue(flag));
      return next;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--icp') icp = value();
    else if (flag === '--out' || flag === '-o') out = value();
    else if (flag === '--verbose' || flag === '-v') verbose = true;
    else if (flag === '--engine') {
      const chosen = value();
      if (chosen !== 'ts' && chosen !== 'duckdb') throw new UsageError(t.unknownEngine(chosen));
      engine = chosen;
    } else if (flag === '--only-keys') keep = 'keys';
    else if (flag === '--keys') {
      keep = value()
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
      if (keep.length === 0) throw new UsageError(t.keysNeedNames);
    } else if (arg === '-' || !arg.startsWith('-')) positional.push(arg);
    else throw new UsageError(t.unknownOption(flag));
  }
  if (positional.length === 0) throw new UsageError(t.noFile);
  if (positional.length > 1) throw new UsageError(t.oneFile(positional.length, positional.join(', ')));
  return { input: positional[0]!, icp, out, verbose, keep, engine };
}

/** A path as the user meant it: npm runs scripts from the project root, INIT_CWD is where they typed the command. */
function userPath({ io }: Run, path: string): string {
  return resolve(io.env['INIT_CWD'] ?? process.cwd(), path);
}

/**
 * Opens the --out file as a temporary file beside it, renamed over it only once every row is
 * written: a failed run never leaves half a file, nor destroys an earlier result or the input.
 */
async function openOutput(
  run: Run,
  path: string,
  input: string,
): Promise<{ stream: Writable; failed(): Error | undefined; commit(): void; discard(): void }> {
  const { t } = run;
  const full = userPath(run, path);
  const folder = dirname(full);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(t.outFolderMissing(path, folder));
  if (existsSync(full) && statSync(full).isDirectory())
    throw new UsageError(t.outIsFolder(path, join(path, 'scored.csv')));
  if (input !== '-' && existsSync(full) && realpathSync(full) === realpathSync(userPath(run, input))) {
    throw new UsageError(t.outIsInput(path, basename(path).replace(/(\.\w+)?$/, '-scored$1')));
  }
  // A device or pipe (/dev/stdout, a named pipe) is written directly: it cannot be replaced.
  const special = existsSync(full) && !statSync(full).isFile();
  const temporary = special ? full : join(folder, `.${basename(full)}.${process.pid}.partial`);
  const stream = createWriteStream(temporary, { highWaterMark: 1 << 20 });
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new UsageError(t.cannotWrite(path, (error as Error).message));
  }
  // A disk that fills up mid-run emits 'error' between writes: keep it, the loop checks it.
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = new UsageError(t.cannotWrite(path, error.message));
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

function openInput(run: Run, path: string): Readable {
  const { t } = run;
  // Bytes, not text: CsvDecoder decides the encoding (UTF-8, UTF-16 with a BOM, Windows-1252).
  if (path === '-') return run.io.stdin;
  const full = userPath(run, path);
  if (!existsSync(full)) throw new UsageError(t.noSuchFile(path));
  if (statSync(full).isDirectory()) throw new UsageError(t.inputIsFolder(path));
  return createReadStream(full, { highWaterMark: 1 << 16 });
}

/** The size of a regular file to read, else 0 (standard input; a missing file is reported when opened). */
function fileSize(run: Run, path: string): number {
  if (path === '-') return 0;
  const full = userPath(run, path);
  return existsSync(full) && statSync(full).isFile() ? statSync(full).size : 0;
}

async function write(out: Writable, bytes: Uint8Array): Promise<void> {
  if (bytes.length > 0 && !out.write(bytes)) await once(out, 'drain');
}

/**
 * Cell problems: header and row-shape problems one per line as they come; unreadable values
 * grouped by column and distinct value at the end (each cell too with --verbose).
 */
function createProblemPrinter({ t, say, locale, number }: Run, name: string, verbose: boolean) {
  let listed = 0;
  return {
    print: (problem: CellProblem) => {
      if (problem.attribute !== undefined && !verbose) return;
      if (verbose || listed++ < MAX_LISTED_PROBLEMS)
        say(`${name}:${problem.row}:${problem.column}  ${problem.header || '-'}  ${problem.message}`);
      else if (listed === MAX_LISTED_PROBLEMS + 1) say(t.moreProblems);
    },
    finish: (total: number, unreadable: UnreadableSummary) => {
      const columns = unreadable.columns();
      if (columns.length > 0) {
        say(t.unreadableTitle(verbose));
        for (const line of formatUnreadableSummary(columns, locale)) say(`  ${line}`);
        say(`  ${t.aliasHint}`);
      }
      if (total > 0) say(t.cellsUnread(number(total), total));
    },
  };
}

function createProgress({ io, t, say, number }: Run) {
  const tty = (io.stderr as Partial<WriteStream>).isTTY === true;
  let next = PROGRESS_EVERY;
  return {
    update: (rows: number) => {
      if (rows < next) return;
      next = (Math.floor(rows / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
      if (tty) io.stderr.write(`\r${t.progress(number(rows))}`);
      else say(t.progress(number(rows)));
    },
    clear() {
      if (tty && next > PROGRESS_EVERY) io.stderr.write('\r\x1b[K');
    },
  };
}

async function score(run: Run, dir: string, args: Args): Promise<void> {
  const { io, t, say, locale } = run;
  const started = performance.now();
  const { model, problems } = loadPlaybookFromDisk(dir, PROJECT_ROOT, io.env);
  if (!model) {
    throw new UsageError(t.invalidContent(problems.length));
  }
  // Before any file is opened: a wrong setting is said at once.
  const threadSettings = readThreadSettings(io.env, t);
  const ids = model.icps.map((icp) => icp.id);
  if (args.icp !== undefined && !ids.includes(args.icp)) {
    const suggestion = closest(args.icp, ids);
    throw new UsageError(t.unknownIcp(args.icp, suggestion, ids.join(', ')));
  }
  // Parquet, and CSV with --engine duckdb, are scored by DuckDB (scripts/lib/duckdb-score.ts).
  if (args.engine === 'duckdb' || (args.engine === undefined && isParquet(args.input))) {
    if (args.input === '-') throw new UsageError(t.duckdbStdin);
    if (args.keep !== 'all') throw new UsageError(t.duckdbKeys);
    const { runDuckDbScore } = await import('./lib/duckdb-score.ts');
    await runDuckDbScore({
      model,
      input: userPath(run, args.input),
      out: args.out && userPath(run, args.out),
      icpId: args.icp,
      stdout: io.stdout,
      stderr: io.stderr,
    });
    return;
  }
  if (isParquet(args.input)) throw new UsageError(t.parquetWithTs(args.input));
  const name = args.input === '-' ? 'stdin' : args.input;
  const printer = createProblemPrinter(run, name, args.verbose);
  const options = {
    attributes: model.attributes,
    icps: model.icps,
    locale: model.settings.locale,
    icpId: args.icp,
    keep: args.keep,
  };
  const scorer = new CsvScorer({ ...options, onProblem: printer.print });
  // Big files are cut into pieces (about one read each) scored on every core (scripts/lib/score-parallel.ts).
  const threads = scoringThreads(fileSize(run, args.input), threadSettings);
  const input = openInput(run, args.input);
  const decoder = new CsvDecoder(model.settings.locale);
  // A roomy write buffer lets the next chunk be scored while the last one is being written.
  const file = args.out ? await openOutput(run, args.out, args.input) : undefined;
  // npm's banner can only be in the process's own standard output.
  const redirected = file || !io.ownsProcess ? undefined : stdoutWithoutNpmBanner('score', t.npmBanner);
  // Ctrl-C or a kill mid-run: remove the partial file; an earlier result at --out stays as it was.
  const interrupted = (signal: NodeJS.Signals) => {
    file?.discard();
    say(t.interrupted(signal, args.out));
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  if (file && io.ownsProcess) {
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
  }
  const output: Writable = file?.stream ?? redirected ?? io.stdout;
  const progress = createProgress(run);
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
    if (error instanceof CsvInputError || error instanceof CsvError || error instanceof DecodeError)
      throw new UsageError(`${name}: ${error.message}`);
    throw error;
  }
  if (file || redirected) {
    output.end();
    await once(output, 'finish');
    file?.commit();
  }
  progress.clear();
  if (file && io.ownsProcess) {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  if (decoder.notice) say(`${name}: ${decoder.notice}`);
  for (const warning of scorer.unitWarnings()) say(`${name}:1:${warning.column}  ${warning.message}`);
  printer.finish(scorer.problems, scorer.unreadable);
  say(
    scoreSummary(locale, {
      rows: scorer.rows,
      verdicts: scorer.verdicts,
      icpId: args.icp,
      icpIds: scorer.icpIds,
      started,
      duckdb: false,
      out: args.out,
    }),
  );
}

/** Runs `npm run score` with these arguments; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Messages follow the playbook's language from the first one: read `locale:` before the arguments.
  const dir = contentDir(io.env);
  const locale: Locale = readPlaybookSettings(dir).locale;
  const t = scoreCliMessages[locale];
  const run: Run = { io, locale, t, number: getFormatters(locale).number, say: lineWriter(io.stderr) };
  const fail = (message: string) => {
    run.say(message);
    return 1;
  };
  try {
    const args = parseArgs(run, argv);
    if (args === 'help') io.stdout.write(`${t.help}\n`);
    else await score(run, dir, args);
    return 0;
  } catch (error) {
    if (isUsageError(error, [CsvInputError, CsvError, NpmBannerError, DuckDbInputError])) return fail(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'ENOENT' || code === 'EISDIR' || code === 'EROFS')
      return fail(t.cannotOpen((error as Error).message));
    if (code === 'ENOSPC' || code === 'EIO' || code === 'EFBIG' || code === 'EDQUOT')
      return fail(t.cannotWriteResult((error as Error).message));
    // Anything else is a bug in the scorer, not in the user's file: say so in one line.
    return fail(t.crashed((error as Error).message));
  }
}

if (import.meta.main) {
  // Closing the reader early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    console.error(scoreCliMessages[readPlaybookSettings().locale].cannotWriteResult(error.message));
    process.exit(1);
  });
  if (process.env['ICP_SCORE_REPORT_RSS'] === '1') {
    process.on('exit', () => {
      const usage = process.resourceUsage();
      console.error(`maxRSS=${usage.maxRSS} cpuMicros=${usage.userCPUTime + usage.systemCPUTime}`);
    });
  }
  await runAsProcess(main);
}
