import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, visit, type Document, type Node as YamlNode } from 'yaml';
import { decodeCsvBytes } from '../csv/decode.ts';
import type { Problem } from '../model/problem.ts';
import { validatorLocale, vm } from '../i18n/validator.ts';

/** Files above this size are refused before parsing: content files are small, and a huge one is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Known-accounts CSVs are data exports: room for about 200,000 CRM rows. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
/** YAML aliases expanded per file at most, to refuse "billion laughs" alias bombs quickly. */
const MAX_ALIAS_COUNT = 100;

export interface RawFile {
  /** Path relative to the repository, with `/` separators. */
  path: string;
  bytes: Uint8Array;
}

/** A parsed YAML document (a data file or a frontmatter block) that can point back at its source. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** Line and column of the value at `path`, or of its nearest existing parent. */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): { line: number; column: number };
  /** The text of a line of the file (1-based, as `locate` counts), to quote what the author wrote. */
  lineText?(line: number): string;
}

export interface ParsedFile {
  yaml: YamlSource;
  /** Markdown body after the frontmatter (empty for YAML files). */
  body: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function problemAt(file: string, line: number, column: number, message: string, field = '-'): Problem {
  return { file, line, column, field, message };
}

/**
 * Decodes UTF-8 (a BOM is fine), refusing other encodings and oversized files; CSVs as `npm run
 * score` reads them (see csv/decode.ts), with a notice when one was not UTF-8.
 */
export function decodeText(file: RawFile): { text?: string; problem?: Problem; notice?: Problem } {
  const csv = file.path.endsWith('.csv');
  const limit = csv ? MAX_CSV_BYTES : MAX_FILE_BYTES;
  if (file.bytes.byteLength > limit) {
    const mb = (file.bytes.byteLength / 1024 / 1024).toFixed(1);
    return { problem: problemAt(file.path, 1, 1, vm().tooBig(mb, csv, limit / 1024 / 1024)) };
  }
  if (csv) {
    // Known accounts are CRM exports: read them like `npm run score` does (Windows-1252 too).
    try {
      const { text, encoding } = decodeCsvBytes(file.bytes, validatorLocale());
      const other = encoding === 'utf-8' ? undefined : encoding === 'windows-1252' ? vm().accountsWindows1252 : vm().accountsUtf16;
      return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, ...(other ? { notice: problemAt(file.path, 1, 1, other) } : {}) };
    } catch (error) {
      return { problem: problemAt(file.path, 1, 1, (error as Error).message) };
    }
  }
  try {
    const text = decoder.decode(file.bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { problem: problemAt(file.path, 1, 1, vm().notUtf8) };
  }
}

function findNode(doc: Document, path: readonly PropertyKey[], key: boolean): YamlNode | undefined {
  let node: unknown = doc.contents;
  let found: YamlNode | undefined = doc.contents ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const isLast = i === path.length - 1;
      if (isLast && key && isScalar(pair.key)) return pair.key;
      node = pair.value;
      // `key:` with no value: point at the key.
      found = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      found = item as YamlNode;
    } else {
      break;
    }
  }
  return found;
}

/** A tab in the indentation: YAML forbids it, and the parser's own message never says "tab". */
function findIndentTab(text: string): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const indent = /^[ \t]*/.exec(lines[i]!)![0];
    const at = indent.indexOf('\t');
    // A line of only whitespace does not matter to YAML.
    if (at >= 0 && indent.length < lines[i]!.replace(/\r$/, '').length) return { line: i + 1, column: at + 1 };
  }
  return undefined;
}

/**
 * Plain (unquoted) texts that run over several lines and contain a line starting with "- ": a
 * list item indented deeper than the one above, which YAML silently glues to it.
 */
function swallowedItems(doc: Document, text: string, position: (offset: number) => { line: number; column: number }): { line: number; column: number }[] {
  const found: { line: number; column: number }[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (node.type !== 'PLAIN' || !node.range) return;
      const source = text.slice(node.range[0], node.range[1]);
      const match = /\n([ \t]*)- /.exec(source);
      if (match) found.push(position(node.range[0] + match.index + 1 + match[1]!.length));
    },
  });
  return found;
}

/** Parses YAML text that starts at `lineOffset` lines into its file. */
export function parseYaml(file: string, text: string, lineOffset: number): { source?: YamlSource; problems: Problem[] } {
  const tab = findIndentTab(text);
  if (tab) {
    return { problems: [problemAt(file, tab.line + lineOffset, tab.column, vm().tab(`${tab.line + lineOffset}:${tab.column}`))] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  // The first syntax error only: the ones after it are almost always its cascade, and vanish
  // once it is fixed. The other files are still checked.
  const first = doc.errors[0];
  if (first) {
    const { line, column } = position(first.pos[0]);
    const reason = vm().yamlReason(first.code, first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
    return { problems: [problemAt(file, line, column, vm().yamlSyntax(reason, doc.errors.length - 1))] };
  }
  const swallowed = swallowedItems(doc, text, position).map(({ line, column }) =>
    problemAt(file, line, column, vm().swallowedItem),
  );
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return { problems: [problemAt(file, 1, 1, vm().aliasBomb(MAX_ALIAS_COUNT))] };
  }
  return {
    // The text is still read as written: the other fields get checked too.
    problems: swallowed,
    source: {
      file,
      data,
      lineText(line) {
        return text.split('\n')[line - 1 - lineOffset] ?? '';
      },
      locate(path, options = {}) {
        const node = findNode(doc, path, options.key ?? false);
        return node?.range ? position(node.range[0]) : { line: 1 + lineOffset, column: 1 };
      },
    },
  };
}

// The closing --- must start its own line: a value ending in "---" does not close it.
const FRONTMATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * The body of a Markdown file: what follows its frontmatter, or undefined without one. The body
 * checks need no parsed frontmatter (the loader parses it and reports its problems): each file's
 * YAML is parsed once.
 */
export function markdownBody(text: string): string | undefined {
  const match = FRONTMATTER.exec(text);
  return match ? text.slice(match[0].length) : undefined;
}

/** Splits a Markdown file into its YAML frontmatter (between `---` lines) and its body. */
export function parseMarkdown(file: string, text: string): { parsed?: ParsedFile; problems: Problem[] } {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return {
      problems: [problemAt(file, 1, 1, vm().noFrontmatter)],
    };
  }
  const { source, problems } = parseYaml(file, match[1] ?? '', 1);
  if (!source) return { problems };
  return { parsed: { yaml: source, body: text.slice(match[0].length) }, problems };
}

/** Parses a whole YAML data file. */
export function parseYamlFile(file: string, text: string): { parsed?: ParsedFile; problems: Problem[] } {
  const { source, problems } = parseYaml(file, text, 0);
  return source ? { parsed: { yaml: source, body: '' }, problems } : { problems };
}
