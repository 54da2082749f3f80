import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../../schemas/playbook.ts';
import { closest } from '../content/did-you-mean.ts';
import { getFormatters } from '../format.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import type { Account, AttributeValue } from '../scoring/types.ts';

/** A CSV cell (or header cell) that cannot be read. The row is still scored, with that value unknown. */
export interface CellProblem {
  /** Line in the file where the row starts (1-based, the header is line 1). */
  row: number;
  /** 1-based column. */
  column: number;
  /** The column's header. */
  header: string;
  /** The cell as written. */
  value: string;
  /** What is wrong and what to write instead. */
  message: string;
}

/** Why a cell could not be read (returned instead of a value; rare, so allocated only then). */
class Unreadable {
  message: string;
  constructor(message: string) {
    this.message = message;
  }
}

type CellReader = (text: string) => AttributeValue | undefined | Unreadable;

const SPACES = /[\s\u00a0\u202f'’]+/g;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d*[.,]\d+$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const GROUPED_DOT = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const GROUPED_SPACE = /^[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;

function isDigits(text: string): boolean {
  if (text.length === 0 || text.length > 15) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Reads a number written the way spreadsheets export it, or `undefined` if it is not one.
 * A single `.` or `,` is the decimal mark (`38,5` and `38.5` are 38.5, so `1,200` is 1.2).
 * Thousands separators are read only in full groups of three: `1 200`, `1,200.5`, `1.200,5`,
 * `1'200` and `1,200,000`.
 * @example parseNumberCell('1 200,5') // 1200.5
 */
export function parseNumberCell(text: string): number | undefined {
  if (isDigits(text)) return Number(text);
  let s = text.trim();
  if (INTEGER.test(s)) return Number(s);
  if (DECIMAL.test(s)) return Number(s.replace(',', '.'));
  s = s.replace(SPACES, ' ');
  if (GROUPED_SPACE.test(s)) return Number(s.replaceAll(' ', '').replace(',', '.'));
  if (GROUPED_COMMA.test(s)) return Number(s.replaceAll(',', ''));
  if (GROUPED_DOT.test(s)) return Number(s.replaceAll('.', '').replace(',', '.'));
  return undefined;
}

const BOOLEANS = new Map<string, boolean>([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['oui', true],
  ['non', false],
  // What French spreadsheets export for booleans.
  ['vrai', true],
  ['faux', false],
  ['1', true],
  ['0', false],
]);

function numberReader(attribute: Extract<Attribute, { type: 'number' }>, locale: Locale): CellReader {
  const t = scoringMessages[locale].csv;
  const { number } = getFormatters(locale);
  const { min, max, label } = attribute;
  return (text) => {
    const value = parseNumberCell(text);
    if (value === undefined) return new Unreadable(t.notNumber(text));
    if (min !== undefined && value < min) return new Unreadable(t.belowMin(number(value), number(min), label));
    if (max !== undefined && value > max) return new Unreadable(t.aboveMax(number(value), number(max), label));
    return value;
  };
}

function optionIndex(attribute: Extract<Attribute, { type: 'choice' | 'choices' }>): Map<string, string> {
  const index = new Map<string, string>();
  for (const option of attribute.options) {
    index.set(option.label.trim().toLowerCase(), option.id);
    index.set(option.id.toLowerCase(), option.id);
  }
  for (const option of attribute.options) index.set(option.id, option.id);
  return index;
}

function optionReader(attribute: Extract<Attribute, { type: 'choice' | 'choices' }>, locale: Locale) {
  const t = scoringMessages[locale].csv;
  const index = optionIndex(attribute);
  const ids = attribute.options.map((o) => o.id);
  return {
    find: (text: string) => index.get(text) ?? index.get(text.trim().toLowerCase()),
    unknown: (text: string) => {
      const trimmed = text.trim();
      const suggestion = closest(trimmed, [...ids, ...attribute.options.map((o) => o.label)]);
      return new Unreadable(t.unknownOption(trimmed, attribute.label, suggestion, ids.join(', ')));
    },
  };
}

function choiceReader(attribute: Extract<Attribute, { type: 'choice' }>, locale: Locale): CellReader {
  const { find, unknown } = optionReader(attribute, locale);
  return (text) => find(text) ?? unknown(text);
}

function choicesReader(attribute: Extract<Attribute, { type: 'choices' }>, locale: Locale): CellReader {
  const { find, unknown } = optionReader(attribute, locale);
  return (text) => {
    const ids: string[] = [];
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = text.charCodeAt(i);
      // `|` and `;` separate options; NaN past the end closes the last one.
      if (c === 124 || c === 59 || i === text.length) {
        const part = text.slice(start, i);
        start = i + 1;
        if (part.trim() === '') continue;
        const id = find(part);
        if (id === undefined) return unknown(part);
        if (!ids.includes(id)) ids.push(id);
      }
    }
    return ids;
  };
}

function booleanReader(locale: Locale): CellReader {
  const t = scoringMessages[locale].csv;
  return (text) => BOOLEANS.get(text) ?? BOOLEANS.get(text.trim().toLowerCase()) ?? new Unreadable(t.notBoolean(text.trim()));
}

/** Reads one attribute's cells: a value, `undefined` for an empty cell, or why it cannot be read. */
function cellReader(attribute: Attribute, locale: Locale): CellReader {
  const read =
    attribute.type === 'number'
      ? numberReader(attribute, locale)
      : attribute.type === 'choice'
        ? choiceReader(attribute, locale)
        : attribute.type === 'choices'
          ? choicesReader(attribute, locale)
          : booleanReader(locale);
  return (text) => (text.length === 0 || text.trim().length === 0 ? undefined : read(text));
}

/** How a header cell is matched: trimmed and case-insensitive. */
export function normaliseHeader(header: string): string {
  return header.trim().toLowerCase();
}

/**
 * Maps CSV columns to attributes (by id or label, any case, trimmed) and reads rows into
 * {@link Account}s. Other columns are left to the caller, unchanged.
 */
export class AccountReader {
  /** The header cells as written. */
  readonly header: readonly string[];
  /** The attribute each column holds, if any. */
  readonly columns: readonly (Attribute | undefined)[];
  /** Header problems: a second column for the same attribute, a column name close to an attribute's. */
  readonly headerProblems: CellProblem[] = [];
  private readonly readers: { index: number; id: string; read: CellReader }[] = [];
  private readonly locale: Locale;

  constructor(header: readonly string[], attributes: readonly Attribute[], locale: Locale) {
    const t = scoringMessages[locale].csv;
    this.header = header;
    this.locale = locale;
    const byName = new Map<string, Attribute>();
    for (const attribute of attributes) byName.set(normaliseHeader(attribute.label), attribute);
    for (const attribute of attributes) byName.set(attribute.id.toLowerCase(), attribute);
    const firstColumn = new Map<string, number>();
    const names = attributes.flatMap((a) => [a.id, a.label]);
    this.columns = header.map((name, index) => {
      const attribute = byName.get(normaliseHeader(name));
      const problem = (message: string) => this.headerProblems.push({ row: 1, column: index + 1, header: name, value: name, message });
      if (!attribute) {
        const suggestion = name.trim().length >= 4 ? closest(name.trim(), names) : undefined;
        if (suggestion) problem(t.similarColumn(suggestion));
        return undefined;
      }
      const first = firstColumn.get(attribute.id);
      if (first !== undefined) {
        problem(t.duplicateColumn(attribute.label, first + 1));
        return undefined;
      }
      firstColumn.set(attribute.id, index);
      this.readers.push({ index, id: attribute.id, read: cellReader(attribute, locale) });
      return attribute;
    });
  }

  /** How many columns hold an attribute. */
  get attributeCount(): number {
    return this.readers.length;
  }

  /** 0-based index of the column with this header (trimmed, any case), or -1. */
  indexOf(name: string): number {
    const wanted = normaliseHeader(name);
    return this.header.findIndex((h) => normaliseHeader(h) === wanted);
  }

  /** Reads a row; cells that cannot be read are added to `problems` and left unknown. */
  read(cells: readonly string[], row: number, problems: CellProblem[]): Account {
    const account: Record<string, AttributeValue> = {};
    for (const { index, id, read } of this.readers) {
      const text = cells[index];
      if (text === undefined) continue;
      const value = read(text);
      if (value === undefined) continue;
      if (value instanceof Unreadable) {
        problems.push({ row, column: index + 1, header: this.header[index]!, value: text, message: value.message });
        continue;
      }
      account[id] = value;
    }
    return account;
  }

  /** A problem for a row with more cells than the header, or a quote never closed; undefined if fine. */
  shapeProblem(cells: readonly string[], row: number, unclosedQuote = false): CellProblem | undefined {
    const t = scoringMessages[this.locale].csv;
    if (unclosedQuote) return { row, column: cells.length, header: this.header[cells.length - 1] ?? '', value: '', message: t.unclosedQuote };
    if (cells.length <= this.header.length) return undefined;
    return {
      row,
      column: this.header.length + 1,
      header: '',
      value: cells.slice(this.header.length).join(' '),
      message: t.extraCells(cells.length, this.header.length),
    };
  }
}
