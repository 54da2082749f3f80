// Messages between the /score/ page and its batch-scoring Web Worker.
import type { CellProblem } from '../../lib/csv/accounts.ts';
import type { BatchMapping } from '../../lib/csv/batch-mapping.ts';
import type { Verdict } from '../../lib/scoring/types.ts';
import type { WidgetModel } from './widget-model.ts';

/** Columns the result table can be sorted by. */
export type SortKey = 'line' | 'name' | 'verdict' | 'score' | 'tier';
export type SortDirection = 'asc' | 'desc';

/** What the table shows: an order, the chips pressed (verdict, tier label) and the search text. */
export interface ViewQuery {
  sort: SortKey;
  direction: SortDirection;
  verdict: Verdict | undefined;
  /** A tier label: rows whose `tier` (fit) is this label. */
  tier: string | undefined;
  search: string;
  limit: number;
}

/** What the worker needs to score: the locale, the attributes and every ICP (the active ones are scored). */
export type BatchModel = Omit<WidgetModel, 'strings'>;

/** One scored row as the table shows it (the downloaded CSV has every column). */
export interface BatchRow {
  line: number;
  name: string;
  icp: string;
  verdict: Verdict;
  score: number;
  best: number;
  /** Tier of a fit account; empty otherwise. */
  tier: string;
  /** Tier an unknown account would have if its unknown filters passed; empty otherwise. */
  provisionalTier: string;
  reasons: string;
}

/** A column that holds no attribute, with a few of its values to help choose one. */
export interface UnmatchedColumn {
  /** 0-based column. */
  index: number;
  header: string;
  samples: string[];
  /** The attribute the mapping reads it as, if any. */
  attribute: string | undefined;
}

/** Distinct values of a choice column that match no option of the playbook, most frequent first. */
export interface UnrecognisedValues {
  attribute: string;
  header: string;
  /** Values as first written (spellings that differ only in case or accents are one value), with the option the mapping gives. */
  values: { value: string; count: number; option: string | undefined }[];
  /** Distinct values past the ones listed. */
  more: number;
}

/** Unreadable cells grouped by column (in file order) and distinct value, most frequent first. */
export interface ProblemGroup {
  header: string;
  column: number;
  value: string;
  count: number;
  message: string;
}

export type ToWorker =
  | { type: 'score'; file: Blob; model: BatchModel; mapping: BatchMapping; query: ViewQuery }
  | { type: 'view'; id: number; query: ViewQuery }
  | { type: 'keys' };

export type FromWorker =
  | { type: 'progress'; read: number; total: number; rows: number }
  | {
      type: 'done';
      rows: number;
      output: Blob;
      counts: Record<Verdict, number>;
      /** Accounts by `tier` label (fit accounts), in tier order. */
      tiers: { label: string; count: number }[];
      /** One line saying the file was not UTF-8 and how it was read (Windows-1252, UTF-16), else undefined. */
      encoding: string | undefined;
      /** Number columns that look like another unit (euros in a M€ column), each with the likely fix. */
      unitWarnings: string[];
      /** Labels of the attributes the file has a column for, and of those it lacks. */
      columnsRead: string[];
      columnsMissing: string[];
      unmatched: UnmatchedColumn[];
      unrecognised: UnrecognisedValues[];
      /** Ids of the attributes some column holds (with the mapping). */
      taken: string[];
      /** Header of the column used as the account name, if any. */
      nameColumn: string | undefined;
      /** Whether the search box looks in every kept column (false: the name only, for very big files). */
      searchAll: boolean;
      problemGroups: ProblemGroup[];
      problems: CellProblem[];
      problemCount: number;
      view: BatchRow[];
      matched: number;
      /** Milliseconds the worker spent reading and scoring the file. */
      ms: number;
    }
  | { type: 'view'; id: number; query: ViewQuery; view: BatchRow[]; matched: number }
  | { type: 'keys'; output: Blob }
  | { type: 'error'; message: string };
