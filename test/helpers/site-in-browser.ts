// One Chromium and one static server on the built example for the tests of a file: the
// hooks every browser test file needs, registered once here.
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { BUILT_SITE } from './built-site.ts';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/**
 * Serves `root` (the built example by default; a function is called once the suite starts, for a
 * site a test builds first) with optional response `headers`, and launches Chromium.
 */
export function useSiteInBrowser(
  root: string | (() => string) = BUILT_SITE,
  headers: Record<string, string> = {},
): { readonly browser: Browser; readonly server: StaticServer } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(typeof root === 'function' ? root() : root, headers);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not running: use the site only inside tests');
      return browser;
    },
    get server() {
      if (!server) throw new Error('The static server is not running: use the site only inside tests');
      return server;
    },
  };
}
