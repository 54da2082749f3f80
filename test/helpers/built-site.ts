// The example playbook, built once per test run (by test/global-setup.ts) into .test-dist/.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const BUILT_SITE = join(PROJECT_ROOT, '.test-dist', 'example');

/** The built HTML of a site path such as `/icps/mid-market-saas/`, parsed. */
export function readPage(path: string): Document {
  const file = join(BUILT_SITE, path.replace(/^\//, ''), path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`No built page at ${path} (looked for ${file})`);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}
