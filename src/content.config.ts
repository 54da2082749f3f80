// Astro collections render the Markdown and MDX bodies. The frontmatter is validated once, by
// our own loader (src/lib/content), which knows lines and cross-file rules; pages read the
// model from getPlaybook(), so there is no second schema here to drift from it.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const root = process.env['ICP_CONTENT_DIR'] ?? './content';
// Files starting with "_" are drafts the build ignores, as in the validator. The raw Markdown is
// not kept in Astro's content store (retainBody): pages show the HTML rendered into the store (MDX
// from its module) and nothing reads `entry.body`. The store is embedded in the build's bundle:
// 1,000 pages of 700 words made it 14 MB instead of 8, and a warm build one to two seconds slower
// (10.6–13.4 s against 8.9–10.8 s, four alternated pairs on the `npm run bench:build` pages).
const bodies = (folder: string, pattern: string) =>
  defineCollection({ loader: glob({ base: `${root}/${folder}`, pattern: [pattern, '!_*'], retainBody: false }) });

export const collections = {
  icps: bodies('icps', '*.md'),
  personas: bodies('personas', '*.md'),
  pages: bodies('pages', '*.{md,mdx}'),
};
