// `npm run dev` as an author lives in it: every save in content/ shows on the open page; while
// the content is invalid every page shows the validator's problems (no stack trace, no project
// source) and the page comes back by itself once the files are fixed, without a restart.
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../../scripts/lib/chromium.ts';
import { pollPage, startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { PROJECT_ROOT } from '../helpers/built-site.ts';

const work = mkdtempSync(join(tmpdir(), 'icp-dev-'));
const content = join(work, 'content');
let server: DevServer;

const file = (path: string) => join(content, path);
const edit = (path: string, from: string, to: string) => {
  const text = readFileSync(file(path), 'utf8');
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(file(path), text.replace(from, to));
};
const url = (path: string) => `${server.url}${path}`;
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
const isPanel = (page: { status: number; text: string }) =>
  page.status === 500 && page.text.includes('id="content-problems"');
/** The lines of the panel, as text (the validator's format). */
const panelLines = (html: string) =>
  [...html.matchAll(/<li><code>([^<]*)<\/code><\/li>/g)].map((m) =>
    m[1]!
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
const measured: string[] = [];
const timed = async (what: string, run: () => Promise<{ ms: number }>) => {
  const { ms } = await run();
  measured.push(`${what}: ${ms} ms`);
};

beforeAll(async () => {
  cpSync(join(PROJECT_ROOT, 'test/fixtures/french-payroll/content'), content, { recursive: true });
  // Start on invalid content: a tab in attributes.yaml.
  writeFileSync(
    file('attributes.yaml'),
    readFileSync(file('attributes.yaml'), 'utf8').replace('  label: Effectif', '\tlabel: Effectif'),
  );
  server = await startDevServer(content, { ICP_TODAY: '2026-11-23' });
}, 120_000);
afterAll(async () => {
  if (process.env['ICP_DEV_LOG']) console.log(server?.output().slice(-4000));
  await server?.close();
  rmSync(work, { recursive: true, force: true });
  if (measured.length > 0)
    console.log(`Dev server, from save to updated page (polling every 100 ms):\n  ${measured.join('\n  ')}`);
});

describe('npm run dev', () => {
  it('started on invalid content, shows the problems as the validator prints them, with no stack trace', async () => {
    const page = await pollPage(url('/'), isPanel, 90_000);
    expect(panelLines(page.text)).toEqual([
      expect.stringMatching(
        /content\/attributes\.yaml:2:1 {2}- {2}une tabulation en 2:1\u202f: indentez avec des espaces/,
      ),
    ]);
    expect(page.text).toContain('<h1>1 problème dans le contenu</h1>');
    expect(page.text).not.toMatch(/\n\s+at |content-fs|node_modules|getPlaybook/);
  }, 120_000);

  it('comes back by itself once the file is fixed', async () => {
    edit('attributes.yaml', '\tlabel: Effectif', '  label: Effectif');
    await timed('fix attributes.yaml', () =>
      pollPage(
        url('/icps/pme-services/'),
        (p) => p.status === 200 && title(p.text).startsWith('PME de services en croissance'),
      ),
    );
  }, 60_000);

  it('draws a page’s Open Graph card on request (a build copies them from the cache instead)', async () => {
    const response = await fetch(url('/og/icps/pme-services.png'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect((await fetch(url('/og/icps/no-such-icp.png'))).status).toBe(404);
  });

  it('shows a frontmatter edit', async () => {
    edit('icps/pme-services.md', 'title: PME de services en croissance', 'title: PME de services en forte croissance');
    await timed('ICP title (frontmatter)', () =>
      pollPage(url('/icps/pme-services/'), (p) => title(p.text).startsWith('PME de services en forte croissance')),
    );
  });

  it('shows an attributes.yaml edit', async () => {
    edit('attributes.yaml', 'label: Effectif', 'label: Nombre de salariés');
    await timed('attribute label (attributes.yaml)', () =>
      pollPage(url('/score/'), (p) => p.status === 200 && p.text.includes('Nombre de salariés')),
    );
  });

  it('shows a playbook.yaml edit', async () => {
    edit('playbook.yaml', 'company: Paysage Logiciels', 'company: Paysage Logiciels SAS');
    await timed('company (playbook.yaml)', () =>
      pollPage(url('/'), (p) => title(p.text).includes('Paysage Logiciels SAS')),
    );
  });

  it('shows a new file and forgets a deleted one', async () => {
    const copy = readFileSync(file('icps/industrie-regionale.md'), 'utf8').replace(
      'title: Industrie régionale',
      'title: Industrie alpine',
    );
    writeFileSync(file('icps/industrie-alpine.md'), copy);
    await timed('new ICP file', () =>
      pollPage(url('/icps/industrie-alpine/'), (p) => p.status === 200 && title(p.text).startsWith('Industrie alpine')),
    );
    unlinkSync(file('icps/industrie-alpine.md'));
    await timed('deleted ICP file', () =>
      pollPage(url('/icps/'), (p) => p.status === 200 && !p.text.includes('Industrie alpine')),
    );
  });

  it('shows a known account that moved, on every page, then the page again once fixed', async () => {
    edit('accounts/comptes-connus.csv', 'Atelier Morel,won,Priorité 1', 'Atelier Morel,won,Priorité 2');
    const page = await pollPage(url('/personas/'), isPanel);
    expect(panelLines(page.text)).toEqual([
      expect.stringMatching(/content\/accounts\/comptes-connus\.csv:2:3 {2}expect {2}/),
    ]);
    edit('accounts/comptes-connus.csv', 'Atelier Morel,won,Priorité 2', 'Atelier Morel,won,Priorité 1');
    await timed('fixed known account (accounts/*.csv)', () => pollPage(url('/personas/'), (p) => p.status === 200));
  });

  it('shows a YAML error made while it runs, then the page once fixed', async () => {
    edit('personas/daf.md', 'icps: [pme-services, industrie-regionale]', 'icps: [pme-services, industrie-regionale');
    const page = await pollPage(url('/personas/daf/'), isPanel);
    expect(panelLines(page.text)).toEqual([
      expect.stringMatching(/content\/personas\/daf\.md:6:1 {2}- {2}syntaxe YAML\u202f: /),
    ]);
    edit('personas/daf.md', 'industrie-regionale\n', 'industrie-regionale]\n');
    await timed('fixed YAML error (frontmatter)', () => pollPage(url('/personas/daf/'), (p) => p.status === 200));
  });

  it.skipIf(!hasChromium())(
    'reloads the open problem panel in the browser once the content is fixed',
    async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.context.newPage();
        edit('icps/industrie-regionale.md', 'attribute: effectif\n    between', 'attribute: efectif\n    between');
        await pollPage(url('/'), isPanel);
        await page.goto(url('/icps/industrie-regionale/'));
        await page.locator('#content-problems').waitFor();
        expect(await page.locator('#content-problems li').allInnerTexts()).toEqual([
          expect.stringContaining('attribut inconnu « efectif »'),
        ]);
        await page.screenshot({ path: join(PROJECT_ROOT, 'test', '.out', 'dev-problem-panel.png'), fullPage: true });
        edit('icps/industrie-regionale.md', 'attribute: efectif\n', 'attribute: effectif\n');
        await page.locator('h1', { hasText: 'Industrie régionale' }).waitFor({ timeout: 30_000 });
      } finally {
        await browser.close();
      }
    },
    90_000,
  );
});
