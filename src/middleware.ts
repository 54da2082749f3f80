// Every page and endpoint finds the playbook, its UI strings and its formatters on Astro.locals,
// set here once per page, instead of each loading them itself. (The dev server answers with the
// problem panel before this runs when the content is invalid: src/integrations/live-content.ts.)
// During `astro build`, each page's HTML also goes to the search index as soon as it is rendered.
import { defineMiddleware } from 'astro:middleware';
import { getPlaybook } from './content-fs.ts';
import { searchFeed } from './integrations/search-feed.ts';
import { getFormatters } from './lib/format.ts';
import { getUiStrings } from './lib/i18n/ui.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const playbook = getPlaybook();
  const { locale } = playbook.settings;
  context.locals.playbook = playbook;
  context.locals.ui = getUiStrings(locale);
  context.locals.format = getFormatters(locale);
  const response = await next();
  const feed = searchFeed();
  if (!feed || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  feed(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
