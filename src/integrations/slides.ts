// Node-only: reports, at the end of `astro build`, how many slide and Open Graph images were
// drawn and how many came from the cache (a build with unchanged content draws none), and
// prunes cache entries nobody used for a month. The images themselves are drawn by the
// endpoints in src/pages/slides/ and src/pages/og/.
import type { AstroIntegration } from 'astro';
// With the config, before any page module loads resvg: its allocator's settings (see the module).
import '../slides/native-memory-fs.ts';
import { closePool, workerCount } from '../slides/pool-fs.ts';
import { cacheDir, pruneSlideCache, resetSlideStats, slideStats } from '../slides/stats-fs.ts';

/** The slides integration: add it to `integrations` in astro.config.mjs. */
export default function slides(): AstroIntegration {
  return {
    name: 'icp-playbook:slides',
    hooks: {
      'astro:build:start': () => {
        resetSlideStats(true);
      },
      'astro:build:done': async ({ logger }) => {
        const stats = slideStats();
        stats.building = false;
        await closePool();
        // A PNG and an SVG share one image, so count distinct images (cache keys).
        const images = stats.keys.size;
        if (images === 0) return;
        const drawing = stats.drawn
          ? ` in ${Math.round(stats.svgMs)} ms SVG + ${Math.round(stats.pngMs)} ms PNG (summed over ${workerCount()} drawing workers)`
          : '';
        logger.info(
          `${images} images: ${stats.drawn} drawn${drawing}, ${images - stats.drawn} unchanged since the last build (cache: ${cacheDir()})`,
        );
        const removed = pruneSlideCache();
        if (removed) logger.info(`Removed ${removed} cached files unused for 30 days.`);
      },
    },
  };
}
