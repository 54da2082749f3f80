// Unreadable cells grouped by column and distinct value, with counts, most frequent first:
// what one needs to write aliases (`Computer Software × 1,014`). Shared by the CLI and the page.
import type { Locale } from '../i18n/locales.ts';
import { getFormatters } from '../format.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import type { CellProblem } from './accounts.ts';

/** Distinct values remembered per column; further distinct values are only counted. */
export const MAX_DISTINCT_VALUES = 1000;

/** One distinct unreadable value of a column. */
export interface UnreadableValue {
  /** The text not recognised, trimmed: the cell, or the one part of a `choices` cell that is not an option. */
  value: string;
  /** How many cells hold it. */
  count: number;
  /** Why it cannot be read (the message of its first cell). */
  message: string;
  /** Line of its first cell. */
  firstRow: number;
}

/** The unreadable cells of one column. */
export interface UnreadableColumn {
  /** 1-based column in the file. */
  column: number;
  /** The column's header as written. */
  header: string;
  /** Id of the attribute the column holds. */
  attribute: string;
  /** Unreadable cells in the column. */
  total: number;
  /** Distinct values, most frequent first (ties: first seen first); at most {@link MAX_DISTINCT_VALUES}. */
  values: UnreadableValue[];
  /** Cells whose value was not remembered (past the cap), and how many distinct values they hold at least. */
  otherCells: number;
}

type Group = Omit<UnreadableColumn, 'values'> & { values: Map<string, UnreadableValue> };

/**
 * Collects unreadable cells (problems with `attribute` set) by column and distinct value, in
 * bounded memory: at most {@link MAX_DISTINCT_VALUES} values per column are remembered.
 * @example
 * const summary = new UnreadableSummary();
 * summary.add(problem); // for each CellProblem
 * summary.columns() // [{ header: 'Industry', total: 1402, values: [{ value: 'Computer Software', count: 1014 }, …] }]
 */
export class UnreadableSummary {
  private readonly groups = new Map<number, Group>();
  private readonly maxValues: number;

  constructor(maxValues = MAX_DISTINCT_VALUES) {
    this.maxValues = maxValues;
  }

  /** Counts one problem; problems that are not about an attribute's value (row shape, header) are ignored. */
  add(problem: CellProblem): void {
    if (problem.attribute === undefined) return;
    let group = this.groups.get(problem.column);
    if (!group) {
      group = {
        column: problem.column,
        header: problem.header,
        attribute: problem.attribute,
        total: 0,
        values: new Map(),
        otherCells: 0,
      };
      this.groups.set(problem.column, group);
    }
    group.total++;
    const value = problem.unrecognised ?? problem.value.trim();
    const seen = group.values.get(value);
    if (seen) seen.count++;
    else if (group.values.size < this.maxValues)
      group.values.set(value, { value, count: 1, message: problem.message, firstRow: problem.row });
    else group.otherCells++;
  }

  /**
   * Hands over what was counted so far (values in the order first seen, not sorted) and starts afresh: a
   * thread that scores part of a file sends it to the one that reports on the whole (see
   * {@link merge}).
   */
  take(): UnreadableColumn[] {
    const counts = [...this.groups.values()].map(({ values, ...group }) => ({
      ...group,
      values: [...values.values()],
    }));
    this.groups.clear();
    return counts;
  }

  /**
   * Adds counts taken from another summary, as if its cells had been added here one by one
   * after those already counted (parts of a file merged in file order give the same summary as
   * the whole file, when the parts were counted without a cap).
   */
  merge(counts: readonly UnreadableColumn[]): void {
    for (const part of counts) {
      let group = this.groups.get(part.column);
      if (!group) {
        group = {
          column: part.column,
          header: part.header,
          attribute: part.attribute,
          total: 0,
          values: new Map(),
          otherCells: 0,
        };
        this.groups.set(part.column, group);
      }
      group.total += part.total;
      group.otherCells += part.otherCells;
      for (const value of part.values) {
        const seen = group.values.get(value.value);
        if (seen) seen.count += value.count;
        else if (group.values.size < this.maxValues) group.values.set(value.value, { ...value });
        else group.otherCells += value.count;
      }
    }
  }

  /** Unreadable cells counted so far. */
  get total(): number {
    let total = 0;
    for (const group of this.groups.values()) total += group.total;
    return total;
  }

  /** Columns in file order, each with its values most frequent first. */
  columns(): UnreadableColumn[] {
    return [...this.groups.values()]
      .sort((a, b) => a.column - b.column)
      .map(({ values, ...group }) => ({
        ...group,
        values: [...values.values()].sort((a, b) => b.count - a.count || a.firstRow - b.firstRow),
      }));
  }
}

/**
 * One line per column: `Industry: Computer Software × 1,014, Transportation/Trucking/Railroad × 388
 * and 3 other values × 12`, with at most `shown` values named.
 */
export function formatUnreadableSummary(columns: readonly UnreadableColumn[], locale: Locale, shown = 8): string[] {
  const { number } = getFormatters(locale);
  const t = scoringMessages[locale].csv;
  return columns.map((column) => {
    const named = column.values.slice(0, shown).map((v) => t.valueCount(v.value, number(v.count)));
    const rest = column.values.slice(shown);
    const restCells = rest.reduce((sum, v) => sum + v.count, 0) + column.otherCells;
    if (restCells > 0)
      named.push(
        t.otherValues(number(rest.length + (column.otherCells > 0 ? 1 : 0)), column.otherCells > 0, number(restCells)),
      );
    return t.columnSummary(column.header, named.join(', '));
  });
}
