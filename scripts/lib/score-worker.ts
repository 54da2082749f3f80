// Node-only: one thread of a parallel `npm run score` (see ./score-parallel.ts). It reads the
// header once, then parses and scores the pieces of the file it is sent, and hands back their
// output with what it counted; the main thread writes them in file order.
import { parentPort, workerData } from 'node:worker_threads';
import type { CellProblem } from '../../src/lib/csv/accounts.ts';
import type { Delimiter } from '../../src/lib/csv/parse.ts';
import { CsvScorer, type ScoreCsvOptions, type ScoreTally } from '../../src/lib/csv/score-csv.ts';

/** What every thread is given when it starts. */
export interface WorkerSetup {
  options: Omit<ScoreCsvOptions, 'onProblem' | 'part'>;
  header: readonly string[];
  delimiter: Delimiter;
  /** Send every cell problem (for --verbose), or only those about a row's shape. */
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

const setup = workerData as WorkerSetup;
let problems: CellProblem[] = [];
const scorer = new CsvScorer({
  ...setup.options,
  part: true,
  onProblem: (problem) => {
    // The main thread prints what the serial scorer would: unreadable values only with --verbose.
    if (setup.verbose || problem.attribute === undefined) problems.push(problem);
  },
});
scorer.resume(setup.header, setup.delimiter);
problems = [];

parentPort!.on('message', (job: PieceJob) => {
  let result: PieceResult;
  try {
    let bytes = scorer.pushBytesAt(job.text, job.line);
    if (job.last) {
      const rest = scorer.endBytes();
      if (rest.length > 0) bytes = concat(bytes, rest);
    }
    result = { id: job.id, bytes, tally: scorer.takeTally(), problems };
  } catch (error) {
    result = { id: job.id, error: { name: (error as Error).name, message: (error as Error).message } };
  }
  problems = [];
  parentPort!.postMessage(result, 'bytes' in result ? [result.bytes.buffer as ArrayBuffer] : []);
});

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
