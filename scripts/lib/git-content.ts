// Reads a content folder as it was at a git ref, without a checkout: `git ls-tree` lists the
// files, one `git cat-file --batch` streams their bytes. The working tree is never touched.
import { execFileSync } from 'node:child_process';
import type { RawFile } from '../../src/lib/content/load-playbook.ts';
import type { GitProblem } from '../../src/lib/i18n/impact-cli.ts';

/** A git command failed in a way the user can fix; the caller words it in the playbook's language (impactCliMessages.git). */
export class GitError extends Error {
  readonly problem: GitProblem;

  constructor(problem: GitProblem) {
    super(problem.kind);
    this.problem = problem;
  }
}

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const { stderr, code } = error as { stderr?: Buffer; code?: string };
    if (code === 'ENOENT') throw new GitError({ kind: 'noGit' });
    throw new GitError({
      kind: 'failed',
      command: args[0] ?? '',
      detail: stderr?.toString().trim() || (error as Error).message,
    });
  }
}

/** The repository holding `dir`, and the path of `dir` inside it (`content/`, with a slash, or '' at the root). */
export function locateInRepository(dir: string): { root: string; prefix: string } {
  let root: string;
  try {
    root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
      .toString()
      .trim();
  } catch {
    throw new GitError({ kind: 'notRepository', dir });
  }
  const prefix = git(dir, ['rev-parse', '--show-prefix']).toString().trim();
  return { root, prefix };
}

/** Checks that `ref` names a commit; says how to fetch it in a shallow CI clone if not. */
export function resolveCommit(root: string, ref: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
      .toString()
      .trim();
  } catch {
    throw new GitError({ kind: 'notCommit', ref });
  }
}

/**
 * The files under `prefix` at `commit`, with paths rewritten to start with `contentDir/`
 * (as the working-tree loader names them), sorted by path.
 */
export function readFilesAtCommit(root: string, commit: string, prefix: string, contentDir: string): RawFile[] {
  const listed = git(root, ['ls-tree', '-r', '-z', '--name-only', commit, '--', prefix || '.']).toString('utf8');
  const paths = listed.split('\0').filter((path) => path !== '');
  if (paths.length === 0) return [];
  const output = git(root, ['cat-file', '--batch'], paths.map((path) => `${commit}:${path}\n`).join(''));
  const files: RawFile[] = [];
  let at = 0;
  for (const path of paths) {
    const headerEnd = output.indexOf(0x0a, at);
    const header = output.subarray(at, headerEnd).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (!Number.isInteger(size)) throw new GitError({ kind: 'unreadable', path, commit, header });
    const bytes = output.subarray(headerEnd + 1, headerEnd + 1 + size);
    at = headerEnd + 1 + size + 1;
    files.push({ path: `${contentDir}/${path.slice(prefix.length)}`, bytes: new Uint8Array(bytes) });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
