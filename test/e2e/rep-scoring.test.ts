// The rep's scoring moment, in real Chromium on two fixture playbooks, English and
// French, on a 390×844 phone and a 1366×768 desktop: only what the answers support, which
// account, what to do next, field messages that say what is wrong, sharing, and the phone layout.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, fixtureContent } from '../helpers/fixture-build.ts';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };
/** French typography puts narrow no-break spaces before `:` and inside « »: compare with plain spaces. */
const plain = (text: string | null) =>
  (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** What each fixture says, in its language. */
const PLAYBOOKS = {
  en: {
    fixture: 'rep/en',
    icp: '/icps/accounting-firms/',
    persona: '/personas/controller/',
    employees: 'Employees',
    region: 'Region',
    inRegion: 'France',
    outRegion: 'United States',
    tool: 'Sage',
    hiring: 'Hiring in finance',
    yes: 'Yes',
    accountName: 'Account name',
    domain: 'Domain',
    empty: 'No answer yet',
    fit: 'Fit',
    provisional: 'if confirmed',
    lowTier: 'Tier 3',
    topTier: 'Tier 1',
    action: 'The AE books a discovery call within 5 business days.',
    failedFilter: 'France or Germany',
    upTo: 'up to',
    whoToCall: [
      { href: '/personas/controller/', objection: 'Our clients will never change how they send receipts' },
      { href: '/personas/managing-partner/', objection: 'It costs more than a junior accountant' },
    ],
    messages: {
      '85 salariés': 'Write the number alone, without words: 85.',
      '1,200': '“1,200” could be 1200 or 1.2: write 1200 or 1.2.',
      '-5': 'Below the minimum 0.',
      'quatre-vingt': 'Not a number: write digits, such as 1200 or 38.5.',
    },
    copy: 'Copy link',
    share: 'Share',
    jump: 'Score an account',
    cta: 'Score an account',
  },
  fr: {
    fixture: 'rep/fr',
    icp: '/icps/cabinets-comptables/',
    persona: '/personas/responsable-comptable/',
    employees: 'Salariés',
    region: 'Région',
    inRegion: 'France',
    outRegion: 'États-Unis',
    tool: 'Sage',
    hiring: 'Recrute en finance',
    yes: 'Oui',
    accountName: 'Nom du compte',
    domain: 'Domaine',
    empty: 'Pas encore de réponse',
    fit: 'Dans la cible',
    provisional: 'si confirmé',
    lowTier: 'Priorité 3',
    topTier: 'Priorité 1',
    action: 'Le commercial fixe un rendez-vous de découverte sous 5 jours ouvrés.',
    failedFilter: 'France ou Allemagne',
    upTo: 'jusqu’à',
    whoToCall: [
      {
        href: '/personas/responsable-comptable/',
        objection: "Nos clients ne changeront jamais leur façon d'envoyer les justificatifs",
      },
      { href: '/personas/associe-gerant/', objection: "C'est plus cher qu'un collaborateur junior" },
    ],
    messages: {
      '85 salariés': 'Écrivez le nombre seul, sans mots : 85.',
      '1,200': '« 1,200 » peut se lire 1200 ou 1,2 : écrivez 1200 ou 1,2.',
      '-5': 'Inférieur au minimum 0.',
      'quatre-vingt': 'Pas un nombre : écrivez des chiffres, comme 1200 ou 38,5.',
    },
    copy: 'Copier le lien',
    share: 'Partager',
    jump: 'Scorer un compte',
    cta: 'Scorer un compte',
  },
} as const;

type Lang = keyof typeof PLAYBOOKS;
const servers: Partial<Record<Lang, StaticServer>> = {};
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;

beforeAll(async () => {
  for (const lang of Object.keys(PLAYBOOKS) as Lang[])
    servers[lang] = await serveStatic(buildFixture(fixtureContent(PLAYBOOKS[lang].fixture), `rep-${lang}`));
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server.close();
});

const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) if (!page.isClosed()) await page.close();
});

/** Opens a page of a fixture; `share` gives the page a Web Share API that records what it shared. */
async function open(
  lang: Lang,
  path: string,
  viewport: { width: number; height: number },
  options: { share?: boolean } = {},
) {
  const page = await browser!.context.newPage();
  opened.push(page);
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  if (options.share) {
    await page.addInitScript(() => {
      const shared: ShareData[] = [];
      (window as unknown as { shared: ShareData[] }).shared = shared;
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: (data: ShareData) => Promise.resolve(void shared.push(data)),
      });
    });
  }
  await page.goto(servers[lang]!.url + path, { waitUntil: 'networkidle' });
  if (await page.locator('score-widget').count()) await page.locator('score-widget.is-ready').first().waitFor();
  return { page, errors };
}

const COMBOS = (['en', 'fr'] as const).flatMap((lang) => [
  { lang, screen: 'phone', viewport: PHONE },
  { lang, screen: 'desktop', viewport: DESKTOP },
]);

describe.each(COMBOS)('the widget on an ICP page ($lang, $screen)', ({ lang, viewport }) => {
  const t = PLAYBOOKS[lang];

  it('claims only what the answers support: nothing, then a provisional tier, then out with the failed filter, then fit', async () => {
    const { page, errors } = await open(lang, t.icp, viewport);
    const card = page.locator('score-widget .sw-card');
    // Empty: no verdict, no tier, no score.
    expect(await card.getAttribute('data-state')).toBe('empty');
    expect(plain(await card.locator('.sw-verdict').textContent())).toContain(t.empty);
    expect(await card.locator('.sw-tier').count()).toBe(0);
    expect(await card.locator('.sw-score').count()).toBe(0);
    expect(await page.locator('score-widget [role="status"]').textContent()).toBe('');

    // One answer, filters not all confirmed: the tier is provisional and says so.
    await page.getByLabel(t.region, { exact: true }).selectOption({ label: t.inRegion });
    await expect.poll(() => card.getAttribute('data-state')).toBe('unknown');
    expect(plain(await card.locator('.sw-tier--provisional').textContent())).toBe(t.lowTier);
    expect(plain(await card.locator('.sw-tier__note').textContent())).toBe(t.provisional);

    // A failed filter: no tier, no "up to", and the filter that keeps it out, by name.
    await page.getByLabel(t.tool, { exact: true }).check();
    await page.getByLabel(t.region, { exact: true }).selectOption({ label: t.outRegion });
    await expect.poll(() => card.getAttribute('data-state')).toBe('out');
    expect(await card.locator('.sw-tier:not(.sw-tier--none)').count()).toBe(0);
    expect(await card.locator('.sw-score__best').count()).toBe(0);
    expect(plain(await card.locator('.sw-score').textContent())).not.toContain(t.upTo);
    expect(plain(await card.locator('.sw-kept-out').textContent())).toContain(t.failedFilter);
    expect(plain(await card.locator('.sw-kept-out').textContent())).toContain(t.outRegion);

    // Fit: the tier, its action, and who to call with a link and their top objection.
    await page.getByLabel(t.region, { exact: true }).selectOption({ label: t.inRegion });
    await page.getByLabel(t.employees, { exact: true }).fill('100');
    await page.getByRole('group', { name: t.hiring }).getByLabel(t.yes, { exact: true }).check();
    await expect.poll(() => card.getAttribute('data-state')).toBe('fit');
    expect(plain(await card.locator('.sw-head .sw-tier').textContent())).toBe(t.topTier);
    expect(plain(await card.locator('.sw-action').textContent())).toBe(t.action);
    const contacts = card.locator('.sw-contact');
    expect(await contacts.count()).toBe(t.whoToCall.length);
    for (const [i, expected] of t.whoToCall.entries()) {
      expect(await contacts.nth(i).locator('a').getAttribute('href')).toBe(expected.href);
      expect(plain(await contacts.nth(i).locator('.sw-contact__objection').textContent())).toContain(
        expected.objection,
      );
    }
    await expect.poll(() => page.locator('score-widget [role="status"]').textContent()).toContain(t.topTier);
    // The persona link opens the persona page.
    await contacts.first().locator('a').click();
    await page.waitForURL((url) => url.pathname === t.whoToCall[0].href);
    expect(await page.locator('h1').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('names the account: in the address, the result, the page title, the printout and the share text', async () => {
    const { page, errors } = await open(lang, t.icp, viewport, { share: true });
    const baseTitle = await page.title();
    await page.getByLabel(t.accountName, { exact: true }).fill('Acme SAS');
    await page.getByLabel(t.domain, { exact: true }).fill('https://www.Acme.fr/about');
    await page.getByLabel(t.region, { exact: true }).selectOption({ label: t.inRegion });
    await page.waitForURL(/_domain=/);
    const url = new URL(page.url());
    expect(url.searchParams.get('_account')).toBe('Acme SAS');
    expect(url.searchParams.get('_domain')).toBe('www.acme.fr');
    expect(url.searchParams.get('region')).toBe('fr');
    const result = page.locator('score-widget .sw-account');
    expect(await result.textContent()).toBe('Acme SAS (www.acme.fr)');
    expect(await page.title()).toBe(`Acme SAS (www.acme.fr) — ${baseTitle}`);

    // A fresh page from the link says the same.
    const fresh = await open(lang, url.pathname + url.search, viewport);
    expect(await fresh.page.getByLabel(t.accountName, { exact: true }).inputValue()).toBe('Acme SAS');
    expect(await fresh.page.locator('score-widget .sw-account').textContent()).toBe('Acme SAS (www.acme.fr)');

    // Printed: the result with the account's name, not the form.
    await fresh.page.emulateMedia({ media: 'print' });
    expect(await fresh.page.locator('score-widget .sw-account').isVisible()).toBe(true);
    expect(await fresh.page.locator('score-widget .sw-form').isVisible()).toBe(false);

    // Shared: the share sheet gets the link and a text naming the account and its result.
    const button = page.locator('score-widget [data-score-copy]');
    expect(plain(await button.textContent())).toBe(t.share);
    await button.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared.length)).toBe(1);
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared[0]!);
    expect(shared.url).toBe(page.url());
    expect(plain(shared.text ?? '')).toMatch(/^Acme SAS \(www\.acme\.fr\) : |^Acme SAS \(www\.acme\.fr\): /);
    expect(shared.text).toContain(t.lowTier);
    expect(shared.title).toBe(await page.title());
    expect(errors).toEqual([]);
  });

  it('says what is wrong with a number, with the reader CSV scoring uses', async () => {
    const { page } = await open(lang, t.icp, viewport);
    const field = page.getByLabel(t.employees, { exact: true });
    const seen: string[] = [];
    for (const [typed, message] of Object.entries(t.messages)) {
      await field.fill(typed);
      const error = page.locator(`#${await field.getAttribute('id')}-error`);
      await expect.poll(() => error.isVisible(), { message: typed }).toBe(true);
      expect(plain(await error.textContent()), typed).toBe(plain(message));
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      // The message is read with the field.
      expect(await field.getAttribute('aria-describedby')).toContain(`${await field.getAttribute('id')}-error`);
      seen.push(plain(await error.textContent()));
    }
    expect(new Set(seen).size).toBe(4);
    await field.fill('1 200');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator(`#${await field.getAttribute('id')}-error`).isVisible()).toBe(false);
  });

  it('copies the link where there is no share sheet', async () => {
    const { page } = await open(lang, `${t.icp}?_account=Acme&region=fr`, viewport);
    await browser!.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: servers[lang]!.url });
    const button = page.getByRole('button', { name: t.copy });
    await button.click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${servers[lang]!.url}${t.icp}?_account=Acme&region=fr`);
  });
});

describe.each(COMBOS)('the /score/ page before any answer ($lang, $screen)', ({ lang, viewport }) => {
  it('shows no tier and no score for any ICP until something is answered', async () => {
    const { page } = await open(lang, '/score/', viewport);
    const items = page.locator('score-widget .sw-icp');
    expect(await items.count()).toBe(2);
    expect(await page.locator('score-widget .sw-icp .sw-tier').count()).toBe(0);
    expect(await page.locator('score-widget .sw-icp__score').count()).toBe(0);
    await page.getByLabel(PLAYBOOKS[lang].region, { exact: true }).selectOption({ label: PLAYBOOKS[lang].inRegion });
    await expect.poll(() => page.locator('score-widget .sw-icp__summary .sw-tier--provisional').count()).toBe(2);
  });
});

describe.each(COMBOS)('layout ($lang, $screen)', ({ lang, screen, viewport }) => {
  const t = PLAYBOOKS[lang];

  it('shows the header call to action whole, on every page', async () => {
    for (const path of ['/', t.icp, t.persona, '/score/']) {
      const { page } = await open(lang, path, viewport);
      const cta = page.locator('.site-nav__link--cta');
      expect(plain(await cta.textContent())).toBe(t.cta);
      const box = (await cta.boundingBox())!;
      expect(box.x, path).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, path).toBeLessThanOrEqual(viewport.width);
      // Not clipped by a scrolling or overflowing ancestor.
      const clipped = await cta.evaluate((link) => {
        const own = link.getBoundingClientRect();
        for (let node = link.parentElement; node; node = node.parentElement) {
          const style = getComputedStyle(node);
          if (style.overflowX === 'visible') continue;
          const box = node.getBoundingClientRect();
          if (own.left < box.left - 0.5 || own.right > box.right + 0.5) return true;
        }
        return link.scrollWidth > link.clientWidth;
      });
      expect(clipped, path).toBe(false);
    }
  });

  it(`leads ICP cards with ${screen === 'phone' ? 'the text' : 'the slide'}`, async () => {
    const { page } = await open(lang, '/', viewport);
    const card = page.locator('.icp-card').first();
    const title = (await card.locator('.card__title').boundingBox())!;
    const slide = (await card.locator('.icp-card__slide').boundingBox())!;
    if (screen === 'phone') expect(title.y).toBeLessThan(slide.y);
    else expect(slide.y).toBeLessThan(title.y);
  });

  it('has a "Score an account" jump link near the top of an ICP page that leads to the widget', async () => {
    const { page } = await open(lang, t.icp, viewport);
    const jump = page.locator('.page-head').getByRole('link', { name: t.jump, exact: true });
    const box = (await jump.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await jump.click();
    await page.waitForURL((url) => url.hash === '#score-account');
    await expect
      .poll(() => page.locator('score-widget').evaluate((el) => el.getBoundingClientRect().top < innerHeight))
      .toBe(true);
  });

  it('puts objections and answers right after the persona summary', async () => {
    const { page } = await open(lang, t.persona, viewport);
    const next = await page.locator('.page-head').evaluate((head) => head.nextElementSibling?.querySelector('h2')?.id);
    expect(next).toBe('objections');
  });
});
