// The valid fixture playbook (test/fixtures/valid/content) with some files replaced: one
// failure mode per test, as an author would make it.
import { readContentFiles } from '../../src/content-fs.ts';
import { loadPlaybook, type RawFile } from '../../src/lib/content/load-playbook.ts';
import { formatProblem } from '../../src/lib/model/problem.ts';
import { join } from 'node:path';

const FIXTURE = join(import.meta.dirname, '../fixtures/valid');
const base = readContentFiles(join(FIXTURE, 'content'), FIXTURE);

/** The valid fixture's text for one file, e.g. `content/icps/core.md`. */
export function fixtureText(path: string): string {
  const file = base.find((f) => f.path === path);
  if (!file) throw new Error(`no fixture file ${path}`);
  return new TextDecoder().decode(file.bytes);
}

/** Files of the valid fixture, with `changes` applied (a string or bytes replaces, null removes). */
export function fixtureFiles(changes: Record<string, string | Uint8Array | null> = {}): RawFile[] {
  const files = new Map(base.map((f) => [f.path, f.bytes]));
  for (const [path, content] of Object.entries(changes)) {
    if (content === null) files.delete(path);
    else files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  return [...files].map(([path, bytes]) => ({ path, bytes }));
}

/** Validation report lines for the fixture with `changes`, as `npm run validate` prints them. */
export function report(changes: Record<string, string | Uint8Array | null> = {}): string[] {
  return loadPlaybook(fixtureFiles(changes)).problems.map(formatProblem);
}

/** The fixture ICP with `from` replaced by `to` (the text must occur exactly once). */
export function editIcp(from: string, to: string): Record<string, string> {
  return { 'content/icps/core.md': replaceOnce(fixtureText('content/icps/core.md'), from, to) };
}

export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
