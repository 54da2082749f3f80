// Node-only: `npm run score` on several cores. Parsing and scoring a row is most of the work
// and each row stands alone, so a big file is cut into pieces of whole records
// (src/lib/csv/record-splitter.ts) that worker threads parse and score side by side, while this
// thread reads, decodes, cuts, writes in file order, and scores a piece itself whenever the
// workers have enough in hand. The output, the problems printed and the summary are the serial
// scorer's, byte for byte (test/cli/score-parallel.test.ts).
//
// Plain worker_threads rather than the tinypool of the slides: each thread keeps a scorer built
// once from the header (compiled ICPs, caches of reasons), and every piece's result must come
// back in order; a pool that hands tasks to any thread would rebuild or reorder them.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CellProblem } from '../../src/lib/csv/accounts.ts';
import { CsvError, headerDelimiter, lineEndsOf } from '../../src/lib/csv/parse.ts';
import { RecordSplitter, type CsvPiece } from '../../src/lib/csv/record-splitter.ts';
import { CsvInputError, type CsvScorer, type ScoreCsvOptions } from '../../src/lib/csv/score-csv.ts';
import { readCount } from '../../src/lib/settings.ts';
import { PieceScorer, type PieceJob, type PieceResult, type PieceSetup } from './score-piece.ts';

/** Files smaller than this are scored on one thread: starting threads costs more than it saves. */
const DEFAULT_MIN_BYTES = 8 * 1024 * 1024;
/** Pieces sent ahead of the one being written, per thread: enough to keep every thread busy. */
const AHEAD_PER_THREAD = 4;
/** Pieces a worker has in hand before the main thread scores the next one itself. */
const IN_HAND = 2;

/**
 * Past this many threads the main thread (reading, cutting, writing) is the bottleneck, and
 * each thread costs start-up time and memory.
 */
const MAX_THREADS = 8;

/** The thread settings of `npm run score`, read once: see {@link readThreadSettings}. */
export interface ThreadSettings {
  /** `ICP_SCORE_THREADS`, when set. */
  threads: number | undefined;
  /** `ICP_SCORE_PARALLEL_MIN_BYTES`, or 8 MiB. */
  minBytes: number;
}

/**
 * `ICP_SCORE_THREADS` and `ICP_SCORE_PARALLEL_MIN_BYTES`; a value that is no count throws a
 * SettingError with the message of `words` (the playbook's language).
 */
export function readThreadSettings(
  env: Readonly<Record<string, string | undefined>>,
  words: { badThreads: (value: string) => string; badParallelMinBytes: (value: string) => string },
): ThreadSettings {
  return {
    threads: readCount(env, 'ICP_SCORE_THREADS', 1, words.badThreads),
    minBytes: readCount(env, 'ICP_SCORE_PARALLEL_MIN_BYTES', 0, words.badParallelMinBytes) ?? DEFAULT_MIN_BYTES,
  };
}

/**
 * How many threads score a file of this size: `ICP_SCORE_THREADS`, else one per core (at most
 * {@link MAX_THREADS}, and one per {@link DEFAULT_MIN_BYTES} of file), and 1 for small files.
 */
export function scoringThreads(bytes: number, { threads, minBytes }: ThreadSettings): number {
  if (bytes < minBytes) return 1;
  if (threads !== undefined) return threads;
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.floor(bytes / DEFAULT_MIN_BYTES)));
}

export interface ParallelRun {
  /** The decoded text of the file, chunk by chunk. */
  chunks: AsyncIterable<string> | Iterable<string>;
  /** The scorer that reads the header, scores the first piece and reports on the whole file. */
  scorer: CsvScorer;
  /** The options `scorer` was made with (without its onProblem). */
  options: Omit<ScoreCsvOptions, 'onProblem' | 'part'>;
  threads: number;
  verbose: boolean;
  write(bytes: Uint8Array): Promise<void>;
  /** Cell problems found by the threads, in file order, for the printer. */
  onProblem(problem: CellProblem): void;
  /** After each piece, with the rows scored so far. */
  onProgress(rows: number): void;
}

/**
 * Scores the text on `threads` threads: this one and `threads - 1` workers. Files whose lines
 * end with CR alone, and files without a line break in their first megabyte, are scored on this
 * thread alone, as the serial scorer does.
 */
export async function scoreInParallel(run: ParallelRun): Promise<void> {
  const { scorer } = run;
  let bom = '';
  let head = '';
  let splitter: RecordSplitter | undefined;
  let serial = run.threads < 2;
  // Worker threads start now, loading their code while this one reads the header; this thread
  // is one of the `threads` too: it scores a piece itself when every worker has enough in hand.
  const pool = serial ? undefined : new Pool(run.threads - 1);
  let own: PieceScorer | undefined;
  const pending: Promise<PieceResult>[] = [];

  const flush = async (keep: number) => {
    while (pending.length > keep) {
      const result = await pending.shift()!;
      if ('error' in result) throw threadError(result.error);
      await run.write(result.bytes);
      scorer.addTally(result.tally);
      for (const problem of result.problems) run.onProblem(problem);
      run.onProgress(scorer.rows);
    }
  };
  // From here on, this thread scores everything, as the serial scorer does (the BOM back in front).
  const goSerial = async (text: string) => {
    serial = true;
    await run.write(scorer.pushBytes(bom + text));
    bom = '';
    head = '';
  };
  const piece = async ({ text, line }: CsvPiece, last: boolean) => {
    // The first pieces, up to the header, are this thread's: it writes the header (and the BOM).
    if (!own && scorer.header === undefined) {
      await run.write(scorer.pushBytes(bom + text));
      bom = '';
      return;
    }
    if (!own) {
      const setup = {
        options: run.options,
        header: scorer.header!,
        delimiter: scorer.csvDelimiter,
        verbose: run.verbose,
      };
      own = new PieceScorer(setup);
      pool!.start(setup);
    }
    const job = { id: 0, text, line, last };
    pending.push(pool!.busy() ? Promise.resolve(own.score(job)) : pool!.score(job));
    await flush(run.threads * AHEAD_PER_THREAD);
  };

  try {
    for await (let text of run.chunks) {
      if (serial) {
        await run.write(scorer.pushBytes(text));
        run.onProgress(scorer.rows);
        continue;
      }
      if (splitter === undefined) {
        if (head === '' && bom === '' && text.charCodeAt(0) === 0xfeff) {
          bom = '\uFEFF';
          text = text.slice(1);
        }
        head += text;
        // Lines that end with CR alone are turned into LFs by the parser, not by the splitter.
        const ends = lineEndsOf(head);
        const delimiter = headerDelimiter(head, false);
        // No line break in the first megabyte: not a file to cut; the parser says what is wrong.
        if (ends === 'cr' || head.length > 1024 * 1024) await goSerial(head);
        else if (ends === 'lf' && delimiter !== undefined) {
          splitter = new RecordSplitter(delimiter, run.options.locale);
          const first = splitter.push(head);
          head = '';
          if (first) await piece(first, false);
        }
        continue;
      }
      const next = splitter.push(text);
      if (next) await piece(next, false);
    }
    if (splitter) {
      const last = splitter.end();
      if (last) await piece(last, true);
    } else if (head !== '' || bom !== '') await goSerial(head);
    await flush(0);
    // The end of the file for this thread's scorer: an empty file is refused here.
    await run.write(scorer.endBytes());
  } finally {
    await pool?.close();
  }
}

/** A problem a thread met, as the error the serial scorer would have thrown. */
function threadError({ name, message }: { name: string; message: string }): Error {
  if (name === 'CsvError') return new CsvError(message);
  if (name === 'CsvInputError') return new CsvInputError(message);
  return new Error(`a scoring thread stopped: ${message}`);
}

/** The worker threads, each sent the next piece when it has the fewest pieces in hand. */
class Pool {
  private readonly workers: { worker: Worker; inHand: number }[] = [];
  private readonly waiting = new Map<number, (result: PieceResult) => void>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(threads: number) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(new URL('./score-worker.ts', import.meta.url));
      const entry = { worker, inHand: 0 };
      worker.on('message', (result: PieceResult) => {
        entry.inHand--;
        const resolve = this.waiting.get(result.id);
        this.waiting.delete(result.id);
        resolve?.(result);
      });
      // A thread that dies (out of memory, a bug) fails the pieces it had, so the run stops with a message.
      worker.on('error', (error: Error) => {
        this.failure = error;
        for (const [id, resolve] of this.waiting) resolve({ id, error: { name: 'Error', message: error.message } });
        this.waiting.clear();
      });
      this.workers.push(entry);
    }
  }

  /** Whether every thread has {@link IN_HAND} pieces or more to score. */
  busy(): boolean {
    return this.workers.every((entry) => entry.inHand >= IN_HAND);
  }

  /** Sends every thread the header and options, before any piece. */
  start(setup: PieceSetup): void {
    for (const { worker } of this.workers) worker.postMessage(setup);
  }

  score(job: PieceJob): Promise<PieceResult> {
    const id = this.nextId++;
    if (this.failure) return Promise.resolve({ id, error: { name: 'Error', message: this.failure.message } });
    const entry = this.workers.reduce((a, b) => (b.inHand < a.inHand ? b : a));
    entry.inHand++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      entry.worker.postMessage({ ...job, id });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
