// One piece of a parallel `npm run score` (see ./score-parallel.ts), scored by a worker thread
// (./score-worker.ts) or by the main thread when the workers have enough in hand.
import type { CellProblem } from '../../src/lib/csv/accounts.ts';
import type { Delimiter } from '../../src/lib/csv/parse.ts';
import { CsvScorer, type ScoreCsvOptions, type ScoreTally } from '../../src/lib/csv/score-csv.ts';

/** What a thread needs to score pieces: the options, and the header the main thread read. */
export interface PieceSetup {
  options: Omit<ScoreCsvOptions, 'onProblem' | 'part'>;
  header: readonly string[];
  delimiter: Delimiter;
  /** Keep every cell problem (for --verbose), or only those about a row's shape. */
  verbose: boolean;
}

/** A piece of the file: whole records from file line `line`; `last` for the end of the file. */
export interface PieceJob {
  id: number;
  text: string;
  line: number;
  last: boolean;
}

export type PieceResult =
  | { id: number; bytes: Uint8Array; tally: ScoreTally; problems: CellProblem[] }
  | { id: number; error: { name: string; message: string } };

/** Scores pieces after the header, and hands back each one's output with what it counted. */
export class PieceScorer {
  private readonly scorer: CsvScorer;
  private problems: CellProblem[] = [];

  constructor(setup: PieceSetup) {
    this.scorer = new CsvScorer({
      ...setup.options,
      part: true,
      onProblem: (problem) => {
        // The main thread prints what the serial scorer would: unreadable values only with --verbose.
        if (setup.verbose || problem.attribute === undefined) this.problems.push(problem);
      },
    });
    this.scorer.resume(setup.header, setup.delimiter);
    this.problems = [];
  }

  score(job: PieceJob): PieceResult {
    let result: PieceResult;
    try {
      let bytes = this.scorer.pushBytesAt(job.text, job.line);
      if (job.last) {
        const rest = this.scorer.endBytes();
        if (rest.length > 0) bytes = concat(bytes, rest);
      }
      result = { id: job.id, bytes, tally: this.scorer.takeTally(), problems: this.problems };
    } catch (error) {
      result = { id: job.id, error: { name: (error as Error).name, message: (error as Error).message } };
    }
    this.problems = [];
    return result;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
