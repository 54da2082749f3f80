import type { Locale } from '../i18n/locales.ts';
import { AccountReader, type CellProblem } from '../csv/accounts.ts';
import { CsvParser, type CsvRecord } from '../csv/parse.ts';
import { CsvInputError } from '../csv/score-csv.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import { MovementTracker, type ScoringSide } from './movements.ts';
import type { Population } from './report.ts';

/** Columns that name an account, in order of preference, for the list of moves. */
const NAME_COLUMNS = ['company', 'name', 'account', 'account name', 'domain', 'id'];

/**
 * Feeds the rows of one CSV to a {@link MovementTracker}: each row is read twice, once with the
 * base attributes and once with the changed ones (the one CSV reader of the CLI, so aliases and
 * ranges read the same), and the account is named by its company (or name, domain) column.
 * Text goes in chunk by chunk, so a file of millions of rows streams through in flat memory.
 */
export class AccountsFeeder {
  private readonly parser = new CsvParser();
  private readonly options: { before: ScoringSide; after: ScoringSide; locale: Locale; file: string };
  private readonly tracker: MovementTracker;
  private readers: [AccountReader, AccountReader] | undefined;
  private nameColumn = -1;
  private expectColumn = -1;
  private unreadable = 0;
  private readonly problems: CellProblem[] = [];
  private readonly ignored: CellProblem[] = [];

  /** `keep`: how many moves to keep in words (the biggest); `file`: the name shown for rows without a name column. */
  constructor(options: { before: ScoringSide; after: ScoringSide; locale: Locale; file: string; keep: number }) {
    this.options = options;
    this.tracker = new MovementTracker(options);
  }

  /** Feeds a chunk of the CSV text. */
  push(chunk: string): void {
    if (!this.readers && chunk.slice(0, 1000).includes('\u0000'))
      throw new CsvInputError(scoringMessages[this.options.locale].csv.binary);
    for (const record of this.parser.push(chunk)) this.record(record);
  }

  /** Ends the text; returns the population for the report. */
  end(name?: string): Population {
    for (const record of this.parser.end()) this.record(record);
    if (!this.readers) throw new CsvInputError(scoringMessages[this.options.locale].csv.emptyFile);
    return { name, movements: this.tracker.result(), unreadable: this.unreadable };
  }

  private record(record: CsvRecord): void {
    if (!this.readers) {
      this.start(record.cells);
      return;
    }
    const [before, after] = this.readers;
    const problems = this.problems;
    problems.length = 0;
    const shape = after.shapeProblem(record.cells, record.line, record.unclosedQuote);
    if (shape) problems.push(shape);
    const afterValues = after.readValues(record.cells, record.line, problems);
    this.unreadable += problems.length;
    this.ignored.length = 0;
    // The same cells, read with the base attributes: their problems were counted on the changed side.
    const beforeValues = before.readValues(record.cells, record.line, this.ignored);
    const name = this.nameColumn === -1 ? '' : (record.cells[this.nameColumn] ?? '').trim();
    const expect = this.expectColumn === -1 ? undefined : (record.cells[this.expectColumn] ?? '').trim();
    this.tracker.add(name || `${this.options.file}:${record.line}`, beforeValues, afterValues, expect);
  }

  private start(header: readonly string[]): void {
    const { before, after, locale } = this.options;
    const afterReader = new AccountReader(header, after.attributes, locale);
    if (afterReader.attributeCount === 0) {
      throw new CsvInputError(
        scoringMessages[locale].csv.noAttributeColumns(after.attributes.map((a) => a.id).join(', ')),
      );
    }
    this.readers = [new AccountReader(header, before.attributes, locale), afterReader];
    this.unreadable += afterReader.headerProblems.length;
    // Known accounts say where they should land: a move that breaks it is flagged.
    this.expectColumn = afterReader.indexOf('expect');
    for (const name of NAME_COLUMNS) {
      const index = afterReader.indexOf(name);
      if (index !== -1 && afterReader.columns[index] === undefined) {
        this.nameColumn = index;
        break;
      }
    }
  }
}
