// Every page and endpoint finds the playbook, its UI strings and its formatters on Astro.locals,
// set here once per page, instead of each loading them itself. (The dev server answers with the
// problem panel before this runs when the content is invalid: src/integrations/live-content.ts.)
// During `astro build`, the build's feeds hear of each page: the images are queued before the
// first page, and each page's HTML goes to the search index as soon as it is rendered.
import { defineMiddleware } from 'astro:middleware';
import { getPlaybook } from './content-fs.ts';
import { buildFeeds } from './build-feed.ts';
import { getFormatters } from './lib/format.ts';
import { getUiStrings } from './lib/i18n/ui.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const playbook = getPlaybook();
  const { locale } = playbook.settings;
  context.locals.playbook = playbook;
  context.locals.ui = getUiStrings(locale);
  context.locals.format = getFormatters(locale);
  const feeds = buildFeeds();
  for (const feed of feeds) feed.pageStarting?.();
  const response = await next();
  const readers = feeds.flatMap((feed) => (feed.pageRendered ? [feed.pageRendered] : []));
  if (readers.length === 0 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  for (const read of readers) read(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
