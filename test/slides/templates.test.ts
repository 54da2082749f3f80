import { describe, expect, it } from 'vitest';
import type { PlaybookModel } from '../../src/lib/model/playbook-model.ts';
import type { SlideChild } from '../../src/lib/slides/element.ts';
import { icpSlide, icpSlideData, type IcpSlideData } from '../../src/lib/slides/icp-slide.ts';
import { ogImage, ogImageData } from '../../src/lib/slides/og-image.ts';
import { findOgPage, listOgPages, ogImagePath, ogRouteKey, slideImagePaths } from '../../src/lib/slides/og-routes.ts';
import { slideStrings } from '../../src/lib/i18n/slides.ts';
import { createNodeTextKit } from '../../src/slides/text-kit-fs.ts';
import { example, EXAMPLE_ICP, french, icp, persona, SETTINGS_EN, stress, tricky } from './fixtures.ts';

/**
 * The text lines of a tree, grouped by `data-region`, with drawn symbols shown as `[sym]` and
 * no-break and thin spaces as plain spaces (they look the same; only line breaking differs).
 */
function textByRegion(
  node: SlideChild | SlideChild[] | undefined,
  current = '-',
  out: Record<string, string[]> = {},
): Record<string, string[]> {
  if (node === undefined) return out;
  if (typeof node === 'string')
    (out[current] ??= []).push(
      ...node
        .replace(/[\uE000-\uF8FF]/gu, '[sym]')
        .replace(/[\u00A0\u2009]/g, ' ')
        .split('\n'),
    );
  else if (Array.isArray(node)) for (const child of node) textByRegion(child, current, out);
  else textByRegion(node.props.children, (node.props['data-region'] as string | undefined) ?? current, out);
  return out;
}

const slideText = (data: IcpSlideData) => textByRegion(icpSlide(data, createNodeTextKit()));
const all = (regions: Record<string, string[]>) => Object.values(regions).flat();

describe('icpSlide', () => {
  const regions = slideText(example);

  it('is a 1920 × 1080 tree in Inter, with its other subsets as fallbacks', () => {
    const tree = icpSlide(example, createNodeTextKit());
    expect(tree.props.style).toMatchObject({
      width: 1920,
      height: 1080,
      fontFamily: 'Inter, Inter-latin-ext, Inter-greek, Inter-cyrillic, Inter-vietnamese',
    });
  });

  it('shows the company, product, title and summary in the header', () => {
    expect(regions['identity']).toEqual([
      'N',
      'NORTHWIND ANALYTICS · NORTHWIND PIPELINE',
      'IDEAL CUSTOMER PROFILE',
      'Mid-market B2B SaaS scale-ups',
      'European B2B software and fintech companies of 80 to 1,000 people, with a',
      'real sales team on HubSpot or Salesforce and a forecast nobody trusts yet.',
    ]);
  });

  it('shows TAM, SAM and SOM in the locale’s money format, with accounts and shares', () => {
    expect(regions['market']).toEqual([
      'MARKET 2026',
      'TAM',
      '€340.8M',
      '14.2K accounts',
      'SAM',
      '€93.6M',
      '3.9K accounts',
      '27% of TAM',
      'SOM',
      '€4.68M',
      '195 accounts',
      '5% of SAM',
    ]);
  });

  it('lists the signals strongest first, negative ones last, with signed points', () => {
    expect(regions['signals']).toMatchInlineSnapshot(`
      [
        "SIGNALS",
        "Sales team in the sweet spot",
        "up to +25",
        "Hiring RevOps or Sales Ops",
        "+20",
        "New sales leader in the last 6 months",
        "+15",
        "Raised money in the last 12 months",
        "+15",
        "Salesforce and Gong both in place",
        "+15",
        "Series B or later",
        "+10",
        "Already on Clari or Gong Forecast",
        "−20",
      ]
    `);
  });

  it('lists the filters, the disqualifiers when there is room, and the tiers with their score ranges', () => {
    expect(regions['filters']).toEqual([
      'WHO IS IN',
      '80 to 1,000 employees',
      'Headquartered in one of our five core',
      'markets',
      'B2B software or fintech',
      'Runs HubSpot or Salesforce',
      'NOT A FIT',
      'The founder still closes most deals',
      'personally and has no plan to hand over.',
      'TIERS',
      'Tier 1',
      '[sym]70 pts',
      'Tier 2',
      '40–69 pts',
      'Tier 3',
      '< 40 pts',
    ]);
  });

  it('shows each persona’s initial, name, role and buying role', () => {
    expect(regions['personas']).toEqual([
      'PERSONAS',
      'L',
      'Léa',
      'Sales Manager (first-line)',
      'USER',
      'M',
      'Marc',
      'Chief Revenue Officer',
      'DECISION MAKER',
      'R',
      'Rita',
      'Head of Revenue Operations',
      'CHAMPION',
    ]);
  });

  it('ends with the owner and the review date', () => {
    expect(regions['footer']).toEqual([
      'Owner',
      'Camille Martin',
      'Reviewed',
      'Oct 14, 2026',
      'Northwind Analytics · Playbook',
    ]);
  });

  it('speaks French with French number and date formats', () => {
    const fr = slideText(french);
    expect(fr['identity']).toContain('PROFIL CLIENT IDÉAL');
    expect(fr['market']).toEqual(expect.arrayContaining(['MARCHÉ 2026', '340,8 M€', '14,2 k comptes', '27 % du TAM']));
    expect(fr['filters']).toEqual(
      expect.arrayContaining(['QUI EST DANS L’ICP', 'Effectif[sym]200 salariés', 'Chiffre d’affaires[sym]50 M€']),
    );
    expect(fr['signals']).toEqual(expect.arrayContaining(['SIGNAUX', '+40', '−15']));
    expect(fr['personas']).toEqual(expect.arrayContaining(['ACHETEUR ÉCONOMIQUE', 'Élodie']));
    expect(fr['footer']).toEqual(expect.arrayContaining(['Responsable', 'Revu le', '14 oct. 2026']));
  });

  it('keeps a title that needs two lines whole', () => {
    const data = {
      ...example,
      icp: icp('two-lines', {
        ...EXAMPLE_ICP,
        title: 'Mid-market and upper-mid-market European B2B software scale-ups',
      }),
    };
    const identity = slideText(data)['identity']!;
    const titleLines = identity.slice(3, 5);
    expect(titleLines.join(' ')).toBe('Mid-market and upper-mid-market European B2B software scale-ups');
  });

  it('clamps a title longer than two lines with an ellipsis', () => {
    const identity = slideText(stress)['identity']!;
    expect(identity[4]).toMatch(/…$/);
    expect(identity[5]).not.toMatch(/fintech and insurtech/);
  });

  it('fits twelve signals, and counts what does not fit in long lists', () => {
    const regions = slideText(stress);
    expect(regions['signals']!.filter((s) => /^[+−]\d+$/.test(s))).toHaveLength(12);
    expect(regions['personas']).toContain('+ 6 more');
    expect(regions['filters']!.some((s) => /^\+ \d+ more$/.test(s))).toBe(true);
  });

  it('labels a draft or retired ICP', () => {
    const retired = { ...example, icp: icp('old', { ...EXAMPLE_ICP, status: 'retired' }) };
    expect(slideText(retired)['identity']).toContain('RETIRED');
  });

  it('says so when no persona is linked, and leaves the market out when there is none', () => {
    const bare = { ...example, personas: [], icp: icp('bare', { ...EXAMPLE_ICP, market: undefined }) };
    const regions = slideText(bare);
    expect(regions['personas']).toEqual(['PERSONAS', 'No persona is linked to this ICP yet.']);
    expect(regions['market']).toBeUndefined();
  });

  it('falls back to the file id when the title has no character the fonts can draw', () => {
    const data = { ...example, icp: icp('apac-manufacturing', { ...EXAMPLE_ICP, title: '日本の製造業' }) };
    expect(slideText(data)['identity']).toContain('apac-manufacturing');
  });
});

describe('icpSlide with text that trips naive renderers', () => {
  const regions = slideText(tricky);

  it('keeps the letter before a zero-width joiner or non-joiner', () => {
    expect(regions['identity']).toContain('Bandwidth and width buyers');
  });

  it('keeps a letter with stacked combining marks, and shows the attribute id for a label with nothing drawable', () => {
    expect(regions['filters']?.slice(0, 3)).toEqual(['WHO IS IN', 'Q\u0301\u0303 accounts only', 'region']);
  });

  it('never leaves a signal row without a label next to its points', () => {
    expect(regions['signals']).toEqual(['SIGNALS', 'Hiring RevOps', '+60', 'recent_funding', '+40']);
  });

  it('uses a persona’s emoji as its initial, whole (never half a surrogate pair)', () => {
    expect(regions['personas']?.slice(0, 3)).toEqual(['PERSONAS', '🚀', '🚀 Léa']);
    expect(regions['personas']).toContain('Ωmega');
  });
});

describe('icpSlideData', () => {
  const model = {
    settings: SETTINGS_EN,
    icps: [{ ...example.icp, file: 'content/icps/mid-market-saas.md', body: '' }],
    personas: [
      {
        id: 'rita',
        file: '',
        body: '',
        data: { ...persona('Rita', 'Head of RevOps', 'champion'), icps: ['mid-market-saas'] },
      },
      {
        id: 'henrik',
        file: '',
        body: '',
        data: { ...persona('Henrik', 'CFO', 'economic-buyer'), icps: ['industrial-tech'] },
      },
    ],
    pages: [],
  } as unknown as PlaybookModel;

  it('takes the personas linked to the ICP', () => {
    expect(icpSlideData(model, 'mid-market-saas').personas.map((p) => p.name)).toEqual(['Rita']);
  });

  it('names the known ids when the ICP does not exist', () => {
    expect(() => icpSlideData(model, 'nope')).toThrow('No ICP "nope" in content/icps: the ids are mid-market-saas.');
  });
});

describe('og routes', () => {
  it.each([
    ['/', 'index', '/og/index.png'],
    ['', 'index', '/og/index.png'],
    ['/index.html', 'index', '/og/index.png'],
    ['/icps/mid-market-saas/', 'icps/mid-market-saas', '/og/icps/mid-market-saas.png'],
    ['/icps/mid-market-saas', 'icps/mid-market-saas', '/og/icps/mid-market-saas.png'],
    ['/personas/', 'personas', '/og/personas.png'],
    ['/pages/glossary/index.html', 'pages/glossary', '/og/pages/glossary.png'],
    ['/score/?icp=mid-market-saas#result', 'score', '/og/score.png'],
  ])('%s → %s', (path, key, url) => {
    expect(ogRouteKey(path)).toBe(key);
    expect(ogImagePath(path)).toBe(url);
  });

  it('gives stable slide URLs', () => {
    expect(slideImagePaths('mid-market-saas')).toEqual({
      png: '/slides/mid-market-saas.png',
      svg: '/slides/mid-market-saas.svg',
    });
  });

  const model = {
    settings: { ...SETTINGS_EN, tagline: 'Revenue analytics for B2B teams' },
    icps: [{ ...example.icp, file: '', body: '' }],
    personas: [
      {
        id: 'rita',
        file: '',
        body: '',
        data: { ...persona('Rita', 'Head of RevOps', 'champion'), summary: 'Owns the CRM.' },
      },
    ],
    pages: [
      {
        id: 'glossary',
        file: '',
        body: '',
        format: 'md',
        data: { title: 'Glossary', description: 'Our words.', owner: 'A', reviewed: '2026-01-01' },
      },
    ],
    attributes: [],
    accounts: [],
  } as unknown as PlaybookModel;

  it('lists every page of the site once, with its kind', () => {
    const pages = listOgPages(model);
    expect(pages.map((p) => `${p.kind} ${p.path}`)).toEqual([
      'home /',
      'icps /icps/',
      'personas /personas/',
      'pages /pages/',
      'score /score/',
      'market /market/',
      'review /review/',
      'icp /icps/mid-market-saas/',
      'persona /personas/rita/',
      'page /pages/glossary/',
    ]);
    expect(new Set(pages.map((p) => ogRouteKey(p.path))).size).toBe(pages.length);
  });

  it('finds the card data of a page by its path, and nothing for an unknown page', () => {
    expect(ogImageData(model, '/personas/rita/')?.page).toMatchObject({
      kind: 'persona',
      title: 'Rita, Head of RevOps',
      description: 'Owns the CRM.',
    });
    expect(ogImageData(model, '/nope/')).toBeUndefined();
  });

  it('finds each listed page under any form of its path, as a search of the list would', () => {
    for (const page of listOgPages(model)) {
      const key = ogRouteKey(page.path);
      for (const form of [page.path, `/${key}`, `${page.path}index.html`, `${page.path}?x=1#top`])
        expect(findOgPage(model, form), form).toEqual(page);
    }
    expect(findOgPage(model, '/pages/missing/')).toBeUndefined();
  });

  it('has every kind label and page title in both locales', () => {
    expect(Object.keys(slideStrings.fr.kinds)).toEqual(Object.keys(slideStrings.en.kinds));
    expect(Object.keys(slideStrings.fr.pageTitles)).toEqual(Object.keys(slideStrings.en.pageTitles));
  });
});

describe('ogImage', () => {
  it('shows the company, the kind, the title and the description', () => {
    const text = all(
      textByRegion(
        ogImage(
          {
            settings: SETTINGS_EN,
            page: { path: '/icps/x/', kind: 'icp', title: 'Mid-market SaaS', description: 'One line.' },
          },
          createNodeTextKit(),
        ),
      ),
    );
    expect(text).toEqual([
      'N',
      'NORTHWIND ANALYTICS',
      'ICP',
      'Mid-market SaaS',
      'One line.',
      'Northwind Pipeline · Playbook',
    ]);
  });

  it('clamps a very long title to three lines, and keeps the description to the room left', () => {
    const title =
      'A very long page title that goes on and on about pipelines, forecasts, revenue operations and everything else';
    const description =
      'A description long enough to need more than two lines on the card, so that it has to be clamped as well, whatever the title does above it, and then some more words.';
    const text = all(
      textByRegion(
        ogImage(
          { settings: SETTINGS_EN, page: { path: '/p/', kind: 'page', title: `${title} ${title}`, description } },
          createNodeTextKit(),
        ),
      ),
    );
    const body = text.slice(3, -1);
    expect(body).toHaveLength(5);
    expect(body[2]).toMatch(/…$/);
    expect(body[4]).toMatch(/…$/);
  });

  it('uses French kind labels', () => {
    const text = all(
      textByRegion(
        ogImage(
          { settings: french.settings, page: { path: '/market/', kind: 'market', title: 'Marché' } },
          createNodeTextKit(),
        ),
      ),
    );
    expect(text).toContain('MARCHÉ');
  });
});
