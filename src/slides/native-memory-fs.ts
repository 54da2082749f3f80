// Node-only, imported before @resvg/resvg-js (see render-fs.ts): how the allocator inside resvg's
// native module (mimalloc) treats the pixel buffers. resvg draws every image into a fresh buffer
// of 3 to 8 MB. By default mimalloc gives freed memory back to the system after 10 ms and maps it
// in 4 KiB pages, so every image faulted its buffer in again, page by page: about two thirds of
// resvg's time on this project's 2-core VM. Kept for a second and mapped in 2 MiB pages, a buffer
// is reused, or faulted in 512 times fewer steps (`npm run bench:slides` compares the two).
// mimalloc reads these once, when the native module loads; a value already set is kept.
if (process.platform === 'linux') {
  process.env['MIMALLOC_ALLOW_LARGE_OS_PAGES'] ??= '1';
  process.env['MIMALLOC_PURGE_DELAY'] ??= '1000';
}
