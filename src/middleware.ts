// Every page and endpoint finds the playbook, its UI strings and its formatters on Astro.locals,
// set here once per page, instead of each loading them itself. (The dev server answers with the
// problem panel before this runs when the content is invalid: src/integrations/live-content.ts.)
import { defineMiddleware } from 'astro:middleware';
import { getPlaybook } from './content-fs.ts';
import { getFormatters } from './lib/format.ts';
import { getUiStrings } from './lib/i18n/ui.ts';

export const onRequest = defineMiddleware((context, next) => {
  const playbook = getPlaybook();
  const { locale } = playbook.settings;
  context.locals.playbook = playbook;
  context.locals.ui = getUiStrings(locale);
  context.locals.format = getFormatters(locale);
  return next();
});
