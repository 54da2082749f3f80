// Node-only: builds the pagefind search index of the built site, inside `astro build`, so one
// `npm run build` gives a searchable playbook. Pagefind reads the `data-pagefind-*` attributes
// that src/lib/search-attrs.ts puts on pages; the browser side is src/components/search/.
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export interface IndexSiteOptions {
  /** The built site folder (Astro's output directory). */
  siteDir: string;
  /** ISO 639-1 language of every page: pagefind stems words with it (`en`, `fr`). */
  language: string;
  /** Where to write the index; default `<siteDir>/pagefind`, the URL the search dialog loads. */
  outputPath?: string | undefined;
}

export interface IndexReport {
  /** HTML files pagefind read. */
  htmlFiles: number;
  /** Pages in the index: those with `data-pagefind-body` (every page when no page has it). */
  pageCount: number;
  language: string;
  outputPath: string;
  /** The index proper (`*.pf_*` files: words, fragments, filters, metadata), in bytes. */
  indexBytes: number;
  indexFiles: number;
  /** pagefind's browser runtime (pagefind.js, its worker and the language's WebAssembly), in bytes. */
  runtimeBytes: number;
  /** Wall-clock indexing time, from starting pagefind to the files on disk. */
  ms: number;
}

/**
 * Files pagefind writes for its ready-made UIs. The playbook has its own dialog and uses only
 * pagefind.js, so these are removed rather than shipped (about 0.4 MB).
 */
const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** `pagefind-entry.json`, the manifest pagefind.js reads first. */
interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** Thrown when pagefind reports errors: the build must fail rather than ship a broken search. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new SearchIndexError(
      `Pagefind failed to ${step}, so the site has no working search:\n${response.errors.map((e) => `  - ${e}`).join('\n')}\n` +
        'Fix the page or file named above and run npm run build again (docs/search.md explains the search markup).',
    );
  }
  return response;
}

async function measure(dir: string): Promise<Pick<IndexReport, 'indexBytes' | 'indexFiles' | 'runtimeBytes'>> {
  let indexFiles = 0;
  let indexBytes = 0;
  let runtimeBytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const { size } = await stat(join(entry.parentPath, entry.name));
    if (/\.pf_\w+$/.test(entry.name)) {
      indexFiles += 1;
      indexBytes += size;
    } else {
      runtimeBytes += size;
    }
  }
  return { indexFiles, indexBytes, runtimeBytes };
}

/**
 * The page's HTML with a space between adjacent tags. Astro writes `<dt>Owner</dt><dd>Camille</dd>`
 * with no whitespace, and pagefind joins text across `th`, `dt`, `dd` and block-styled spans,
 * indexing "OwnerCamille" as one word that no search finds. Only the indexer sees this copy.
 * @example spaceBetweenTags('<dt>Owner</dt><dd>Camille</dd>') // '<dt>Owner</dt> <dd>Camille</dd>'
 */
export function spaceBetweenTags(html: string): string {
  return html.replace(/>(?=<)/g, '> ');
}

/**
 * The copy of a page the indexer reads: a space between adjacent tags, and table header rows
 * left out. A header row ("Term Meaning", "Signal Points") is not content: indexed, it runs
 * into the first row in excerpts ("Term Meaning Close The end-of-month…").
 * @example forIndex('<table><thead><tr><th>Term</th></tr></thead>') // '<table> <thead data-pagefind-ignore> <tr> <th>Term</th> </tr> </thead>'
 */
export function forIndex(html: string): string {
  return spaceBetweenTags(html).replace(/<thead(?=[\s>])/gi, '<thead data-pagefind-ignore');
}

/**
 * The URL pagefind gives a built file, as `addDirectory` would: `personas/cfo/index.html` →
 * `/personas/cfo/`, `404.html` → `/404.html`.
 */
export function pageUrl(relativePath: string): string {
  const path = relativePath.split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Indexes every HTML page of a built site with pagefind and writes the index next to it. */
export async function indexSite({
  siteDir,
  language,
  outputPath = join(siteDir, 'pagefind'),
}: IndexSiteOptions): Promise<IndexReport> {
  const started = performance.now();
  try {
    // forceLanguage: one index in the playbook's language, even for a page without `lang`.
    const { index } = check('start', await pagefind.createIndex({ forceLanguage: language }));
    if (!index)
      throw new SearchIndexError('Pagefind did not create an index and reported no error. Run npm run build again.');
    // Sorted by code unit (not locale) and added one at a time: pagefind numbers pages in the
    // order they arrive, so concurrent adds gave a differently shuffled index on every build.
    const files = (await readdir(siteDir, { recursive: true }))
      .filter((file) => file.endsWith('.html') && !join(siteDir, file).startsWith(outputPath + sep))
      .sort();
    for (const file of files) {
      const content = forIndex(await readFile(join(siteDir, file), 'utf8'));
      check(`index ${join(siteDir, file)}`, await index.addHTMLFile({ url: pageUrl(file), content }));
    }
    const htmlFiles = files.length;
    check(`write the index to ${outputPath}`, await index.writeFiles({ outputPath }));
    await Promise.all(UNUSED_UI_FILES.map((file) => rm(join(outputPath, file), { force: true })));
    const ms = performance.now() - started;
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    const pageCount = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    return { htmlFiles, pageCount, language, outputPath, ms, ...(await measure(outputPath)) };
  } finally {
    // The pagefind binary runs as a service: stop it even when indexing failed.
    await pagefind.close();
  }
}

/** Human-readable byte count for logs: `412.3 kB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

export interface PagefindIntegrationOptions {
  /** Index language; default: the `locale` of content/playbook.yaml, the language of every page. */
  language?: string | undefined;
}

/** Astro integration: after `astro build`, index the output folder for the search dialog. */
export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  return {
    name: 'icp-playbook:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // Loaded here, not at config time: the content folder is only read when a build runs.
        const language = options.language ?? (await import('../content-fs.ts')).getPlaybook().settings.locale;
        logger.info(`Indexing the site for search (language: ${language})…`);
        const report = await indexSite({ siteDir: fileURLToPath(dir), language });
        if (report.pageCount === 0) {
          logger.warn('Search indexed no page: the build wrote no HTML page, so the search dialog will find nothing.');
        }
        logger.info(
          `Search index: ${report.pageCount} pages indexed of ${report.htmlFiles} HTML files, ` +
            `${formatBytes(report.indexBytes)} of index + ${formatBytes(report.runtimeBytes)} of pagefind runtime, ` +
            `${Math.round(report.ms)} ms.`,
        );
      },
    },
  };
}
