// `npm run measure:js [-- <page> [<dist>]]`: the JavaScript a built page ships, in gzip bytes.
// Reads the page's <script> tags in dist/ (or ICP_OUT_DIR), follows static imports between
// chunks, and lists Web Workers and lazy imports (dynamic import()) separately, since they do not
// block the page. Run after `npm run build`. Default page: /score/.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The scoring widget's JS on /score/ must stay under this (gzip). The site search script is
 * chrome that every page loads (the header search box), reported beside it but not counted; workers and lazy
 * chunks are apart.
 */
const BUDGET_BYTES = 12 * 1024;

const [pageArg = '/score/', distArg] = process.argv.slice(2).filter((arg) => arg !== '--');
const dist = resolve(distArg ?? process.env['ICP_OUT_DIR'] ?? 'dist');
const page = pageArg.endsWith('/') ? `${pageArg}index.html` : pageArg;
const htmlFile = join(dist, page);
if (!existsSync(htmlFile)) {
  console.error(
    `No built page at ${htmlFile}: run npm run build first (or pass the dist folder as the second argument).`,
  );
  process.exit(1);
}

interface Chunk {
  url: string;
  raw: number;
  gzip: number;
  kind: 'page' | 'worker' | 'lazy' | 'inline';
}

const chunks = new Map<string, Chunk>();
const html = readFileSync(htmlFile, 'utf8');

function gzipSize(text: string): number {
  return gzipSync(text, { level: 9 }).length;
}

/** Resolves a chunk reference against the file that makes it (root-absolute or relative). */
function resolveUrl(from: string, ref: string): string {
  return ref.startsWith('/') ? ref : posix.join(posix.dirname(from), ref);
}

/** Adds a script chunk and, recursively, what it imports. */
function visit(url: string, kind: Chunk['kind']): void {
  if (/^(https?:)?\/\//.test(url)) {
    console.error(`Third-party script ${url}: the playbook must not load scripts from other hosts.`);
    process.exitCode = 1;
    return;
  }
  const existing = chunks.get(url);
  if (existing) {
    // A chunk the page loads eagerly counts as page JS even if a lazy path reaches it too.
    if (kind === 'page' && existing.kind !== 'page') existing.kind = 'page';
    return;
  }
  const file = join(dist, url);
  if (!existsSync(file)) {
    console.error(`Missing chunk ${url} (referenced by ${page}).`);
    process.exitCode = 1;
    return;
  }
  const code = readFileSync(file, 'utf8');
  chunks.set(url, { url, raw: Buffer.byteLength(code), gzip: gzipSize(code), kind });
  for (const [, ref] of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},*\s]+from\s*)?["'`]([^"'`]+\.js)["'`]/g))
    visit(resolveUrl(url, ref!), kind);
  for (const [, ref] of code.matchAll(/\bimport\(\s*["'`]([^"'`${}]+\.js)["'`]\s*\)/g))
    visit(resolveUrl(url, ref!), 'lazy');
  for (const [, ref] of code.matchAll(/new\s+(?:Shared)?Worker\(\s*new\s+URL\(\s*["'`]([^"'`]+\.js)["'`]/g))
    visit(resolveUrl(url, ref!), 'worker');
}

for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) visit(src!, 'page');
let inline = 0;
for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
  if (/\bsrc=/.test(attrs!) || /type="application\/(ld\+)?json"/.test(attrs!) || body!.trim() === '') continue;
  inline++;
  chunks.set(`(inline script ${inline})`, {
    url: `(inline script ${inline})`,
    raw: Buffer.byteLength(body!),
    gzip: gzipSize(body!),
    kind: 'inline',
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const rows = [...chunks.values()].sort((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip);
const width = Math.max(...rows.map((row) => row.url.length), 10);
console.log(`JavaScript of ${page} in ${dist}\n`);
console.log(`${'chunk'.padEnd(width)}  ${'kind'.padEnd(6)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}`);
for (const row of rows)
  console.log(
    `${row.url.padEnd(width)}  ${row.kind.padEnd(6)}  ${kb(row.raw).padStart(9)}  ${kb(row.gzip).padStart(9)}`,
  );
const total = (kind: Chunk['kind'][]) =>
  rows.filter((row) => kind.includes(row.kind)).reduce((sum, row) => sum + row.gzip, 0);
const allPage = total(['page', 'inline']);
const siteChrome = rows
  .filter((row) => row.kind === 'page' && /SiteSearch/.test(row.url))
  .reduce((sum, row) => sum + row.gzip, 0);
const pageTotal = allPage - siteChrome;
console.log('');
console.log(`Widget JS (loaded with the page):   ${kb(pageTotal)} gzip  (budget ${kb(BUDGET_BYTES)})`);
console.log(`All page JS, with site search:      ${kb(allPage)} gzip`);
console.log(`Web Workers (loaded on first use):  ${kb(total(['worker']))} gzip`);
console.log(`Lazy chunks (dynamic import):       ${kb(total(['lazy']))} gzip`);
const zod = rows.filter(
  (row) =>
    (row.kind === 'page' || row.kind === 'worker') &&
    /\bZodError\b|\$ZodType/.test(readFileSync(join(dist, row.url), 'utf8')),
);
if (zod.length > 0) {
  console.log(
    `\nzod is in the client bundle (${zod.map((row) => row.url).join(', ')}): client code must import schemas with \`import type\` only.`,
  );
}
if (pageTotal > BUDGET_BYTES) {
  console.log(`\nOver budget by ${kb(pageTotal - BUDGET_BYTES)}.`);
  process.exitCode = 1;
}
