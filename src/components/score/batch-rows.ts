// The scored rows the batch worker keeps for the table, in a compact form: a million rows must
// fit in the page's memory beside the file. Numbers go in typed arrays; texts go in a few long
// strings (one per batch of rows) with an offset per row, so a row costs its characters and a
// few bytes, not a string object (and no hidden reference to the chunk of text it was cut from).
import type { Verdict } from '../../lib/scoring/types.ts';
import type { BatchRow } from './batch-protocol.ts';

const VERDICTS: readonly Verdict[] = ['fit', 'unknown', 'out'];
/** Between two rows' texts in a block: a character no CSV cell the table shows holds. */
const SEPARATOR = '\u0001';

/** Rows per page of a column: columns grow a page at a time, never copied, never twice too big. */
const PAGE_BITS = 16;
const PAGE_MASK = (1 << PAGE_BITS) - 1;

/** A growable array of numbers, in typed pages. */
class Column<T extends Float32Array | Int16Array | Uint8Array | Uint16Array | Uint32Array> {
  private readonly pages: T[] = [];
  private readonly make: (length: number) => T;
  constructor(make: (length: number) => T) {
    this.make = make;
  }
  set(i: number, value: number): void {
    const page = i >>> PAGE_BITS;
    while (page >= this.pages.length) this.pages.push(this.make(1 << PAGE_BITS));
    this.pages[page]![i & PAGE_MASK] = value;
  }
  get(i: number): number {
    return this.pages[i >>> PAGE_BITS]![i & PAGE_MASK]!;
  }
}

/** One text per row, stored as blocks of joined texts and an offset per row. */
export class TextColumn {
  private readonly blocks: string[] = [];
  /** First row of each block. */
  private readonly firstRows: number[] = [];
  private readonly offsets = new Column((n) => new Uint32Array(n));
  private pending: string[] = [];
  private count = 0;

  /** Adds the next row's text (kept until {@link seal}). */
  push(text: string): void {
    this.pending.push(text.includes(SEPARATOR) ? text.replaceAll(SEPARATOR, ' ') : text);
  }

  /** Stores the texts pushed since the last seal as one block: one flat string, no reference to where they came from. */
  seal(): void {
    if (this.pending.length === 0) return;
    const block = this.pending.join(SEPARATOR);
    let offset = 0;
    this.firstRows.push(this.count);
    for (const text of this.pending) {
      this.offsets.set(this.count++, offset);
      offset += text.length + 1;
    }
    this.blocks.push(block);
    this.pending = [];
  }

  get size(): number {
    return this.count;
  }

  private blockOf(row: number): number {
    let low = 0;
    let high = this.firstRows.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.firstRows[mid]! <= row) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The text of row `i`. */
  get(i: number): string {
    const b = this.blockOf(i);
    const block = this.blocks[b]!;
    const start = this.offsets.get(i);
    const last = b + 1 < this.firstRows.length ? this.firstRows[b + 1]! - 1 : this.count - 1;
    return block.slice(start, i < last ? this.offsets.get(i + 1) - 1 : block.length);
  }

  /** Marks in `matches` the rows from `from` whose text contains `needle` (no separator in it). */
  find(needle: string, matches: Uint8Array, from = 0): void {
    // No row text holds the separator: a needle with one would only match across two rows.
    if (needle.includes(SEPARATOR)) return;
    this.blocks.forEach((block, b) => {
      const first = this.firstRows[b]!;
      const end = b + 1 < this.firstRows.length ? this.firstRows[b + 1]! : this.count;
      if (end <= from) return;
      let at = block.indexOf(needle);
      let row = first;
      while (at !== -1) {
        // The row holding position `at`: offsets only grow, so walk forward from the last one.
        while (row + 1 < end && this.offsets.get(row + 1) <= at) row++;
        if (row >= from) matches[row] = 1;
        // Go on from the next row's text: one match per row is enough.
        const next = row + 1 < end ? this.offsets.get(row + 1) : block.length;
        at = block.indexOf(needle, Math.max(next, at + 1));
      }
    });
  }
}

/** Every scored row, column by column. Push rows with {@link add}, then {@link seal} each batch. */
export class Rows {
  count = 0;
  readonly names = new TextColumn();
  /** Kept columns folded for search, for the first rows (up to a budget of characters kept by the caller). */
  readonly search = new TextColumn();
  readonly verdicts = new Column((n) => new Uint8Array(n));
  readonly scores = new Column((n) => new Float32Array(n));
  readonly bests = new Column((n) => new Float32Array(n));
  /** Index in {@link tierLabels} of the `tier` (fit) and of the `provisional_tier` (unknown), or -1. */
  readonly tiers = new Column((n) => new Int16Array(n));
  readonly provisional = new Column((n) => new Int16Array(n));
  /** Index in {@link icpTitles}. */
  readonly icps = new Column((n) => new Uint16Array(n));
  /** Index in {@link reasonTexts}: reasons repeat, each distinct text is kept once. */
  readonly reasons = new Column((n) => new Uint32Array(n));
  readonly icpTitles: string[] = [];
  readonly reasonTexts: string[] = [];
  private readonly reasonIndex = new Map<string, number>();
  readonly tierLabels: string[] = [];
  /** Rank of each tier label for sorting: its position in the first ICP that has it. */
  readonly tierRanks: number[] = [];

  /** Adds a row; `search` is undefined for this and every later row once past the search budget. */
  add(row: {
    name: string;
    search: string | undefined;
    verdict: Verdict;
    score: number;
    best: number;
    tier: number;
    provisional: number;
    icp: string;
    reasons: string;
  }): void {
    const i = this.count++;
    this.names.push(row.name);
    if (row.search !== undefined) this.search.push(row.search);
    this.verdicts.set(i, Math.max(0, VERDICTS.indexOf(row.verdict)));
    this.scores.set(i, row.score);
    this.bests.set(i, row.best);
    this.tiers.set(i, row.tier);
    this.provisional.set(i, row.provisional);
    let icp = this.icpTitles.indexOf(row.icp);
    if (icp === -1) icp = this.icpTitles.push(row.icp) - 1;
    this.icps.set(i, icp);
    let reason = this.reasonIndex.get(row.reasons);
    if (reason === undefined) {
      // A copy of its own (see TextColumn): the text may be cut from a big chunk of output.
      reason = this.reasonTexts.push([row.reasons, ''].join(SEPARATOR).slice(0, -1)) - 1;
      this.reasonIndex.set(this.reasonTexts[reason]!, reason);
    }
    this.reasons.set(i, reason);
  }

  /** Stores the texts of the rows added since the last seal. */
  seal(): void {
    this.names.seal();
    this.search.seal();
  }

  /** How many rows each tier label has as `tier`. */
  tierCounts(): number[] {
    const counts = this.tierLabels.map(() => 0);
    for (let i = 0; i < this.count; i++) {
      const tier = this.tiers.get(i);
      if (tier >= 0) counts[tier]!++;
    }
    return counts;
  }

  /**
   * Marks the rows whose search text contains `needle` (folded by `fold`); past the search
   * budget, the rows whose folded name does (folded now: slower, but only for huge files).
   */
  find(needle: string, fold: (text: string) => string): Uint8Array {
    const matches = new Uint8Array(this.count);
    this.search.find(needle.replaceAll(SEPARATOR, ' '), matches);
    for (let i = this.search.size; i < this.count; i++) if (fold(this.names.get(i)).includes(needle)) matches[i] = 1;
    return matches;
  }

  row(i: number): BatchRow {
    const tier = this.tiers.get(i);
    const provisional = this.provisional.get(i);
    return {
      line: i + 1,
      name: this.names.get(i),
      icp: this.icpTitles[this.icps.get(i)]!,
      verdict: VERDICTS[this.verdicts.get(i)]!,
      score: this.scores.get(i),
      best: this.bests.get(i),
      tier: tier === -1 ? '' : this.tierLabels[tier]!,
      provisionalTier: provisional === -1 ? '' : this.tierLabels[provisional]!,
      reasons: this.reasonTexts[this.reasons.get(i)]!,
    };
  }
}
