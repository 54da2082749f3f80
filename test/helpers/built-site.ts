// The example playbook, built once per test run (by test/global-setup.ts) into .test-dist/.
// Tests read a frozen copy of it under test/fixtures/example/, never the live content/ that a
// team replaces with its own playbook: their `npm test` must stay green whatever they write.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/** The example playbook the build and browser tests are written against. */
export const EXAMPLE_CONTENT = join(PROJECT_ROOT, 'test', 'fixtures', 'example', 'content');
/** Its path as the model and the edit links spell it (relative to the repository). */
export const EXAMPLE_CONTENT_PATH = 'test/fixtures/example/content';
export const BUILT_SITE = join(PROJECT_ROOT, '.test-dist', 'example');
/** The standard output of that build. */
export const BUILD_LOG = `${BUILT_SITE}.build.log`;

/** The built HTML of a site path such as `/icps/mid-market-saas/`, parsed. */
export function readPage(path: string): Document {
  const file = join(BUILT_SITE, path.replace(/^\//, ''), path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`No built page at ${path} (looked for ${file})`);
  return parseHTML(readFileSync(file, 'utf8')).document;
}
