// `npm run impact` as CI runs it, in process (test/cli/impact.spawn.test.ts runs it once through
// npm): a real git repository with a fixture playbook, a commit that moves points between two
// signals and raises a filter bound, then the report against HEAD~1. Expected moves and the
// matrix are computed here, by hand, from the fixture's rules: not with the engine under test.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/impact.ts';
import { encodeWindows1252 } from '../../scripts/lib/crm-export.ts';
import { makeImpactRepo } from '../helpers/impact-repo.ts';
import { runCli } from '../helpers/run-cli.ts';

const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'icp-impact-'));
let content = '';
afterAll(() => rmSync(work, { recursive: true, force: true }));

function impact(args: string[], env: Record<string, string> = {}) {
  return runCli(main, args, { env: { ICP_CONTENT_DIR: content, ...env } });
}

// The fixture's rules, before and after the commit, written out independently of the engine.
interface Row {
  company: string;
  expect: string;
  employees: number;
  region: string;
  stack: string[];
  hiring: boolean;
}
const rules = {
  before: { minEmployees: 50, stackPoints: 40, hiringPoints: 30 },
  after: { minEmployees: 80, stackPoints: 30, hiringPoints: 40 },
};
function landing(row: Row, side: keyof typeof rules): string {
  const r = rules[side];
  if (row.employees < r.minEmployees || row.employees > 1000) return 'out';
  if (row.region !== 'fr' && row.region !== 'de') return row.region === '' ? 'unknown' : 'out';
  const size =
    row.employees >= 200 && row.employees <= 500 ? 30 : row.employees >= 100 && row.employees <= 199 ? 10 : 0;
  const score =
    (row.stack.some((s) => s === 'hubspot' || s === 'salesforce') ? r.stackPoints : 0) +
    (row.hiring ? r.hiringPoints : 0) +
    size;
  return score >= 70 ? 'Tier 1' : score >= 40 ? 'Tier 2' : 'Tier 3';
}
function readRows(file: string): Row[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => {
    const cells = Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell]));
    return {
      company: cells['company']!,
      expect: cells['expect']!,
      employees: Number(cells['employees']),
      region: cells['region']!,
      stack: cells['stack']!.split('|'),
      hiring: cells['hiring_revops'] === 'true',
    };
  });
}

/** The cells of a Markdown table's body rows, from the line that starts with `header`. */
function table(report: string, header: string): string[][] {
  const lines = report.split('\n');
  const start = lines.findIndex((line) => line.startsWith(header));
  expect(start, `table ${header}`).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
    rows.push(lines[i]!.slice(2, -2).split(' | '));
  }
  return rows;
}

let report = '';
let summary = '';
let stderr = '';
beforeAll(async () => {
  content = makeImpactRepo(work).content;
  const summaryFile = join(work, 'summary.md');
  writeFileSync(summaryFile, '# Earlier step\n');
  const result = await impact(['--base', 'HEAD~1'], { GITHUB_STEP_SUMMARY: summaryFile });
  expect(result.stderr).toMatch(/^Compared with HEAD~1 over 10 accounts in \d+\.\d s\.\n$/);
  expect(result.status).toBe(0);
  report = result.stdout;
  stderr = result.stderr;
  summary = readFileSync(summaryFile, 'utf8');
}, 60_000);

describe('npm run impact -- --base HEAD~1', () => {
  const known = readRows('test/fixtures/impact/known-accounts.csv');

  it('says the rule changes in words', () => {
    expect(report).toContain('#### Core market (`core`)');
    expect(report).toContain(
      '- Filter “50 to 1,000 employees”: Employees between 50 and 1,000 people → Employees between 80 and 1,000 people\n',
    );
    expect(report).toContain('- Signal “Runs HubSpot or Salesforce”: +40 → +30 points\n');
    expect(report).toContain('- Signal “Hiring RevOps”: +30 → +40 points\n');
  });

  it('lists exactly the known accounts that move, with before, after and why', () => {
    const expected = known
      .filter((row) => landing(row, 'before') !== landing(row, 'after'))
      .map((row) => [row.company, landing(row, 'before'), landing(row, 'after')]);
    expect(expected.length).toBeGreaterThan(2);
    const moves = table(report, '| Account |');
    // Before and after start with the landing ("Tier 2 (Core market, 50)", "out").
    const got = moves.map(([name, before, after]) => [
      name,
      before!.replace(/ \(.*$/, ''),
      after!.replace(/ (\(|—).*$/, ''),
    ]);
    expect(got.sort()).toEqual(expected.sort());
    const why = Object.fromEntries(moves.map(([name, , , reason]) => [name!, reason] as const));
    expect(why['Birch']).toBe('Employees between 80 and 1,000 people: pass → fail (seen 60 people)');
    // Cedar: stack only, 250 people: 40 + 30 = 70 (Tier 1) before, 30 + 30 = 60 (Tier 2) after.
    expect(why['Cedar']).toBe('Runs HubSpot or Salesforce +40 → +30');
  });

  it('flags the known accounts that no longer land where their expect says', () => {
    // The fixture's expect column holds the landings before the change (Juniper: unknown, whose provisional tier is Tier 1).
    const flagged = table(report, '| Account |')
      .filter(([, , after]) => after!.includes(' — expected '))
      .map(([name, , after]) => `${name} ${after!.slice(after!.indexOf(' — ') + 3)}`);
    const expected = known
      .filter((row) => landing(row, 'before') !== landing(row, 'after') && landing(row, 'after') !== row.expect)
      .map((row) => `${row.company} expected ${row.expect}`);
    expect(flagged.sort()).toEqual(expected.sort());
  });

  it('counts the moves up and down in the verdict line, first', () => {
    const rank = (landing: string) => ['Tier 1', 'Tier 2', 'Tier 3', 'unknown', 'out'].indexOf(landing);
    const up = known.filter((row) => rank(landing(row, 'after')) < rank(landing(row, 'before'))).length;
    const down = known.filter((row) => rank(landing(row, 'after')) > rank(landing(row, 'before'))).length;
    const verdict = report.split('\n')[2]!;
    const unmet = known.filter(
      (row) => landing(row, 'before') !== landing(row, 'after') && landing(row, 'after') !== row.expect,
    ).length;
    expect(verdict).toBe(
      `**${up + down} known accounts move (↑${up} ↓${down}); ${unmet} of them no longer land where their \`expect\` says (validation fails until expect or the rules change); 3 rule changes.**`,
    );
  });

  it('gives the tier transition matrix', () => {
    const labels = ['Tier 1', 'Tier 2', 'Tier 3', 'unknown', 'out'];
    const counts = new Map<string, number>();
    for (const row of known) {
      const key = `${landing(row, 'before')}→${landing(row, 'after')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const matrix = table(report, '| before ↓ after →');
    const shown = matrix.map((row) => row[0]!);
    const used = labels.filter((label) =>
      known.some((row) => landing(row, 'before') === label || landing(row, 'after') === label),
    );
    expect(shown).toEqual(used);
    for (const row of matrix) {
      row.slice(1).forEach((cell, j) => {
        expect(cell === '·' ? 0 : Number(cell), `${row[0]} → ${used[j]}`).toBe(counts.get(`${row[0]}→${used[j]}`) ?? 0);
      });
    }
  });

  it('appends the same report to the GitHub job summary', () => {
    expect(summary).toBe(`# Earlier step\n${report}\n`);
    expect(stderr).not.toContain('Error');
  });

  it('gives byte-identical output for the same inputs', async () => {
    expect((await impact(['--base', 'HEAD~1'])).stdout).toBe(report);
  });

  it('follows the accounts of a CSV given with --accounts, with its movers and matrix', async () => {
    const { status, stdout } = await impact([
      '--base',
      'HEAD~1',
      '--accounts',
      'test/fixtures/impact/sample-accounts.csv',
    ]);
    expect(status).toBe(0);
    const section = stdout.slice(stdout.indexOf('### Accounts of `test/fixtures/impact/sample-accounts.csv` (5 rows)'));
    expect(section).not.toBe(stdout);
    // Kapok (75 people) and Maple (55) pass 50 but not 80. Nutmeg: hubspot + hiring + 10 = 80 before and after.
    const movers = table(section, '| Account |').map(([name, before, after]) => `${name}: ${before} → ${after}`);
    expect(movers).toEqual(['Kapok: Tier 1 (Core market, 70) → out', 'Maple: Tier 2 (Core market, 40) → out']);
  });

  it('reads an --accounts file saved by Excel (Windows-1252) like its UTF-8 copy, and says so in one line', async () => {
    const text = readFileSync('test/fixtures/impact/sample-accounts.csv', 'utf8').replace('Kapok', 'Kapok Société');
    writeFileSync(join(work, 'utf8.csv'), text);
    writeFileSync(join(work, 'excel.csv'), encodeWindows1252(text));
    const utf8 = await impact(['--base', 'HEAD~1', '--accounts', join(work, 'utf8.csv')]);
    const excel = await impact(['--base', 'HEAD~1', '--accounts', join(work, 'excel.csv')]);
    expect(excel.status).toBe(0);
    expect(excel.stdout).toBe(utf8.stdout.replaceAll(join(work, 'utf8.csv'), join(work, 'excel.csv')));
    expect(excel.stdout).toContain('Kapok Société');
    expect(excel.stderr).toContain(`${join(work, 'excel.csv')}: The file is not UTF-8: read as Windows-1252`);
  });

  it('speaks the playbook language in its messages too', async () => {
    const { status, stderr } = await impact([], { ICP_CONTENT_DIR: 'test/fixtures/french-payroll/content' });
    expect(status).toBe(1);
    expect(stderr).toBe(
      '--base manque\u202f: à quelle référence git comparer le changement\u202f? Usage\u202f: npm run impact -- --base <git ref> [--accounts <file.csv>]... [--max-chars <n>]\n',
    );
    // Its own repository: the tests may run from a copy of the project that is not one.
    const french = join(work, 'french-repo');
    cpSync(join(root, 'test/fixtures/french-payroll/content'), join(french, 'content'), { recursive: true });
    for (const args of [
      ['init', '-q'],
      ['add', '-A'],
      ['commit', '-qm', 'French playbook'],
    ]) {
      execFileSync(
        'git',
        ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false', ...args],
        { cwd: french, stdio: 'pipe' },
      );
    }
    const git = await impact(['--base', 'no-such-branch'], { ICP_CONTENT_DIR: join(french, 'content') });
    expect(git.status).toBe(1);
    expect(git.stderr).toMatch(
      /^«\u202fno-such-branch\u202f» n’est pas un commit de ce dépôt\u202f: donnez une branche/,
    );
  });

  it('names a base that is not a commit, in one line, with exit code 1', async () => {
    const { status, stdout, stderr } = await impact(['--base', 'no-such-branch']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatchInlineSnapshot(`
      ""no-such-branch" is not a commit of this repository: give a branch, tag or commit (e.g. --base origin/main); in a shallow CI clone, fetch it first (git fetch --depth=1 origin main)
      "
    `);
  });
});
