// Opens a page and records what a strict, private site must never do: CSP violations (the
// `securitypolicyviolation` events and the console's "Content Security Policy" errors), page
// errors, JavaScript dialogs, and requests to any host but the page's own.
import { readdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

export interface WatchedPage {
  page: Page;
  /** Everything that went wrong, one line each. */
  problems: string[];
  /** URLs requested from other hosts. */
  foreignRequests: string[];
}

/** Site paths of every HTML page of a built site (`/`, `/icps/x/`, `/404.html`), sorted. */
export function htmlPages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .map(
      (file) =>
        `/${file
          .split('\\')
          .join('/')
          .replace(/(^|\/)index\.html$/, '$1')}`,
    )
    .sort();
}

export async function openWatched(
  context: BrowserContext,
  url: string,
  viewport = { width: 1280, height: 900 },
): Promise<WatchedPage> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const problems: string[] = [];
  const foreignRequests: string[] = [];
  const host = new URL(url).host;
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const requested = new URL(request.url());
    if (requested.protocol !== 'data:' && requested.host !== host) foreignRequests.push(request.url());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, problems, foreignRequests };
}
