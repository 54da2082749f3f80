// Node-only: one drawing worker of the pool (src/slides/pool-fs.ts). It draws an image and
// writes it to the cache, or hands it back when the cache is off; fonts are read once per worker.
import type { SlideElement } from '../lib/slides/element.ts';
import { writeCached } from './cache-fs.ts';
import type { Size } from '../lib/slides/theme.ts';
import { drawImage, type DrawnImage } from './render-fs.ts';

export interface DrawJob {
  tree: SlideElement;
  size: Size;
  images: Record<string, string>;
  key: string;
  /** The cache folder to write to; without it the image is returned instead. */
  cacheDir?: string | undefined;
}

/** What a job returns: the timings, and the image itself only when it was not cached. */
export type DrawResult = Omit<DrawnImage, 'svg' | 'png'> & { svg?: string; png?: Uint8Array };

export default async function draw(job: DrawJob): Promise<DrawResult> {
  const { svg, png, ...timings } = await drawImage(job.tree, job.size, job.images);
  // resvg frees its native pixel buffers only when the event loop turns: let it turn.
  await new Promise((resolve) => setImmediate(resolve));
  if (job.cacheDir) {
    writeCached(job.key, svg, png, job.cacheDir);
    return timings;
  }
  return { ...timings, svg, png };
}
