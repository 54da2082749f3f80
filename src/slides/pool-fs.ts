// Node-only: the drawing workers. Satori and resvg are synchronous CPU work of about 100 ms per
// slide; on the build's main thread they would run one at a time on one core. A pool of worker
// threads (tinypool), one per core, draws them side by side while the main thread renders
// pages. Workers write images straight to the cache, so memory stays flat however many there are.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { readCount } from '../lib/settings.ts';
import type { DrawJob, DrawResult } from './draw-worker.ts';

// One pool per process, shared by the copy of this module that Astro bundles into the build and
// the one the integration loads with the config (which closes it at the end of the build).
const POOL = Symbol.for('icp-playbook.slides.pool');
type Holder = { [POOL]?: Tinypool };

/**
 * The worker file, as source: Astro bundles this module into the build output, where a path
 * relative to it does not exist; npm runs the build from the repository root.
 */
function workerFile(): string {
  const candidates = [
    fileURLToPath(new URL('./draw-worker.ts', import.meta.url)),
    join(process.cwd(), 'src', 'slides', 'draw-worker.ts'),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found)
    throw new Error(
      `The slide drawing worker is missing (looked for ${candidates.join(' and ')}): run the build from the repository root.`,
    );
  return found;
}

/** Workers in the pool: `ICP_SLIDES_WORKERS`, or one per core; a value that is no count throws a SettingError. */
export function workerCount(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return (
    readCount(
      env,
      'ICP_SLIDES_WORKERS',
      1,
      (value) =>
        `ICP_SLIDES_WORKERS is "${value}": write how many threads draw the images (a whole number, 1 or more; 1 uses the least memory), or unset it for one per core`,
    ) ?? availableParallelism()
  );
}

/** The young generation of a drawing worker: three semi-spaces of 4 MB (V8's default is 16 MB). */
const YOUNG_GENERATION_MB = 12;

function pool(): Tinypool {
  const holder = globalThis as Holder;
  holder[POOL] ??= new Tinypool({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: workerCount(),
    // Idle workers end, so a process that is done drawing can exit; a build keeps them busy.
    idleTimeout: 2000,
    // satori leaves megabytes of short-lived objects per image. V8's default young generation
    // (16 MB semi-spaces) let each worker's heap grow about 200 MB over a build; 4 MB halves a
    // worker's memory and draws about 25 % faster (fresh pages are costly on this kind of VM).
    // Measured with `npm run bench:build`.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return holder[POOL];
}

/** Draws an image in a worker (see src/slides/draw-worker.ts). */
export function drawInPool(job: DrawJob): Promise<DrawResult> {
  return pool().run(job) as Promise<DrawResult>;
}

/** Ends the workers (at the end of a build); the next drawing starts a new pool. */
export async function closePool(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[POOL];
  delete holder[POOL];
  await current?.destroy();
}
