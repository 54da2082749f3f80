import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import {
  compareEvaluations,
  evaluateValues,
  type AccountValues,
  type CompiledIcp,
  type Evaluation,
} from '../scoring/compile.ts';
import { describeValue } from '../scoring/describe.ts';
import { getCompiledIcp, type IcpInput } from '../scoring/score-account.ts';
import { isNumberRange, type Verdict } from '../scoring/types.ts';
import { AccountReader, type CellProblem } from './accounts.ts';
import { CsvParser, type CsvRecord, type Delimiter } from './parse.ts';
import type { UnitCounts, UnitWarning } from './unit-sanity.ts';
import { UnreadableSummary, type UnreadableColumn } from './unreadable.ts';
import { formatCsvRow, NEEDS_QUOTES, startsLikeFormula } from './write.ts';

/**
 * Columns added after the input columns, in this order. `tier` is filled only for verdict `fit`,
 * `provisional_tier` only for `unknown` (the tier it reaches if its unknown filters pass), so a
 * CRM list filtered on `tier` holds qualified accounts only. See docs/scoring.md.
 */
export const OUTPUT_COLUMNS = ['icp', 'verdict', 'score', 'best', 'tier', 'provisional_tier', 'reasons'] as const;

/** The input cannot be scored at all (empty file, no attribute column, no ICP): one message, for the user. */
export class CsvInputError extends Error {
  override name = 'CsvInputError';
}

export interface ScoreCsvOptions {
  attributes: Attribute[];
  /** Every ICP of the playbook. */
  icps: readonly IcpInput[];
  /** Language of the `reasons` column and of cell problems. */
  locale: Locale;
  /** Score against this ICP only, whatever its status. Default: the best fit among active ICPs. */
  icpId?: string | undefined;
  /** Called for each unreadable cell (the row is still scored, with that value unknown). */
  onProblem?: ((problem: CellProblem) => void) | undefined;
  /**
   * Which input columns to write before the results. Default: all. `'keys'`: only the columns
   * that are not attributes (record ids, names, phone numbers…), so a CRM update touches
   * nothing else; or the names of the columns to keep (matched like headers, any case).
   */
  keep?: 'all' | 'keys' | readonly string[] | undefined;
  /**
   * This scorer scores pieces of a file for another that reports on the whole (a parallel run,
   * see {@link CsvScorer.resume}): it remembers every distinct unreadable value, since the
   * summary of the whole file, which caps them, is made by merging.
   */
  part?: boolean | undefined;
  /**
   * Called with each scored row, in file order, as its output line is made: what a result table
   * needs without parsing the output again. The object is reused for the next row: copy what
   * you keep.
   */
  onRow?: ((row: ScoredRow) => void) | undefined;
}

/** One scored row as {@link ScoreCsvOptions.onRow} sees it: the same values as its output line. */
export interface ScoredRow {
  /** The input cells as read (not neutralised): every column, whatever {@link ScoreCsvOptions.keep} says. */
  cells: readonly string[];
  /** File line the row starts on (the header is line 1). */
  line: number;
  /** Id of the best-fit ICP (the `icp` column). */
  icp: string;
  verdict: Verdict;
  score: number;
  best: number;
  /** Label of the tier: in `tier` for a fit, in `provisional_tier` for an unknown; empty otherwise. */
  tier: string;
  /** The `reasons` cell as written in the file (quoted and neutralised when it must be). */
  reasons: string;
}

/** What a scorer counted since it was last asked: see {@link CsvScorer.takeTally}. */
export interface ScoreTally {
  rows: number;
  problems: number;
  verdicts: Record<Verdict, number>;
  unreadable: UnreadableColumn[];
  units: (UnitCounts | undefined)[];
}

/**
 * The input columns to write, by index, for {@link ScoreCsvOptions.keep}; throws
 * {@link CsvInputError} naming a column that is not in the header.
 */
export function keptColumns(
  reader: AccountReader,
  keep: ScoreCsvOptions['keep'],
  locale: Locale,
): number[] | undefined {
  if (keep === undefined || keep === 'all') return undefined;
  if (keep === 'keys') return reader.columns.flatMap((attribute, i) => (attribute ? [] : [i]));
  return keep.map((name) => {
    const index = reader.indexOf(name);
    if (index === -1)
      throw new CsvInputError(scoringMessages[locale].csv.unknownKeyColumn(name, reader.header.join(', ')));
    return index;
  });
}

/** The ICPs a batch is scored against: the one asked for (any status), else every active ICP. */
export function selectIcps(icps: readonly IcpInput[], icpId?: string): IcpInput[] {
  if (icpId !== undefined) return icps.filter((icp) => icp.id === icpId);
  return icps.filter((icp) => icp.data.status === 'active');
}

/**
 * The best fit among compiled ICPs for one account's values (ties keep ICP order). With
 * `scratch` (one evaluation per ICP), evaluations are written into it instead of allocated.
 */
export function bestEvaluation(
  icps: readonly CompiledIcp[],
  values: AccountValues,
  scratch?: Evaluation[],
): { icp: CompiledIcp; evaluation: Evaluation } {
  let best = 0;
  let evaluation = evaluateValues(icps[0]!, values, scratch?.[0]);
  for (let i = 1; i < icps.length; i++) {
    const other = evaluateValues(icps[i]!, values, scratch?.[i]);
    if (compareEvaluations(other, evaluation) < 0) {
      best = i;
      evaluation = other;
    }
  }
  return { icp: icps[best]!, evaluation };
}

/** Distinct values whose words are remembered per filter: enough for choices and common numbers, bounded for memory. */
const MAX_CACHED_WORDS = 4096;

/** A piece of the reasons cell, escaped for CSV once and remembered. */
interface ReasonPart {
  /** The words with inner quotes doubled. */
  escaped: string;
  /** Whether the words hold a quote, the delimiter or a line break, so the cell needs quotes. */
  quote: boolean;
  /** Whether the words start like a formula (see {@link startsLikeFormula}). */
  formula: boolean;
}

const REASON_SEPARATOR = '; ';

/**
 * The `reasons` cell: the failed, then the unknown filters, by their labels, with the value seen
 * (`Fails: Europe only (seen North America); Unknown: At least 30 M€ revenue`), empty for a fit.
 * Each part is worded and escaped once per distinct value, which keeps batch scoring fast.
 */
export class ReasonsWriter {
  private readonly delimiter: Delimiter;
  /** The "; " between reasons is itself the delimiter of a `;` file: the cell then needs quotes. */
  private readonly separatorNeedsQuotes: boolean;
  private readonly failed = new Map<CompiledIcp, Map<string, ReasonPart>[]>();
  private readonly unknown = new Map<CompiledIcp, ReasonPart[]>();
  private readonly unrecognised = new Map<CompiledIcp, Map<string, ReasonPart>[]>();

  constructor(delimiter: Delimiter) {
    this.delimiter = delimiter;
    this.separatorNeedsQuotes = NEEDS_QUOTES[delimiter].test(REASON_SEPARATOR);
  }

  private part(words: string): ReasonPart {
    return {
      escaped: words.replaceAll('"', '""'),
      quote: NEEDS_QUOTES[this.delimiter].test(words),
      formula: startsLikeFormula(words),
    };
  }

  private failedPart(icp: CompiledIcp, i: number, values: AccountValues): ReasonPart {
    let caches = this.failed.get(icp);
    if (!caches) {
      caches = icp.filters.map(() => new Map<string, ReasonPart>());
      this.failed.set(icp, caches);
    }
    const { filter, attribute, slot } = icp.filters[i]!;
    const value = values[slot] ?? undefined;
    const key = Array.isArray(value)
      ? value.join('|')
      : isNumberRange(value)
        ? `${value.min}…${value.max}`
        : String(value);
    const cache = caches[i]!;
    let part = cache.get(key);
    if (part === undefined) {
      part = this.part(
        scoringMessages[icp.locale].filterFail(filter.label, describeValue(value, attribute, icp.locale)),
      );
      if (cache.size < MAX_CACHED_WORDS) cache.set(key, part);
    }
    return part;
  }

  private unrecognisedPart(icp: CompiledIcp, i: number, text: string): ReasonPart {
    let caches = this.unrecognised.get(icp);
    if (!caches) {
      caches = icp.filters.map(() => new Map<string, ReasonPart>());
      this.unrecognised.set(icp, caches);
    }
    const cache = caches[i]!;
    let part = cache.get(text);
    if (part === undefined) {
      part = this.part(scoringMessages[icp.locale].filterUnrecognised(icp.filters[i]!.filter.label, text));
      if (cache.size < MAX_CACHED_WORDS) cache.set(text, part);
    }
    return part;
  }

  private unknownPart(icp: CompiledIcp, i: number, rejected: readonly (string | undefined)[] | undefined): ReasonPart {
    const { slot } = icp.filters[i]!;
    const text = rejected && slot !== -1 ? rejected[slot] : undefined;
    if (text !== undefined) return this.unrecognisedPart(icp, i, text);
    let parts = this.unknown.get(icp);
    if (!parts) {
      parts = icp.filters.map(({ filter }) => this.part(scoringMessages[icp.locale].filterUnknown(filter.label)));
      this.unknown.set(icp, parts);
    }
    return parts[i]!;
  }

  /**
   * The reasons as a CSV cell, quoted and neutralised as needed. `rejected` holds, by slot, the
   * text of cells that could not be read: their filters say "value not recognised", not "no value".
   */
  cell(
    icp: CompiledIcp,
    evaluation: Evaluation,
    values: AccountValues,
    rejected?: readonly (string | undefined)[],
  ): string {
    if (evaluation.verdict === 'fit') return '';
    let text = '';
    let quote = false;
    let formula = false;
    for (const wanted of ['fail', 'unknown'] as const) {
      for (let i = 0; i < icp.filters.length; i++) {
        if (evaluation.filters[i] !== wanted) continue;
        const part = wanted === 'fail' ? this.failedPart(icp, i, values) : this.unknownPart(icp, i, rejected);
        if (text === '') formula = part.formula;
        else {
          text += REASON_SEPARATOR;
          quote ||= this.separatorNeedsQuotes;
        }
        text += part.escaped;
        quote ||= part.quote;
      }
    }
    if (formula) text = `'${text}`;
    return quote ? `"${text}"` : text;
  }
}

const encoder = new TextEncoder();

/** Encodes lines into one UTF-8 byte array. */
export function encodeLines(lines: readonly string[]): Uint8Array {
  let length = 0;
  for (const line of lines) length += line.length;
  // Most text is ASCII (one byte per character): start with a little room and grow if needed.
  let bytes = new Uint8Array(length + (length >> 3) + 16);
  let written = 0;
  for (const line of lines) {
    let text = line;
    for (;;) {
      const result = encoder.encodeInto(text, bytes.subarray(written));
      written += result.written;
      if (result.read === text.length) break;
      // Out of room: grow (a UTF-16 code unit never takes more than 3 bytes) and go on.
      text = text.slice(result.read);
      const grown = new Uint8Array(bytes.length * 2 + text.length * 3);
      grown.set(bytes.subarray(0, written));
      bytes = grown;
    }
  }
  return bytes.subarray(0, written);
}

/**
 * Batch scoring, CSV text in and CSV text out, fed chunk by chunk: the one pipeline behind
 * `npm run score` and the browser batch scorer. Output keeps the input columns (and the
 * delimiter, and a BOM if there was one), then adds {@link OUTPUT_COLUMNS}.
 * @example
 * const scorer = new CsvScorer({ attributes, icps, locale: 'en' });
 * const out = scorer.push(text) + scorer.end();
 */
export class CsvScorer {
  /** Accounts scored so far. */
  rows = 0;
  /** Cell problems reported so far. */
  problems = 0;
  /** Accounts scored so far, by verdict of their best fit. */
  readonly verdicts: Record<Verdict, number> = { fit: 0, unknown: 0, out: 0 };
  private readonly parser: CsvParser;
  private readonly options: ScoreCsvOptions;
  private readonly icps: CompiledIcp[];
  private reader: AccountReader | undefined;
  private delimiter: Delimiter = ',';
  private width = 0;
  private readonly rowProblems: CellProblem[] = [];
  /** Text of this row's unreadable cells, by attribute slot. */
  private readonly rejected: (string | undefined)[] = [];
  /** Unreadable cells grouped by column and distinct value (see {@link UnreadableSummary}). */
  readonly unreadable: UnreadableSummary;
  private readonly padding: string[] = [];
  /** Indexes of the input columns written, when not all are (see {@link ScoreCsvOptions.keep}). */
  private kept: number[] | undefined;
  private reasons = new ReasonsWriter(',');
  /** The tier cells of each ICP, formatted once. */
  private readonly tierCells = new Map<CompiledIcp, string[]>();
  private readonly scratch: Evaluation[];
  private readonly row: ScoredRow = {
    cells: [],
    line: 0,
    icp: '',
    verdict: 'out',
    score: 0,
    best: 0,
    tier: '',
    reasons: '',
  };

  constructor(options: ScoreCsvOptions) {
    this.options = options;
    this.unreadable = options.part ? new UnreadableSummary(Infinity) : new UnreadableSummary();
    this.parser = new CsvParser({ locale: options.locale });
    const chosen = selectIcps(options.icps, options.icpId);
    if (chosen.length === 0) {
      const t = scoringMessages[options.locale].csv;
      throw new CsvInputError(
        options.icpId === undefined
          ? t.noActiveIcp
          : t.unknownIcp(options.icpId, options.icps.map((i) => i.id).join(', ')),
      );
    }
    this.icps = chosen.map((icp) => getCompiledIcp(icp, options.attributes, options.locale));
    this.scratch = this.icps.map((icp) => evaluateValues(icp, []));
  }

  /**
   * Number columns whose values sit mostly outside the attribute's plausible range (`typical`,
   * or `min`..`max`), with the likely fix: call after {@link end}.
   */
  unitWarnings(): UnitWarning[] {
    return this.reader?.unitWarnings() ?? [];
  }

  /** The header cells of the input, once its first line has been read. */
  get header(): readonly string[] | undefined {
    return this.reader?.header;
  }

  /** The file's delimiter (`,` until the header is read). */
  get csvDelimiter(): Delimiter {
    return this.delimiter;
  }

  /**
   * Goes on with a file whose header another scorer read (see ./record-splitter.ts): the header's
   * cells and the delimiter. Header problems are that scorer's to report: none is counted here.
   */
  resume(header: readonly string[], delimiter: Delimiter): void {
    this.parser.resumeAt(2, delimiter);
    this.start({ cells: [...header], line: 1 });
    this.problems = 0;
  }

  /** Scores whole records starting at file line `line` (a piece from a RecordSplitter); returns their output as UTF-8. */
  pushBytesAt(text: string, line: number): Uint8Array {
    this.parser.resumeAt(line, this.delimiter);
    return encodeLines(this.convert(this.parser.push(text)));
  }

  /** Hands over what was counted since the last call (rows, problems, verdicts, unreadable values, unit counts) and resets it. */
  takeTally(): ScoreTally {
    const tally = {
      rows: this.rows,
      problems: this.problems,
      verdicts: { ...this.verdicts },
      unreadable: this.unreadable.take(),
      units: this.reader?.takeUnitCounts() ?? [],
    };
    this.rows = 0;
    this.problems = 0;
    this.verdicts.fit = this.verdicts.unknown = this.verdicts.out = 0;
    return tally;
  }

  /** Adds a tally taken from a scorer that scored pieces of this file after its header. */
  addTally(tally: ScoreTally): void {
    this.rows += tally.rows;
    this.problems += tally.problems;
    this.verdicts.fit += tally.verdicts.fit;
    this.verdicts.unknown += tally.verdicts.unknown;
    this.verdicts.out += tally.verdicts.out;
    this.unreadable.merge(tally.unreadable);
    this.reader?.mergeUnitCounts(tally.units);
  }

  /** Ids of the ICPs this batch is scored against. */
  get icpIds(): string[] {
    return this.icps.map((icp) => icp.id);
  }

  /** Feeds a chunk of the input; returns the output text for the rows it completed. */
  push(chunk: string): string {
    this.checkEncoding(chunk);
    return this.convert(this.parser.push(chunk)).join('');
  }

  /** Ends the input; returns the last output text. Throws {@link CsvInputError} for an empty file. */
  end(): string {
    return this.finish().join('');
  }

  /**
   * Like {@link push}, but returns the output as UTF-8 bytes, ready for a file or a Blob.
   * Faster for big files: each line is encoded on its own, so one line with a character such
   * as `€` does not make the whole chunk a slow two-byte string.
   */
  pushBytes(chunk: string): Uint8Array {
    this.checkEncoding(chunk);
    return encodeLines(this.convert(this.parser.push(chunk)));
  }

  /**
   * Like {@link push}, but returns the output lines (each with its line break) unjoined: a
   * caller that encodes them into its own buffer makes no big string.
   */
  pushLines(chunk: string): string[] {
    this.checkEncoding(chunk);
    return this.convert(this.parser.push(chunk));
  }

  /** Like {@link end}, as lines. */
  endLines(): string[] {
    return this.finish();
  }

  private encodingChecked = false;

  /**
   * Text with NUL characters is a binary file (or UTF-16 without a BOM) read as text: say so,
   * rather than report that no column is named after an attribute. Decode bytes with
   * {@link CsvDecoder} (./decode.ts) first, which refuses such files before they get here.
   */
  private checkEncoding(chunk: string): void {
    if (this.encodingChecked || chunk.length === 0) return;
    this.encodingChecked = true;
    if (chunk.slice(0, 1000).includes('\u0000'))
      throw new CsvInputError(scoringMessages[this.options.locale].csv.binary);
  }

  /** Like {@link end}, as UTF-8 bytes. */
  endBytes(): Uint8Array {
    return encodeLines(this.finish());
  }

  private finish(): string[] {
    const lines = this.convert(this.parser.end());
    if (!this.reader) throw new CsvInputError(scoringMessages[this.options.locale].csv.emptyFile);
    return lines;
  }

  private convert(records: CsvRecord[]): string[] {
    const lines = new Array<string>(records.length);
    for (let i = 0; i < records.length; i++) {
      lines[i] = this.reader ? this.scoreRecord(records[i]!) : this.start(records[i]!);
    }
    return lines;
  }

  private start(record: CsvRecord): string {
    const { attributes, locale } = this.options;
    const reader = new AccountReader(record.cells, attributes, locale);
    if (reader.attributeCount === 0) {
      const names = attributes.map((a) => a.id).join(', ');
      throw new CsvInputError(scoringMessages[locale].csv.noAttributeColumns(names));
    }
    this.reader = reader;
    this.delimiter = this.parser.delimiter ?? ',';
    this.reasons = new ReasonsWriter(this.delimiter);
    for (const icp of this.icps)
      this.tierCells.set(
        icp,
        icp.data.tiers.map((tier) => formatCsvRow([tier.label], this.delimiter)),
      );
    this.width = record.cells.length;
    this.kept = keptColumns(reader, this.options.keep, locale);
    for (const problem of reader.headerProblems) this.report(problem);
    const header = formatCsvRow([...this.select(record.cells), ...OUTPUT_COLUMNS], this.delimiter) + '\n';
    return this.parser.bom ? `\uFEFF${header}` : header;
  }

  private report(problem: CellProblem): void {
    this.problems++;
    this.unreadable.add(problem);
    this.options.onProblem?.(problem);
  }

  private scoreRecord(record: CsvRecord): string {
    const reader = this.reader!;
    const { cells, line } = record;
    const problems = this.rowProblems;
    problems.length = 0;
    const shape = reader.shapeProblem(cells, line, record.unclosedQuote);
    if (shape) problems.push(shape);
    const values = reader.readValues(cells, line, problems, this.rejected);
    for (const problem of problems) this.report(problem);
    const { icp, evaluation } = bestEvaluation(this.icps, values, this.scratch);
    this.rows++;
    this.verdicts[evaluation.verdict]++;
    const tierCell = evaluation.tier >= 0 ? this.tierCells.get(icp)![evaluation.tier]! : '';
    const tier = evaluation.verdict === 'fit' ? tierCell : '';
    const provisional = evaluation.verdict === 'unknown' ? tierCell : '';
    const reasons = this.reasons.cell(icp, evaluation, values, problems.length > 0 ? this.rejected : undefined);
    if (problems.length > 0) this.rejected.fill(undefined);
    if (this.options.onRow) {
      const row = this.row;
      row.cells = cells;
      row.line = line;
      row.icp = icp.id;
      row.verdict = evaluation.verdict;
      row.score = evaluation.score;
      row.best = evaluation.best;
      row.tier =
        evaluation.verdict === 'fit' || evaluation.verdict === 'unknown'
          ? (icp.data.tiers[evaluation.tier]?.label ?? '')
          : '';
      row.reasons = reasons;
      this.options.onRow(row);
    }
    const d = this.delimiter;
    // Ids, verdicts and scores never need quoting; tier labels and reasons are formatted above.
    return `${this.inputText(record)}${d}${icp.id}${d}${evaluation.verdict}${d}${evaluation.score}${d}${evaluation.best}${d}${tier}${d}${provisional}${d}${reasons}\n`;
  }

  /** The input cells for the output: the record's own text when it is safe to copy, else re-written. */
  private inputText(record: CsvRecord): string {
    const { cells, raw } = record;
    if (this.kept) return formatCsvRow(this.select(cells), this.delimiter);
    if (raw !== undefined && cells.length === this.width) return raw;
    return formatCsvRow(cells.length === this.width ? cells : this.fit(cells), this.delimiter);
  }

  /** The cells of the kept columns (all when no choice was made). */
  private select(cells: readonly string[]): readonly string[] {
    if (!this.kept) return cells;
    return this.kept.map((i) => cells[i] ?? '');
  }

  /** Pads a short row with empty cells, or cuts the extra cells of a long one (reported as a problem). */
  private fit(cells: readonly string[]): readonly string[] {
    if (cells.length > this.width) return cells.slice(0, this.width);
    while (this.padding.length < this.width) this.padding.push('');
    return [...cells, ...this.padding.slice(cells.length, this.width)];
  }
}
