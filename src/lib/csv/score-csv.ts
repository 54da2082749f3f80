import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../../schemas/playbook.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import { compareEvaluations, evaluate, type CompiledIcp, type Evaluation } from '../scoring/compile.ts';
import { describeValue } from '../scoring/describe.ts';
import { getCompiledIcp, type IcpInput } from '../scoring/score-account.ts';
import type { Account } from '../scoring/types.ts';
import { AccountReader, type CellProblem } from './accounts.ts';
import { CsvParser, type CsvRecord, type Delimiter } from './parse.ts';
import { formatCsvRow } from './write.ts';

/** Columns added after the input columns, in this order. */
export const OUTPUT_COLUMNS = ['icp', 'verdict', 'score', 'best', 'tier', 'reasons'] as const;

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
}

/** The ICPs a batch is scored against: the one asked for (any status), else every active ICP. */
export function selectIcps(icps: readonly IcpInput[], icpId?: string): IcpInput[] {
  if (icpId !== undefined) return icps.filter((icp) => icp.id === icpId);
  return icps.filter((icp) => icp.data.status === 'active');
}

/** The best fit among compiled ICPs for one account (ties keep ICP order). */
export function bestEvaluation(icps: readonly CompiledIcp[], account: Account): { icp: CompiledIcp; evaluation: Evaluation } {
  let icp = icps[0]!;
  let evaluation = evaluate(icp, account);
  for (let i = 1; i < icps.length; i++) {
    const other = evaluate(icps[i]!, account);
    if (compareEvaluations(other, evaluation) < 0) {
      icp = icps[i]!;
      evaluation = other;
    }
  }
  return { icp, evaluation };
}

/** The failed, then the unknown filters of an evaluation, in words, joined with `; `. */
export function reasonsText(icp: CompiledIcp, evaluation: Evaluation, account: Account): string {
  if (evaluation.verdict === 'fit') return '';
  const t = scoringMessages[icp.locale];
  const failed: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < icp.filters.length; i++) {
    const outcome = evaluation.filters[i];
    const { filter, attribute, words } = icp.filters[i]!;
    if (outcome === 'fail') failed.push(t.filterFail(words, describeValue(account[filter.attribute], attribute, icp.locale)));
    else if (outcome === 'unknown') unknown.push(t.filterUnknown(words));
  }
  return [...failed, ...unknown].join('; ');
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
  private readonly parser = new CsvParser();
  private readonly options: ScoreCsvOptions;
  private readonly icps: CompiledIcp[];
  private reader: AccountReader | undefined;
  private delimiter: Delimiter = ',';
  private width = 0;
  private readonly rowProblems: CellProblem[] = [];
  private readonly padding: string[] = [];

  constructor(options: ScoreCsvOptions) {
    this.options = options;
    const chosen = selectIcps(options.icps, options.icpId);
    if (chosen.length === 0) {
      throw new CsvInputError(
        options.icpId === undefined
          ? 'there is no active ICP to score against: set status: active on an ICP, or choose one with --icp'
          : `unknown ICP "${options.icpId}": the ICPs are ${options.icps.map((i) => i.id).join(', ')}`,
      );
    }
    this.icps = chosen.map((icp) => getCompiledIcp(icp, options.attributes, options.locale));
  }

  /** Feeds a chunk of the input; returns the output text for the rows it completed. */
  push(chunk: string): string {
    return this.convert(this.parser.push(chunk));
  }

  /** Ends the input; returns the last output text. Throws {@link CsvInputError} for an empty file. */
  end(): string {
    const out = this.convert(this.parser.end());
    if (!this.reader) throw new CsvInputError(scoringMessages[this.options.locale].csv.emptyFile);
    return out;
  }

  private convert(records: CsvRecord[]): string {
    let out = '';
    for (const record of records) {
      if (!this.reader) out += this.start(record);
      else out += this.scoreRecord(record);
    }
    return out;
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
    this.width = record.cells.length;
    for (const problem of reader.headerProblems) this.report(problem);
    const header = formatCsvRow([...record.cells, ...OUTPUT_COLUMNS], this.delimiter) + '\n';
    return this.parser.bom ? `\uFEFF${header}` : header;
  }

  private report(problem: CellProblem): void {
    this.problems++;
    this.options.onProblem?.(problem);
  }

  private scoreRecord(record: CsvRecord): string {
    const reader = this.reader!;
    const { cells, line } = record;
    const problems = this.rowProblems;
    problems.length = 0;
    const shape = reader.shapeProblem(cells, line, record.unclosedQuote);
    if (shape) problems.push(shape);
    const account = reader.read(cells, line, problems);
    for (const problem of problems) this.report(problem);
    const { icp, evaluation } = bestEvaluation(this.icps, account);
    this.rows++;
    const input = cells.length === this.width ? cells : this.fit(cells);
    const tier = evaluation.tier >= 0 ? icp.data.tiers[evaluation.tier]!.label : '';
    const added = [icp.id, evaluation.verdict, String(evaluation.score), String(evaluation.best), tier, reasonsText(icp, evaluation, account)];
    return formatCsvRow(input, this.delimiter) + this.delimiter + formatCsvRow(added, this.delimiter) + '\n';
  }

  /** Pads a short row with empty cells, or cuts the extra cells of a long one (reported as a problem). */
  private fit(cells: readonly string[]): readonly string[] {
    if (cells.length > this.width) return cells.slice(0, this.width);
    while (this.padding.length < this.width) this.padding.push('');
    return [...cells, ...this.padding.slice(cells.length, this.width)];
  }
}
