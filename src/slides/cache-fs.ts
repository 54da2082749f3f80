// Node-only: the on-disk image cache. Every image is stored under a hash of everything that
// shapes it, so an unchanged image is never drawn again; files are written atomically.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { SlideElement } from '../lib/slides/element.ts';
import { IMAGE_PIXELS, TEMPLATE_VERSION, type Size } from '../lib/slides/theme.ts';
import { cacheDir } from './stats-fs.ts';
import { loadFonts, versionOf } from './fonts-fs.ts';

/** Bump when src/slides/ changes how a tree becomes pixels (the cache key hashes the tree, not the code). */
const RENDERER_VERSION = 3;
let versionCache: Record<string, string | number> | undefined;
const versions = () =>
  (versionCache ??= {
    renderer: RENDERER_VERSION,
    imagePixels: IMAGE_PIXELS,
    satori: versionOf('satori'),
    resvg: versionOf('@resvg/resvg-js'),
  });

/** The cache key of an image: template version, renderer versions, fonts, size, tree and images. */
export function imageKey(tree: SlideElement, size: Size, images: Record<string, string>): string {
  return createHash('sha256')
    .update(JSON.stringify({ template: TEMPLATE_VERSION, ...versions(), fonts: loadFonts().hash, size, tree, images }))
    .digest('hex')
    .slice(0, 32);
}

const files = (key: string, dir = cacheDir()) => ({ svg: join(dir, `${key}.svg`), png: join(dir, `${key}.png`) });

/** True when both files of the image are in the cache. */
export function isCached(key: string): boolean {
  const { svg, png } = files(key);
  return existsSync(svg) && existsSync(png);
}

/** The cached SVG and PNG of an image, touched so the prune keeps them; undefined when absent. */
export function readCached(key: string): { svg: string; png: Buffer } | undefined {
  const { svg, png } = files(key);
  if (!existsSync(svg) || !existsSync(png)) return undefined;
  // Touch the entry: the cache prune removes what no build used for a month.
  const now = new Date();
  utimesSync(png, now, now);
  utimesSync(svg, now, now);
  return { svg: readFileSync(svg, 'utf8'), png: readFileSync(png) };
}

/** Copies the cached PNG of an image to `target` (a file of the built site), touched so the prune keeps it. */
export async function copyCachedPng(key: string, target: string): Promise<void> {
  const { svg, png } = files(key);
  const now = new Date();
  await Promise.all([utimes(png, now, now), utimes(svg, now, now), mkdir(dirname(target), { recursive: true })]);
  await copyFile(png, target);
}

/** Stores an image: write then rename, so a build stopped halfway never leaves half a file. */
export function writeCached(key: string, svg: string, png: Buffer, dir = cacheDir()): void {
  mkdirSync(dir, { recursive: true });
  const target = files(key, dir);
  // Threads of one process may draw the same image: the temporary name is per thread.
  const suffix = `${process.pid}-${threadId}.tmp`;
  writeFileSync(`${target.svg}.${suffix}`, svg);
  renameSync(`${target.svg}.${suffix}`, target.svg);
  writeFileSync(`${target.png}.${suffix}`, png);
  renameSync(`${target.png}.${suffix}`, target.png);
}
