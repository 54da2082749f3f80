// The Open Graph image of every page (1200 × 630): /og/<page path without slashes>.png,
// /og/index.png for the home page. SocialMeta.astro links each page to its image. The dev server
// draws them here on request; a build copies them into the site from the image cache instead
// (writeOgImages, called by src/integrations/slides.ts), so this route has no page in a build.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlaybook } from '../../content-fs.ts';
import { listOgPages, ogRouteKey } from '../../lib/slides/og-routes.ts';
import { renderOgImage } from '../../slides-fs.ts';

export const getStaticPaths = (() =>
  import.meta.env.DEV
    ? listOgPages(getPlaybook()).map((page) => ({
        params: { slug: ogRouteKey(page.path) },
        props: { path: page.path },
      }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { png } = await renderOgImage((props as { path: string }).path);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
