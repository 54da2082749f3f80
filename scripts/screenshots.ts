// `npm run screenshots`: PNGs of key pages of the built site (dist/ or ICP_OUT_DIR), desktop and
// phone, into screenshots/ — to look at a change before opening a pull request.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, hasChromium, CHROMIUM_PATH } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const root = process.env['ICP_OUT_DIR'] ?? 'dist';
const out = 'screenshots';
const pages =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ['/', '/icps/mid-market-saas/', '/personas/head-of-revops/', '/score/', '/market/', '/review/'];
const viewports = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

if (!hasChromium()) {
  console.error(`No Chromium at ${CHROMIUM_PATH}: install it with apt-get install -y chromium.`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const server = await serveStatic(root);
const browser = await launchBrowser();
try {
  for (const viewport of viewports) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const path of pages) {
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      const name = `${path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}-${viewport.name}.png`;
      await page.screenshot({ path: join(out, name), fullPage: process.env['SCREENSHOT_FULL'] !== '0' });
      console.log(join(out, name));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
