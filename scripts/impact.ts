// `npm run impact -- --base <git ref> [--accounts file.csv]`: what a change to the playbook does.
// Reads the base with git (no checkout), scores both sides with the one engine and prints the
// Markdown report of src/lib/impact; appends it to the GitHub job summary when there is one.
import { appendFileSync, createReadStream, existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, PROJECT_ROOT, readContentFiles, readPlaybookSettings } from '../src/content-fs.ts';
import { loadPlaybook, type RawFile } from '../src/lib/content/load-playbook.ts';
import { formatProblem } from '../src/lib/model/problem.ts';
import { decodeText } from '../src/lib/content/source-file.ts';
import { CsvError } from '../src/lib/csv/parse.ts';
import { CsvInputError } from '../src/lib/csv/score-csv.ts';
import { impactMessages } from '../src/lib/i18n/impact.ts';
import { impactCliMessages } from '../src/lib/i18n/impact-cli.ts';
import { CsvDecoder, DecodeError } from '../src/lib/csv/decode.ts';
import { AccountsFeeder } from '../src/lib/impact/feed-accounts.ts';
import type { ScoringSide } from '../src/lib/impact/movements.ts';
import { COMMENT_LIMIT, renderImpactReport, type Population } from '../src/lib/impact/report.ts';
import { compareRules } from '../src/lib/impact/rule-changes.ts';
import type { PlaybookModel } from '../src/lib/model/playbook-model.ts';
import { getFormatters } from '../src/lib/format.ts';
import { GitError, locateInRepository, readFilesAtCommit, resolveCommit } from './lib/git-content.ts';
import { isUsageError, lineWriter, runAsProcess, UsageError, type CliIo } from './lib/cli-io.ts';

type Messages = (typeof impactCliMessages)[keyof typeof impactCliMessages];
/** What every step needs: the streams and environment, and the messages in the playbook's language. */
interface Run {
  io: CliIo;
  m: Messages;
}

/** GitHub's limit for a job summary (1 MiB per step). */
const SUMMARY_LIMIT = 1024 * 1024;
/** Moves kept in words per --accounts file: the biggest. */
const TOP_MOVERS = 20;

/** A path as the user typed it: npm runs scripts from the repository root, INIT_CWD is where they were. */
function userPath(env: CliIo['env'], path: string): string {
  return resolve(env['INIT_CWD'] ?? process.cwd(), path);
}

function isKnownAccounts(file: RawFile, prefix: string): boolean {
  const rest = file.path.slice(prefix.length);
  return /^accounts\/[^/_.][^/]*\.csv$/.test(rest);
}

/** Loads one side; known-account CSVs are left out, so an `expect` the change breaks does not stop the report. */
function loadSide(m: Messages, files: readonly RawFile[], dir: string, what: string): PlaybookModel {
  const prefix = `${dir}/`;
  const { model, problems } = loadPlaybook(
    files.filter((file) => !isKnownAccounts(file, prefix)),
    dir,
  );
  if (model) return model;
  const listed = problems.slice(0, 10).map(formatProblem).join('\n');
  throw new UsageError(m.sideInvalid(what, problems.length, listed, Math.max(0, problems.length - 10)));
}

function sideOf(model: PlaybookModel): ScoringSide {
  return { attributes: model.attributes, icps: model.icps };
}

async function feedFile(
  { io, m }: Run,
  path: string,
  before: ScoringSide,
  after: ScoringSide,
  locale: PlaybookModel['settings']['locale'],
): Promise<Population> {
  const full = userPath(io.env, path);
  if (!existsSync(full)) throw new UsageError(m.noSuchFile(path));
  if (statSync(full).isDirectory()) throw new UsageError(m.inputIsFolder(path));
  const feeder = new AccountsFeeder({ before, after, locale, file: path, keep: TOP_MOVERS });
  // Bytes, not text: CsvDecoder reads UTF-8, UTF-16 with a BOM or Windows-1252, as npm run score does.
  const decoder = new CsvDecoder(locale);
  try {
    for await (const chunk of createReadStream(full, { highWaterMark: 1 << 16 }))
      feeder.push(decoder.push(chunk as Uint8Array));
    const last = decoder.end();
    if (last) feeder.push(last);
    if (decoder.notice) io.stderr.write(`${path}: ${decoder.notice}\n`);
    return feeder.end(path);
  } catch (error) {
    if (error instanceof CsvInputError || error instanceof CsvError || error instanceof DecodeError)
      throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

function knownAccounts(
  files: readonly RawFile[],
  dir: string,
  before: ScoringSide,
  after: ScoringSide,
  locale: PlaybookModel['settings']['locale'],
): Population | undefined {
  const csvs = files.filter((file) => isKnownAccounts(file, `${dir}/`));
  if (csvs.length === 0) return undefined;
  // Known accounts are few: every move is kept, in file order.
  const populations = csvs.map((file) => {
    const feeder = new AccountsFeeder({ before, after, locale, file: file.path, keep: Infinity });
    const { text, problem } = decodeText(file);
    if (text === undefined) throw new UsageError(formatProblem(problem!));
    try {
      feeder.push(text);
      return feeder.end();
    } catch (error) {
      if (error instanceof CsvInputError || error instanceof CsvError)
        throw new UsageError(`${file.path}: ${error.message}`);
      throw error;
    }
  });
  if (populations.length === 1) return populations[0];
  // Several files: one population, their movements added up.
  const [first, ...rest] = populations;
  const total = structuredClone(first!);
  for (const other of rest) {
    const m = total.movements;
    const o = other.movements;
    m.total += o.total;
    m.moved += o.moved;
    m.unmet += o.unmet;
    m.up += o.up;
    m.down += o.down;
    m.sideways += o.sideways;
    m.moves.push(...o.moves);
    m.matrix.forEach((row, i) => row.forEach((_, j) => (row[j]! += o.matrix[i]![j]!)));
    for (const [side, counts] of [
      [m.before, o.before],
      [m.after, o.after],
    ] as const) {
      side.forEach((icp, i) => {
        icp.filterFails.forEach((_, k) => (icp.filterFails[k]! += counts[i]!.filterFails[k]!));
        icp.signalFires.forEach((_, k) => (icp.signalFires[k]! += counts[i]!.signalFires[k]!));
        icp.tiers.forEach((_, k) => (icp.tiers[k]! += counts[i]!.tiers[k]!));
      });
    }
    total.unreadable += other.unreadable;
  }
  return total;
}

function writeSummary({ io, m }: Run, render: (maxChars: number) => string, first: string): void {
  const path = io.env['GITHUB_STEP_SUMMARY'];
  if (!path) return;
  const used = existsSync(path) ? statSync(path).size : 0;
  let text = first;
  let maxChars = text.length;
  // UTF-8 may take more bytes than characters: shrink until the summary file stays under 1 MiB.
  while (used + Buffer.byteLength(text) > SUMMARY_LIMIT && maxChars > 1000) {
    maxChars = Math.floor(maxChars * 0.8);
    text = render(maxChars);
  }
  if (used + Buffer.byteLength(text) > SUMMARY_LIMIT) {
    io.stderr.write(`${m.summaryFull}\n`);
    return;
  }
  appendFileSync(path, `${text}\n`);
}

async function run(argv: readonly string[], context: Run): Promise<void> {
  const { io, m } = context;
  const print = lineWriter(io.stdout);
  let values: {
    base?: string | undefined;
    accounts?: string[] | undefined;
    'max-chars'?: string | undefined;
    help?: boolean | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        base: { type: 'string' },
        accounts: { type: 'string', multiple: true },
        'max-chars': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(m.badArguments((error as Error).message));
  }
  if (values.help) {
    print(m.help(COMMENT_LIMIT));
    return;
  }
  if (!values.base) throw new UsageError(m.baseMissing);
  const maxChars = values['max-chars'] === undefined ? COMMENT_LIMIT : Number(values['max-chars']);
  if (!Number.isInteger(maxChars) || maxChars < 1000) throw new UsageError(m.badMaxChars(values['max-chars'] ?? ''));

  const started = performance.now();
  const dir = contentDir(io.env);
  if (!existsSync(dir)) throw new UsageError(m.noContentFolder(relative(PROJECT_ROOT, dir) || dir));
  const relativeDir = relative(PROJECT_ROOT, dir).split(sep).join('/');
  const headFiles = readContentFiles(dir);
  const head = loadSide(m, headFiles, relativeDir, m.workingTree);
  const { locale } = head.settings;
  const t = impactMessages[locale];

  const { root, prefix } = locateInRepository(dir);
  const commit = resolveCommit(root, values.base);
  const baseFiles = readFilesAtCommit(root, commit, prefix, relativeDir);
  if (baseFiles.length === 0) {
    print(`${t.title(values.base)}\n\n**${t.noBasePlaybook(values.base, prefix || '.')}**`);
    return;
  }
  const base = loadSide(m, baseFiles, relativeDir, m.atRef(values.base));
  const before = sideOf(base);
  const after = sideOf(head);
  const known = knownAccounts(headFiles, relativeDir, before, after, locale);
  const samples: Population[] = [];
  for (const file of values.accounts ?? []) samples.push(await feedFile(context, file, before, after, locale));
  const input = { locale, base: values.base, rules: compareRules(base, head, locale), known, samples, icps: head.icps };
  const render = (limit: number) => renderImpactReport({ ...input, maxChars: limit });
  const report = render(maxChars);
  io.stdout.write(report);
  writeSummary(context, render, report);
  const rows = samples.reduce((sum, sample) => sum + sample.movements.total, known?.movements.total ?? 0);
  io.stderr.write(
    `${m.compared(values.base, getFormatters(locale).number(rows), (performance.now() - started) / 1000)}\n`,
  );
}

/** Runs `npm run impact`; returns the exit code (1: a mistake in the arguments, the content or an input file). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Messages follow the playbook's language from the first one: read `locale:` before the arguments.
  const m = impactCliMessages[readPlaybookSettings(contentDir(io.env)).locale];
  try {
    await run(argv, { io, m });
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = isUsageError(error)
      ? error.message
      : error instanceof GitError
        ? m.git(error.problem)
        : code === 'EACCES' || code === 'ENOENT' || code === 'EISDIR'
          ? m.cannotOpen((error as Error).message)
          : m.crashed((error as Error).message);
    io.stderr.write(`${message}\n`);
    return 1;
  }
}

if (import.meta.main) {
  if (process.env['ICP_IMPACT_REPORT_RSS'] === '1') {
    process.on('exit', () => {
      const usage = process.resourceUsage();
      console.error(`maxRSS=${usage.maxRSS} cpuMicros=${usage.userCPUTime + usage.systemCPUTime}`);
    });
  }
  await runAsProcess(main);
}
