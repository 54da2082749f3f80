// Node-only: emoji images from @twemoji/svg in node_modules (never fetched).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './fonts-fs.ts';

let emojiFiles: Set<string> | undefined;
const emojiUris = new Map<string, string | undefined>();

/** The Twemoji SVG for an emoji grapheme, as a data URI, or undefined when Twemoji has none. */
export function twemoji(grapheme: string): string | undefined {
  if (emojiUris.has(grapheme)) return emojiUris.get(grapheme);
  const dir = packageDir('@twemoji/svg');
  emojiFiles ??= new Set(readdirSync(dir).filter((f) => f.endsWith('.svg')));
  const codes = [...grapheme].map((c) => c.codePointAt(0)!.toString(16));
  // Twemoji names files without the emoji variation selector, except in some ZWJ sequences.
  const candidates = [codes.join('-'), codes.filter((c) => c !== 'fe0f').join('-')];
  const file = candidates.map((name) => `${name}.svg`).find((name) => emojiFiles!.has(name));
  const uri = file ? `data:image/svg+xml;base64,${readFileSync(join(dir, file)).toString('base64')}` : undefined;
  emojiUris.set(grapheme, uri);
  return uri;
}
