// knip: unused files, dependencies and exports (`npm run lint`). An export used only in its own
// file is not reported: types in a module's signatures stay exported for its readers.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: ['scripts/*.ts', 'scripts/lib/score-worker.ts', 'src/**/*-worker.ts', 'test/**/*.ts'],
  project: ['src/**/*.{ts,astro}', 'scripts/**/*.ts', 'test/**/*.ts'],
  ignoreExportsUsedInFile: true,
  // Read from node_modules by path, not imported: Twemoji's SVG files (src/slides/emoji-fs.ts)
  // and axe-core's script, injected into pages by the accessibility tests. Starlight is the
  // baseline site of `npm run bench:build`, imported by the config that the bench writes.
  ignoreDependencies: ['@twemoji/svg', 'axe-core', '@astrojs/starlight'],
};

export default config;
