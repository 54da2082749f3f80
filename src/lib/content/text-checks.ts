// Text the site and the images can show: no control characters anywhere in a content file, no
// text longer than its slot can ever show, and (when the caller passes the slides' font
// coverage) no character in image text that the slides cannot draw. Each is a problem at
// file:line naming the character or the length, with the fix.
import type { Locale } from '../i18n/locales.ts';
import { textCheckMessages, type TextCheckMessages, type TextSlotName } from '../i18n/text-checks.ts';
import { problemAt } from './cross-checks.ts';
import type { Problem } from '../model/problem.ts';
import type { YamlSource } from './source-file.ts';

/** What the slides cannot draw in a text (from the slides' text kit: fonts, Twemoji, symbols). */
export type UndrawableCheck = (text: string) => readonly ({ kind: 'no-glyph'; char: string } | { kind: 'stacked-marks'; grapheme: string; marks: number })[];

/** One content file as the loader read it. */
export interface TextCheckFile {
  kind: 'playbook' | 'attributes' | 'icps' | 'personas' | 'pages';
  file: string;
  /** The whole file, frontmatter and body. */
  text: string;
  /** Its YAML (the file or its frontmatter), when it parsed. */
  yaml?: YamlSource | undefined;
}

export interface TextCheckOptions {
  /** Checks image text against what the slides draw; without it, only controls and lengths are checked. */
  undrawable?: UndrawableCheck | undefined;
}

/** The slots whose length is capped (`text`: any other frontmatter string). */
export type Slot = TextSlotName;

/**
 * The most characters (graphemes) each slot can show. Titles: the slide shows two lines and the
 * link preview three at their smallest size, about 60 to 80 characters; labels two lines in a
 * slide column, about 80; a tier chip one short line. Summaries and descriptions are shown in
 * full on the pages, so their cap only keeps a paragraph from becoming a page. Any other text
 * in frontmatter is capped too: a 900 KB title once added a minute to the build.
 */
export const SLOT_LIMITS: Record<Slot, number> = {
  title: 120,
  name: 60,
  role: 120,
  summary: 400,
  label: 160,
  tier: 40,
  brand: 60,
  owner: 80,
  text: 2000,
};

/** `image`: the text is drawn on a slide or a link preview. */
/** A path of keys; `*` stands for any key or index. */
type SlotRule = { path: string[]; slot: Slot; image: boolean };

/** Where each slot is, per kind of file; `*` is every item of a list. */
const SLOTS: Record<TextCheckFile['kind'], SlotRule[]> = {
  playbook: [
    { path: ['company'], slot: 'brand', image: true },
    { path: ['product'], slot: 'brand', image: true },
    { path: ['tagline'], slot: 'summary', image: true },
  ],
  attributes: [],
  icps: [
    { path: ['title'], slot: 'title', image: true },
    { path: ['summary'], slot: 'summary', image: true },
    { path: ['owner'], slot: 'owner', image: true },
    { path: ['filters', '*', 'label'], slot: 'label', image: true },
    { path: ['signals', '*', 'label'], slot: 'label', image: true },
    { path: ['disqualifiers', '*'], slot: 'label', image: true },
    { path: ['tiers', '*', 'label'], slot: 'tier', image: true },
  ],
  personas: [
    { path: ['name'], slot: 'name', image: true },
    { path: ['role'], slot: 'role', image: true },
    { path: ['summary'], slot: 'summary', image: true },
    { path: ['owner'], slot: 'owner', image: false },
  ],
  pages: [
    { path: ['title'], slot: 'title', image: true },
    { path: ['description'], slot: 'summary', image: true },
    { path: ['owner'], slot: 'owner', image: false },
  ],
};

// C0 controls but tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const INVISIBLE_ONLY = /^[\s\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*$/;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Whether `text` has more than `limit` graphemes (emoji and accented letters count as one), and
 * how many it has. Segmenting is slow on huge texts (seconds for a 900 KB title): past 10,000
 * code units the length is counted in code points instead.
 */
function overLimit(text: string, limit: number): number | undefined {
  // Never more graphemes than UTF-16 units: short texts need no segmenting.
  if (text.length <= limit) return undefined;
  let count = 0;
  for (const _ of segmenter.segment(text)) if (++count > limit) break;
  if (count <= limit) return undefined;
  return text.length > 10_000 ? [...text].length : [...segmenter.segment(text)].length;
}

/** `U+0007`, the way character tables name a code point. */
export function codePointName(char: string): string {
  return [...char].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/** Every string in a YAML value, with its path. */
function strings(value: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, [...path, i]));
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.entries(value).flatMap(([key, item]) => strings(item, [...path, key]));
  return [];
}

/** The slot rule a path falls under, if any. */
function ruleFor(kind: TextCheckFile['kind'], path: readonly PropertyKey[]): SlotRule | undefined {
  return SLOTS[kind].find((rule) => rule.path.length === path.length && rule.path.every((segment, i) => segment === '*' ? typeof path[i] === 'number' : segment === path[i]));
}

/** Control characters typed into the file, at their line and column. */
function rawControls(file: TextCheckFile, m: TextCheckMessages): Problem[] {
  const problems: Problem[] = [];
  // Nearly every file has none: one search of the whole text before splitting it into lines.
  if (file.text.search(CONTROL) === -1) return problems;
  file.text.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(CONTROL)) {
      problems.push({ file: file.file, line: i + 1, column: match.index + 1, field: '-', message: m.control(codePointName(match[0])) });
    }
  });
  return problems;
}

function checkFile(file: TextCheckFile, m: TextCheckMessages, options: TextCheckOptions): Problem[] {
  const problems = rawControls(file, m);
  if (!file.yaml) return problems;
  const source = file.yaml;
  const rawFound = problems.length > 0;
  for (const { path, text } of strings(source.data)) {
    // Written as a YAML escape ("\e", "\0"): not in the raw text, so reported here.
    const control = rawFound ? undefined : text.match(CONTROL)?.[0];
    if (control) problems.push(problemAt(source, path, m.control(codePointName(control))));
    const rule = ruleFor(file.kind, path);
    const slot = rule?.slot ?? 'text';
    const length = overLimit(text, SLOT_LIMITS[slot]);
    if (length !== undefined) {
      problems.push(problemAt(source, path, m.tooLong(length, SLOT_LIMITS[slot], slot)));
      continue;
    }
    if (!rule) continue;
    if (text.trim() !== '' && INVISIBLE_ONLY.test(text)) {
      problems.push(problemAt(source, path, m.invisibleOnly(codePointName(text.trim()))));
      continue;
    }
    if (!rule.image || !options.undrawable) continue;
    const seen = new Set<string>();
    for (const issue of options.undrawable(text)) {
      const what = issue.kind === 'no-glyph' ? issue.char : issue.grapheme;
      // Control characters are reported above; each other character once per text.
      if (seen.has(what) || new RegExp(CONTROL.source).test(what)) continue;
      seen.add(what);
      problems.push(problemAt(source, path, issue.kind === 'no-glyph' ? m.noGlyph(issue.char, codePointName(issue.char)) : m.stackedMarks(issue.grapheme, issue.marks)));
    }
  }
  return problems;
}

/** The playbook's locale as written in playbook.yaml (before its schema is checked), for the messages. */
function localeOf(files: readonly TextCheckFile[]): Locale {
  const data = files.find((f) => f.kind === 'playbook')?.yaml?.data as { locale?: unknown } | undefined;
  return data?.locale === 'fr' ? 'fr' : 'en';
}

/**
 * Problems with the text of the content files: control characters, lengths over their slot's
 * cap, and (with `options.undrawable`) characters the slides cannot draw in image text.
 */
export function checkContentText(files: readonly TextCheckFile[], options: TextCheckOptions = {}): Problem[] {
  const m = textCheckMessages[localeOf(files)];
  return files.flatMap((file) => checkFile(file, m, options));
}
