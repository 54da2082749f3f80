// What src/middleware.ts puts on Astro.locals for every page and endpoint.
declare namespace App {
  interface Locals {
    /** The validated playbook of this build. */
    playbook: import('./lib/model/playbook-model.ts').PlaybookModel;
    /** The site's words in the playbook's language. */
    ui: import('./lib/i18n/ui.ts').UiStrings;
    /** Numbers, money and dates in the playbook's language. */
    format: import('./lib/format.ts').Formatters;
  }
}
