import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import { AccountReader, type CellProblem } from '../csv/accounts.ts';
import { parseCsv } from '../csv/parse.ts';
import { closest } from '../i18n/did-you-mean.ts';
import { vm } from '../i18n/validator.ts';
import type { AccountsFile, IcpEntry } from '../model/playbook-model.ts';
import type { Problem } from '../model/problem.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import { scoreAccount, scoreBestFit } from '../scoring/score-account.ts';
import type { Account, ScoreResult } from '../scoring/types.ts';
import { findDealColumns, readDealFacts, type DealFacts } from './deal-columns.ts';

/** What happened with a known account. */
export type Outcome = 'won' | 'lost' | 'open';
const OUTCOMES: readonly Outcome[] = ['won', 'lost', 'open'];
/** The `expect` value for an account that should fail the filters of every active ICP. */
export const EXPECT_OUT = 'out';

/** Counts of known accounts by outcome. */
export interface OutcomeCounts {
  won: number;
  lost: number;
  open: number;
  /** Rows with no outcome. */
  none: number;
  /** Every row counted here (won + lost + open + none). */
  total: number;
  /** won / (won + lost), 0 to 1; undefined when there is neither a win nor a loss. */
  winRate?: number | undefined;
}

/** Known accounts that land in one tier. */
export interface TierCalibration extends OutcomeCounts {
  label: string;
  min: number;
}

/**
 * How the known accounts land on one ICP, each scored against that ICP alone: per tier (verdict
 * fit or unknown) and out (a filter fails), with counts per outcome and the win rate.
 */
export interface IcpCalibration {
  /** One entry per tier of the ICP, highest first, even when empty. */
  tiers: TierCalibration[];
  /** Accounts that fail a filter of this ICP. */
  out: OutcomeCounts;
  /** Every known account row. */
  total: number;
}

/** One row of a known-accounts CSV, read with the scoring reader. */
export interface KnownAccount extends DealFacts {
  /** The CSV file, relative to the repository. */
  file: string;
  line: number;
  account: Account;
  outcome?: Outcome | undefined;
  expect?: string | undefined;
  expectColumn: number;
}

const field = (header: string) => header.trim() || '-';

function toProblem(file: string, problem: CellProblem): Problem {
  return { file, line: problem.row, column: problem.column, field: field(problem.header), message: problem.message };
}

/**
 * Reads one known-accounts CSV with the scoring reader; unreadable cells, outcomes and deal
 * columns are problems, in `locale` (the validator's messages follow the language it runs in).
 */
export function readKnownAccounts(
  source: AccountsFile,
  attributes: readonly Attribute[],
  locale: Locale = 'en',
): { rows: KnownAccount[]; problems: Problem[] } {
  const { file } = source;
  const t = scoringMessages[locale].csv;
  const { records } = parseCsv(source.text);
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ file, line: 1, column: 1, field: '-', message: t.emptyFile }] };
  const reader = new AccountReader(header.cells, attributes, locale);
  if (reader.attributeCount === 0) {
    return {
      rows: [],
      problems: [
        { file, line: 1, column: 1, field: '-', message: t.noAttributeColumns(attributes.map((a) => a.id).join(', ')) },
      ],
    };
  }
  const problems: Problem[] = reader.headerProblems.map((p) => toProblem(file, p));
  const outcomeColumn = reader.indexOf('outcome');
  const expectColumn = reader.indexOf('expect');
  problems.push(...checkColumnNames(file, header.cells, reader, { expect: expectColumn, outcome: outcomeColumn }));
  const dealColumns = findDealColumns((name) => reader.indexOf(name));
  const rows = body.map((record): KnownAccount => {
    const cellProblems: CellProblem[] = [];
    const shape = reader.shapeProblem(record.cells, record.line, record.unclosedQuote);
    if (shape) cellProblems.push(shape);
    const account = reader.read(record.cells, record.line, cellProblems);
    problems.push(...cellProblems.map((p) => toProblem(file, p)));
    const rawOutcome = outcomeColumn === -1 ? '' : (record.cells[outcomeColumn] ?? '').trim();
    const outcome = OUTCOMES.find((o) => o === rawOutcome.toLowerCase());
    if (rawOutcome !== '' && !outcome) {
      problems.push({
        file,
        line: record.line,
        column: outcomeColumn + 1,
        field: 'outcome',
        message: vm().rules.notAnOutcome(rawOutcome),
      });
    }
    const expect = expectColumn === -1 ? '' : (record.cells[expectColumn] ?? '').trim();
    const deal = readDealFacts(record.cells, dealColumns, locale);
    problems.push(...deal.problems.map((p) => ({ file, line: record.line, ...p })));
    return {
      file,
      line: record.line,
      account,
      outcome,
      expect: expect || undefined,
      expectColumn: expectColumn + 1,
      ...deal.facts,
    };
  });
  return { rows, problems };
}

// What authors write instead of `expect` and `outcome`: misspellings, plurals, translations.
const LOOKALIKES: Record<'expect' | 'outcome', readonly string[]> = {
  expect: [
    'expected',
    'expects',
    'expectation',
    'expected tier',
    'tier',
    'attendu',
    'attendue',
    'tier attendu',
    'niveau attendu',
    'priorité attendue',
  ],
  outcome: [
    'outcomes',
    'result',
    'results',
    'status',
    'résultat',
    'resultat',
    'issue',
    'statut',
    'won/lost',
    'gagné/perdu',
  ],
};

/**
 * A misspelled or translated `expect`/`outcome` column silently turns the check off: name it,
 * and say when a file has neither (then nothing in it is checked).
 */
function checkColumnNames(
  file: string,
  header: readonly string[],
  reader: AccountReader,
  found: Record<'expect' | 'outcome', number>,
): Problem[] {
  const problems: Problem[] = [];
  const plain = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .trim()
      .toLowerCase();
  for (const wanted of ['expect', 'outcome'] as const) {
    if (found[wanted] !== -1) continue;
    const looks = LOOKALIKES[wanted].map(plain);
    header.forEach((name, i) => {
      if (reader.columns[i]) return;
      const cell = plain(name);
      if (cell === '' || (!looks.includes(cell) && closest(cell, [wanted]) === undefined)) return;
      problems.push({
        file,
        line: 1,
        column: i + 1,
        field: name.trim(),
        message: vm().columnLookalike(wanted),
      });
    });
  }
  if (found.expect === -1 && found.outcome === -1 && problems.length === 0) {
    problems.push({
      file,
      line: 1,
      column: 1,
      field: '-',
      message: vm().noCheckedColumn,
    });
  }
  return problems;
}

/** What the engine says for an account: a tier label, or `out`. */
function landing(result: ScoreResult | undefined): string {
  return result?.tier?.label ?? EXPECT_OUT;
}

function why(result: ScoreResult | undefined): string {
  const m = vm().rules;
  if (!result) return m.whyNoIcp;
  if (result.verdict === 'out')
    return m.whyOut(
      result.icpId,
      result.filters.filter((f) => f.outcome === 'fail').map((f) => f.explanation),
    );
  return m.whyScore(result.score, result.icpId, result.filters.filter((f) => f.outcome === 'unknown').length);
}

/**
 * Checks the `expect` column of every `content/accounts/*.csv` against the best-fit result of
 * the active ICPs, like a test suite: each disagreement, unreadable cell or bad `outcome` is a problem.
 */
export function checkCalibration(
  model: { attributes: Attribute[]; icps: readonly IcpEntry[]; accounts: readonly AccountsFile[] },
  /**
   * `compareExpect: false` reads the files (cells, columns, outcomes) without comparing tiers: an
   * active ICP is broken. `locale`: the language of the CSV cell messages and of the explanations.
   */
  options: { compareExpect?: boolean; locale?: Locale } = {},
): Problem[] {
  const problems: Problem[] = [];
  const active = model.icps.filter((icp) => icp.data.status === 'active');
  const labels = [...new Set(active.flatMap((icp) => icp.data.tiers.map((tier) => tier.label)))];
  const known = new Set([...labels, EXPECT_OUT].map((label) => label.toLowerCase()));
  const locale = options.locale ?? 'en';
  for (const source of model.accounts) {
    const { rows, problems: found } = readKnownAccounts(source, model.attributes, locale);
    problems.push(...found);
    for (const row of rows) {
      if (row.expect === undefined || options.compareExpect === false) continue;
      const at = { file: source.file, line: row.line, column: row.expectColumn, field: 'expect' };
      if (!known.has(row.expect.toLowerCase())) {
        problems.push({ ...at, message: vm().rules.notATier(row.expect, EXPECT_OUT, labels.join(', ')) });
        continue;
      }
      const { best } = scoreBestFit(row.account, active, model.attributes, locale);
      const got = landing(best);
      if (got.toLowerCase() === row.expect.toLowerCase()) continue;
      problems.push({ ...at, message: vm().rules.tierMismatch(row.expect, got, why(best)) });
    }
  }
  return problems;
}

function emptyCounts(): OutcomeCounts {
  return { won: 0, lost: 0, open: 0, none: 0, total: 0 };
}

function count(counts: OutcomeCounts, outcome: Outcome | undefined): void {
  counts[outcome ?? 'none']++;
  counts.total++;
}

function withWinRate<T extends OutcomeCounts>(counts: T): T {
  const decided = counts.won + counts.lost;
  return decided > 0 ? { ...counts, winRate: counts.won / decided } : counts;
}

/**
 * For each ICP (every status), how the known accounts land when scored against that ICP alone:
 * counts per tier and outcome, and the win rate per tier, for the ICP page
 * ("Tier 1: 12 won / 4 lost"). Empty when there is no known account; rows with unreadable
 * cells count with those values unknown.
 * @example calibrationSummary(model).get('mid-market-saas')?.tiers[0] // { label: 'Tier 1', min: 70, won: 8, lost: 1, open: 2, none: 0, total: 11, winRate: 0.89 }
 */
export function calibrationSummary(model: {
  attributes: Attribute[];
  icps: readonly IcpEntry[];
  accounts: readonly AccountsFile[];
}): Map<string, IcpCalibration> {
  const rows = model.accounts.flatMap((source) => readKnownAccounts(source, model.attributes).rows);
  const summary = new Map<string, IcpCalibration>();
  if (rows.length === 0) return summary;
  for (const icp of model.icps) {
    const tiers = icp.data.tiers.map((tier) => ({ label: tier.label, min: tier.min, ...emptyCounts() }));
    const out = emptyCounts();
    for (const row of rows) {
      const result = scoreAccount(row.account, icp, model.attributes, 'en');
      const index = result.tier ? icp.data.tiers.indexOf(result.tier) : -1;
      count(index === -1 ? out : tiers[index]!, row.outcome);
    }
    summary.set(icp.id, { tiers: tiers.map(withWinRate), out: withWinRate(out), total: rows.length });
  }
  return summary;
}
