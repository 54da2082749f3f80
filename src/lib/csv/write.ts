import type { Delimiter } from './parse.ts';

// A number a spreadsheet reads as a number, not a formula: -15, +3.5, -3,5.
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** Whether a spreadsheet could run this cell as a formula (see {@link neutraliseCell}). */
export function startsLikeFormula(cell: string): boolean {
  const c = cell.charCodeAt(0);
  // = + - @, and tab / CR, which some spreadsheets skip before reading a formula.
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/**
 * Makes a cell safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, tab or
 * CR gets a leading `'`, so it is shown as text instead of run as a formula. Plain numbers such
 * as `-15` or `+3.5` are left alone (a spreadsheet reads them as numbers).
 * @example neutraliseCell('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 */
export function neutraliseCell(cell: string): string {
  if (cell.length === 0 || !startsLikeFormula(cell) || PLAIN_NUMBER.test(cell)) return cell;
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
