// The optional deal columns of a known-accounts CSV: `amount` (deal or yearly contract value, in
// the playbook's currency), `opened` and `closed` (dates). Read here, beside the scoring reader,
// so value per tier and the backtest see the same rows the known-accounts check sees.
import type { Locale } from '../i18n/locales.ts';
import { parseNumberCell } from '../parse-number.ts';
import { calibrationMessages } from '../i18n/calibration.ts';

/** The deal facts of one known account; each is absent when its column is missing or empty. */
export interface DealFacts {
  amount?: number | undefined;
  /** ISO date `YYYY-MM-DD` the deal was opened (start of the sales cycle). */
  opened?: string | undefined;
  /** ISO date `YYYY-MM-DD` the deal was won or lost. */
  closed?: string | undefined;
}

/** A cell of a deal column that cannot be read: the row still counts, without that fact. */
export interface DealProblem {
  column: number;
  field: 'amount' | 'opened' | 'closed';
  message: string;
}

/** The 0-based index of each deal column in the header, -1 when absent. */
export interface DealColumns {
  amount: number;
  opened: number;
  closed: number;
}

/** Finds the deal columns by name (trimmed, any case). */
export function findDealColumns(indexOf: (name: string) => number): DealColumns {
  return { amount: indexOf('amount'), opened: indexOf('opened'), closed: indexOf('closed') };
}

// A date, optionally followed by a time, as CRMs export them: 2026-09-15, 2026-09-15 10:22, 2026-09-15T10:22:00Z.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/;

/** `YYYY-MM-DD` of a date cell, or undefined when it is not a date that exists. */
export function readIsoDate(text: string): string | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) return undefined;
  return `${y}-${m}-${d}`;
}

/** Reads the deal facts of one row; unreadable cells become problems and are left out. */
export function readDealFacts(
  cells: readonly string[],
  columns: DealColumns,
  locale: Locale,
): { facts: DealFacts; problems: DealProblem[] } {
  const t = calibrationMessages[locale];
  const facts: DealFacts = {};
  const problems: DealProblem[] = [];
  const cell = (index: number) => (index === -1 ? '' : (cells[index] ?? '').trim());
  const amount = cell(columns.amount);
  if (amount !== '') {
    // Money cells often carry the currency sign: 12 000 €, €12,000.50, 12000 EUR.
    const value = parseNumberCell(amount.replace(/\p{Sc}|\b[A-Z]{3}\b/gu, '').trim());
    if (value === undefined || value < 0)
      problems.push({ column: columns.amount + 1, field: 'amount', message: t.badAmount(amount) });
    else facts.amount = value;
  }
  for (const field of ['opened', 'closed'] as const) {
    const text = cell(columns[field]);
    if (text === '') continue;
    const iso = readIsoDate(text);
    if (iso === undefined) problems.push({ column: columns[field] + 1, field, message: t.badDate(text, field) });
    else facts[field] = iso;
  }
  if (facts.opened !== undefined && facts.closed !== undefined && facts.opened > facts.closed) {
    problems.push({
      column: columns.closed + 1,
      field: 'closed',
      message: t.closedBeforeOpened(facts.closed, facts.opened),
    });
    delete facts.opened;
  }
  return { facts, problems };
}
