// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { satteriSanitizeUserHtml } from './src/lib/markdown/sanitize-html.ts';
import pagefind from './src/integrations/pagefind.ts';
import slides from './src/integrations/slides.ts';
import liveContent from './src/integrations/live-content.ts';

export default defineConfig({
  // Absolute URLs (Open Graph images) need the address the playbook is served from.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  // Tests build into their own folder so they never clobber a user's dist/.
  outDir: process.env.ICP_OUT_DIR || './dist',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  markdown: {
    // .md bodies are data written by anyone with a pull request: authors' raw HTML is parsed
    // into elements (rawHtml) so the sanitizer can drop scripts, event handlers and
    // javascript: links before they reach a page. .mdx is code and is skipped (code review).
    processor: satteri({ features: { rawHtml: true }, hastPlugins: [satteriSanitizeUserHtml()] }),
  },
  integrations: [mdx(), pagefind(), slides(), liveContent()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // Astro marks MDX modules with a "use astro:head-inject" directive that the bundler
        // warns about on every build; it is expected and harmless, and looks like an error
        // to an author reading the build log.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /astro:head-inject/.test(warning.message)) return;
          warn(warning);
        },
      },
    },
  },
});
