// Node-only: the versions of one ICP file in Git history, each validated as it was then, for
// the calibration backtest. Reads with `git log` and `git show`: no checkout, nothing written.
import { execFileSync } from 'node:child_process';
import { relative, sep } from 'node:path';
import type { IcpVersion } from '../../src/lib/calibration/backtest.ts';
import { loadPlaybook, type RawFile } from '../../src/lib/content/load-playbook.ts';

function git(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'buffer',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    }).toString('utf8');
  } catch {
    return undefined;
  }
}

function gitBytes(cwd: string, args: readonly string[]): Uint8Array | undefined {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** What the history could give: versions, or why there are none. */
export type IcpHistory =
  { versions: IcpVersion[]; unreadable: number } | { reason: 'no-git' | 'shallow' | 'untracked' };

/**
 * Every committed version of `content/icps/<id>.md` (with the playbook and attributes of the
 * same commit), oldest first, dated by commit date. Versions that do not validate as they were
 * then are counted in `unreadable` and left out.
 */
export function icpHistory(contentDir: string, icpId: string): IcpHistory {
  const root = git(contentDir, ['rev-parse', '--show-toplevel'])?.trim();
  if (!root) return { reason: 'no-git' };
  if (git(root, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true') return { reason: 'shallow' };
  const dir = relative(root, contentDir).split(sep).join('/');
  const path = `${dir}/icps/${icpId}.md`;
  const log = git(root, ['log', '--format=%H %h %cs', '--', path]);
  if (!log?.trim()) return { reason: 'untracked' };
  const versions: IcpVersion[] = [];
  let unreadable = 0;
  for (const line of log.trim().split('\n').reverse()) {
    const [commit, short, date] = line.split(' ');
    const files: RawFile[] = [];
    for (const name of ['playbook.yaml', 'attributes.yaml', `icps/${icpId}.md`]) {
      const bytes = gitBytes(root, ['show', `${commit}:${dir}/${name}`]);
      if (bytes) files.push({ path: `${dir}/${name}`, bytes });
    }
    const icp = loadPlaybook(files, dir).model?.icps.find((entry) => entry.id === icpId);
    if (icp) versions.push({ since: date!, commit: short!, icp });
    else unreadable++;
  }
  return { versions, unreadable };
}
