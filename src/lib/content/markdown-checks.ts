/**
 * Checks on the bodies of `.md` and `.mdx` files, so that what the site would silently drop,
 * break on or fetch from elsewhere is a problem at file:line before the build
 * (docs/security.md). The renderer's trees are made by the caller (src/markdown-checks-fs.ts,
 * with Sätteri, the parser of the build) and read here, so this module stays pure.
 */
import type { Locale } from '../i18n/locales.ts';
import { contentCheckMessages } from '../i18n/content-checks.ts';
import { DROPPED_WITH_CONTENT, MAX_DEPTH, allowedMediaHost, isRemoteUrl } from '../markdown/sanitize-html.ts';
import type { Problem } from '../model/problem.ts';

/** An mdast node as the parser gives it: only what the checks read. */
export interface MdNode {
  type: string;
  value?: string;
  url?: string;
  identifier?: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
}

/** What the checks may ask about files on disk. */
export interface FileLookup {
  /** Whether a regular file exists at this repository-relative path. */
  isFile(path: string): boolean;
}

export interface MarkdownCheckInput {
  /** Repository-relative path, e.g. `content/pages/guide.md`. */
  file: string;
  format: 'md' | 'mdx';
  /** Line of the file where the body starts (1 when there is no frontmatter). */
  bodyLine: number;
  /** The body's syntax tree with positions relative to the body, or the parser's error. */
  tree?: MdNode;
  parseError?: { line: number; column: number; reason: string };
  /** Element depth of the rendered body (raw HTML parsed), for the nesting limit. */
  renderedDepth: number;
}

export interface MarkdownCheckContext {
  /** Repository-relative folders: `content` and `public`. */
  contentDir: string;
  publicDir: string;
  mediaHosts: readonly string[];
  locale: Locale;
  files: FileLookup;
}

const IMAGE_EXTENSION = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;
const RASTER_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif)[;,]/i;
/** Elements the site does not show in `.md` pages (media besides <img>). */
const UNSUPPORTED_MEDIA = new Set(['video', 'audio', 'source', 'track']);
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Decodes the character references an author might write in an attribute. */
function decodeEntities(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', sol: '/', period: '.', tab: '\t', newline: '\n' };
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
    if (dec !== undefined) return String.fromCodePoint(Math.min(parseInt(dec, 10), 0x10ffff));
    return named[name!.toLowerCase()] ?? whole;
  });
}

/** Normalises `a/./b/../c` to `a/c`, keeping leading `..` (a folder outside the repository). */
function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function inside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

/** Every check of one body; problems carry file lines. */
export function checkMarkdownBody(input: MarkdownCheckInput, context: MarkdownCheckContext): Problem[] {
  const t = contentCheckMessages[context.locale];
  const problems: Problem[] = [];
  const at = (line: number, column: number, message: string, field = '-') =>
    problems.push({ file: input.file, line: line + input.bodyLine - 1, column, field, message });

  if (input.parseError) {
    const { line, column, reason } = input.parseError;
    at(line, column, input.format === 'mdx' ? t.mdxSyntax(reason) : t.markdownSyntax(reason));
    return problems;
  }
  const tree = input.tree;
  if (!tree) return problems;

  const definitions = new Map<string, string>();
  walk(tree, (node) => {
    if (node.type === 'definition' && node.identifier !== undefined && node.url !== undefined) definitions.set(node.identifier.toLowerCase(), node.url);
  });

  walk(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    const column = node.position?.start.column ?? 1;
    if (node.type === 'image' && node.url !== undefined) {
      checkImage(node.url, 'markdown', line, column);
    } else if (node.type === 'imageReference' && node.identifier !== undefined) {
      const url = definitions.get(node.identifier.toLowerCase());
      if (url !== undefined) checkImage(url, 'markdown', line, column);
    } else if (node.type === 'html' && node.value !== undefined && input.format === 'md') {
      checkHtml(node.value, line, column);
    }
  });

  if (input.format === 'md' && input.renderedDepth > MAX_DEPTH) {
    const deepest = deepestNode(tree);
    at(deepest?.position?.start.line ?? 1, deepest?.position?.start.column ?? 1, t.tooDeep(input.renderedDepth, MAX_DEPTH));
  }
  return problems;

  function checkHtml(html: string, line: number, column: number) {
    for (const match of html.matchAll(TAG)) {
      const tag = match[1]!.toLowerCase();
      const before = html.slice(0, match.index);
      const newlines = before.split('\n').length - 1;
      const tagLine = line + newlines;
      const tagColumn = newlines === 0 ? column + match.index : match.index - before.lastIndexOf('\n');
      if (DROPPED_WITH_CONTENT.includes(tag)) {
        at(tagLine, tagColumn, t.swallowingElement(tag));
        continue;
      }
      if (UNSUPPORTED_MEDIA.has(tag)) at(tagLine, tagColumn, t.unsupportedMedia(tag));
      for (const attribute of (match[2] ?? '').matchAll(ATTRIBUTE)) {
        const name = attribute[1]!.toLowerCase();
        const value = decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
        if (name === 'srcset') {
          const remote = value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').find((url) => isRemoteUrl(url));
          at(tagLine, tagColumn, remote !== undefined ? t.remoteMedia(remote, context.mediaHosts.length > 0) : t.srcset);
        } else if (name === 'poster' || (name === 'src' && tag !== 'img') || (name === 'data' && tag === 'object')) {
          if (isRemoteUrl(value)) at(tagLine, tagColumn, t.remoteMedia(value, context.mediaHosts.length > 0));
        } else if (name === 'src' && tag === 'img') {
          checkImage(value, 'html', tagLine, tagColumn);
        }
      }
    }
  }

  function checkImage(rawUrl: string, syntax: 'markdown' | 'html', line: number, column: number) {
    const url = rawUrl.trim();
    if (url === '') return;
    if (isRemoteUrl(url)) {
      if (/^data:/i.test(url)) {
        if (!RASTER_DATA_IMAGE.test(url)) at(line, column, t.dataImage);
      } else if (allowedMediaHost(url, context.mediaHosts) === undefined) {
        at(line, column, t.remoteMedia(url, context.mediaHosts.length > 0));
      }
      return;
    }
    let path: string;
    try {
      path = decodeURI(url.replace(/[?#].*$/, ''));
    } catch {
      path = url;
    }
    if (syntax === 'html' && !path.startsWith('/')) {
      at(line, column, t.htmlLocalImage(url));
      return;
    }
    // `/x.png` is served from public/; anything else is relative to the page's own folder.
    const folder = input.file.slice(0, input.file.lastIndexOf('/'));
    const resolved = path.startsWith('/') ? normalisePath(`${context.publicDir}/${path}`) : normalisePath(`${folder}/${path}`);
    if (!(inside(resolved, normalisePath(context.contentDir)) || inside(resolved, normalisePath(context.publicDir)))) {
      at(line, column, t.imageOutside(url));
    } else if (!IMAGE_EXTENSION.test(resolved)) {
      at(line, column, t.imageNoExtension(url));
    } else if (!context.files.isFile(resolved)) {
      at(line, column, t.imageMissing(url, resolved));
    }
  }
}

function walk(node: MdNode, visit: (node: MdNode) => void): void {
  const stack: MdNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    visit(current);
    if (current.children) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
  }
}

/** The first node at the greatest depth of the tree, to point at where nesting goes too deep. */
function deepestNode(tree: MdNode): MdNode | undefined {
  let best: { node: MdNode; depth: number } | undefined;
  const stack: { node: MdNode; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.position && (best === undefined || depth > best.depth)) best = { node, depth };
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, depth: depth + 1 });
  }
  return best?.node;
}

/** Element depth of a hast tree, without recursion. */
export function elementDepth(tree: { children?: unknown }): number {
  let max = 0;
  const stack: { node: { type?: unknown; children?: unknown }; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const here = node.type === 'element' ? depth + 1 : depth;
    if (here > max) max = here;
    if (Array.isArray(node.children)) for (const child of node.children as { type?: unknown }[]) stack.push({ node: child, depth: here });
  }
  return max;
}
