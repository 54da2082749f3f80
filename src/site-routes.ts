// Node-only: the routes of this build, src/lib/routes.ts with the base path that
// astro.config.mjs gives Astro (from SITE_URL or `url:` in playbook.yaml, read by the same
// function). Pages and components import this in their frontmatter. Not
// `import.meta.env.BASE_URL`: Astro prerenders pages where that is always `/`.
import { publishedAddress } from './site-address-fs.ts';
import { createRoutes } from './lib/routes.ts';

/** Every URL of the site, with this build's base path. */
export const routes = createRoutes(publishedAddress()?.base ?? '/');
