// Scoring on several threads (scripts/lib/score-parallel.ts) gives what one thread gives: the
// same bytes out, the same cell problems in the same order, the same counts, unreadable-value
// summary and unit warnings, on messy real-world files. Most cases run in process (real worker
// threads, no CLI start-up); one runs `npm run score` itself with ICP_SCORE_THREADS.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmCsv, encodeWindows1252, generateCrmRows } from '../../scripts/lib/crm-export.ts';
import { scoreInParallel } from '../../scripts/lib/score-parallel.ts';
import { main as scoreMain } from '../../scripts/score.ts';
import { runCli } from '../helpers/run-cli.ts';
import { loadPlaybookFromDisk } from '../../src/content-fs.ts';
import type { CellProblem } from '../../src/lib/csv/accounts.ts';
import { CsvDecoder } from '../../src/lib/csv/decode.ts';
import { CsvScorer } from '../../src/lib/csv/score-csv.ts';

const CONTENT = 'test/fixtures/crm/content';
const work = mkdtempSync(join(tmpdir(), 'icp-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const { model } = loadPlaybookFromDisk(resolve(CONTENT));
if (!model) throw new Error(`${CONTENT} is not a valid playbook`);

interface Outcome {
  output?: Buffer;
  error?: string;
  problems: CellProblem[];
  rows: number;
  verdicts: Record<string, number>;
  unreadable: unknown;
  units: unknown;
}

/** Scores the bytes on `threads` threads, in chunks of `chunk` bytes as the CLI reads them. */
async function scoreOn(
  bytes: Uint8Array,
  threads: number,
  options: { keep?: 'keys'; verbose?: boolean; chunk?: number } = {},
): Promise<Outcome> {
  const problems: CellProblem[] = [];
  const verbose = options.verbose ?? false;
  // What the CLI prints: every problem with --verbose, else those about a row's shape.
  const keep = (problem: CellProblem) => (verbose || problem.attribute === undefined) && problems.push(problem);
  const scorerOptions = {
    attributes: model!.attributes,
    icps: model!.icps,
    locale: model!.settings.locale,
    keep: options.keep,
  };
  const scorer = new CsvScorer({ ...scorerOptions, onProblem: keep });
  const decoder = new CsvDecoder(model!.settings.locale);
  const size = options.chunk ?? 1 << 16;
  function* chunks() {
    for (let at = 0; at < bytes.length; at += size) yield decoder.push(bytes.subarray(at, at + size));
    const last = decoder.end();
    if (last) yield last;
  }
  const out: Uint8Array[] = [];
  const outcome = () => ({
    problems,
    rows: scorer.rows,
    verdicts: { ...scorer.verdicts },
    unreadable: scorer.unreadable.columns(),
    units: scorer.unitWarnings(),
  });
  try {
    await scoreInParallel({
      chunks: chunks(),
      scorer,
      options: scorerOptions,
      threads,
      verbose,
      write: (b) => Promise.resolve(void out.push(b.slice())),
      onProblem: keep,
      onProgress: () => {},
    });
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}`, ...outcome() };
  }
  return { output: Buffer.concat(out), ...outcome() };
}

async function expectSameOnThreads(bytes: Uint8Array, options: Parameters<typeof scoreOn>[2] = {}): Promise<Outcome> {
  const serial = await scoreOn(bytes, 1, options);
  for (const threads of [2, 3]) {
    const parallel = await scoreOn(bytes, threads, options);
    expect(parallel.error).toBe(serial.error);
    // A run that fails stops with the same message; what it had scored and reported before
    // depends on how far each thread had gone (the CLI keeps no partial --out file).
    if (serial.error !== undefined) continue;
    expect(parallel.output!.equals(serial.output!)).toBe(true);
    expect(parallel.problems).toEqual(serial.problems);
    expect([parallel.rows, parallel.verdicts, parallel.unreadable, parallel.units]).toEqual([
      serial.rows,
      serial.verdicts,
      serial.unreadable,
      serial.units,
    ]);
  }
  return serial;
}

/** A HubSpot export made messier: a BOM, blank lines, long and short rows, quotes inside cells, formulas. */
function messy(rows: number): Uint8Array {
  // crmCsv ends lines with CRLF, as HubSpot does.
  const lines = crmCsv(generateCrmRows(rows, 11), 'hubspot').split('\r\n');
  const text = lines
    .map((line, i) => {
      if (i === 0 || line === '') return line;
      if (i % 97 === 0) return `${line},extra cell`;
      if (i % 89 === 0) return line.split(',').slice(0, 3).join(',');
      if (i % 83 === 0) return `${line}\n`;
      if (i % 79 === 0) return line.replace(',', ',12" screen,');
      if (i % 73 === 0) return line.replace(/,/, ',"=HYPERLINK(""http://x"")",');
      return line;
    })
    .join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}`);
}

let hubspot: Uint8Array;
beforeAll(() => {
  hubspot = new TextEncoder().encode(crmCsv(generateCrmRows(20_000), 'hubspot'));
});

describe('scoring on several threads', { timeout: 120_000 }, () => {
  it('gives a 20,000-row HubSpot export (quoted commas, multi-line cells, bands) the same bytes, problems and counts as one thread', async () => {
    const serial = await expectSameOnThreads(hubspot);
    expect(serial.rows).toBe(20_000);
    expect(serial.unreadable).not.toEqual([]);
  });

  it('gives the same with only the key columns, with every cell listed (--verbose) and with small pieces', async () => {
    await expectSameOnThreads(hubspot, { keep: 'keys' });
    const verbose = await expectSameOnThreads(hubspot, { verbose: true, chunk: 4096 });
    expect(verbose.problems.length).toBeGreaterThan(1000);
  });

  it('gives the same on a messy file: BOM, CRLF, blank lines, long and short rows, quotes inside cells, formulas', async () => {
    const serial = await expectSameOnThreads(messy(6_000), { chunk: 8192 });
    expect(serial.problems.some((p) => /the header has 13/.test(p.message))).toBe(true);
    expect(serial.output!.subarray(0, 3).toString('hex')).toBe('efbbbf');
  });

  it('gives the same on a Windows-1252 file, a semicolon file and a file whose lines end with CR alone', async () => {
    const text = crmCsv(generateCrmRows(3_000, 5), 'hubspot');
    await expectSameOnThreads(encodeWindows1252(text));
    await expectSameOnThreads(new TextEncoder().encode(text.replaceAll(',', ';')));
    expect((await expectSameOnThreads(new TextEncoder().encode(text.replaceAll('\r\n', '\r')))).rows).toBe(3_000);
  });

  it('gives the same error for a quote left open at the end and for one that never closes', async () => {
    const text = crmCsv(generateCrmRows(2_000, 3), 'hubspot');
    const open = await expectSameOnThreads(new TextEncoder().encode(`${text}42,"Never closed,1\n`));
    expect(open.problems.at(-1)?.message).toMatch(/quote/i);
    const lines = text.split('\r\n');
    lines.splice(500, 0, `42,"Never closed,${'x'.repeat(2 * 1024 * 1024)}`);
    const runaway = await expectSameOnThreads(new TextEncoder().encode(lines.join('\r\n')));
    expect(runaway.error).toMatch(/^CsvError: line \d+ runs over 1 MB without ending/);
  });

  it('is what npm run score does with ICP_SCORE_THREADS: the same output and summary on 2 threads as on 1', async () => {
    const file = join(work, 'hubspot.csv');
    writeFileSync(file, hubspot);
    const run = async (threads: number) => {
      const result = await runCli(scoreMain, [file], {
        env: { ICP_CONTENT_DIR: CONTENT, ICP_SCORE_THREADS: String(threads), ICP_SCORE_PARALLEL_MIN_BYTES: '0' },
      });
      // Progress lines name the rows done at each piece; the time taken differs.
      const stderr = result.stderr.replace(/^Scored [\d,]+ accounts…\n/gm, '').replace(/ in \d+\.\d s/g, ' in 0.0 s');
      return { status: result.status, stdout: result.stdoutBytes, stderr };
    };
    const [one, two] = [await run(1), await run(2)];
    expect(two.status).toBe(0);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stderr).toMatch(/^Scored 20,000 accounts \(/m);
    expect(two.stdout.equals(one.stdout)).toBe(true);
  });
});
