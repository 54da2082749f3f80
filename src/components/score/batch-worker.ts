/// <reference lib="webworker" />
// Batch scoring off the main thread: the file is streamed through the shared CSV scorer (the
// pipeline behind `npm run score`), and the scored output is read back for the result table, so
// the table shows exactly what the downloaded file holds. Nothing leaves the browser.
import type { Attribute } from '../../schemas/attribute.ts';
import { AccountReader, type CellProblem } from '../../lib/csv/accounts.ts';
import { CsvParser, type CsvRecord } from '../../lib/csv/parse.ts';
import { CsvScorer, OUTPUT_COLUMNS } from '../../lib/csv/score-csv.ts';
import { restoreCell } from '../../lib/csv/write.ts';
import type { IcpData } from '../../lib/content/model.ts';
import type { Verdict } from '../../lib/scoring/types.ts';
import type { BatchModel, BatchRow, FromWorker, SortDirection, SortKey, ToWorker } from './batch-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Cell problems kept for the page; the rest are only counted. */
const MAX_PROBLEMS = 100;
const PROGRESS_EVERY_MS = 80;
const VERDICTS: readonly Verdict[] = ['fit', 'unknown', 'out'];
/** Headers taken as the account's name, in order of preference. */
const NAME_HEADERS = ['company', 'name', 'account', 'account name', 'company name', 'société', 'societe', 'entreprise', 'compte', 'nom', 'raison sociale', 'domain'];

/** Every scored row, column by column (compact, and quick to sort). */
class Rows {
  count = 0;
  names: string[] = [];
  icps: string[] = [];
  tiers: string[] = [];
  reasons: string[] = [];
  verdicts: number[] = [];
  scores: number[] = [];
  bests: number[] = [];
  tierRanks: number[] = [];

  row(i: number): BatchRow {
    return {
      line: i + 1,
      name: this.names[i]!,
      icp: this.icps[i]!,
      verdict: VERDICTS[this.verdicts[i]!]!,
      score: this.scores[i]!,
      best: this.bests[i]!,
      tier: this.tiers[i]!,
      reasons: this.reasons[i]!,
    };
  }
}

let rows = new Rows();

function send(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** The column used as each row's name: a company/name column, else the first non-attribute column. */
function nameColumn(header: readonly string[], columns: readonly (Attribute | undefined)[]): number {
  const normal = header.map((h) => h.trim().toLowerCase());
  for (const wanted of NAME_HEADERS) {
    const index = normal.indexOf(wanted);
    if (index !== -1 && !columns[index]) return index;
  }
  return columns.findIndex((column, i) => !column && normal[i] !== '');
}

async function score(file: Blob, model: BatchModel, limit: number): Promise<void> {
  const icps = model.icps.map((icp) => ({ id: icp.id, data: icp.data as IcpData }));
  const titles = new Map(icps.map((icp) => [icp.id, icp.data.title]));
  const tierRank = new Map(icps.flatMap((icp) => icp.data.tiers.map((tier, i) => [`${icp.id}\u0000${tier.label}`, i] as const)));
  const problems: CellProblem[] = [];
  let problemCount = 0;
  const scorer = new CsvScorer({
    attributes: model.attributes,
    icps,
    locale: model.locale,
    onProblem: (problem) => {
      problemCount++;
      if (problems.length < MAX_PROBLEMS) problems.push(problem);
    },
  });
  const next = new Rows();
  const counts: Record<Verdict, number> = { fit: 0, unknown: 0, out: 0 };
  const output: string[] = [];
  const readBack = new CsvParser();
  let width = -1;
  let nameIndex = -1;
  let columnsRead: string[] = [];
  let columnsMissing: string[] = [];
  let nameHeader: string | undefined;

  const collect = (records: CsvRecord[]) => {
    for (const record of records) {
      const cells = record.cells;
      if (width === -1) {
        width = cells.length - OUTPUT_COLUMNS.length;
        const header = cells.slice(0, width);
        const reader = new AccountReader(header, model.attributes, model.locale);
        const present = new Set(reader.columns.filter((c): c is Attribute => c !== undefined).map((c) => c.id));
        columnsRead = model.attributes.filter((a) => present.has(a.id)).map((a) => a.label);
        columnsMissing = model.attributes.filter((a) => !present.has(a.id)).map((a) => a.label);
        nameIndex = nameColumn(header, reader.columns);
        nameHeader = nameIndex === -1 ? undefined : header[nameIndex];
        continue;
      }
      const [icp = '', verdict = 'out', scoreText = '0', bestText = '0', fitTier = '', provisionalTier = '', reasons = ''] = cells.slice(width);
      // The table shows the tier of fit accounts and the provisional tier of unknown ones, as before the split.
      const tier = fitTier || provisionalTier;
      const v = VERDICTS.indexOf(verdict as Verdict);
      counts[verdict as Verdict]++;
      // The download keeps the neutralising quote; the table shows the name as written.
      next.names.push(nameIndex === -1 ? '' : restoreCell(cells[nameIndex] ?? ''));
      next.icps.push(titles.get(icp) ?? icp);
      next.verdicts.push(v === -1 ? 2 : v);
      next.scores.push(Number(scoreText));
      next.bests.push(Number(bestText));
      next.tiers.push(tier);
      next.tierRanks.push(tier === '' ? Number.MAX_SAFE_INTEGER : (tierRank.get(`${icp}\u0000${tier}`) ?? 99));
      next.reasons.push(reasons);
      next.count++;
    }
  };

  const started = performance.now();
  const timings = { read: 0, score: 0, table: 0 };
  let lastProgress = started;
  let read = 0;
  const reader = file.stream().pipeThrough(new TextDecoderStream('utf-8', { ignoreBOM: true })).getReader();
  for (;;) {
    let t = performance.now();
    const { done, value } = await reader.read();
    timings.read += performance.now() - t;
    if (done) break;
    read += value.length;
    t = performance.now();
    const out = scorer.push(value);
    timings.score += performance.now() - t;
    if (out) {
      output.push(out);
      t = performance.now();
      collect(readBack.push(out));
      timings.table += performance.now() - t;
    }
    const now = performance.now();
    if (now - lastProgress > PROGRESS_EVERY_MS) {
      lastProgress = now;
      // Characters read against the file size in bytes: close enough for a progress bar.
      send({ type: 'progress', read: Math.min(read, file.size), total: file.size, rows: scorer.rows });
    }
  }
  const last = scorer.end();
  if (last) output.push(last);
  collect([...readBack.push(last), ...readBack.end()]);
  rows = next;
  send({
    type: 'done',
    rows: rows.count,
    output: new Blob(output, { type: 'text/csv;charset=utf-8' }),
    counts,
    columnsRead,
    columnsMissing,
    nameColumn: nameHeader,
    problems,
    problemCount,
    view: view('line', 'asc', limit),
    timings,
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The first `limit` rows in the order asked for; ties keep file order. */
function view(sort: SortKey, direction: SortDirection, limit: number): BatchRow[] {
  const n = rows.count;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const sign = direction === 'asc' ? 1 : -1;
  const { scores, verdicts, tierRanks, names } = rows;
  // Ascending means "best first" for verdict and tier, and lowest first for score.
  const compare: (a: number, b: number) => number =
    sort === 'score'
      ? (a, b) => sign * (scores[a]! - scores[b]!) || verdicts[a]! - verdicts[b]! || a - b
      : sort === 'verdict'
        ? (a, b) => sign * (verdicts[a]! - verdicts[b]!) || scores[b]! - scores[a]! || a - b
        : sort === 'tier'
          ? (a, b) => sign * (tierRanks[a]! - tierRanks[b]!) || scores[b]! - scores[a]! || a - b
          : sort === 'name'
            ? (a, b) => sign * collator.compare(names[a]!, names[b]!) || a - b
            : (a, b) => sign * (a - b);
  if (sort !== 'line' || direction !== 'asc') order.sort(compare);
  const shown: BatchRow[] = [];
  for (let i = 0; i < Math.min(limit, n); i++) shown.push(rows.row(order[i]!));
  return shown;
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'view') {
    send({ type: 'view', sort: message.sort, direction: message.direction, view: view(message.sort, message.direction, message.limit) });
    return;
  }
  score(message.file, message.model, message.limit).catch((error: unknown) => {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
});
