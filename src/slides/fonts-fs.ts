// Node-only: the slides' fonts, Inter from @fontsource/inter in node_modules (never fetched),
// read once per process (or per worker): WOFF2 for satori, WOFF for the text kit's metrics.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { parseFontMetrics, type FontMetrics } from '../lib/slides/font-metrics.ts';
import { FONT_SUBSETS, FONT_WEIGHTS, fontFamilyName } from '../lib/slides/theme.ts';

const require = createRequire(import.meta.url);

/** One font as satori takes it. */
export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: (typeof FONT_WEIGHTS)[number];
  style: 'normal';
}

export interface FontSet {
  satori: SatoriFont[];
  metrics: Map<number, FontMetrics[]>;
  /** Hash of every font file, part of each image's cache key. */
  hash: string;
}

/** The folder of an installed package. */
export function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** The installed version of a package (part of the cache key). */
export function versionOf(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
}

let fontSet: FontSet | undefined;

/** Inter from @fontsource/inter, read once per process: WOFF2 for satori, WOFF for metrics. */
export function loadFonts(): FontSet {
  if (fontSet) return fontSet;
  const files = join(packageDir('@fontsource/inter'), 'files');
  const hash = createHash('sha256');
  const satoriFonts: SatoriFont[] = [];
  const metrics = new Map<number, FontMetrics[]>();
  for (const weight of FONT_WEIGHTS) {
    const perWeight: FontMetrics[] = [];
    for (const subset of FONT_SUBSETS) {
      const base = join(files, `inter-${subset}-${weight}-normal`);
      const woff2 = readFileSync(`${base}.woff2`);
      hash.update(woff2);
      satoriFonts.push({ name: fontFamilyName(subset), data: woff2, weight, style: 'normal' });
      perWeight.push(parseFontMetrics(readFileSync(`${base}.woff`), (bytes) => inflateSync(bytes)));
    }
    metrics.set(weight, perWeight);
  }
  fontSet = { satori: satoriFonts, metrics, hash: hash.digest('hex') };
  return fontSet;
}

/**
 * Inter's metrics for one weight only: what the validator needs to know which characters the
 * slides can draw (every weight covers the same characters), without reading the other fonts.
 */
export function loadFontMetrics(weight: (typeof FONT_WEIGHTS)[number] = 400): Map<number, FontMetrics[]> {
  if (fontSet) return new Map([[weight, fontSet.metrics.get(weight)!]]);
  const files = join(packageDir('@fontsource/inter'), 'files');
  const metrics = FONT_SUBSETS.map((subset) =>
    parseFontMetrics(readFileSync(join(files, `inter-${subset}-${weight}-normal.woff`)), (bytes) => inflateSync(bytes)),
  );
  return new Map([[weight, metrics]]);
}
