// `npm run score` on several threads (scripts/lib/score-parallel.ts) writes what it writes on one:
// the same bytes out, the same problems and summary on standard error, on messy real-world
// files. Each file is scored with ICP_SCORE_THREADS=1 and with 2 and 3 threads and no size floor.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmCsv, encodeWindows1252, generateCrmRows } from '../../scripts/lib/crm-export.ts';

const work = mkdtempSync(join(tmpdir(), 'icp-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function score(file: string, threads: number, args: string[] = []) {
  const result = spawnSync(process.execPath, ['scripts/score.ts', file, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ICP_CONTENT_DIR: 'test/fixtures/crm/content', ICP_SCORE_THREADS: String(threads), ICP_SCORE_PARALLEL_MIN_BYTES: '0' },
    maxBuffer: 1 << 30,
  });
  // Progress lines name the rows done at each piece, which differ; the time taken differs too.
  const stderr = result.stderr
    .toString('utf8')
    .replace(/^Scored [\d,]+ accounts…\n/gm, '')
    .replace(/ in \d+\.\d s/g, ' in 0.0 s');
  return { status: result.status, stdout: result.stdout, stderr };
}

function expectSameOnThreads(file: string, args: string[] = []) {
  const serial = score(file, 1, args);
  for (const threads of [2, 3]) {
    const parallel = score(file, threads, args);
    expect(parallel.status).toBe(serial.status);
    expect(parallel.stderr).toBe(serial.stderr);
    // A run that fails has written what it had scored to standard output, which depends on
    // timing; with --out, nothing at all is kept (test/cli/score.test.ts).
    if (serial.status === 0) expect(parallel.stdout.equals(serial.stdout)).toBe(true);
  }
  return serial;
}

/** A HubSpot export made messier: CRLF, a BOM, quotes mid-cell, long rows, short rows, blank lines. */
function messy(rows: number): string {
  // crmCsv ends lines with CRLF, as HubSpot does.
  const lines = crmCsv(generateCrmRows(rows, 11), 'hubspot').split('\r\n');
  return (
    '\uFEFF' +
    lines
      .map((line, i) => {
        if (i === 0 || line === '') return line;
        if (i % 97 === 0) return `${line},extra cell`;
        if (i % 89 === 0) return line.split(',').slice(0, 3).join(',');
        if (i % 83 === 0) return `${line}\n`;
        if (i % 79 === 0) return line.replace(',', ',12" screen,');
        if (i % 73 === 0) return line.replace(/,/, ',"=HYPERLINK(""http://x"")",');
        return line;
      })
      .join('\r\n')
  );
}

let hubspot: string;
beforeAll(() => {
  hubspot = join(work, 'hubspot.csv');
  writeFileSync(hubspot, crmCsv(generateCrmRows(20_000), 'hubspot'));
}, 60_000);

describe('npm run score on several threads', { timeout: 120_000 }, () => {
  it('gives a 20,000-row HubSpot export (quoted commas, multi-line cells, bands) the same bytes and summary as one thread', () => {
    const serial = expectSameOnThreads(hubspot);
    expect(serial.status).toBe(0);
    expect(serial.stderr).toMatch(/Values not recognised, by column/);
    expect(serial.stderr).toMatch(/^Scored 20,000 accounts \(/m);
  });

  it('gives the same with only the key columns and with every cell listed (--verbose)', () => {
    expectSameOnThreads(hubspot, ['--only-keys']);
    const verbose = expectSameOnThreads(hubspot, ['--verbose']);
    expect(verbose.stderr.split('\n').length).toBeGreaterThan(1000);
  });

  it('gives the same on a messy file: BOM, CRLF, blank lines, long and short rows, quotes inside cells, formulas', () => {
    const file = join(work, 'messy.csv');
    writeFileSync(file, messy(6_000));
    const serial = expectSameOnThreads(file);
    expect(serial.status).toBe(0);
    expect(serial.stderr).toMatch(/cells but the header has 13: the extra cells are left out/);
    expect(serial.stdout.subarray(0, 3).toString('hex')).toBe('efbbbf');
  });

  it('gives the same on a Windows-1252 file, a semicolon file and a file whose lines end with CR alone', () => {
    const text = crmCsv(generateCrmRows(3_000, 5), 'hubspot');
    writeFileSync(join(work, '1252.csv'), encodeWindows1252(text));
    expect(expectSameOnThreads(join(work, '1252.csv')).stderr).toMatch(/Windows-1252/);
    writeFileSync(join(work, 'semicolon.csv'), text.replaceAll(',', ';'));
    expectSameOnThreads(join(work, 'semicolon.csv'));
    writeFileSync(join(work, 'cr.csv'), text.replaceAll('\n', '\r'));
    expect(expectSameOnThreads(join(work, 'cr.csv')).status).toBe(0);
  });

  it('gives the same message for a quote left open at the end and for one that never closes', () => {
    const text = crmCsv(generateCrmRows(2_000, 3), 'hubspot');
    writeFileSync(join(work, 'open-end.csv'), `${text}42,"Never closed,1\n`);
    expect(expectSameOnThreads(join(work, 'open-end.csv')).stderr).toMatch(/quote/i);
    const lines = text.split('\n');
    lines.splice(500, 0, `42,"Never closed,${'x'.repeat(2 * 1024 * 1024)}`);
    writeFileSync(join(work, 'runaway.csv'), lines.join('\n'));
    const runaway = expectSameOnThreads(join(work, 'runaway.csv'));
    expect(runaway.status).toBe(1);
    expect(runaway.stderr).toMatch(/runs over 1 MB without ending/);
  });
});
