// Node-only, imported before @resvg/resvg-js (see render-fs.ts and the slides integration): how
// the allocator inside resvg's native module (mimalloc) treats the pixel buffers. resvg draws
// every image into a fresh buffer of 3 to 8 MB. By default mimalloc gives freed memory back to
// the system after 10 ms, longer than a worker takes to lay out its next image, so every image
// faulted its buffer in again, page by page: about two thirds of resvg's time on this project's
// 2-core VM. Kept for a second, a buffer is reused by the next image (`npm run bench:slides`
// compares the two: about 1.3× as fast a pool, for about 90 MiB more at its peak).
// mimalloc reads this once, when the native module loads; a value already set is kept. In a build
// only the drawing workers load resvg, and a worker's process.env is a copy the native module
// never reads: the slides integration's import, in the build's own thread, is the one that counts.
if (process.platform === 'linux') process.env['MIMALLOC_PURGE_DELAY'] ??= '1000';
