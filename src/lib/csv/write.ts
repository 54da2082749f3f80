import type { Delimiter } from './parse.ts';

// A number a spreadsheet reads as a number, not a formula: -15, +3.5, -3,5.
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
// An international phone number: `+33 1 10 30 99 64`, `+1 (555) 010-9999`, `+44.20.7946.0958`.
// Digits, spaces, dots, hyphens, slashes and parentheses only: nothing a spreadsheet could call
// (no letters, no `|`, `!`, `"`), and at least 7 digits, so short sums such as `+2-3` stay guarded.
const PHONE = /^\+\d[\d ().\-/\u00a0]*\d$/;

function isPhoneNumber(cell: string): boolean {
  if (!PHONE.test(cell)) return false;
  let digits = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits >= 7;
}

/** Whether a spreadsheet could run this cell as a formula (see {@link neutraliseCell}). */
export function startsLikeFormula(cell: string): boolean {
  const c = cell.charCodeAt(0);
  // = + - @, and tab / CR, which some spreadsheets skip before reading a formula.
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/**
 * Makes a cell safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, tab or
 * CR gets a leading `'`, so it is shown as text instead of run as a formula. Plain numbers such
 * as `-15` or `+3.5` and phone numbers such as `+33 1 10 30 99 64` are left alone, so a CRM
 * re-import does not change them. A cell holding a line break is quoted by {@link quoteCell}, so
 * what follows the break stays inside the cell.
 * @example neutraliseCell('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 */
export function neutraliseCell(cell: string): string {
  if (cell.length === 0 || !startsLikeFormula(cell) || PLAIN_NUMBER.test(cell) || isPhoneNumber(cell)) return cell;
  return `'${cell}`;
}

/**
 * The cell as the user wrote it, from a neutralised one: for showing scored rows on screen,
 * where a formula cannot run and the added quote would only confuse.
 * @example restoreCell("'=SUM(A1)") // '=SUM(A1)'
 */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && neutraliseCell(cell.slice(1)) === cell ? cell.slice(1) : cell;
}

// Per delimiter: does a cell need quotes? A native regex test beats a loop over characters.
export const NEEDS_QUOTES: Record<Delimiter, RegExp> = { ',': /[",\r\n]/, ';': /[";\r\n]/, '\t': /["\t\r\n]/ };

/** Quotes a cell when it holds the delimiter, a quote or a line break (RFC 4180), doubling inner quotes. */
export function quoteCell(cell: string, delimiter: Delimiter): string {
  return NEEDS_QUOTES[delimiter].test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One CSV line (without its line break): each cell neutralised, then quoted when needed. */
export function formatCsvRow(cells: readonly string[], delimiter: Delimiter): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += delimiter;
    line += quoteCell(neutraliseCell(cells[i]!), delimiter);
  }
  return line;
}
