// Node-only: what `astro build` hands the playbook's integrations while pages render. Astro has
// no hook between bundling and the first page (`astro:build:ssr` runs for server output only,
// never for this static site) and none per page; src/middleware.ts runs for every page, so it
// calls the feeds that integrations open when a build starts and close when it is done: the
// slides integration queues every image before the first page, the pagefind integration indexes
// each page's HTML. One set of feeds per process, shared by the integrations (loaded with the
// config) and the middleware (bundled into the build), as the drawing pool is.

export interface BuildFeed {
  /** Called before each page renders: the first call comes before the first page. */
  pageStarting?: () => void;
  /** Called with each rendered HTML page: its URL path (base included) and its HTML. */
  pageRendered?: (pathname: string, html: string) => void;
}

const FEEDS = Symbol.for('icp-playbook.build.feeds');
type Holder = { [FEEDS]?: Map<string, BuildFeed> };

function feeds(): Map<string, BuildFeed> {
  return ((globalThis as Holder)[FEEDS] ??= new Map());
}

/** Opens (or replaces) the feed `name` until {@link closeBuildFeed}. */
export function openBuildFeed(name: string, feed: BuildFeed): void {
  feeds().set(name, feed);
}

export function closeBuildFeed(name: string): void {
  feeds().delete(name);
}

/** The open feeds, during `astro build`; none otherwise (dev server, tests, scripts). */
export function buildFeeds(): BuildFeed[] {
  return [...feeds().values()];
}
