// Node-only: the images of `astro build`. Before the first page renders, every slide and Open
// Graph image not in the cache is queued in the drawing pool (src/slides-fs.ts), so the workers
// draw while Astro renders pages; the slide endpoints (src/pages/slides/) wait for theirs. Once
// every page is written, the Open Graph cards are copied into the site from the cache (while the
// search index is written); when the build is done, the log says how many images were drawn and
// how many came from the cache (a build with unchanged content draws none), and cache entries
// nobody used for a month are pruned.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
// With the config, in the build's own thread, before the first drawing worker loads resvg: its
// allocator's setting must be in the process's environment (see the module).
import '../slides/native-memory-fs.ts';
import { getPlaybook } from '../content-fs.ts';
import { closeBuildFeed, openBuildFeed } from '../build-feed.ts';
import { queueSiteImages, writeOgImages } from '../slides-fs.ts';
import { closePool, workerCount } from '../slides/pool-fs.ts';
import { cacheDir, pruneSlideCache, resetSlideStats, slideStats } from '../slides/stats-fs.ts';

/** The slides integration: add it to `integrations` in astro.config.mjs. */
export default function slides(): AstroIntegration {
  let queuedBeforePages = false;
  let writing: Promise<void> | undefined;
  const startWriting = (dir: URL) => {
    closeBuildFeed('slides');
    const done = (async () => {
      try {
        await writeOgImages(getPlaybook(), fileURLToPath(dir));
      } finally {
        await closePool();
      }
    })();
    // Awaited, and its error reported, in astro:build:done.
    done.catch(() => undefined);
    return done;
  };
  return {
    name: 'icp-playbook:slides',
    hooks: {
      'astro:build:start': () => {
        resetSlideStats();
        writing = undefined;
        // Bundling is done when the first page renders: every image is drawn side by side with
        // the pages from then on. (Queued when the build starts, drawing overlapped bundling too:
        // slower on two cores, with a higher peak, 1,428 MiB against 1,251–1,302; `npm run bench:build`.)
        queuedBeforePages = false;
        openBuildFeed('slides', {
          pageStarting: () => {
            if (queuedBeforePages) return;
            queuedBeforePages = true;
            try {
              queueSiteImages(getPlaybook());
            } catch {
              // Not this page's fault: the image that failed is made again, and the error thrown
              // with its name, by its slide endpoint or by writeOgImages after the last page.
            }
          },
        });
      },
      // Every page is written: the cards are copied while Astro tidies up and the search index
      // is written, and the build waits for them when it is done.
      'astro:build:generated': ({ dir }) => {
        writing = startWriting(dir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pending = writing ?? startWriting(dir);
        writing = undefined;
        await pending;
        const stats = slideStats();
        // A PNG and an SVG share one image, so count distinct images (cache keys).
        const images = stats.keys.size;
        if (images === 0) return;
        const drawing = stats.drawn
          ? ` in ${Math.round(stats.svgMs)} ms SVG + ${Math.round(stats.pngMs)} ms PNG (summed over ${workerCount()} drawing workers)`
          : '';
        logger.info(
          `${images} images${queuedBeforePages ? ' (queued before the first page)' : ''}: ${stats.drawn} drawn${drawing}, ${images - stats.drawn} unchanged since the last build (cache: ${cacheDir()})`,
        );
        const removed = pruneSlideCache();
        if (removed) logger.info(`Removed ${removed} cached files unused for 30 days.`);
      },
    },
  };
}
