import { isTooLong, parseNumberCell, parseNumberRange, AMBIGUOUS_NUMBER } from '../parse-number.ts';
import type { Attribute } from '../../schemas/attribute.ts';
import { plausibleRange, UnitSanity, type UnitCounts, type UnitWarning } from './unit-sanity.ts';
import { ColumnIndex, columnNames, normaliseName, OptionIndex } from '../aliases.ts';
import type { Locale } from '../i18n/locales.ts';
import { closest } from '../i18n/did-you-mean.ts';
import { getFormatters } from '../format.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import type { Account, AttributeValue, NumberRange } from '../scoring/types.ts';

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
  /** Id of the attribute whose value could not be read; absent for header and row-shape problems. */
  attribute?: string | undefined;
  /** The text not recognised, trimmed: the cell, or for a `choices` cell the one part that is not an option. */
  unrecognised?: string | undefined;
}

/** Why a cell could not be read (returned instead of a value; rare, so allocated only then). */
class Unreadable {
  message: string;
  /** The part of the cell not recognised, when it is not the whole cell (choices). */
  part: string | undefined;
  constructor(message: string, part?: string) {
    this.message = message;
    this.part = part;
  }
}

export { parseNumberCell } from '../parse-number.ts';

/** The words a boolean cell may hold (lowercase), read the same by the CSV reader and the SQL staging query. */
export const BOOLEANS: ReadonlyMap<string, boolean> = new Map<string, boolean>([
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

const NUMBER = 0;
const CHOICE = 1;
const CHOICES = 2;
const BOOLEAN = 3;

/** How one column is read; every column reader has this one shape, so the hot loop stays monomorphic. */
interface ColumnReader {
  /** 0-based column in the CSV. */
  index: number;
  /** Position of the attribute in the attribute list (its slot in the engine). */
  slot: number;
  kind: number;
  attribute: Attribute;
  /** Option ids by id, label and alias (choice, choices). */
  options: OptionIndex;
  /** Bounds of a number attribute (±Infinity when open). */
  min: number;
  max: number;
  /** Factor applied to every number of the column (a `{ column, scale }` alias), else 1. */
  scale: number;
  /** Counts the column's numbers against the attribute's plausible range, if it has one. */
  sanity: UnitSanity | undefined;
}

function findOption(column: ColumnReader, text: string): string | undefined {
  return column.options.match(text);
}

function unknownOption(column: ColumnReader, text: string, locale: Locale): Unreadable {
  const { attribute } = column;
  const options = attribute.type === 'choice' || attribute.type === 'choices' ? attribute.options : [];
  const ids = options.map((o) => o.id);
  const trimmed = text.trim();
  // Two-letter codes are too short to guess from: "us" is not a typo of "fr".
  const suggestion = trimmed.length >= 4 ? closest(trimmed, [...ids, ...options.map((o) => o.label)]) : undefined;
  return new Unreadable(
    scoringMessages[locale].csv.unknownOption(trimmed, attribute.label, suggestion, ids.join(', ')),
    trimmed,
  );
}

function outOfBounds(column: ColumnReader, value: number, locale: Locale): Unreadable {
  const t = scoringMessages[locale].csv;
  const { number } = getFormatters(locale);
  const { label } = column.attribute;
  return value < column.min
    ? new Unreadable(t.belowMin(number(value), number(column.min), label))
    : new Unreadable(t.aboveMax(number(value), number(column.max), label));
}

/** A band such as `51-200` or `10001+`, scaled; an open band stops at the attribute's max. */
function readRange(column: ColumnReader, text: string, locale: Locale): NumberRange | Unreadable | undefined {
  const range = parseNumberRange(text);
  if (!range) return undefined;
  const min = range.min * column.scale;
  const max = range.max === Infinity ? Math.max(min, column.max) : range.max * column.scale;
  if (min < column.min || min > column.max) return outOfBounds(column, min, locale);
  if (max > column.max) return outOfBounds(column, max, locale);
  return { min, max };
}

function readNumber(column: ColumnReader, text: string, locale: Locale): AttributeValue | Unreadable | undefined {
  const read = parseNumberCell(text);
  const value = read === undefined || column.scale === 1 ? read : read * column.scale;
  if (value !== undefined && column.sanity) column.sanity.add(value);
  if (value !== undefined && value >= column.min && value <= column.max) return value;
  if (text.trim() === '') return undefined;
  const t = scoringMessages[locale].csv;
  if (value === undefined) {
    const range = readRange(column, text, locale);
    if (range) return range;
    const trimmed = text.trim();
    if (isTooLong(trimmed))
      return new Unreadable(
        t.tooManyDigits(trimmed.length > 24 ? `${trimmed.slice(0, 20)}…` : trimmed, trimmed.replace(/\D/g, '').length),
      );
    return new Unreadable(AMBIGUOUS_NUMBER.test(trimmed) ? t.ambiguousNumber(trimmed) : t.notNumber(trimmed));
  }
  return outOfBounds(column, value, locale);
}

function readChoices(column: ColumnReader, text: string, locale: Locale): string[] | Unreadable | undefined {
  const ids: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    // `|` and `;` separate options; the end of the text closes the last one.
    const c = i === text.length ? 124 : text.charCodeAt(i);
    if (c !== 124 && c !== 59) continue;
    const part = text.slice(start, i);
    start = i + 1;
    if (part.trim() === '') continue;
    const id = findOption(column, part);
    if (id === undefined) return unknownOption(column, part, locale);
    if (!ids.includes(id)) ids.push(id);
  }
  // A cell of separators only (`|`) says nothing: unknown, like an empty cell.
  return ids.length === 0 ? undefined : ids;
}

/** Reads one cell: a value, `undefined` for an empty cell, or why it cannot be read. */
function readCell(column: ColumnReader, text: string, locale: Locale): AttributeValue | undefined | Unreadable {
  if (text.length === 0) return undefined;
  switch (column.kind) {
    case NUMBER:
      return readNumber(column, text, locale);
    case CHOICE:
      return findOption(column, text) ?? (text.trim() === '' ? undefined : unknownOption(column, text, locale));
    case CHOICES:
      return readChoices(column, text, locale);
    default:
      return (
        BOOLEANS.get(text) ??
        BOOLEANS.get(text.trim().toLowerCase()) ??
        (text.trim() === '' ? undefined : new Unreadable(scoringMessages[locale].csv.notBoolean(text.trim())))
      );
  }
}

/**
 * Maps CSV columns to attributes (by id, label or alias: see {@link ColumnIndex}) and reads rows
 * into {@link Account}s. Other columns are left to the caller, unchanged.
 */
export class AccountReader {
  /** The header cells as written. */
  readonly header: readonly string[];
  /** The attribute each column holds, if any. */
  readonly columns: readonly (Attribute | undefined)[];
  /** The factor applied to each column's numbers: 1, or the scale of a `{ column, scale }` alias. */
  readonly scales: readonly number[];
  /** Header problems: a second column for the same attribute, a column name close to an attribute's. */
  readonly headerProblems: CellProblem[] = [];
  private readonly readers: ColumnReader[] = [];
  private readonly locale: Locale;
  private readonly ids: readonly string[];

  constructor(header: readonly string[], attributes: readonly Attribute[], locale: Locale) {
    const t = scoringMessages[locale].csv;
    this.header = header;
    this.locale = locale;
    this.ids = attributes.map((a) => a.id);
    const columnIndex = new ColumnIndex(attributes);
    const firstColumn = new Map<string, number>();
    const names = attributes.flatMap((a, i) => columnNames(a, i).map((c) => c.name));
    const scales: number[] = [];
    this.scales = scales;
    this.columns = header.map((name, index) => {
      scales.push(1);
      const match = columnIndex.match(name);
      const attribute = match?.attribute;
      const problem = (message: string) =>
        this.headerProblems.push({ row: 1, column: index + 1, header: name, value: name, message });
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
      const kind = { number: NUMBER, choice: CHOICE, choices: CHOICES, boolean: BOOLEAN }[attribute.type];
      const bounds =
        attribute.type === 'number'
          ? { min: attribute.min ?? -Infinity, max: attribute.max ?? Infinity }
          : { min: -Infinity, max: Infinity };
      scales[index] = match.scale;
      const range = plausibleRange(attribute);
      const sanity = range ? new UnitSanity(index + 1, name, attribute, match.scale, range) : undefined;
      this.readers.push({
        index,
        slot: match.slot,
        kind,
        attribute,
        options: new OptionIndex(attribute),
        ...bounds,
        scale: match.scale,
        sanity,
      });
      return attribute;
    });
  }

  /** Number columns whose values sit mostly outside the attribute's plausible range, with the likely fix. */
  unitWarnings(): UnitWarning[] {
    return this.readers.flatMap((reader) => reader.sanity?.warning(this.locale) ?? []);
  }

  /** The unit counts of each number column, handed over and reset (see {@link UnitSanity.take}); by column reader. */
  takeUnitCounts(): (UnitCounts | undefined)[] {
    return this.readers.map((reader) => reader.sanity?.take());
  }

  /** Adds unit counts taken from a reader of the same header. */
  mergeUnitCounts(counts: readonly (UnitCounts | undefined)[]): void {
    this.readers.forEach((reader, i) => {
      const part = counts[i];
      if (part && reader.sanity) reader.sanity.merge(part);
    });
  }

  /** How many columns hold an attribute. */
  get attributeCount(): number {
    return this.readers.length;
  }

  /** 0-based index of the column with this header (trimmed, any case or accents), or -1. */
  indexOf(name: string): number {
    const wanted = normaliseName(name);
    return this.header.findIndex((h) => normaliseName(h) === wanted);
  }

  /**
   * Reads a row into values by attribute position (the order of the attribute list given to the
   * constructor: the engine's slots). Unreadable cells are added to `problems` and left unknown;
   * with `rejected`, their text is also written there by slot (clear it after a row with
   * problems), so the reasons can say "value not recognised" rather than "no value".
   */
  readValues(
    cells: readonly string[],
    row: number,
    problems: CellProblem[],
    rejected?: (string | undefined)[],
  ): (AttributeValue | undefined)[] {
    // Filled with push so the array is packed (faster to read than a holey one).
    const values: (AttributeValue | undefined)[] = [];
    for (let i = 0; i < this.ids.length; i++) values.push(undefined);
    // `rejected` is cleared by the caller after a row with problems, so clean rows cost nothing here.
    if (rejected && rejected.length !== this.ids.length) rejected.length = this.ids.length;
    for (let i = 0; i < this.readers.length; i++) {
      const column = this.readers[i]!;
      const text = cells[column.index];
      if (text === undefined) continue;
      const value = readCell(column, text, this.locale);
      if (value instanceof Unreadable) {
        const unrecognised = value.part ?? text.trim();
        problems.push({
          row,
          column: column.index + 1,
          header: this.header[column.index]!,
          value: text,
          message: value.message,
          attribute: column.attribute.id,
          unrecognised,
        });
        if (rejected) rejected[column.slot] = unrecognised;
      } else {
        values[column.slot] = value;
      }
    }
    return values;
  }

  /** Reads a row into an {@link Account}; cells that cannot be read are added to `problems` and left unknown. */
  read(cells: readonly string[], row: number, problems: CellProblem[]): Account {
    const values = this.readValues(cells, row, problems);
    // No prototype: an attribute id like `constructor` must not read Object's.
    const account = Object.create(null) as Record<string, AttributeValue>;
    values.forEach((value, slot) => {
      if (value !== undefined) account[this.ids[slot]!] = value;
    });
    return account;
  }

  /** A problem for a row with more cells than the header, or a quote never closed; undefined if fine. */
  shapeProblem(cells: readonly string[], row: number, unclosedQuote = false): CellProblem | undefined {
    const t = scoringMessages[this.locale].csv;
    if (unclosedQuote)
      return {
        row,
        column: cells.length,
        header: this.header[cells.length - 1] ?? '',
        value: '',
        message: t.unclosedQuote,
      };
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
