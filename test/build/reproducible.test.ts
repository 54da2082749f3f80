// Reproducible builds: the same commit and content, built twice, give byte-identical sites,
// search index included (pagefind used to number pages in the order concurrent adds finished).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/built-site.ts';
import { runFixtureBuild } from '../helpers/fixture-build.ts';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/hostile/content');

/** Every file of a built site and the SHA-256 of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const path = join(file.parentPath, file.name);
    files[path.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

let first: Record<string, string> = {};
let second: Record<string, string> = {};
beforeAll(() => {
  for (const [name, assign] of [
    ['reproducible-a', (f: Record<string, string>) => (first = f)],
    ['reproducible-b', (f: Record<string, string>) => (second = f)],
  ] as const) {
    const build = runFixtureBuild(FIXTURE, name);
    if (build.status !== 0) throw new Error(`Building the fixture failed:\n${build.output}`);
    assign(fingerprint(build.outDir));
  }
}, 600_000);

describe('two builds of the same content', () => {
  it('write the same files', () => {
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    expect(Object.keys(first).filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(5);
  });

  it('write every file byte for byte the same, search index included', () => {
    const differing = Object.keys(first).filter((file) => first[file] !== second[file]);
    expect(differing).toEqual([]);
  });
});
