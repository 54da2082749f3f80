// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  // Absolute URLs (Open Graph images) need the address the playbook is served from.
  site: process.env.SITE_URL || undefined,
  // Tests build into their own folder so they never clobber a user's dist/.
  outDir: process.env.ICP_OUT_DIR || './dist',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
