// The one place that builds the site's URLs. A playbook may be served from a sub-path (a GitHub
// Pages project site: https://acme.github.io/playbook/), so every link, image, slide, Open Graph
// URL and script request goes through here with the base path, as Starlight's `pathWithBase`.

/**
 * The base path in one shape: leading and trailing slash, `/` for none.
 * @example normaliseBase('playbook') // '/playbook/'
 * @example normaliseBase('') // '/'
 */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * A site path (from the site's root, as the pages are named) with the base in front.
 * @example pathWithBase('/icps/core/', '/playbook/') // '/playbook/icps/core/'
 * @example pathWithBase('/', '/') // '/'
 */
export function pathWithBase(path: string, base: string): string {
  return `${normaliseBase(base)}${path.replace(/^\/+/, '')}`;
}

/**
 * A URL path as the browser sees it, without the base: what the page is inside the site.
 * @example pathWithoutBase('/playbook/icps/core/', '/playbook/') // '/icps/core/'
 * @example pathWithoutBase('/playbook', '/playbook/') // '/'
 */
export function pathWithoutBase(path: string, base: string): string {
  const prefix = normaliseBase(base);
  if (prefix === '/') return path || '/';
  if (`${path}/` === prefix) return '/';
  return path.startsWith(prefix) ? `/${path.slice(prefix.length)}` : path;
}

/**
 * Where the playbook is published: an absolute URL from `url:` in playbook.yaml or `SITE_URL`
 * (the environment wins, so one content folder can be deployed to several places). Its path is
 * the base; undefined when neither is set (served from the root of any host).
 * @example siteAddress('https://acme.github.io/playbook') // { site: 'https://acme.github.io/playbook/', base: '/playbook/' }
 */
export function siteAddress(url: string | undefined): { site: string; base: string } | undefined {
  if (url === undefined || url.trim() === '') return undefined;
  const parsed = new URL(url.trim());
  const base = normaliseBase(decodeURIComponent(parsed.pathname));
  return { site: `${parsed.origin}${base}`, base };
}

/** Every URL of the site, with the base path. Paths without the base are the `site*` members' input. */
export interface Routes {
  /** The base path, `/` or `/playbook/`. */
  base: string;
  /** Any site path with the base, e.g. for links computed elsewhere (`/icps/core/`). */
  url(path: string): string;
  /** A site path with the base, absolute when the published address is known (Open Graph). */
  absolute(path: string, site: URL | string | undefined): string;
  /** The page's path inside the site (the browser's path without the base). */
  sitePath(pathname: string): string;
  home: string;
  icps: string;
  icp(id: string): string;
  personas: string;
  persona(id: string): string;
  pages: string;
  page(id: string): string;
  score: string;
  market: string;
  review: string;
  /** The one-slide image of an ICP. */
  slide(id: string, format: 'png' | 'svg'): string;
  /** The example CSV of the batch scorer. */
  exampleAccounts: string;
  favicon: string;
}

/** Site paths (without base) of the pages that list things; the nav and review list use them too. */
export const SITE_PATHS = {
  home: '/',
  icps: '/icps/',
  icp: (id: string) => `/icps/${encodeURIComponent(id)}/`,
  personas: '/personas/',
  persona: (id: string) => `/personas/${encodeURIComponent(id)}/`,
  pages: '/pages/',
  page: (id: string) => `/pages/${encodeURIComponent(id)}/`,
  score: '/score/',
  market: '/market/',
  review: '/review/',
  slide: (id: string, format: 'png' | 'svg') => `/slides/${encodeURIComponent(id)}.${format}`,
  exampleAccounts: '/examples/accounts.csv',
  favicon: '/favicon.svg',
} as const;

/**
 * The site's URLs for a base path (`import.meta.env.BASE_URL` in pages).
 * @example createRoutes('/playbook/').icp('core') // '/playbook/icps/core/'
 */
export function createRoutes(basePath: string): Routes {
  const base = normaliseBase(basePath);
  const url = (path: string) => pathWithBase(path, base);
  return {
    base,
    url,
    absolute: (path, site) => (site ? new URL(url(path), site).href : url(path)),
    sitePath: (pathname) => pathWithoutBase(pathname, base),
    home: url(SITE_PATHS.home),
    icps: url(SITE_PATHS.icps),
    icp: (id) => url(SITE_PATHS.icp(id)),
    personas: url(SITE_PATHS.personas),
    persona: (id) => url(SITE_PATHS.persona(id)),
    pages: url(SITE_PATHS.pages),
    page: (id) => url(SITE_PATHS.page(id)),
    score: url(SITE_PATHS.score),
    market: url(SITE_PATHS.market),
    review: url(SITE_PATHS.review),
    slide: (id, format) => url(SITE_PATHS.slide(id, format)),
    exampleAccounts: url(SITE_PATHS.exampleAccounts),
    favicon: url(SITE_PATHS.favicon),
  };
}
