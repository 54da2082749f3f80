// Slide data for the tests, parsed through the real schemas. `example` is a frozen copy of the
// example playbook's main ICP (the golden images must not move when content/ is edited); the
// others push the layout: a two-line title, twelve signals, long lists, French, emoji, CJK.
import type { IcpInput } from '../../src/schemas/icp.ts';
import { parseIcp } from '../helpers/scoring-fixtures.ts';
import { PersonaSchema, type BuyingRole } from '../../src/schemas/persona.ts';
import { PlaybookSchema } from '../../src/schemas/playbook.ts';
import type { IcpSlideData } from '../../src/lib/slides/icp-slide.ts';

type Settings = IcpSlideData['settings'];

export const SETTINGS_EN: Settings = PlaybookSchema.parse({
  company: 'Northwind Analytics',
  product: 'Northwind Pipeline',
  locale: 'en',
  currency: 'EUR',
});
export const SETTINGS_FR: Settings = PlaybookSchema.parse({
  company: 'Northwind Analytique',
  product: 'Northwind Pipeline',
  locale: 'fr',
  currency: 'EUR',
});

/** ICP data as the loader gives it: parsed, with the market currency resolved. */
export function icp(id: string, input: IcpInput): IcpSlideData['icp'] {
  const { market, ...data } = parseIcp(input);
  return { id, data: market ? { ...data, market: { ...market, currency: market.currency ?? 'EUR' } } : data };
}

export function persona(name: string, role: string, buyingRole: BuyingRole): IcpSlideData['personas'][number] {
  return PersonaSchema.parse({
    name,
    role,
    buyingRole,
    icps: ['x'],
    summary: '-',
    owner: 'Test',
    reviewed: '2026-01-01',
  });
}

export const EXAMPLE_ICP: IcpInput = {
  title: 'Mid-market B2B SaaS scale-ups',
  summary:
    'European B2B software and fintech companies of 80 to 1,000 people, with a real sales team on HubSpot or Salesforce and a forecast nobody trusts yet.',
  status: 'active',
  owner: 'Camille Martin',
  reviewed: '2026-10-14',
  filters: [
    { label: '80 to 1,000 employees', attribute: 'employees', between: [80, 1000] },
    {
      label: 'Headquartered in one of our five core markets',
      attribute: 'region',
      in: ['fr', 'dach', 'uk-ie', 'benelux', 'nordics'],
    },
    { label: 'B2B software or fintech', attribute: 'industry', in: ['b2b-saas', 'fintech'] },
    { label: 'Runs HubSpot or Salesforce', attribute: 'stack', anyOf: ['hubspot', 'salesforce'] },
  ],
  signals: [
    {
      label: 'Sales team in the sweet spot',
      attribute: 'sales_reps',
      levels: [
        { between: [20, 80], points: 25 },
        { between: [10, 19], points: 15 },
        { atLeast: 81, points: 10 },
      ],
    },
    { label: 'Hiring RevOps or Sales Ops', attribute: 'hiring_revops', is: true, points: 20 },
    { label: 'New sales leader in the last 6 months', attribute: 'new_sales_leader', is: true, points: 15 },
    { label: 'Raised money in the last 12 months', attribute: 'recent_funding', is: true, points: 15 },
    { label: 'Salesforce and Gong both in place', attribute: 'stack', allOf: ['salesforce', 'gong'], points: 15 },
    { label: 'Series B or later', attribute: 'funding_stage', in: ['series-b', 'series-c-plus'], points: 10 },
    { label: 'Already on Clari or Gong Forecast', attribute: 'stack', anyOf: ['clari', 'gong-forecast'], points: -20 },
  ],
  tiers: [
    { label: 'Tier 1', min: 70 },
    { label: 'Tier 2', min: 40 },
    { label: 'Tier 3', min: 0 },
  ],
  disqualifiers: ['The founder still closes most deals personally and has no plan to hand over.'],
  market: {
    year: 2026,
    currency: 'EUR',
    tam: { accounts: 14200, acv: 24000 },
    sam: { accounts: 3900, acv: 24000 },
    som: { share: 0.05 },
  },
};

/** The example playbook's main ICP, frozen. */
export const example: IcpSlideData = {
  settings: SETTINGS_EN,
  icp: icp('mid-market-saas', EXAMPLE_ICP),
  personas: [
    persona('Léa', 'Sales Manager (first-line)', 'user'),
    persona('Marc', 'Chief Revenue Officer', 'decision-maker'),
    persona('Rita', 'Head of Revenue Operations', 'champion'),
  ],
};

const long = (words: number, seed: string) =>
  Array.from({ length: words }, (_, i) => `${seed}${i % 2 ? 'ification' : 'ops'}`).join(' ');

/** Everything too long: a title that needs two lines, twelve signals, nine filters, nine personas, five tiers. */
export const stress: IcpSlideData = {
  settings: {
    company: 'Northwind Analytics International Holdings',
    product: 'Northwind Pipeline Enterprise Edition',
    locale: 'en',
  },
  icp: icp('stress', {
    ...EXAMPLE_ICP,
    title:
      'Mid-market and upper-mid-market European B2B software, fintech and insurtech scale-ups with a real sales team',
    summary: `${EXAMPLE_ICP.summary} ${EXAMPLE_ICP.summary} ${EXAMPLE_ICP.summary}`,
    owner: 'Camille Martin-Lefèvre de la Tour d’Auvergne, Head of Revenue Strategy and Operations',
    filters: Array.from({ length: 9 }, (_, i) => ({
      label: `Filter ${i + 1}: ${long(i % 3 === 0 ? 14 : 5, 'revenue')}`,
      attribute: 'employees',
      atLeast: i,
    })),
    signals: [
      ...Array.from({ length: 10 }, (_, i) => ({
        label:
          i % 2
            ? `Signal ${i + 1} with a label far too long to fit on a single line of the signals column, ever`
            : `Signal ${i + 1}`,
        attribute: 'hiring_revops',
        is: true,
        points: 10,
      })),
      {
        label: 'Negative signal with a rather long label that needs clamping',
        attribute: 'stack',
        anyOf: ['clari'],
        points: -20,
      },
      { label: 'Another negative', attribute: 'stack', anyOf: ['gong'], points: -5 },
    ],
    tiers: [
      { label: 'Strategic accounts', min: 90 },
      { label: 'Tier 1', min: 70 },
      { label: 'Tier 2', min: 40 },
      { label: 'Tier 3', min: 20 },
      { label: 'Nurture only', min: 0 },
    ],
    disqualifiers: Array.from({ length: 6 }, (_, i) => `Disqualifier ${i + 1}: ${long(8, 'exclusion')}`),
    market: {
      year: 2026,
      currency: 'EUR',
      tam: { accounts: 1_234_567, acv: 987_654 },
      sam: { accounts: 234_567 },
      som: { share: 0.0123 },
    },
  }),
  personas: Array.from({ length: 9 }, (_, i) =>
    persona(
      `Persona-with-a-very-long-name-${i + 1}`,
      `Senior Vice President of Global Revenue Operations, Strategy, Enablement and Planning ${i + 1}`,
      (['champion', 'economic-buyer', 'decision-maker', 'user', 'influencer', 'blocker'] as const)[i % 6]!,
    ),
  ),
};

/** French content and symbols: é « » ’ œ —, ≥ and €. */
export const french: IcpSlideData = {
  settings: SETTINGS_FR,
  icp: icp('pme-industrielles', {
    ...EXAMPLE_ICP,
    title: 'PME industrielles « complexes » : cœur de cible',
    summary:
      'Fabricants français de 200 à 2 000 salariés — ventes B2B longues, équipes commerciales structurées, et l’envie d’un pipeline fiable ≥ 3× la cible.',
    owner: 'Hélène Lefèvre',
    filters: [
      { label: 'Effectif ≥ 200 salariés', attribute: 'employees', atLeast: 200 },
      { label: 'Siège en France ou en Belgique', attribute: 'region', in: ['fr', 'benelux'] },
      { label: 'Chiffre d’affaires ≥ 50 M€', attribute: 'revenue', atLeast: 50 },
    ],
    signals: [
      { label: 'Recrute un·e responsable RevOps', attribute: 'hiring_revops', is: true, points: 40 },
      { label: 'Nouveau directeur commercial', attribute: 'new_sales_leader', is: true, points: 35 },
      { label: 'Levée de fonds récente', attribute: 'recent_funding', is: true, points: 25 },
      { label: 'Déjà équipé d’un concurrent', attribute: 'stack', anyOf: ['clari'], points: -15 },
    ],
  }),
  personas: [
    persona('Élodie', 'Directrice des opérations commerciales', 'champion'),
    persona('Benoît', 'Directeur administratif et financier', 'economic-buyer'),
  ],
};

/** Emoji from the Twemoji set, and one pictograph Twemoji does not have (U+1F6D8, unassigned). */
export const emoji: IcpSlideData = {
  ...example,
  icp: icp('emoji', {
    ...EXAMPLE_ICP,
    title: '🚀 Rocket-stage startups 🇫🇷 \u{1F6D8}',
    summary: 'Teams that ship fast ❤️ and sell faster 📈.',
  }),
};

/** Scripts Inter does not cover: a Chinese title, an all-Japanese title, Arabic text. */
export const cjk: IcpSlideData = {
  ...example,
  icp: icp('apac-manufacturing', {
    ...EXAMPLE_ICP,
    title: '日本の製造業',
    summary: '中文摘要 with Latin words, and Arabic: شركات البرمجيات.',
  }),
  personas: [persona('さくら', 'Head of Sales 営業部長', 'champion')],
};

/**
 * Text that trips a naive renderer: joiners inside words (`wid‌th`), a letter with two combining
 * marks no precomposed character has, a filter and a signal with nothing drawable, a persona
 * whose name starts with an emoji.
 */
export const tricky: IcpSlideData = {
  ...example,
  icp: icp('tricky', {
    ...EXAMPLE_ICP,
    title: 'Bandwid\u200Cth and wid\u200Dth buyers',
    filters: [
      { label: 'Q\u0301\u0303 accounts only', attribute: 'employees', between: [80, 1000] },
      { label: '日本', attribute: 'region', in: ['fr'] },
    ],
    signals: [
      { label: 'Hiring RevOps', attribute: 'hiring_revops', is: true, points: 60 },
      { label: '\u200B', attribute: 'recent_funding', is: true, points: 40 },
    ],
  }),
  personas: [persona('🚀 Léa', 'Sales Manager', 'user'), persona('Ω\u200Dmega', 'CRO', 'decision-maker')],
};
