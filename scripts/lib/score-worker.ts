// Node-only: a worker thread of a parallel `npm run score` (see ./score-parallel.ts). It starts
// while the main thread reads the header, is sent the header once, then scores the pieces of the
// file it is sent and hands back their output; the main thread writes them in file order.
import { parentPort } from 'node:worker_threads';
import { PieceScorer, type PieceJob, type PieceSetup } from './score-piece.ts';

let scorer: PieceScorer | undefined;

parentPort!.on('message', (message: PieceSetup | PieceJob) => {
  if (!('id' in message)) {
    scorer = new PieceScorer(message);
    return;
  }
  const result = scorer!.score(message);
  parentPort!.postMessage(result, 'bytes' in result ? [result.bytes.buffer as ArrayBuffer] : []);
});
