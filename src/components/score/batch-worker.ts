/// <reference lib="webworker" />
// Batch scoring off the main thread: the file is streamed through the shared CSV scorer (the
// pipeline behind `npm run score`), which hands each scored row to the result table as it
// writes the row's output line, so the table shows the values the downloaded file holds.
// Nothing leaves the browser. Memory stays flat for big files: the input is read a slice at a
// time, the output is encoded into one buffer that becomes a Blob part each time it fills (the
// browser keeps Blob data outside the page's heap), and the table keeps a few bytes per row
// outside the JavaScript heap (batch-rows.ts). Nothing is kept of the input: rescoring reads
// the file again.
import type { Attribute } from '../../schemas/attribute.ts';
import { AccountReader, type CellProblem } from '../../lib/csv/accounts.ts';
import { applyMapping } from '../../lib/csv/batch-mapping.ts';
import { BlobWriter, readBlob } from '../../lib/csv/blob-io.ts';
import { CsvScorer, type ScoredRow } from '../../lib/csv/score-csv.ts';
import { CsvDecoder } from '../../lib/csv/decode.ts';
import { UnreadableSummary } from '../../lib/csv/unreadable.ts';
import { normaliseName, OptionIndex } from '../../lib/aliases.ts';
import type { Verdict } from '../../lib/scoring/types.ts';
import { Rows } from './batch-rows.ts';
import type {
  BatchModel,
  BatchRow,
  FromWorker,
  UnmatchedColumn,
  UnrecognisedValues,
  ViewQuery,
  ToWorker,
} from './batch-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Cell problems kept one by one for the page; the rest are only counted and grouped. */
const MAX_PROBLEMS = 100;
/** Distinct (column, value) groups of unreadable cells kept, and distinct values listed per column for mapping. */
const MAX_GROUPS = 2000;
const MAX_VALUES_SHOWN = 50;
const PROGRESS_EVERY_MS = 80;
/** Characters of input scored at a time: the strings made from one piece stay small and die young. */
const PIECE_CHARS = 16_384;
/** Characters of kept columns remembered for the search box; past this, search looks at names only. */
const SEARCH_BUDGET_CHARS = 8_000_000;
const VERDICTS: readonly Verdict[] = ['fit', 'unknown', 'out'];
const CSV_TYPE = 'text/csv;charset=utf-8';
/** Headers taken as the account's name, in order of preference. */
const NAME_HEADERS = [
  'company',
  'name',
  'account',
  'account name',
  'company name',
  'société',
  'societe',
  'entreprise',
  'compte',
  'nom',
  'raison sociale',
  'domain',
];

interface Job {
  file: Blob;
  model: BatchModel;
  attributes: Attribute[];
  rows: Rows;
  output: Blob;
}

let job: Job | undefined;

function send(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** Folded like column names, so a search for "societe" finds "Société". */
function fold(text: string): string {
  return normaliseName(text);
}

/** The column used as each row's name: a company/name column, else the first non-attribute column. */
function nameColumn(header: readonly string[], columns: readonly (Attribute | undefined)[]): number {
  const normal = header.map((h) => fold(h));
  for (const wanted of NAME_HEADERS) {
    const index = normal.indexOf(fold(wanted));
    if (index !== -1 && !columns[index]) return index;
  }
  return columns.findIndex((column, i) => !column && normal[i] !== '');
}

/**
 * A copy of `text` that does not hold on to the string it was cut from. V8 keeps a substring of
 * 13 characters or more as a view of its parent: a name cut from a 64 kB chunk of the output
 * would keep the whole chunk alive, and a million names the whole file. Slicing a concatenation
 * makes V8 copy the characters into a string of their own first.
 */
function detach(text: string): string {
  return text.length < 13 ? text : (text + '\u0000').slice(0, -1);
}

/** Counts distinct values per key, keeping at most `limit` distinct keys (the rest are counted apart). */
class Tally<T> {
  readonly counts = new Map<string, { item: T; count: number }>();
  dropped = 0;
  add(key: string, item: () => T): void {
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else if (this.counts.size < MAX_GROUPS) this.counts.set(detach(key), { item: item(), count: 1 });
    else this.dropped++;
  }
  sorted(): { item: T; count: number }[] {
    return [...this.counts.values()].sort((a, b) => b.count - a.count);
  }
}

/** A choice column, with what the playbook alone recognises and what the mapping adds. */
interface ChoiceColumn {
  index: number;
  attribute: string;
  type: 'choice' | 'choices';
  /** Values of the playbook's own attribute (ids, labels, aliases). */
  original: OptionIndex;
  /** The same with the mapping's aliases. */
  mapped: OptionIndex;
  /** Values the playbook alone does not recognise, by folded value, with the option the mapping gives. */
  tally: Tally<{ value: string; option: string | undefined }>;
}

function choiceColumnsOf(columns: readonly (Attribute | undefined)[], playbook: readonly Attribute[]): ChoiceColumn[] {
  const result: ChoiceColumn[] = [];
  columns.forEach((attribute, index) => {
    if (!attribute || (attribute.type !== 'choice' && attribute.type !== 'choices')) return;
    const own = playbook.find((a) => a.id === attribute.id) ?? attribute;
    result.push({
      index,
      attribute: attribute.id,
      type: attribute.type,
      original: new OptionIndex(own),
      mapped: new OptionIndex(attribute),
      tally: new Tally(),
    });
  });
  return result;
}

/** Counts the values of one cell that the playbook alone does not recognise. */
function tallyChoice(column: ChoiceColumn, cell: string | undefined): void {
  if (!cell) return;
  // A `choices` cell names several options (`|` or `;` between them): each part counts.
  const parts = column.type === 'choices' ? cell.split(/[|;]/) : [cell];
  for (const part of parts) {
    const value = part.trim();
    if (value === '' || column.original.match(value) !== undefined) continue;
    column.tally.add(fold(value), () => ({ value: detach(value), option: column.mapped.match(value) }));
  }
}

/** The text of a CSV cell as written by the scorer: without its quotes. */
function unquote(cell: string): string {
  return cell.charCodeAt(0) === 34 ? cell.slice(1, -1).replaceAll('""', '"') : cell;
}

/**
 * Streams a file through the decoder and a scorer into a writer, piece by piece; `onRead`
 * hears how many bytes were read after each chunk.
 */
async function scoreFile(
  file: Blob,
  decoder: CsvDecoder,
  scorer: CsvScorer,
  writer: BlobWriter,
  onRead: (bytes: number) => void,
): Promise<void> {
  const scoreText = (text: string) => {
    // In small pieces: every string made from one (the output, the cells) stays small enough
    // to die young, instead of filling the old generation with large-object garbage.
    for (let i = 0; i < text.length; i += PIECE_CHARS) {
      writer.write(scorer.pushLines(text.length <= PIECE_CHARS ? text : text.slice(i, i + PIECE_CHARS)));
    }
  };
  let read = 0;
  await readBlob(file, (bytes) => {
    read += bytes.byteLength;
    scoreText(decoder.push(bytes));
    onRead(read);
  });
  scoreText(decoder.end());
  writer.write(scorer.endLines());
}

/**
 * Scores the file, read as a stream through the shared decoder: UTF-8, UTF-16 with a BOM, or
 * Windows-1252 (what Excel on Windows writes, said in one line); binary files are refused.
 */
async function score({ file, model, mapping, query }: Extract<ToWorker, { type: 'score' }>): Promise<void> {
  job = undefined;
  const attributes = applyMapping(model.attributes, mapping);
  const icps = model.icps.map((icp) => ({ id: icp.id, data: icp.data }));
  const titles = new Map(icps.map((icp) => [icp.id, icp.data.title]));
  const problems: CellProblem[] = [];
  let problemCount = 0;
  const summary = new UnreadableSummary();
  const rows = new Rows();
  const tierIndex = new Map<string, number>();
  for (const icp of icps) {
    icp.data.tiers.forEach((tier, rank) => {
      if (tierIndex.has(tier.label)) return;
      tierIndex.set(tier.label, rows.tierLabels.length);
      rows.tierLabels.push(tier.label);
      rows.tierRanks.push(rank);
    });
  }
  const counts: Record<Verdict, number> = { fit: 0, unknown: 0, out: 0 };
  let nameIndex = -1;
  let keyColumns: number[] = [];
  let columnsRead: string[] = [];
  let columnsMissing: string[] = [];
  let nameHeader: string | undefined;
  let header: string[] = [];
  let searchChars = 0;
  let searchAll = true;
  const unmatched: UnmatchedColumn[] = [];
  let taken: string[] = [];
  let choiceColumns: ChoiceColumn[] = [];
  let started = false;

  /** What the header says: the columns read, those to map, the name column, the key columns. */
  const start = (cells: readonly string[]) => {
    started = true;
    header = cells.map(detach);
    const reader = new AccountReader(header, attributes, model.locale);
    // Listed for mapping: what the playbook alone does not read, including what the mapping now reads.
    const original = new AccountReader(header, model.attributes, model.locale);
    taken = reader.columns.filter((c): c is Attribute => c !== undefined).map((c) => c.id);
    choiceColumns = choiceColumnsOf(reader.columns, model.attributes);
    const present = new Set(reader.columns.filter((c): c is Attribute => c !== undefined).map((c) => c.id));
    columnsRead = attributes.filter((a) => present.has(a.id)).map((a) => a.label);
    columnsMissing = attributes.filter((a) => !present.has(a.id)).map((a) => a.label);
    keyColumns = header.map((_, i) => i).filter((i) => !reader.columns[i]);
    header.forEach((name, index) => {
      if (!original.columns[index] && name.trim() !== '')
        unmatched.push({ index, header: name, samples: [], attribute: reader.columns[index]?.id });
    });
    nameIndex = nameColumn(header, reader.columns);
    nameHeader = nameIndex === -1 ? undefined : header[nameIndex];
  };

  /** One scored row into the table: the cells as the user wrote them (the download neutralises formulas). */
  const onRow = (row: ScoredRow) => {
    if (!started) start(scorer.header ?? []);
    const { cells, verdict } = row;
    counts[verdict]++;
    const name = nameIndex === -1 ? '' : (cells[nameIndex] ?? '');
    let search = '';
    if (searchAll) {
      for (const index of keyColumns) {
        const text = cells[index];
        if (text) search += `${fold(text)} `;
      }
      searchChars += search.length;
      if (searchChars > SEARCH_BUDGET_CHARS) searchAll = false;
    }
    for (const column of unmatched) {
      const text = cells[column.index]?.trim();
      if (column.samples.length < 3 && text && !column.samples.includes(text)) column.samples.push(detach(text));
    }
    for (const column of choiceColumns) tallyChoice(column, cells[column.index]);
    const tier = tierIndex.get(row.tier) ?? -1;
    rows.add({
      name,
      search: searchAll ? search : undefined,
      verdict,
      score: row.score,
      best: row.best,
      tier: verdict === 'fit' ? tier : -1,
      provisional: verdict === 'unknown' ? tier : -1,
      icp: titles.get(row.icp) ?? row.icp,
      reasons: unquote(row.reasons),
    });
  };

  const scorer = new CsvScorer({
    attributes,
    icps,
    locale: model.locale,
    onProblem: (problem) => {
      problemCount++;
      if (problems.length < MAX_PROBLEMS)
        problems.push({ ...problem, value: detach(problem.value), header: detach(problem.header) });
      if (problem.attribute !== undefined)
        summary.add({
          ...problem,
          value: detach(problem.value),
          unrecognised: problem.unrecognised === undefined ? undefined : detach(problem.unrecognised),
        });
    },
    onRow,
  });

  const began = performance.now();
  let lastProgress = began;
  const decoder = new CsvDecoder(model.locale);
  const writer = new BlobWriter(CSV_TYPE);
  await scoreFile(file, decoder, scorer, writer, (read) => {
    const now = performance.now();
    if (now - lastProgress > PROGRESS_EVERY_MS) {
      lastProgress = now;
      send({ type: 'progress', read: Math.min(read, file.size), total: file.size, rows: scorer.rows });
    }
  });
  // A header and no rows: the columns are still worth showing.
  if (!started && scorer.header) start(scorer.header);
  const ms = performance.now() - began;

  const output = writer.finish();
  job = { file, model, attributes, rows, output };
  const tierCounts = rows.tierCounts();
  const tiers = rows.tierLabels.map((label, i) => ({ label, count: tierCounts[i]! })).filter((tier) => tier.count > 0);
  const unrecognised: UnrecognisedValues[] = choiceColumns
    .filter((column) => column.tally.counts.size > 0)
    .map((column) => {
      const sorted = column.tally.sorted();
      return {
        attribute: column.attribute,
        header: header[column.index]!,
        values: sorted.slice(0, MAX_VALUES_SHOWN).map(({ item, count }) => ({ ...item, count })),
        more: Math.max(0, sorted.length - MAX_VALUES_SHOWN) + column.tally.dropped,
      };
    });
  const { view: shown, matched } = view(query);
  send({
    type: 'done',
    rows: rows.count,
    output,
    counts,
    tiers,
    encoding: decoder.notice,
    unitWarnings: scorer.unitWarnings().map((warning) => warning.message),
    columnsRead,
    columnsMissing,
    unmatched,
    unrecognised,
    taken,
    nameColumn: nameHeader,
    searchAll,
    problemGroups: summary.columns().flatMap((column) =>
      column.values.slice(0, MAX_VALUES_SHOWN).map((v) => ({
        header: column.header,
        column: column.column,
        value: v.value,
        count: v.count,
        message: v.message,
      })),
    ),
    problems,
    problemCount,
    view: shown,
    matched,
    ms,
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The first `limit` rows that pass the chips and the search, in the order asked for; ties keep file order. */
function view(query: ViewQuery): { view: BatchRow[]; matched: number } {
  if (!job) return { view: [], matched: 0 };
  const { rows } = job;
  const verdict = (i: number) => rows.verdicts.get(i);
  const score = (i: number) => rows.scores.get(i);
  const tier = (i: number) => rows.tiers.get(i);
  const provisional = (i: number) => rows.provisional.get(i);
  const { tierRanks } = rows;
  const wantedVerdict = query.verdict === undefined ? -1 : VERDICTS.indexOf(query.verdict);
  const wantedTier = query.tier === undefined ? -1 : rows.tierLabels.indexOf(query.tier);
  const needle = fold(query.search);
  const found = needle === '' ? undefined : rows.find(needle, fold);
  const passes = (i: number) =>
    (wantedVerdict === -1 || verdict(i) === wantedVerdict) &&
    (query.tier === undefined || tier(i) === wantedTier) &&
    (!found || found[i] === 1);
  const shown: BatchRow[] = [];
  if (query.sort === 'line' && query.direction === 'asc') {
    // File order: the first rows that pass, and a count; no list of every row.
    let matched = 0;
    for (let i = 0; i < rows.count; i++) {
      if (!passes(i)) continue;
      if (matched++ < query.limit) shown.push(rows.row(i));
    }
    return { view: shown, matched };
  }
  // The rows that pass, in a typed array: 4 bytes a row, outside the JavaScript heap.
  const all = new Uint32Array(rows.count);
  let matched = 0;
  for (let i = 0; i < rows.count; i++) if (passes(i)) all[matched++] = i;
  let order = all.subarray(0, matched);
  const sign = query.direction === 'asc' ? 1 : -1;
  // A row's tier for sorting: its tier, else its provisional tier just after, else last.
  const tierRank = (i: number) =>
    tier(i) !== -1
      ? tierRanks[tier(i)]! * 2
      : provisional(i) !== -1
        ? tierRanks[provisional(i)]! * 2 + 1
        : Number.MAX_SAFE_INTEGER;
  if (query.sort === 'name') {
    // Names are read once, then positions in `order` are sorted by them.
    const names = Array.from(order, (i) => rows.names.get(i));
    const positions = Uint32Array.from({ length: matched }, (_, k) => k);
    positions.sort((a, b) => sign * collator.compare(names[a]!, names[b]!) || order[a]! - order[b]!);
    order = positions.map((k) => order[k]!);
  } else {
    // Ascending means "best first" for verdict and tier, and lowest first for score.
    const compare: (a: number, b: number) => number =
      query.sort === 'score'
        ? (a, b) => sign * (score(a) - score(b)) || verdict(a) - verdict(b) || a - b
        : query.sort === 'verdict'
          ? (a, b) => sign * (verdict(a) - verdict(b)) || score(b) - score(a) || a - b
          : query.sort === 'tier'
            ? (a, b) => sign * (tierRank(a) - tierRank(b)) || score(b) - score(a) || a - b
            : (a, b) => sign * (a - b);
    order.sort(compare);
  }
  for (let i = 0; i < Math.min(query.limit, matched); i++) shown.push(rows.row(order[i]!));
  return { view: shown, matched };
}

/**
 * The scored file with only the key columns (those that are not attributes) and the results:
 * the file scored again with the same option as `npm run score -- --only-keys`, so both give
 * the same bytes.
 */
async function keysOnly(): Promise<Blob> {
  if (!job) throw new Error('no scored file');
  const { file, model, attributes } = job;
  const icps = model.icps.map((icp) => ({ id: icp.id, data: icp.data }));
  const scorer = new CsvScorer({ attributes, icps, locale: model.locale, keep: 'keys' });
  const writer = new BlobWriter(CSV_TYPE);
  await scoreFile(file, new CsvDecoder(model.locale), scorer, writer, () => {});
  return writer.finish();
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const fail = (error: unknown) =>
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  if (message.type === 'view') {
    send({ type: 'view', id: message.id, query: message.query, ...view(message.query) });
    return;
  }
  if (message.type === 'keys') {
    keysOnly().then((output) => send({ type: 'keys', output }), fail);
    return;
  }
  score(message).catch(fail);
});
