// Which pages get an Open Graph image, and where it lives: `/og/<page path without slashes>.png`.
import type { PlaybookModel } from '../model/playbook-model.ts';
import { getSlideStrings, type OgKind } from '../i18n/slides.ts';
import { SITE_PATHS } from '../routes.ts';

/** One page of the site, as its link preview describes it. */
export interface OgPage {
  /** Site path with slashes, e.g. `/icps/mid-market-saas/`. */
  path: string;
  kind: OgKind;
  title: string;
  description?: string | undefined;
}

/**
 * The route key of a page's Open Graph image: the path without leading and trailing slashes,
 * `index` for the home page.
 * @example ogRouteKey('/icps/mid-market-saas/') // 'icps/mid-market-saas'
 */
export function ogRouteKey(pagePath: string): string {
  const path = (pagePath.split(/[?#]/)[0] ?? '').replace(/(^|\/)index\.html$/, '/');
  const key = path.replace(/^\/+|\/+$/g, '');
  return key === '' ? 'index' : key;
}

/**
 * Site path (without the base: see src/lib/routes.ts) of the Open Graph image of the page at `pagePath`.
 * @example ogImagePath('/') // '/og/index.png'
 * @example ogImagePath('/icps/mid-market-saas/') // '/og/icps/mid-market-saas.png'
 */
export function ogImagePath(pagePath: string): string {
  return `/og/${ogRouteKey(pagePath)}.png`;
}

/**
 * Site paths (without the base) of the one-slide images of ICP `id`.
 * @example slideImagePaths('mid-market-saas').png // '/slides/mid-market-saas.png'
 */
export function slideImagePaths(id: string): { png: string; svg: string } {
  return { png: SITE_PATHS.slide(id, 'png'), svg: SITE_PATHS.slide(id, 'svg') };
}

/**
 * Every page of the site that has an Open Graph image: fixed pages, then one per ICP, persona
 * and guide. Other pages (404) use the home page's image.
 */
export function listOgPages(model: PlaybookModel): OgPage[] {
  const { settings } = model;
  const t = getSlideStrings(settings.locale);
  const fixed = (path: string, kind: OgKind & keyof typeof t.pageTitles): OgPage => ({
    path,
    kind,
    title: t.pageTitles[kind],
  });
  return [
    {
      path: SITE_PATHS.home,
      kind: 'home',
      title: settings.company,
      description: settings.tagline ?? t.pageTitles.home,
    },
    fixed(SITE_PATHS.icps, 'icps'),
    fixed(SITE_PATHS.personas, 'personas'),
    fixed(SITE_PATHS.pages, 'pages'),
    fixed(SITE_PATHS.score, 'score'),
    fixed(SITE_PATHS.market, 'market'),
    fixed(SITE_PATHS.review, 'review'),
    ...model.icps.map((icp): OgPage => ({
      path: SITE_PATHS.icp(icp.id),
      kind: 'icp',
      title: icp.data.title,
      description: icp.data.summary,
    })),
    ...model.personas.map((p): OgPage => ({
      path: SITE_PATHS.persona(p.id),
      kind: 'persona',
      title: `${p.data.name}, ${p.data.role}`,
      description: p.data.summary,
    })),
    ...model.pages.map((page): OgPage => ({
      path: SITE_PATHS.page(page.id),
      kind: 'page',
      title: page.data.title,
      description: page.data.description,
    })),
  ];
}

// Every page asks for its own card (its <head> and its image endpoint): a map per playbook
// keeps that linear, where a search of the list per page took a second on 1,000 pages.
const byKey = new WeakMap<PlaybookModel, Map<string, OgPage>>();

/** The Open Graph page at `pagePath` (any form {@link ogRouteKey} accepts), or undefined when it has no card. */
export function findOgPage(model: PlaybookModel, pagePath: string): OgPage | undefined {
  let pages = byKey.get(model);
  if (!pages) {
    pages = new Map(listOgPages(model).map((page) => [ogRouteKey(page.path), page]));
    byKey.set(model, pages);
  }
  return pages.get(ogRouteKey(pagePath));
}
