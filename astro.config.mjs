// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { satteriSanitizeUserHtml } from './src/lib/markdown/sanitize-html.ts';
import { satteriBaseLinks } from './src/lib/markdown/base-links.ts';
import { shikiNoTimeLimit } from './src/lib/markdown/shiki-no-time-limit.ts';
import pagefind from './src/integrations/pagefind.ts';
import slides from './src/integrations/slides.ts';
import liveContent from './src/integrations/live-content.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import validateContent from './src/integrations/validate-content.ts';
import { buildSettingsOrExit } from './src/build-settings-fs.ts';
import { readMediaHosts } from './src/content-fs.ts';

// Where the playbook is published (`url:` in playbook.yaml, or SITE_URL): absolute URLs for
// link previews, and its path as the base of every URL (a GitHub Pages project site). The other
// settings of the environment (ICP_TODAY, ICP_SLIDES_WORKERS) are checked with it, first thing.
const { address } = buildSettingsOrExit();
// Hosts .md pages may show images from (playbook.yaml mediaHosts; none by default).
const mediaHosts = readMediaHosts();

export default defineConfig({
  ...(address ? { site: address.site, base: address.base } : {}),
  // Tests build into their own folder so they never clobber a user's dist/.
  outDir: process.env.ICP_OUT_DIR || './dist',
  // …with its own build cache (content data store), so two test builds can run side by side.
  ...(process.env.ICP_OUT_DIR ? { cacheDir: `${process.env.ICP_OUT_DIR}.astro-cache` } : {}),
  trailingSlash: 'ignore',
  // Stylesheets as files, never inline <style>: the Content-Security-Policy allows 'self' only.
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // Every line fully coloured on every build, however busy the machine: reproducible HTML.
    shikiConfig: { transformers: [shikiNoTimeLimit()] },
    // .md bodies are data written by anyone with a pull request: authors' raw HTML is parsed
    // into elements (rawHtml) so the sanitizer can drop scripts, event handlers and
    // javascript: links and media from other hosts before they reach a page. .mdx is code and
    // is skipped (code review); in both, inline styles become classes (docs/security.md).
    // Site paths written in bodies (`[Glossary](/pages/glossary/)`) get the base path.
    processor: satteri({
      features: { rawHtml: true },
      hastPlugins: [satteriSanitizeUserHtml({ mediaHosts }), satteriBaseLinks(address?.base ?? '/')],
    }),
  },
  // The content check comes first: a build with invalid content stops before anything is built.
  integrations: [validateContent(), mdx(), pagefind(), slides(), liveContent(), securityHeaders({ mediaHosts })],
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
