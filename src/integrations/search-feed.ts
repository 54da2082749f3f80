// Node-only: how a page rendered by `astro build` reaches the search index being built. The
// pagefind integration opens the feed when a build starts and closes it when the build is done;
// src/middleware.ts hands it each page's HTML. One feed per process, shared by the integration
// (loaded with the config) and the middleware (bundled into the build), as the drawing pool is.

/** Takes a rendered page: its URL path (base included) and its HTML. */
export type SearchFeed = (pathname: string, html: string) => void;

const FEED = Symbol.for('icp-playbook.search.feed');
type Holder = { [FEED]?: SearchFeed | undefined };

/** The open feed, during `astro build`; undefined otherwise (dev server, tests, scripts). */
export function searchFeed(): SearchFeed | undefined {
  return (globalThis as Holder)[FEED];
}

/** Opens the feed (a function) or closes it (undefined). */
export function setSearchFeed(feed: SearchFeed | undefined): void {
  (globalThis as Holder)[FEED] = feed;
}
