// The git repository the impact report tests read: the valid fixture playbook with its known
// accounts, committed, then a commit that raises the employee floor (50 → 80) and moves points
// from the stack signal (40 → 30) to hiring RevOps (30 → 40). `npm run impact -- --base HEAD~1`
// reports that change.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Builds the repository in `work/repo`; returns it and its content folder (`playbook/`). */
export function makeImpactRepo(work: string): { repo: string; content: string } {
  const repo = join(work, 'repo');
  const content = join(repo, 'playbook');
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false', ...args],
      { cwd: repo, stdio: 'pipe' },
    );
  cpSync('test/fixtures/valid/content', content, { recursive: true });
  cpSync('test/fixtures/impact/known-accounts.csv', join(content, 'accounts/known-accounts.csv'));
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base playbook');
  const icp = join(content, 'icps/core.md');
  const changed = readFileSync(icp, 'utf8')
    .replace('between: [50, 1000]', 'between: [80, 1000]')
    .replace(/(attribute: stack\n\s+anyOf: \[hubspot, salesforce\]\n\s+points: )40/, '$130')
    .replace(/(attribute: hiring_revops\n\s+is: true\n\s+points: )30/, '$140');
  // The three edits took (the fixture changed otherwise): each replaced value is in place.
  const points = changed.match(/points: (30|40)/g)?.join(', ');
  if (points !== 'points: 30, points: 40, points: 30' || !changed.includes('between: [80, 1000]'))
    throw new Error(`test/fixtures/valid/content/icps/core.md no longer has the rules this repository edits`);
  writeFileSync(icp, changed);
  git('commit', '-qam', 'Raise the employee floor; hiring RevOps counts more than the stack');
  return { repo, content };
}
