// The search-index convention of the playbook, as plain attribute objects that pages spread on
// their elements. Pagefind reads these `data-pagefind-*` attributes from the built HTML: one
// helper keeps every page marked the same way (see docs/search.md).

/** What a search result is; the search dialog shows it as a badge and offers it as a facet. */
export type SearchKind = 'icp' | 'persona' | 'page' | 'market' | 'other';

/** The kinds in the order the search dialog lists them. */
export const SEARCH_KINDS: readonly SearchKind[] = ['icp', 'persona', 'page', 'market', 'other'];

/** Pagefind filter key of the kind facet (values: {@link SearchKind}). */
export const KIND_FILTER = 'kind';
/** Pagefind filter key of the ICP facet (values: ICP titles, as readers see them). */
export const ICP_FILTER = 'icp';

/** Weight of page titles (h1): pagefind ranks words quadratically, 10 is its maximum. */
export const TITLE_WEIGHT = 10;

export interface SearchAttributesInput {
  /** What the page is. */
  kind: SearchKind;
  /** Titles of the ICPs the page belongs to: the ICP itself, or the ICPs of a persona. */
  icps?: readonly string[] | undefined;
  /** Title of the result, when the page's `<h1>` is not it (a persona: "Rita, VP RevOps"). */
  title?: string | undefined;
}

export type SearchAttributes = Record<`data-${string}`, string>;

/**
 * Attributes for the element that holds a page's content (its `<article>`): index this element
 * only, tag the page with its kind and ICPs as filters, and store its kind (and title) as metadata.
 * Titles go in their own attributes that pagefind captures by name, so commas in them are safe.
 * @example
 * searchAttributes({ kind: 'persona', icps: ['Mid-market SaaS'], title: 'Rita, VP RevOps' })
 * // { 'data-pagefind-body': '', 'data-pagefind-meta': 'title[data-search-title], kind:persona',
 * //   'data-search-title': 'Rita, VP RevOps', 'data-pagefind-filter': 'icp[data-search-icp-0], kind:persona',
 * //   'data-search-icp-0': 'Mid-market SaaS' }
 */
export function searchAttributes({ kind, icps = [], title }: SearchAttributesInput): SearchAttributes {
  const icpTitles = [...new Set(icps.map((icp) => icp.trim()).filter((icp) => icp !== ''))];
  const resultTitle = title?.trim() ?? '';
  // Pagefind allows an inline `key:value` only as the last item of a list of captures.
  const meta = [...(resultTitle ? ['title[data-search-title]'] : []), `${KIND_FILTER}:${kind}`];
  const filters = [...icpTitles.map((_, i) => `${ICP_FILTER}[data-search-icp-${i}]`), `${KIND_FILTER}:${kind}`];
  const attrs: SearchAttributes = {
    'data-pagefind-body': '',
    'data-pagefind-meta': meta.join(', '),
    'data-pagefind-filter': filters.join(', '),
  };
  // Without a title, pagefind takes the page's first <h1>.
  if (resultTitle) attrs['data-search-title'] = resultTitle;
  icpTitles.forEach((icp, i) => {
    attrs[`data-search-icp-${i}`] = icp;
  });
  return attrs;
}

/** Attributes for a page title (`<h1>`) or a persona's name, so title matches rank first. */
export const searchTitleAttributes: SearchAttributes = { 'data-pagefind-weight': String(TITLE_WEIGHT) };

/**
 * Attributes for chrome and widgets inside the content that must not be indexed: the scoring
 * form, breadcrumbs, "on this page" lists, download buttons.
 */
export const searchIgnoreAttributes: SearchAttributes = { 'data-pagefind-ignore': 'all' };
