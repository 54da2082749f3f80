/**
 * Sanitizer for the HTML that user-written `.md` bodies turn into: `hast-util-sanitize` (the
 * library behind rehype-sanitize) with GitHub's schema, adjusted for the playbook, inside a
 * Sätteri hast plugin.
 *
 * How it is wired (Astro 7): Markdown is rendered by Sätteri, whose `features.rawHtml: true`
 * parses authors' raw HTML into ordinary hast elements before hast plugins run, so every element
 * and attribute can be judged. If `rawHtml` were ever forgotten, the `raw` nodes left are shown
 * as escaped text (ugly, never executed). Shiki's highlighting runs before this plugin, so its
 * inline colours arrive here and are turned into classes (`style-classes.ts`): the site's CSP
 * refuses inline styles.
 *
 * On top of the schema, three rules of the playbook (docs/security.md):
 * - media load only from the site itself: an `<img>` pointing to another host is removed,
 *   unless `playbook.yaml` lists the host in `mediaHosts` (then it must be https and is sent
 *   with `referrerpolicy="no-referrer"`); the validator reports these before (markdown-checks.ts),
 *   this is the defence in depth;
 * - links to other sites get `rel="noopener noreferrer"`;
 * - nesting deeper than the renderer keeps is flattened to text instead of failing the page.
 *
 * `.mdx` is code, reviewed as code: only its styles are turned into classes.
 */
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { styleToClasses } from './style-classes.ts';

/** Any hast node as Sätteri hands it over: possibly read-only, lazily materialized. */
export interface ReadableNode {
  readonly type: string;
  readonly tagName?: unknown;
  readonly value?: unknown;
  readonly properties?: unknown;
  readonly children?: unknown;
}

/**
 * Element levels kept under the root. Sätteri refuses a plugin's tree deeper than 128 levels
 * (and the page would be published empty), so deeper content is flattened to its text.
 */
export const MAX_DEPTH = 120;

/**
 * Elements removed with everything inside them: code or markup that must not run or be
 * re-parsed (the mutation-XSS vectors), other documents, page-wide behaviour, form controls.
 * Every other unknown element is unwrapped, so its text stays readable.
 */
export const DROPPED_WITH_CONTENT: readonly string[] = [
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'frame',
  'frameset',
  'fencedframe',
  'portal',
  'object',
  'embed',
  'applet',
  'param',
  'base',
  'basefont',
  'meta',
  'link',
  'title',
  'head',
  'svg',
  'math',
  'xmp',
  'plaintext',
  'listing',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'keygen',
];

const star = defaultSchema.attributes?.['*'] ?? [];
const SCHEMA: Schema = {
  ...defaultSchema,
  strip: [...DROPPED_WITH_CONTENT],
  // GitHub's elements, less <source> (media come only through <img>), plus plain inline and
  // sectioning elements authors reach for.
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((tag) => tag !== 'source'),
    'abbr',
    'address',
    'article',
    'aside',
    'bdi',
    'bdo',
    'caption',
    'cite',
    'col',
    'colgroup',
    'data',
    'dfn',
    'figcaption',
    'figure',
    'footer',
    'header',
    'hgroup',
    'mark',
    'small',
    'time',
    'u',
    'wbr',
  ],
  attributes: {
    ...defaultSchema.attributes,
    // Shiki's block and the classes standing for its colours and for table alignment.
    pre: [['className', /^(?:astro-code|github-[a-z-]+|sh-[a-z0-9-]+)$/], ['tabIndex', 0, '0'], 'dataLanguage'],
    span: [['className', /^(?:line|sh-[a-z0-9-]+)$/]],
    th: [['className', /^align-(?:left|center|right)$/]],
    td: [['className', /^align-(?:left|center|right)$/]],
    img: [...(defaultSchema.attributes?.['img'] ?? []), ['referrerPolicy', 'no-referrer']],
    abbr: ['title'],
    time: ['dateTime'],
    data: ['value'],
    // Focus order stays the page's own: no positive tabIndex (GitHub allows any).
    '*': [...star.filter((name) => name !== 'tabIndex'), 'ariaLabel', 'ariaHidden', 'translate'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: [...(defaultSchema.protocols?.['href'] ?? []), 'tel'],
    // data: is narrowed to raster images below.
    src: ['http', 'https', 'data'],
  },
};

/** `data:` images a browser never runs script from (SVG is left out on purpose). */
const RASTER_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif)[;,]/i;

/** A URL as the browser reads it: tabs and newlines removed, spaces and controls trimmed. */
function browserUrl(value: string): string {
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/**
 * Whether a URL leaves the site: a scheme (`https:`), or protocol-relative (`//host`, and `/\host`
 * which browsers read the same way).
 */
export function isRemoteUrl(value: string): boolean {
  const url = browserUrl(value);
  return /^[/\\]{2}/.test(url) || /^[a-z][a-z0-9+.-]*:/i.test(url);
}

/** The host of an https URL on the allow-list, or undefined. */
export function allowedMediaHost(value: string, mediaHosts: readonly string[]): string | undefined {
  const url = browserUrl(value);
  if (!/^https:\/\//i.test(url)) return undefined;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return mediaHosts.includes(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

/** Text of a subtree without recursion, for flattening over-deep nesting. */
function textContent(node: ReadableNode): string {
  let text = '';
  const stack: ReadableNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'text' && typeof current.value === 'string') text += current.value;
    else if (current.type === 'element' && DROPPED_WITH_CONTENT.includes(String(current.tagName))) continue;
    else stack.push(...[...childrenOf(current)].reverse());
  }
  return text;
}

function childrenOf(node: ReadableNode): readonly ReadableNode[] {
  return Array.isArray(node.children) ? (node.children as readonly ReadableNode[]) : [];
}

/** HTML attribute names some producers (Shiki) use, as the hast property names the schema reads. */
const PROPERTY_NAMES: Readonly<Record<string, string>> = {
  class: 'className',
  tabindex: 'tabIndex',
  'data-language': 'dataLanguage',
};
/** Ids the renderer already prefixed (footnotes): unprefixed here, as the schema prefixes them again. */
const CLOBBERED = new Set(['id', 'ariaDescribedBy', 'ariaLabelledBy', 'name']);

function plainProperties(node: ReadableNode): Properties {
  const properties: Properties = {};
  if (node.properties && typeof node.properties === 'object') {
    for (const [key, value] of Object.entries(node.properties as Properties)) {
      const name = PROPERTY_NAMES[key] ?? key;
      if (name === 'className' && typeof value === 'string') properties[name] = value.split(/\s+/).filter(Boolean);
      else if (CLOBBERED.has(name) && typeof value === 'string') properties[name] = value.replace(/^user-content-/, '');
      else properties[name] = value;
    }
  }
  const style = properties['style'];
  if (style !== undefined) {
    delete properties['style'];
    const classes = typeof style === 'string' ? styleToClasses(style) : [];
    if (classes.length > 0) {
      const current: unknown = properties['className'];
      const kept = Array.isArray(current)
        ? current.map(String)
        : typeof current === 'string'
          ? current.split(/\s+/)
          : [];
      properties['className'] = [...kept, ...classes];
    }
  }
  return properties;
}

/**
 * A plain copy the schema can judge: raw HTML shown as text, styles turned into classes, inputs
 * other than task-list checkboxes dropped (the schema would otherwise turn them into checkboxes),
 * over-deep nesting flattened.
 */
/** Properties holding a URL whose scheme the schema checks. */
const URL_PROPERTIES = ['href', 'src', 'cite'] as const;

/**
 * The URL with its scheme in lower case (`HTTPS://x` → `https://x`): schemes are
 * case-insensitive, but the schema compares them as written and would drop the URL.
 * Only the case changes, so a scheme the schema refuses stays refused.
 */
function lowerScheme(value: string): string {
  const scheme = /^([\u0000-\u0020]*)([a-z][a-z0-9+.-]*):/i.exec(value);
  if (!scheme || !/[A-Z]/.test(scheme[2]!)) return value;
  return scheme[1]! + scheme[2]!.toLowerCase() + value.slice(scheme[0].length - 1);
}

function prepare(node: ReadableNode, depth: number): ElementContent[] {
  if (node.type === 'text' || node.type === 'raw')
    return typeof node.value === 'string' ? [{ type: 'text', value: node.value }] : [];
  if (node.type !== 'element') return [];
  if (depth > MAX_DEPTH) {
    const text = textContent(node);
    return text === '' ? [] : [{ type: 'text', value: text }];
  }
  const tagName = String(node.tagName).toLowerCase();
  // Children before properties: Sätteri materializes its tree lazily, and reading a highlighted
  // block's properties first returned its tokens merged into one.
  const children = childrenOf(node).flatMap((child) => prepare(child, depth + 1));
  const properties = plainProperties(node);
  for (const name of URL_PROPERTIES) {
    const value = properties[name];
    if (typeof value === 'string') properties[name] = lowerScheme(value);
  }
  if (tagName === 'input' && String(properties['type']).toLowerCase() !== 'checkbox') return [];
  return [{ type: 'element', tagName, properties, children }];
}

/** The playbook's rules on what the schema kept: local media, safe links. */
function finish<T extends Root | Element>(node: T, mediaHosts: readonly string[]): T {
  const children: (RootContent & ElementContent)[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') {
      children.push(child as RootContent & ElementContent);
      continue;
    }
    if (child.tagName === 'img') {
      const src = typeof child.properties['src'] === 'string' ? child.properties['src'] : '';
      if (src === '') continue;
      if (isRemoteUrl(src)) {
        const dataImage = RASTER_DATA_IMAGE.test(browserUrl(src));
        if (!dataImage && allowedMediaHost(src, mediaHosts) === undefined) continue;
        if (!dataImage) child.properties['referrerPolicy'] = 'no-referrer';
      }
    }
    if (
      child.tagName === 'a' &&
      typeof child.properties['href'] === 'string' &&
      isRemoteUrl(child.properties['href'])
    ) {
      const href = browserUrl(child.properties['href']);
      if (/^(?:https?:)?[/\\]{2}/i.test(href)) child.properties['rel'] = ['noopener', 'noreferrer'];
    }
    children.push(finish(child, mediaHosts));
  }
  node.children = children;
  return node;
}

export interface SanitizeOptions {
  /** Hosts `.md` may load images from (playbook.yaml `mediaHosts`); none by default. */
  mediaHosts?: readonly string[];
}

/** A sanitized copy of a hast tree (the input, possibly read-only, is not modified). */
export function sanitizeHast(tree: ReadableNode, { mediaHosts = [] }: SanitizeOptions = {}): Root {
  const prepared: Root = {
    type: 'root',
    children: tree.type === 'root' ? childrenOf(tree).flatMap((child) => prepare(child, 1)) : prepare(tree, 1),
  };
  return finish(
    sanitize(prepared, SCHEMA) as Root,
    mediaHosts.map((host) => host.toLowerCase()),
  );
}

/** 32-bit FNV-1a, enough to tell two policies apart. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * Raise when the rules in this file change: Astro's content cache is thrown away only when the
 * serialized config changes, and the plugin name is the part of it that carries the policy.
 */
const POLICY_VERSION = 3;

/** The part of Sätteri's hast visitor context this plugin uses. */
export interface SatteriContext {
  readonly sourceFormat: string;
  replaceNode(node: never, newNode: Root): void;
  setProperty(node: never, name: string, value: unknown): void;
}

/** Structurally a Sätteri `HastPluginDefinition`. */
export interface SatteriSanitizePlugin {
  name: string;
  before(root: ReadableNode, ctx: SatteriContext): void;
  element: { filter: string[]; visit(node: ReadableNode, ctx: SatteriContext): void };
}

/**
 * Sätteri hast plugin for `satteri({ hastPlugins: [...] })`, with `features: { rawHtml: true }`.
 * Markdown trees are replaced by their sanitized copy in `before`; in MDX trees, which are left
 * to code review, only inline styles of Markdown syntax (code blocks, tables) become classes.
 */
export function satteriSanitizeUserHtml(options: SanitizeOptions = {}): SatteriSanitizePlugin {
  const mediaHosts = [...(options.mediaHosts ?? [])].map((host) => host.toLowerCase()).sort();
  return {
    name: `icp-sanitize-user-html@${fingerprint(JSON.stringify([POLICY_VERSION, SCHEMA, String(RASTER_DATA_IMAGE), MAX_DEPTH, mediaHosts], (_k, v: unknown) => (v instanceof RegExp ? String(v) : v)))}`,
    before(root, ctx) {
      if (ctx.sourceFormat === 'mdx') return;
      ctx.replaceNode(root as never, sanitizeHast(root, { mediaHosts }));
    },
    element: {
      filter: STYLED_ELEMENTS,
      visit(node, ctx) {
        if (ctx.sourceFormat === 'mdx') styleAsClasses(node, ctx);
      },
    },
  };
}

/** Where Markdown syntax produces inline styles: Shiki's blocks and tokens, table cells. */
export const STYLED_ELEMENTS = ['pre', 'span', 'th', 'td'];

/** Replaces a node's inline style by the classes standing for it, through Sätteri's visitor context. */
export function styleAsClasses(node: ReadableNode, ctx: SatteriContext): void {
  if (node.properties === null || typeof node.properties !== 'object') return;
  if (typeof (node.properties as Record<string, unknown>)['style'] !== 'string') return;
  const properties = plainProperties(node);
  ctx.setProperty(node as never, 'style', null);
  // Shiki writes `class`, Markdown `className`: one attribute either way.
  if ('class' in node.properties) ctx.setProperty(node as never, 'class', null);
  ctx.setProperty(node as never, 'className', properties['className'] ?? null);
}
