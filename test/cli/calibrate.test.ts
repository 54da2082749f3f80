import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/calibrate.ts';
import { runCli } from '../helpers/run-cli.ts';
import { CALIBRATION_CSV_COLUMNS } from '../../src/lib/calibration/report.ts';
import { writeKnownAccountsModel } from '../helpers/known-accounts-model.ts';

/** `npm run calibrate` in process on a content folder, typed from `cwd`. */
async function run(argv: string[], content: string, cwd = content, env: Record<string, string> = {}) {
  const { status, stdout, stderr } = await runCli(main, argv, {
    env: { ...env, ICP_CONTENT_DIR: content, INIT_CWD: cwd },
  });
  return { code: status, stdout, stderr };
}

const temp: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'icp-calibrate-'));
  temp.push(dir);
  return dir;
};
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('npm run calibrate on 300 known accounts', () => {
  let content: string;
  beforeAll(() => {
    content = join(tempDir(), 'content');
    writeKnownAccountsModel(content);
  });

  it('prints filters, signals with win rates and intervals, and value per tier in Markdown', async () => {
    const { code, stdout, stderr } = await run(['--no-backtest'], content);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^# What the known accounts say\n\n## European finance teams\n\n300 known accounts, 300 won or lost\./,
    );
    expect(stdout).toContain('| Hiring finance roles | +15 |');
    expect(stdout).toMatch(
      /\| Hiring finance roles \| \+15 \| \d+ \/ \d+ \| \d+% \(\d+%–\d+%; \d+ won \/ \d+ lost\) \|/,
    );
    expect(stdout).toContain('wins more often when it holds');
    expect(stdout).toContain('| Average won deal | Total won | Median sales cycle |');
    expect(stdout).not.toContain('### Suggested points');
  });

  it('--suggest adds the table and the YAML to paste', async () => {
    const { stdout } = await run(['--suggest', '--no-backtest'], content);
    expect(stdout).toContain('### Suggested points');
    expect(stdout).toMatch(
      /```yaml\nsignals:\n {2}- label: Hiring finance roles\n {4}attribute: hiring\n {4}is: true\n {4}points: \d+ {3}# was 15\n/,
    );
    expect(stdout).toContain('0: wins');
  });

  it('--format csv writes one row per filter, signal and level', async () => {
    const out = join(tempDir(), 'evidence.csv');
    const { code, stderr } = await run(['--format', 'csv', '--out', out, '--suggest'], content);
    expect(code).toBe(0);
    expect(stderr).toBe(`Wrote ${out}\n`);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(CALIBRATION_CSV_COLUMNS.join(','));
    // 2 filters, 5 plain signals and 2 levels of the graded one.
    expect(lines).toHaveLength(1 + 2 + 5 + 2);
    expect(lines.filter((line) => line.startsWith('finance,level,'))).toHaveLength(2);
  });

  it.each([
    { argv: ['--format', 'pdf'], message: '--format is "pdf": use markdown or csv\n' },
    { argv: ['--icp', 'finanse'], message: 'no ICP "finanse" (did you mean "finance"?): use one of finance\n' },
    {
      argv: ['--sugest'],
      message: 'unknown option "--sugest": use --icp, --suggest, --format, --out, --no-backtest or --help\n',
    },
  ])('$argv is one line on stderr and exit code 1', async ({ argv, message }) => {
    const { code, stdout, stderr } = await run(argv, content);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(message.trimEnd());
  });

  it('says there is no backtest when content is not in Git', async () => {
    const { stdout } = await run([], content);
    expect(stdout).toContain('No backtest: content/ is not in a Git repository.');
  });

  it('says in one line, with exit code 1, that ICP_TODAY is no date (it was a stack trace)', async () => {
    const { code, stdout, stderr } = await run([], content, content, { ICP_TODAY: '23/11/2026' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('ICP_TODAY is "23/11/2026": write a date as YYYY-MM-DD, or unset it to use today\n');
  });
});

describe('backtest against the ICP as it was in Git', () => {
  const icp = (hiring: number, crm: number) => `---
title: Backtested
summary: An ICP whose points moved.
owner: Test Owner
reviewed: 2025-01-01
filters:
  - { label: France, attribute: region, in: [fr] }
signals:
  - { label: Hiring, attribute: hiring, is: true, points: ${hiring} }
  - { label: Runs a CRM, attribute: crm, is: true, points: ${crm} }
tiers:
  - { label: Tier 1, min: 60 }
  - { label: Tier 2, min: 0 }
---
`;
  let content: string;
  beforeAll(() => {
    const repo = tempDir();
    content = join(repo, 'content');
    mkdirSync(join(content, 'icps'), { recursive: true });
    mkdirSync(join(content, 'accounts'), { recursive: true });
    writeFileSync(join(content, 'playbook.yaml'), 'company: Back\nproduct: Test\n');
    writeFileSync(
      join(content, 'attributes.yaml'),
      '- { id: region, label: Region, type: choice, options: [{ id: fr, label: France }, { id: de, label: Germany }] }\n' +
        '- { id: hiring, label: Hiring, type: boolean }\n- { id: crm, label: CRM, type: boolean }\n',
    );
    writeFileSync(
      join(content, 'accounts', 'known.csv'),
      [
        'company,outcome,closed,region,hiring,crm',
        'A,won,2024-12-01,fr,yes,no', // closed before the first commit: left out
        'B,won,2025-02-01,fr,yes,no', // v1: 60 → Tier 1; today: 40 → Tier 2
        'C,lost,2025-03-01,fr,no,yes', // v1: 40 → Tier 2; today: 60 → Tier 1
        'D,won,2025-07-01,fr,yes,yes', // v2 = today: 100 → Tier 1
        'E,lost,2025-08-01,fr,no,yes', // v2 = today: 60 → Tier 1
        'F,won,,fr,yes,yes', // no closed date: left out
      ].join('\n'),
    );
    const git = (args: string[], date?: string) =>
      execFileSync('git', args, {
        cwd: repo,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.com',
          ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
        },
        stdio: 'ignore',
      });
    git(['init', '-q']);
    writeFileSync(join(content, 'icps', 'backtested.md'), icp(60, 40));
    git(['add', '-A']);
    git(['commit', '-qm', 'v1'], '2025-01-01T12:00:00Z');
    writeFileSync(join(content, 'icps', 'backtested.md'), icp(40, 60));
    git(['commit', '-qam', 'v2'], '2025-06-01T12:00:00Z');
  });

  it('compares the first tier then and now, and counts what moved', async () => {
    const { code, stdout } = await run(['--icp', 'backtested'], content);
    expect(code).toBe(0);
    // Then: B won (v1), D won and E lost (v2) are Tier 1. Now: C lost, D won, E lost.
    expect(stdout).toContain(
      "Tier 1 win rate with the ICP as it was when each deal closed: 67% (25%–92%; 2 won / 1 lost); with today's ICP: 33% (8%–75%; 1 won / 2 lost) (4 won or lost accounts with a closed date, 2 versions of the ICP in Git, 2 change tier). 1 account closed before the ICP's first commit, left out.",
    );
  });
});
