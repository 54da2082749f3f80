// `npm run screenshots:widget`: the scoring widget's four states (empty, unknown, out, fit) on a
// 390×844 phone, from a built site (ICP_OUT_DIR, default dist/), into docs/screenshots/. Each
// state is a link the widget understands, so the pictures show what a rep who opens it sees.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, hasChromium, launchBrowser } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const root = process.env['ICP_OUT_DIR'] ?? 'dist';
const out = join('docs', 'screenshots');
const page = process.env['WIDGET_PAGE'] ?? '/icps/mid-market-saas/';
const STATES: Record<string, string> = {
  empty: '',
  unknown: '?_account=Northwind&region=fr&stack=hubspot',
  out: '?_account=Contoso&_domain=contoso.com&employees=250&region=north-america',
  fit: '?_account=Acme%20SAS&_domain=acme.fr&employees=250&revenue=40&sales_reps=32&region=fr&industry=b2b-saas&stack=hubspot,gong&hiring_revops=yes&new_sales_leader=yes&recent_funding=yes&funding_stage=series-b',
};

if (!hasChromium()) {
  console.error(`No Chromium at ${CHROMIUM_PATH}: install it with apt-get install -y chromium.`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const server = await serveStatic(root);
const browser = await launchBrowser();
try {
  const tab = await browser.context.newPage();
  await tab.setViewportSize({ width: 390, height: 844 });
  for (const [state, query] of Object.entries(STATES)) {
    await tab.goto(`${server.url}${page}${query}`, { waitUntil: 'networkidle' });
    await tab.locator('score-widget.is-ready').waitFor();
    const found = await tab.locator('score-widget').getAttribute('data-state');
    if (found !== state)
      throw new Error(
        `${page}${query} shows the ${found} state, not ${state}: fix the link in scripts/widget-screenshots.ts`,
      );
    // The result card, as the rep sees it after answering (the form is above it on a phone).
    const file = join(out, `widget-${state}-phone.png`);
    await tab.locator('score-widget .sw-result').screenshot({ path: file });
    console.log(file);
  }
} finally {
  await browser.close();
  await server.close();
}
