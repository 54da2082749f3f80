// Astro collections render the Markdown and MDX bodies. The frontmatter is validated once, by
// our own loader (src/lib/content), which knows lines and cross-file rules; pages read the
// model from getPlaybook(), so there is no second schema here to drift from it.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const root = process.env['ICP_CONTENT_DIR'] ?? './content';
// Files starting with "_" are drafts the build ignores, as in the validator.
const bodies = (folder: string, pattern: string) =>
  defineCollection({ loader: glob({ base: `${root}/${folder}`, pattern: [pattern, '!_*'] }) });

export const collections = {
  icps: bodies('icps', '*.md'),
  personas: bodies('personas', '*.md'),
  pages: bodies('pages', '*.{md,mdx}'),
};
