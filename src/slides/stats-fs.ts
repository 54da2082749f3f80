// Node-only: where slide and Open Graph images are cached between builds, and what this build
// did with them. The counters live on globalThis because Astro runs the pages from a bundled
// copy of src/slides-fs.ts, while the integration that reports them is loaded with the config.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface SlideStats {
  /** Images drawn in this process (satori + resvg). */
  drawn: number;
  /** Images read from the cache. */
  cached: number;
  /** Time spent drawing, in milliseconds, summed over the workers. */
  svgMs: number;
  pngMs: number;
  /** Cache keys used in this process: what a prune keeps. */
  keys: Set<string>;
}

const STATS = Symbol.for('icp-playbook.slides.stats');

/** The counters of this process. */
export function slideStats(): SlideStats {
  const holder = globalThis as { [STATS]?: SlideStats };
  holder[STATS] ??= { drawn: 0, cached: 0, svgMs: 0, pngMs: 0, keys: new Set() };
  return holder[STATS];
}

/** Resets the counters (at the start of a build). */
export function resetSlideStats(): void {
  const stats = slideStats();
  Object.assign(stats, { drawn: 0, cached: 0, svgMs: 0, pngMs: 0 });
  stats.keys.clear();
}

/** The cache folder: `node_modules/.cache/icp-slides/`, or `ICP_SLIDES_CACHE` when set. */
export function cacheDir(): string {
  const override = process.env['ICP_SLIDES_CACHE'];
  if (override) return override;
  const satori = dirname(createRequire(import.meta.url).resolve('satori/package.json'));
  return join(dirname(satori), '.cache', 'icp-slides');
}

/**
 * Deletes cached images that this build did not use and nobody used for `maxAgeDays`, so the
 * cache does not grow forever as content changes. Returns how many files were deleted.
 */
export function pruneSlideCache(maxAgeDays = 30, now = Date.now()): number {
  const dir = cacheDir();
  const { keys } = slideStats();
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const key = name.split('.')[0]!;
    if (keys.has(key)) continue;
    const file = join(dir, name);
    if (now - statSync(file).mtimeMs > maxAgeDays * 86_400_000) {
      rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}
