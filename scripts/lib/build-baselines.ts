// The sites `npm run bench:build` measures the playbook against, built from the same Markdown
// pages: a plain Astro site (one layout, the pages as a content collection) indexed by Pagefind's
// CLI, and Starlight (Astro's documentation theme, which runs Pagefind itself). Neither draws an
// image. Each is a small project in a folder under the repository (so that Node finds this
// repository's node_modules: Vite mixes up the paths of a linked node_modules), with its own Astro
// cache folder so that it never reads or clears the playbook's.
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = (
  'account pipeline revenue segment buyer champion budget renewal onboarding pricing discovery objection ' +
  'territory forecast quota signal persona market adoption integration security procurement workflow ' +
  'dashboard expansion retention churn cohort trial demo proposal contract stakeholder evaluation roadmap'
).split(' ');

/** A deterministic guide page of about 700 words in 7 sections. */
function guidePage(i: number): string {
  let seed = i * 7919 + 17;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const word = () => WORDS[next() % WORDS.length]!;
  const sentence = () => {
    const words = Array.from({ length: 8 + (next() % 10) }, word);
    return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const sections = Array.from(
    { length: 7 },
    (_, s) => `## Section ${s + 1}: ${word()} ${word()}\n\n${Array.from({ length: 8 }, sentence).join(' ')}\n`,
  );
  return `---\ntitle: Guide ${i}, ${word()} and ${word()}\ndescription: How the team handles ${word()} and ${word()} for ${word()} accounts.\nowner: Camille Martin\nreviewed: 2026-10-01\n---\n\n${sections.join('\n')}`;
}

/** Writes `count` generated guide pages (bench-0001.md, …) into `dir`. */
export function writeGuidePages(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= count; i++) writeFileSync(join(dir, `bench-${String(i).padStart(4, '0')}.md`), guidePage(i));
}

/** Copies the Markdown guides of a content folder (its `pages/*.md`; MDX imports the playbook's components). */
function copyMarkdownGuides(contentDir: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(join(contentDir, 'pages')))
    if (name.endsWith('.md') && !name.startsWith('_')) cpSync(join(contentDir, 'pages', name), join(to, name));
}

function project(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

// Astro bundles the Astro components of the packages a project depends on: they are listed.
const packageJson = (dependencies: string[]) =>
  JSON.stringify({
    name: 'bench-baseline',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(dependencies.map((name) => [name, '*'])),
  });

/**
 * A plain Astro site of the guides in `contentDir` (generated and the example's): one page per
 * guide with its title and body, and an index. Build it with `astro build`, then `pagefind --site dist`.
 */
export function writePlainAstro(dir: string, contentDir: string): void {
  copyMarkdownGuides(contentDir, join(dir, 'guides'));
  project(dir, {
    'package.json': packageJson(['astro']),
    'astro.config.mjs': `import { defineConfig } from 'astro/config';\nexport default defineConfig({ cacheDir: './.astro-cache' });\n`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  guides: defineCollection({
    loader: glob({ base: './guides', pattern: '*.md' }),
    schema: z.object({ title: z.string(), description: z.string().optional() }),
  }),
};
`,
    'src/layouts/Page.astro': `---
const { title } = Astro.props;
---
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{title}</title></head>
  <body><main data-pagefind-body><h1>{title}</h1><slot /></main></body>
</html>
`,
    'src/pages/[id].astro': `---
import { getCollection, render } from 'astro:content';
import Page from '../layouts/Page.astro';
export async function getStaticPaths() {
  return (await getCollection('guides')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Page title={entry.data.title}><p>{entry.data.description}</p><Content /></Page>
`,
    'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
import Page from '../layouts/Page.astro';
const guides = await getCollection('guides');
---
<Page title="Guides"><ul>{guides.map((g) => <li><a href={\`/\${g.id}/\`}>{g.data.title}</a></li>)}</ul></Page>
`,
  });
}

/** A Starlight site of the same guides (Starlight builds its Pagefind index inside `astro build`). */
export function writeStarlight(dir: string, contentDir: string): void {
  copyMarkdownGuides(contentDir, join(dir, 'src', 'content', 'docs'));
  project(dir, {
    'package.json': packageJson(['astro', '@astrojs/starlight']),
    'astro.config.mjs': `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({ cacheDir: './.astro-cache', integrations: [starlight({ title: 'Playbook' })] });
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
    'src/content/docs/index.md': `---\ntitle: Playbook\n---\n\nThe team's guides.\n`,
  });
}
