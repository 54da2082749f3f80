// The scored rows the batch worker keeps for the table, in a compact form: a million rows must
// fit in the page's memory beside the file. Numbers go in typed arrays; texts go as UTF-8 bytes
// in large byte pages with an offset per row. All of it lives outside the JavaScript heap: the
// garbage collector never walks it, and the heap does not grow by a multiple of it (a string per
// row, or even one long string per batch, cost the page twice its size in a 100 MB file).
import type { Verdict } from '../../lib/scoring/types.ts';
import type { BatchRow } from './batch-protocol.ts';

const VERDICTS: readonly Verdict[] = ['fit', 'unknown', 'out'];

/** Rows per page of a column: columns grow a page at a time, never copied, never twice too big. */
const PAGE_BITS = 16;
const PAGE_MASK = (1 << PAGE_BITS) - 1;

/** A growable array of numbers, in typed pages. */
class Column<T extends Int16Array | Uint8Array | Uint16Array | Uint32Array> {
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

/** Bytes per page of text: rows are written one after the other, a new page when one is full. */
const TEXT_PAGE_BYTES = 1 << 20;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** One text per row, as UTF-8 in byte pages (a row never spans two pages) and an offset per row. */
export class TextColumn {
  private readonly pages: Uint8Array[] = [];
  /** Offset of each page's first byte, counting every page before it. */
  private readonly bases: number[] = [];
  /** Bytes written in each page. */
  private readonly used: number[] = [];
  /** First row of each page. */
  private readonly firstRows: number[] = [];
  private readonly starts = new Column((n) => new Uint32Array(n));
  private count = 0;

  /** Adds the next row's text. */
  push(text: string): void {
    let page = this.pages.length - 1;
    let written = page === -1 ? undefined : this.encode(text, page);
    if (written === undefined) {
      // Full: a new page, bigger than usual for a text that would not fit in one (3 bytes per UTF-16 unit at most).
      page = this.pages.length;
      const base = page === 0 ? 0 : this.bases[page - 1]! + this.used[page - 1]!;
      this.pages.push(new Uint8Array(Math.max(TEXT_PAGE_BYTES, text.length * 3)));
      this.bases.push(base);
      this.used.push(0);
      this.firstRows.push(this.count);
      written = this.encode(text, page)!;
    }
    this.starts.set(this.count++, this.bases[page]! + this.used[page]!);
    this.used[page]! += written;
  }

  /** Writes `text` at the end of `page`; the bytes written, or undefined when it does not fit whole. */
  private encode(text: string, page: number): number | undefined {
    const bytes = this.pages[page]!;
    const at = this.used[page]!;
    // ASCII, the common case, is copied as it is: cheaper than a view and an encoder call per row.
    if (at + text.length <= bytes.length) {
      let i = 0;
      for (; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0x80) break;
        bytes[at + i] = code;
      }
      if (i === text.length) return i;
    }
    const { read, written } = encoder.encodeInto(text, bytes.subarray(at));
    return read === text.length ? written : undefined;
  }

  get size(): number {
    return this.count;
  }

  private pageOf(row: number): number {
    let low = 0;
    let high = this.firstRows.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.firstRows[mid]! <= row) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Where row `i`'s bytes end, as an offset like its start. */
  private end(i: number, page: number): number {
    const next = page + 1 < this.firstRows.length ? this.firstRows[page + 1]! : this.count;
    return i + 1 < next ? this.starts.get(i + 1) : this.bases[page]! + this.used[page]!;
  }

  /** The text of row `i`. */
  get(i: number): string {
    const page = this.pageOf(i);
    const base = this.bases[page]!;
    return decoder.decode(this.pages[page]!.subarray(this.starts.get(i) - base, this.end(i, page) - base));
  }

  /** Marks in `matches` the rows from `from` whose text contains `needle`. */
  find(needle: string, matches: Uint8Array, from = 0): void {
    const bytes = encoder.encode(needle);
    if (bytes.length === 0) {
      for (let i = from; i < this.count; i++) matches[i] = 1;
      return;
    }
    const first = bytes[0]!;
    this.pages.forEach((bytesOfPage, page) => {
      const base = this.bases[page]!;
      const last = page + 1 < this.firstRows.length ? this.firstRows[page + 1]! : this.count;
      if (last <= from) return;
      const used = this.used[page]!;
      let row = this.firstRows[page]!;
      let at = bytesOfPage.indexOf(first);
      while (at !== -1 && at < used) {
        // The row holding byte `at`: offsets only grow, so walk forward from the last one.
        while (row + 1 < last && this.starts.get(row + 1) - base <= at) row++;
        const rowEnd = this.end(row, page) - base;
        if (at + bytes.length <= rowEnd && startsWith(bytesOfPage, at, bytes)) {
          if (row >= from) matches[row] = 1;
          // Go on from the next row's text: one match per row is enough.
          at = bytesOfPage.indexOf(first, rowEnd);
        } else at = bytesOfPage.indexOf(first, at + 1);
      }
    });
  }
}

function startsWith(haystack: Uint8Array, at: number, needle: Uint8Array): boolean {
  for (let k = 1; k < needle.length; k++) if (haystack[at + k] !== needle[k]) return false;
  return true;
}

/** Every scored row, column by column, added with {@link add}. */
export class Rows {
  count = 0;
  readonly names = new TextColumn();
  /** Kept columns folded for search, for the first rows (up to a budget of characters kept by the caller). */
  readonly search = new TextColumn();
  readonly verdicts = new Column((n) => new Uint8Array(n));
  /** Scores are whole numbers from 0 to 100 (points are integers, the sum is clamped): a byte each. */
  readonly scores = new Column((n) => new Uint8Array(n));
  readonly bests = new Column((n) => new Uint8Array(n));
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
      // A copy of its own: V8 keeps a cut string as a view of the big chunk of output it came from.
      reason = this.reasonTexts.push(`${row.reasons}\u0000`.slice(0, -1)) - 1;
      this.reasonIndex.set(this.reasonTexts[reason]!, reason);
    }
    this.reasons.set(i, reason);
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
    this.search.find(needle, matches);
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
