// Messages between the /score/ page and its batch-scoring Web Worker.
import type { CellProblem } from '../../lib/csv/accounts.ts';
import type { Verdict } from '../../lib/scoring/types.ts';
import type { WidgetModel } from './widget-model.ts';

/** Columns the result table can be sorted by. */
export type SortKey = 'line' | 'name' | 'verdict' | 'score' | 'tier';
export type SortDirection = 'asc' | 'desc';

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
  tier: string;
  reasons: string;
}

export type ToWorker =
  | { type: 'score'; file: Blob; model: BatchModel; limit: number }
  | { type: 'view'; sort: SortKey; direction: SortDirection; limit: number };

export type FromWorker =
  | { type: 'progress'; read: number; total: number; rows: number }
  | {
      type: 'done';
      rows: number;
      output: Blob;
      counts: Record<Verdict, number>;
      /** Labels of the attributes the file has a column for, and of those it lacks. */
      columnsRead: string[];
      columnsMissing: string[];
      /** Header of the column used as the account name, if any. */
      nameColumn: string | undefined;
      problems: CellProblem[];
      problemCount: number;
      view: BatchRow[];
      /** Milliseconds spent reading the file, scoring, and reading the output back for the table. */
      timings: { read: number; score: number; table: number };
    }
  | { type: 'view'; sort: SortKey; direction: SortDirection; view: BatchRow[] }
  | { type: 'error'; message: string };
