// Node-only: builds the pagefind search index of the built site, inside `astro build`, so one
// `npm run build` gives a searchable playbook. Pagefind reads the `data-pagefind-*` attributes
// that src/lib/search-attrs.ts puts on pages; the browser side is src/components/search/.
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { pathWithoutBase } from '../lib/routes.ts';
import { closeBuildFeed, openBuildFeed } from '../build-feed.ts';

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
  /** Of those, the files read back from the output folder because the build did not feed them as it rendered. */
  readBack: number;
  /** Pages in the index: those with `data-pagefind-body` (every page when no page has it). */
  pageCount: number;
  language: string;
  outputPath: string;
  /** The index proper (`*.pf_*` files: words, fragments, filters, metadata), in bytes. */
  indexBytes: number;
  indexFiles: number;
  /** pagefind's browser runtime (pagefind.js, its worker and the language's WebAssembly), in bytes. */
  runtimeBytes: number;
  /** Wall-clock indexing time, from starting pagefind (before the first page, in a build) to the files on disk. */
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

/** The HTML files of a built site, from {@link SearchIndexer.list}. */
interface ListedSite {
  htmlFiles: number;
  readBack: number;
  outputPath: string;
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
 * The `<main>` element of a page in a document of its own, or the page when it has none. Every
 * element pagefind indexes is in it (data-pagefind-body, with its filters and meta); the rest
 * (the `<head>`, the header with the search dialog's strings, the footer) is half of a guide
 * page's bytes, which the build would encode and pagefind parse only to ignore.
 */
function mainOnly(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  return start >= 0 && end > start ? `<html><body>${html.slice(start, end + '</main>'.length)}</body></html>` : html;
}

/**
 * The copy of a page the indexer reads: its `<main>` only, a space between adjacent tags, and
 * table header rows left out. A header row ("Term Meaning", "Signal Points") is not content:
 * indexed, it runs into the first row in excerpts ("Term Meaning Close The end-of-month…").
 * @example forIndex('<table><thead><tr><th>Term</th></tr></thead>') // '<table> <thead data-pagefind-ignore> <tr> <th>Term</th> </tr> </thead>'
 */
export function forIndex(html: string): string {
  return spaceBetweenTags(mainOnly(html)).replace(/<thead(?=[\s>])/gi, '<thead data-pagefind-ignore');
}

/**
 * Whether a file of the output folder (path relative to it) is a page of the site: an HTML file
 * outside Astro's temporary `.prerender/` folder, which is still there when the index lists the
 * site (`astro:build:generated`) and is deleted before the build ends.
 */
export function isSitePage(relativePath: string): boolean {
  return relativePath.endsWith('.html') && relativePath.split(sep)[0] !== '.prerender';
}

/**
 * The URL pagefind gives a built file, as `addDirectory` would: `personas/cfo/index.html` →
 * `/personas/cfo/`, `404.html` → `/404.html`.
 */
export function pageUrl(relativePath: string): string {
  const path = relativePath.split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * The URL pagefind gives the file Astro writes for a rendered path (see {@link pageUrl}):
 * `/playbook/personas/cfo` → `/personas/cfo/` with the base `/playbook/`, `/404` → `/404.html`.
 */
export function renderedPageUrl(pathname: string, base: string): string {
  const path = pathWithoutBase(pathname, base);
  if (/^\/(404|500)\/?$/.test(path)) return `${path.replace(/\/$/, '')}.html`;
  return /\.html$|\/$/.test(path) ? path : `${path}/`;
}

/**
 * A pagefind index filled while the site is built: pages are added as Astro renders them (in
 * render order, one add at a time, so pagefind numbers them the same way on every build), and
 * pagefind indexes each on the other core while the next page renders. {@link finish} then adds
 * any HTML file the build wrote that was not fed (sorted by path) and writes the index.
 */
export class SearchIndexer {
  readonly language: string;
  readonly #started = performance.now();
  readonly #index: Promise<pagefind.PagefindIndex>;
  readonly #fed = new Set<string>();
  #queue: Promise<unknown> = Promise.resolve();
  #failure: Error | undefined;

  constructor(language: string) {
    this.language = language;
    // forceLanguage: one index in the playbook's language, even for a page without `lang`.
    this.#index = pagefind.createIndex({ forceLanguage: language }).then((response) => {
      const { index } = check('start', response);
      if (!index)
        throw new SearchIndexError('Pagefind did not create an index and reported no error. Run npm run build again.');
      return index;
    });
    this.#index.catch((error: unknown) => this.#fail(error));
  }

  #fail(error: unknown): void {
    this.#failure ??= error instanceof Error ? error : new SearchIndexError(String(error));
  }

  /** Queues a page; `url` as pagefind names it (see {@link pageUrl}), `source` for messages. */
  add(url: string, html: string, source: string): void {
    if (this.#fed.has(url)) return;
    this.#fed.add(url);
    this.#queue = this.#queue.then(async () => {
      if (this.#failure) return;
      try {
        check(`index ${source}`, await (await this.#index).addHTMLFile({ url, content: forIndex(html) }));
      } catch (error) {
        this.#fail(error);
      }
    });
  }

  /** Adds the HTML files of `siteDir` not fed yet, writes the index and stops pagefind. */
  async finish(siteDir: string, outputPath = join(siteDir, 'pagefind')): Promise<IndexReport> {
    return this.write(await this.list(siteDir, outputPath));
  }

  /**
   * Finds the HTML files of `siteDir` and queues those not fed yet: the part of {@link finish}
   * that reads the site folder, so a build can go on while {@link write} writes the index.
   * Stops pagefind when it fails.
   */
  async list(siteDir: string, outputPath = join(siteDir, 'pagefind')): Promise<ListedSite> {
    try {
      const files = (await readdir(siteDir, { recursive: true }))
        .filter((file) => isSitePage(file) && !join(siteDir, file).startsWith(outputPath + sep))
        .sort();
      const onDisk = new Set(files.map(pageUrl));
      const strays = [...this.#fed].filter((url) => !onDisk.has(url));
      if (strays.length > 0)
        throw new SearchIndexError(
          `Pages were indexed under URLs that match no built file: ${strays.slice(0, 5).join(', ')}. This is a bug in src/integrations/pagefind.ts (renderedPageUrl); please report it with your playbook.yaml.`,
        );
      let readBack = 0;
      for (const file of files) {
        const url = pageUrl(file);
        if (this.#fed.has(url)) continue;
        this.add(url, await readFile(join(siteDir, file), 'utf8'), join(siteDir, file));
        readBack += 1;
      }
      return { htmlFiles: files.length, readBack, outputPath };
    } catch (error) {
      await this.#stop();
      throw error;
    }
  }

  /** Waits for every queued page, writes the index to the listed site and stops pagefind. */
  async write({ htmlFiles, readBack, outputPath }: ListedSite): Promise<IndexReport> {
    try {
      await this.#queue;
      if (this.#failure) throw this.#failure;
      const index = await this.#index;
      check(`write the index to ${outputPath}`, await index.writeFiles({ outputPath }));
      await Promise.all(UNUSED_UI_FILES.map((file) => rm(join(outputPath, file), { force: true })));
      const ms = performance.now() - this.#started;
      const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
      const pageCount = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
      return {
        htmlFiles,
        readBack,
        pageCount,
        language: this.language,
        outputPath,
        ms,
        ...(await measure(outputPath)),
      };
    } finally {
      await this.#stop();
    }
  }

  /** The pagefind binary runs as a service: stopped even when indexing failed. */
  async #stop(): Promise<void> {
    await this.#queue;
    await pagefind.close();
  }
}

/** Indexes every HTML page of a built site with pagefind and writes the index next to it. */
export async function indexSite({
  siteDir,
  language,
  outputPath = join(siteDir, 'pagefind'),
}: IndexSiteOptions): Promise<IndexReport> {
  return new SearchIndexer(language).finish(siteDir, outputPath);
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

/**
 * Astro integration: indexes the site for the search dialog during `astro build`. Pages are fed
 * to pagefind as they render (src/middleware.ts, through src/build-feed.ts). Once every page is
 * written, the index is completed from the output folder and written while Astro tidies up and
 * the other integrations finish (the Open Graph cards are copied meanwhile); the build waits for
 * it when it is done.
 */
export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  let indexer: SearchIndexer | undefined;
  let writing: { report: Promise<IndexReport> } | undefined;
  let base = '/';
  // Loaded when a build runs, not at config time: the content folder is only read then.
  const language = async () => options.language ?? (await import('../content-fs.ts')).getPlaybook().settings.locale;
  // Resolves once the HTML files are listed, before Astro deletes its temporary folder inside
  // the output folder; the index is then written in the background.
  const startWriting = async (dir: URL) => {
    closeBuildFeed('search');
    const current = indexer ?? new SearchIndexer(await language());
    indexer = undefined;
    const report = current.write(await current.list(fileURLToPath(dir)));
    // Awaited, and its error reported, in astro:build:done.
    report.catch(() => undefined);
    return { report };
  };
  return {
    name: 'icp-playbook:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': async ({ logger }) => {
        const started = new SearchIndexer(await language());
        logger.info(`Indexing the site for search as pages are built (language: ${started.language})…`);
        indexer = started;
        writing = undefined;
        openBuildFeed('search', {
          pageRendered: (pathname, html) => started.add(renderedPageUrl(pathname, base), html, pathname),
        });
      },
      'astro:build:generated': async ({ dir }) => {
        writing = await startWriting(dir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { report: pending } = writing ?? (await startWriting(dir));
        writing = undefined;
        const report = await pending;
        if (report.pageCount === 0) {
          logger.warn('Search indexed no page: the build wrote no HTML page, so the search dialog will find nothing.');
        }
        logger.info(
          `Search index: ${report.pageCount} pages indexed of ${report.htmlFiles} HTML files ` +
            `(${report.htmlFiles - report.readBack} as they were built, ${report.readBack} read back), ` +
            `${formatBytes(report.indexBytes)} of index + ${formatBytes(report.runtimeBytes)} of pagefind runtime, ` +
            `${Math.round(report.ms)} ms from the first page.`,
        );
      },
    },
  };
}
