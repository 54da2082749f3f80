// Node-only: parses the bodies of the content's .md and .mdx files with Sätteri (the build's own
// parser) and runs the pure checks of src/lib/content/markdown-checks.ts on them, plus the
// checks that need the disk: symbolic links and files images point to.
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { markdownToHast, markdownToMdast, mdxToMdast } from 'satteri';
import { decodeText, markdownBody, type RawFile } from './lib/content/source-file.ts';
import {
  checkMarkdownBody,
  elementDepth,
  type MarkdownCheckInput,
  type MdNode,
} from './lib/content/markdown-checks.ts';
import { contentCheckMessages } from './lib/i18n/content-checks.ts';
import type { Problem } from './lib/model/problem.ts';
import type { Locale } from './lib/i18n/locales.ts';

const toRepoPath = (path: string) => path.split(sep).join('/');

/** Symbolic links under `dir`: the build skips them, so each is a problem. */
export function findSymlinks(dir: string, base: string, locale: Locale): Problem[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isSymbolicLink())
    .map((entry) => ({
      file: toRepoPath(relative(base, join(entry.parentPath, entry.name))),
      line: 1,
      column: 1,
      field: '-',
      message: contentCheckMessages[locale].symlink,
    }));
}

/** `3:1: Unexpected character…` → its position and reason. */
function parserError(error: unknown): { line: number; column: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*([\s\S]*)$/.exec(message);
  const reason = (match?.[3] ?? message)
    .split('\n')[0]!
    .replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '')
    .replace(/\.$/, '');
  return { line: Number(match?.[1] ?? 1), column: Number(match?.[2] ?? 1), reason };
}

function bodyInput(raw: RawFile): MarkdownCheckInput | undefined {
  const { text } = decodeText(raw);
  if (text === undefined) return undefined;
  const body = markdownBody(text);
  if (body === undefined) return undefined;
  const bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  const format = raw.path.endsWith('.mdx') ? 'mdx' : 'md';
  try {
    const tree = (format === 'mdx'
      ? mdxToMdast(body)
      : markdownToMdast(body, { features: { rawHtml: true } })) as unknown as MdNode;
    const renderedDepth =
      format === 'md'
        ? elementDepth(markdownToHast(body, { features: { rawHtml: true }, position: false }) as { children?: unknown })
        : 0;
    return { file: raw.path, format, bodyLine, tree, renderedDepth };
  } catch (error) {
    return { file: raw.path, format, bodyLine, renderedDepth: 0, parseError: parserError(error) };
  }
}

export interface ContentChecksOptions {
  /** Repository-relative content folder, e.g. `content`. */
  contentDir: string;
  /** The repository root the paths are relative to. */
  base: string;
  mediaHosts: readonly string[];
  locale: Locale;
}

/** Problems in the bodies and bytes of content files that the schemas cannot see. */
export function checkContentFiles(files: readonly RawFile[], options: ContentChecksOptions): Problem[] {
  const { contentDir, base, mediaHosts, locale } = options;
  const prefix = `${contentDir}/`;
  const context = {
    contentDir,
    publicDir: 'public',
    mediaHosts,
    locale,
    files: {
      isFile: (path: string) => {
        try {
          return lstatSync(join(base, path)).isFile();
        } catch {
          return false;
        }
      },
    },
  };
  const problems: Problem[] = [];
  for (const raw of files) {
    const relativePath = raw.path.startsWith(prefix) ? raw.path.slice(prefix.length) : raw.path;
    // Drafts and notes ("_x", ".x") are not built, as in the loader.
    if (relativePath.split('/').some((part) => part.startsWith('_') || part.startsWith('.'))) continue;
    // Control characters are reported by the loader's text checks (src/lib/i18n/text-checks.ts).
    if (!/\.mdx?$/.test(raw.path)) continue;
    const input = bodyInput(raw);
    if (input) problems.push(...checkMarkdownBody(input, context));
  }
  return problems;
}
