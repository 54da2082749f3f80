// Links and images written in Markdown bodies as site paths (`[Glossary](/pages/glossary/)`,
// `![](/media/chart.png)`) get the base path, like every URL the pages build themselves (see
// src/lib/routes.ts): a playbook served under /playbook/ keeps working links.
import { normaliseBase, pathWithBase } from '../routes.ts';

/** Which attribute of which element holds a URL that may be a site path. */
const URL_ATTRIBUTES: Readonly<Record<string, string>> = {
  a: 'href',
  img: 'src',
  source: 'src',
  video: 'src',
  audio: 'src',
  track: 'src',
};

/**
 * A URL with the base in front when it is a site path (one leading slash); anything else
 * (relative, absolute, `//host`, `#anchor`, already under the base) is kept as written.
 * @example withBaseIfSitePath('/pages/glossary/', '/playbook/') // '/playbook/pages/glossary/'
 * @example withBaseIfSitePath('https://example.com/', '/playbook/') // 'https://example.com/'
 */
export function withBaseIfSitePath(url: string, base: string): string {
  const prefix = normaliseBase(base);
  if (prefix === '/' || !url.startsWith('/') || url.startsWith('//')) return url;
  if (url.startsWith(prefix) || `${url}/` === prefix) return url;
  return pathWithBase(url, prefix);
}

/** The part of Sätteri's hast visitor context this plugin uses. */
interface SatteriContext {
  setProperty(node: never, key: string, value: unknown): void;
}

/** A hast element as Sätteri hands it over. */
interface ElementNode {
  tagName: string;
  properties?: Record<string, unknown>;
}

/**
 * Sätteri hast plugin: site paths in `href`/`src` of Markdown bodies get the base. Its name
 * carries the base, because Astro's rendered-Markdown cache is keyed by the serialized config.
 */
export function satteriBaseLinks(base: string): {
  name: string;
  element: { filter: string[]; visit(node: ElementNode, ctx: SatteriContext): void };
} {
  const prefix = normaliseBase(base);
  return {
    name: `icp-base-links@${prefix}`,
    element: {
      filter: Object.keys(URL_ATTRIBUTES),
      visit(node, ctx) {
        const key = URL_ATTRIBUTES[node.tagName];
        const value = key === undefined ? undefined : node.properties?.[key];
        if (key === undefined || typeof value !== 'string') return;
        const rewritten = withBaseIfSitePath(value, prefix);
        if (rewritten !== value) ctx.setProperty(node as never, key, rewritten);
      },
    },
  };
}
