/**
 * Sanitizer for the HTML that user-written `.md` bodies turn into.
 *
 * Why this exists and how it is wired (Astro 7):
 * - Astro 7 renders Markdown with Sätteri (`@astrojs/markdown-satteri`), not
 *   unified. `markdown.rehypePlugins` only works with the optional
 *   `@astrojs/markdown-remark` package, which is not installed (astro's
 *   config validation throws if you set it). Sätteri takes its own plugin
 *   objects through `satteri({ hastPlugins })`, so the plugin exported here
 *   is a Sätteri hast plugin, not a rehype transformer.
 * - By default Sätteri keeps inline/block HTML as opaque `raw` nodes that are
 *   written out verbatim: no plugin can see inside them. With
 *   `features: { rawHtml: true }` the HTML is parsed (by a real HTML5 parser)
 *   into ordinary hast elements BEFORE hast plugins run, so we can judge every
 *   element and attribute. The config MUST set `rawHtml: true`; if it is ever
 *   forgotten, any `raw` node we meet is turned into escaped text (shown, never
 *   executed), so the failure mode is ugly but safe.
 * - Astro runs its syntax highlighter before user hast plugins, so this
 *   plugin sees Shiki's output. Shiki colours tokens with inline `style`
 *   attributes, so `style` is kept, but only declarations from a small CSS
 *   allow-list (colours, font style, alignment...). Prism uses classes only.
 *
 * Policy: default-deny. Only allow-listed elements and attributes survive;
 * URLs must use an allow-listed scheme. Elements whose content is code or is
 * parsed differently by browsers (script, style, iframe, svg, math, noscript,
 * form controls...) are dropped with everything inside them; any other
 * unknown element is unwrapped, so its text stays readable.
 *
 * This file is pure, dependency-free TypeScript (structural hast types, no
 * `astro:*`/`node:*` imports) so it can be unit-tested on plain objects and
 * loaded from astro.config.mjs.
 */

// ---------------------------------------------------------------------------
// Minimal structural hast types. Sätteri and unified both produce objects of
// this shape; declaring them here keeps the module dependency-free.
// ---------------------------------------------------------------------------

export type PropertyValue = string | number | boolean | null | undefined | Array<string | number>;
export type Properties = Record<string, PropertyValue>;

export interface HastText {
  type: 'text';
  value: string;
}
export interface HastElement {
  type: 'element';
  tagName: string;
  properties: Properties;
  children: HastChild[];
}
export interface HastRoot {
  type: 'root';
  children: HastChild[];
}
/** What the sanitizer emits: nothing but elements and text. */
export type HastChild = HastText | HastElement;

/**
 * Nodes as they are read: any hast node (comment, raw, doctype, MDX...),
 * possibly frozen or lazily materialized, possibly with extra fields.
 */
export interface ReadableNode {
  readonly type: string;
  readonly tagName?: unknown;
  readonly value?: unknown;
  readonly properties?: unknown;
  readonly children?: unknown;
}

// ---------------------------------------------------------------------------
// Policy tables
// ---------------------------------------------------------------------------

/** Schemes a link or media URL may use. Anything else (javascript:, vbscript:, data:, file:...) is removed. */
const SAFE_URL_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * `data:` is allowed only for `<img src>` with a raster image type: browsers
 * never run script from an <img>, while data:text/html or data:image/svg+xml
 * opened as a document can. SVG is left out on purpose.
 */
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)[;,]/i;

/** Attributes (canonical HTML names) whose value is a URL and must pass the scheme allow-list. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite', 'poster']);

/** Attributes any allowed element may carry. `style` is filtered, `tabindex` limited to 0/-1. */
const GLOBAL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id',
  'class',
  'title',
  'lang',
  'dir',
  'role',
  'hidden',
  'tabindex',
  'translate',
  'style',
]);

/**
 * Allowed elements and the extra attributes each may carry. Covers everything
 * Markdown/GFM produces (incl. footnotes' <section>/<sup>, task-list <input>,
 * Shiki's <pre>/<code>/<span>) plus the inline HTML authors reach for.
 */
const ELEMENT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'hreflang', 'rel', 'target', 'type'],
  abbr: [],
  address: [],
  article: [],
  aside: [],
  audio: ['src', 'controls', 'loop', 'muted', 'preload'],
  b: [],
  bdi: [],
  bdo: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  col: ['span'],
  colgroup: ['span'],
  data: ['value'],
  dd: [],
  del: ['cite', 'datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  footer: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  header: [],
  hgroup: [],
  hr: [],
  i: [],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
  input: ['type', 'checked', 'disabled'], // GFM task lists only, see sanitizeInput
  ins: ['cite', 'datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'reversed', 'type'],
  p: [],
  picture: [],
  pre: [],
  q: ['cite'],
  rp: [],
  rt: [],
  ruby: [],
  s: [],
  samp: [],
  section: [],
  small: [],
  source: ['src', 'srcset', 'sizes', 'type', 'media', 'width', 'height'],
  span: [],
  strike: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan', 'headers', 'align'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr', 'align'],
  thead: [],
  time: ['datetime'],
  tr: [],
  track: ['src', 'kind', 'srclang', 'label', 'default'],
  tt: [],
  u: [],
  ul: [],
  var: [],
  video: ['src', 'poster', 'controls', 'width', 'height', 'loop', 'muted', 'playsinline', 'preload'],
  wbr: [],
};

/**
 * Elements removed together with their content. Either their content is
 * code/markup that must not run or be re-parsed (script, style, template,
 * noscript, xmp, textarea, svg, math: the classic mutation-XSS vectors), they
 * load other documents (iframe, object, embed...), they change how the whole
 * page behaves (base, meta, link), or they are form controls that could
 * phish or submit data.
 */
const DROP_WITH_CONTENT: ReadonlySet<string> = new Set([
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
  'input', // except GFM task-list checkboxes, handled before this set is consulted
]);

/**
 * CSS properties `style` may set. Enough for Shiki (colour, background,
 * font style/weight, text-decoration, overflow/wrapping, user-select on diff
 * markers), GFM table alignment (text-align) and simple author colouring, but
 * nothing that can move content over the page (position, z-index, transform...)
 * or load anything (background-image, content...).
 */
const SAFE_CSS_PROPERTIES: ReadonlySet<string> = new Set([
  'color',
  'background-color',
  'font-style',
  'font-weight',
  'font-variant',
  'text-decoration',
  'text-decoration-line',
  'text-decoration-color',
  'text-decoration-style',
  'text-transform',
  'text-align',
  'vertical-align',
  'white-space',
  'word-wrap',
  'overflow-wrap',
  'word-break',
  'overflow-x',
  'user-select',
  '-webkit-user-select',
]);
/** Shiki's dual-theme variables (`--shiki-dark`, `--shiki-light-bg`, ...). */
const SAFE_CSS_CUSTOM_PROPERTY = /^--shiki-[a-z0-9-]+$/;
/** CSS colour functions; every other function (url(), expression(), image-set(), var()...) is refused. */
const SAFE_CSS_FUNCTIONS: ReadonlySet<string> = new Set([
  'rgb',
  'rgba',
  'hsl',
  'hsla',
  'hwb',
  'lab',
  'lch',
  'oklab',
  'oklch',
  'color',
]);
/**
 * Characters a CSS value may contain. No quotes, backslashes (CSS escapes),
 * `;` `{` `}` `@` `!` `<` `>` `:` or `*` (comments), so a value cannot break
 * out of its declaration or smuggle in a scheme.
 */
const SAFE_CSS_VALUE = /^[-#a-z0-9 \t\n\r\f.,%+()/]*$/i;

/** Deeper nesting than this is flattened to text: honest Markdown never gets close, and it bounds recursion. */
const MAX_DEPTH = 256;

// ---------------------------------------------------------------------------
// URL checks
// ---------------------------------------------------------------------------

export interface UrlContext {
  /** Lower-case tag name of the element carrying the URL. */
  tagName: string;
  /** Canonical (lower-case HTML) attribute name. */
  attribute: string;
}

/**
 * Whether `value` is a URL we let through: relative (`/x`, `./x`, `x.html`,
 * `?q`, `#anchor`, `//host`) or with an allow-listed scheme.
 *
 * It mirrors how browsers read URLs, so obfuscation cannot slip past it:
 * tabs and newlines anywhere are removed and leading/trailing control
 * characters and spaces are trimmed (so `java\tscript:`, `\x0ejavascript:`
 * and `jav&#x09;ascript:` — whose entity the HTML parser has already decoded
 * to a tab — are all read as `javascript:`), and the scheme is compared
 * case-insensitively. Entities are not decoded again: the value is
 * post-parse and the serializer escapes `&`, so the browser sees exactly this
 * string; a leftover entity in the scheme part is refused outright anyway.
 */
export function isSafeUrl(value: string, context: UrlContext): boolean {
  const url = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const colon = url.indexOf(':');
  if (colon === -1) return true;
  // A character reference before the first colon (`&#x6A;avascript:`) is only
  // harmless while the serializer escapes `&`; refuse it rather than rely on
  // that. Honest URLs do not spell their scheme with entities.
  if (/&(?:#|[a-z]+;)/i.test(url.slice(0, colon))) return false;
  // A colon after the first `/`, `?` or `#` belongs to the path/query/fragment
  // (e.g. `./a:b`, `/x?t=10:30`), so the URL is relative.
  const delimiter = url.search(/[/?#]/);
  if (delimiter !== -1 && delimiter < colon) return true;
  const scheme = url.slice(0, colon).toLowerCase();
  if (SAFE_URL_SCHEMES.has(scheme)) return true;
  // Anything else before the colon, including things that are not valid
  // schemes at all (`java\u0000script`), is refused rather than guessed at.
  return scheme === 'data' && context.tagName === 'img' && context.attribute === 'src' && SAFE_DATA_IMAGE.test(url);
}

/**
 * Keeps a `srcset` only if every candidate URL is safe. `data:` is never
 * allowed here (its commas make candidate splitting ambiguous). Parsing
 * follows the HTML spec: a URL is a run of non-space characters, trailing
 * commas end the candidate, otherwise descriptors run to the next comma.
 */
export function sanitizeSrcset(value: string, tagName: string): string | undefined {
  let i = 0;
  let candidates = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value.charAt(i))) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !/\s/.test(value.charAt(i))) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      while (i < value.length && value.charAt(i) !== ',') i++;
    }
    // isSafeUrl only admits data: for <img src>, so data: candidates fail here.
    if (!isSafeUrl(url, { tagName, attribute: 'srcset' })) return undefined;
    candidates++;
  }
  return candidates > 0 ? value : undefined;
}

// ---------------------------------------------------------------------------
// CSS checks
// ---------------------------------------------------------------------------

/**
 * Returns the allow-listed declarations of an inline `style`, or undefined if
 * none survive. Unknown properties and suspicious values are dropped one by
 * one, so `color: red; position: fixed` keeps its colour.
 */
export function sanitizeStyle(style: string): string | undefined {
  const kept: string[] = [];
  let refused = 0;
  // Splitting on `;` is safe because any value containing quotes (where a `;`
  // could hide) is refused below.
  for (const declaration of style.split(';')) {
    if (cssTrim(declaration) === '') continue;
    const safe = safeDeclaration(declaration);
    if (safe === undefined) refused++;
    else kept.push(safe);
  }
  if (kept.length === 0) return undefined;
  // Nothing refused (always the case for Shiki's output): return the author's
  // own text so the HTML stays byte-for-byte the same.
  return refused === 0 ? style : kept.join(';');
}

/** Trims only what CSS itself treats as whitespace (JS's trim() also eats e.g. U+00A0, which CSS reads as part of a name). */
function cssTrim(text: string): string {
  return text.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '');
}

function safeDeclaration(declaration: string): string | undefined {
  const colon = declaration.indexOf(':');
  if (colon === -1) return undefined;
  const property = cssTrim(declaration.slice(0, colon)).toLowerCase();
  const value = cssTrim(declaration.slice(colon + 1));
  if (!SAFE_CSS_PROPERTIES.has(property) && !SAFE_CSS_CUSTOM_PROPERTY.test(property)) return undefined;
  if (value === '' || !SAFE_CSS_VALUE.test(value)) return undefined;
  const functions = [...value.matchAll(/([a-z-]*)\s*\(/gi)].map((m) => (m[1] ?? '').toLowerCase());
  if (functions.some((name) => !SAFE_CSS_FUNCTIONS.has(name))) return undefined;
  return `${property}:${value}`;
}

// ---------------------------------------------------------------------------
// Attributes
// ---------------------------------------------------------------------------

/**
 * hast stores attributes under property names (`className`, `onError`,
 * `xLinkHref`, `dataFooBar`, `ariaLabel`, `tabIndex`, `srcSet`), but other
 * producers (Shiki) use HTML names (`class`, `tabindex`). Map both to the HTML
 * attribute name so one allow-list covers every spelling.
 */
export function canonicalAttributeName(key: string): string {
  if (key === 'className') return 'class';
  if (key === 'htmlFor') return 'for';
  if (/^data[A-Z0-9]/.test(key)) {
    return `data-${key.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/^-/, '')}`;
  }
  if (/^aria[A-Z]/.test(key)) return `aria-${key.slice(4).toLowerCase()}`;
  return key.toLowerCase();
}

function isPlainValue(value: unknown): value is PropertyValue {
  if (value === null || value === undefined) return true;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return true;
  return Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number');
}

function asString(value: PropertyValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join(' ');
  return undefined;
}

function sanitizeProperties(tagName: string, properties: unknown): Properties {
  const out: Properties = {};
  if (properties === null || typeof properties !== 'object') return out;
  const allowedHere = ELEMENT_ATTRIBUTES[tagName] ?? [];
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    if (!isPlainValue(value)) continue;
    const name = canonicalAttributeName(key);
    // Event handlers (onclick, onerror, onload, onfocus...) are never allowed,
    // whatever the element; checked first so no allow-list typo can let one in.
    if (name.startsWith('on')) continue;
    const isData = /^data-[a-z0-9][a-z0-9._-]*$/.test(name);
    const isAria = /^aria-[a-z]+$/.test(name);
    if (!isData && !isAria && !GLOBAL_ATTRIBUTES.has(name) && !allowedHere.includes(name)) continue;

    if (name === 'style') {
      const text = asString(value);
      const style = text === undefined ? undefined : sanitizeStyle(text);
      if (style !== undefined) out[key] = style;
      continue;
    }
    if (name === 'tabindex') {
      // Positive tabindex would hijack keyboard order; 0 (Shiki's scrollable
      // <pre>) and -1 are fine.
      const text = asString(value);
      if (text === '0' || text === '-1') out[key] = value;
      continue;
    }
    if (name === 'srcset') {
      const text = asString(value);
      const srcset = text === undefined ? undefined : sanitizeSrcset(text, tagName);
      if (srcset !== undefined) out[key] = srcset;
      continue;
    }
    if (URL_ATTRIBUTES.has(name)) {
      const text = asString(value);
      // Kept verbatim when safe: Astro's image pipeline matches <img src>
      // against the paths it collected from the Markdown source.
      if (text !== undefined && isSafeUrl(text, { tagName, attribute: name })) out[key] = value;
      continue;
    }
    if (name === 'target') {
      // Named targets could drive another window of the site; only the
      // standard keywords are allowed.
      const text = asString(value);
      if (text !== undefined && /^_(?:blank|self|parent|top)$/i.test(text)) out[key] = text;
      continue;
    }
    out[key] = value;
  }
  // Links that open a new tab must not hand the opener to the target page.
  if (tagName === 'a' && typeof out['target'] === 'string' && out['target'].toLowerCase() === '_blank') {
    const relKey = Object.keys(out).find((k) => canonicalAttributeName(k) === 'rel') ?? 'rel';
    const relValue = out[relKey];
    const rel = new Set((relValue === undefined ? '' : (asString(relValue) ?? '')).split(/\s+/).filter(Boolean));
    rel.add('noopener');
    rel.add('noreferrer');
    out[relKey] = [...rel].join(' ');
  }
  return out;
}

// ---------------------------------------------------------------------------
// Tree walk
// ---------------------------------------------------------------------------

function childrenOf(node: ReadableNode): readonly ReadableNode[] {
  return Array.isArray(node.children) ? (node.children as readonly ReadableNode[]) : [];
}

/** Text of a subtree without recursion, for flattening over-deep nesting. */
function textContent(node: ReadableNode): string {
  let text = '';
  const stack: ReadableNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as ReadableNode;
    if (current.type === 'text' && typeof current.value === 'string') text += current.value;
    else if (current.type === 'element' && DROP_WITH_CONTENT.has(String(current.tagName).toLowerCase())) continue;
    else stack.push(...[...childrenOf(current)].reverse());
  }
  return text;
}

/**
 * GFM task lists render `<input type="checkbox" disabled>`. That one shape is
 * kept (always disabled); every other <input> is a form control and dropped.
 */
function sanitizeInput(node: ReadableNode): HastElement | undefined {
  const props = (node.properties ?? {}) as Record<string, unknown>;
  const type = Object.entries(props).find(([k]) => canonicalAttributeName(k) === 'type')?.[1];
  if (typeof type !== 'string' || type.toLowerCase() !== 'checkbox') return undefined;
  const checked = Object.entries(props).some(([k, v]) => canonicalAttributeName(k) === 'checked' && v !== false && v != null);
  // Same attribute order as Sätteri's task-list output: type, checked, disabled.
  const properties: Properties = checked ? { type: 'checkbox', checked: true, disabled: true } : { type: 'checkbox', disabled: true };
  return { type: 'element', tagName: 'input', properties, children: [] };
}

function sanitizeChildren(node: ReadableNode, depth: number): HastChild[] {
  const out: HastChild[] = [];
  for (const child of childrenOf(node)) out.push(...sanitizeNode(child, depth));
  return out;
}

function sanitizeNode(node: ReadableNode, depth: number): HastChild[] {
  switch (node.type) {
    case 'text':
      return typeof node.value === 'string' ? [{ type: 'text', value: node.value }] : [];
    case 'raw':
      // Raw HTML only reaches us if `rawHtml: true` was forgotten (or another
      // plugin injected it). We cannot judge unparsed HTML safely, so show it
      // as text: honest content stays readable, nothing executes.
      return typeof node.value === 'string' ? [{ type: 'text', value: node.value }] : [];
    case 'element':
      return sanitizeElement(node, depth);
    default:
      // Comments (invisible anyway, and conditional-comment tricks), doctypes,
      // and anything we do not know (e.g. MDX nodes in a Markdown tree) go.
      return [];
  }
}

function sanitizeElement(node: ReadableNode, depth: number): HastChild[] {
  if (depth > MAX_DEPTH) {
    const text = textContent(node);
    return text === '' ? [] : [{ type: 'text', value: text }];
  }
  const tagName = String(node.tagName).toLowerCase();
  if (tagName === 'input') {
    const input = sanitizeInput(node);
    return input ? [input] : [];
  }
  if (DROP_WITH_CONTENT.has(tagName)) return [];
  const children = sanitizeChildren(node, depth + 1);
  if (!Object.hasOwn(ELEMENT_ATTRIBUTES, tagName)) {
    // Unknown or presentational element (<font>, <center>, <marquee>, custom
    // elements, <form>, <label>...): drop the tag, keep its (sanitized) content.
    return children;
  }
  const properties = sanitizeProperties(tagName, node.properties);
  // An <img> whose only source was refused would render as a broken image.
  if (tagName === 'img' && !Object.keys(properties).some((k) => ['src', 'srcset'].includes(canonicalAttributeName(k)))) {
    return [];
  }
  // Keep the parser's spelling; HTML tag names are already lower case.
  return [{ type: 'element', tagName: String(node.tagName), properties, children }];
}

/**
 * Returns a sanitized copy of a hast tree (the input is not modified, so it
 * works on Sätteri's read-only, lazily materialized trees).
 */
export function sanitizeHast(tree: ReadableNode): HastRoot {
  if (tree.type === 'root') return { type: 'root', children: sanitizeChildren(tree, 0) };
  return { type: 'root', children: sanitizeNode(tree, 0) };
}

// ---------------------------------------------------------------------------
// Plugin adapters
// ---------------------------------------------------------------------------

/** The part of Sätteri's `HastVisitorContext` this plugin uses. */
interface SatteriHookContext {
  readonly sourceFormat: string;
  replaceNode(node: never, newNode: HastRoot): void;
}

/** Structurally a Sätteri `HastPluginDefinition` with only a `before` hook. */
export interface SatteriSanitizePlugin {
  name: string;
  before(root: ReadableNode, ctx: SatteriHookContext): void;
}

/** 32-bit FNV-1a, enough to tell two policy versions apart. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * Astro's content layer caches rendered Markdown and throws the cache away
 * when `JSON.stringify(astroConfig)` changes. JSON drops functions, so a new
 * sanitizer policy alone would leave old, unsanitized HTML in the cache. The
 * plugin name (which is serialized) therefore carries a fingerprint of the
 * policy tables and of the sanitizer code itself.
 */
const POLICY_FINGERPRINT = fingerprint(
  JSON.stringify([
    [...SAFE_URL_SCHEMES],
    String(SAFE_DATA_IMAGE),
    [...URL_ATTRIBUTES],
    [...GLOBAL_ATTRIBUTES],
    ELEMENT_ATTRIBUTES,
    [...DROP_WITH_CONTENT],
    [...SAFE_CSS_PROPERTIES],
    String(SAFE_CSS_CUSTOM_PROPERTY),
    [...SAFE_CSS_FUNCTIONS],
    String(SAFE_CSS_VALUE),
    MAX_DEPTH,
  ]) +
    [isSafeUrl, sanitizeSrcset, sanitizeStyle, safeDeclaration, canonicalAttributeName, sanitizeProperties, sanitizeInput, sanitizeNode, sanitizeElement]
      .map(String)
      .join('\n'),
);

/**
 * Sätteri hast plugin for `satteri({ hastPlugins: [...] })`.
 *
 * It replaces the whole tree in a `before` hook rather than visiting node by
 * node: unwrapping and dropping subtrees is simple on a plain copy, and the
 * sanitizer stays a pure function. It must be listed with
 * `features: { rawHtml: true }` (see the file header).
 *
 * `.mdx` is left alone: with extendMarkdownConfig (the default) @astrojs/mdx
 * reuses the Markdown processor, hast plugins included, but MDX is code,
 * reviewed as code; its HTML is JSX, which this plugin does not see anyway.
 */
export function satteriSanitizeUserHtml(): SatteriSanitizePlugin {
  return {
    name: `icp-sanitize-user-html@${POLICY_FINGERPRINT}`,
    before(root, ctx) {
      if (ctx.sourceFormat === 'mdx') return;
      ctx.replaceNode(root as never, sanitizeHast(root));
    },
  };
}

/**
 * The same policy as a unified/rehype plugin, for the day the project moves
 * to `@astrojs/markdown-remark`'s `unified()` processor. There it must run
 * after `rehype-raw` (else raw HTML is shown as text) and is not needed on MDX.
 */
export function rehypeSanitizeUserHtml(): (tree: ReadableNode) => HastRoot {
  return (tree) => sanitizeHast(tree);
}

export default satteriSanitizeUserHtml;
