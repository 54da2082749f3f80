// The routes of this build: src/lib/routes.ts with Astro's base path (`base` in
// astro.config.mjs, from `url:` in playbook.yaml or SITE_URL). Pages and components import this.
import { createRoutes } from './lib/routes.ts';

/** Every URL of the site, with this build's base path. */
export const routes = createRoutes(import.meta.env.BASE_URL);
