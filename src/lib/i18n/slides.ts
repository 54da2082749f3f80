// Words drawn on the slide and Open Graph images, in each playbook locale.
import type { Locale } from './locales.ts';
import type { BuyingRole } from '../../schemas/persona.ts';
import type { IcpStatus } from '../../schemas/icp.ts';
import { getUiStrings } from './ui.ts';

/** The kinds of page an Open Graph card can announce. */
export type OgKind =
  'home' | 'icp' | 'icps' | 'persona' | 'personas' | 'page' | 'pages' | 'market' | 'score' | 'review' | 'search';

export interface SlideStrings {
  idealCustomerProfile: string;
  whoIsIn: string;
  notAFit: string;
  signals: string;
  tiers: string;
  personas: string;
  market: string;
  owner: string;
  reviewed: string;
  /** Points pill of a signal: "+25", or "up to +25" for a graded signal. */
  points: (signed: string, graded: boolean) => string;
  /** "pts" after a number. */
  pointsUnit: string;
  /** Last line of a list cut for room: "+ 3 more". */
  more: (count: number) => string;
  /** Tier ranges: top tier, middle tiers, bottom tier. */
  tierAtLeast: (min: number) => string;
  tierRange: (min: number, max: number) => string;
  tierBelow: (max: number) => string;
  accounts: (formatted: string) => string;
  /** "27% of TAM": a market level as a share of the one above. */
  shareOf: (percent: string, level: string) => string;
  marketLevels: { tam: string; sam: string; som: string };
  noPersonas: string;
  buyingRoles: Record<BuyingRole, string>;
  status: Record<IcpStatus, string>;
  kinds: Record<OgKind, string>;
  /** Titles of the site's fixed pages, for their Open Graph cards. */
  pageTitles: {
    home: string;
    icps: string;
    personas: string;
    pages: string;
    market: string;
    score: string;
    review: string;
    search: string;
  };
  playbook: string;
}

const en: Omit<SlideStrings, 'buyingRoles' | 'status'> = {
  idealCustomerProfile: 'Ideal Customer Profile',
  whoIsIn: 'Who is in',
  notAFit: 'Not a fit',
  signals: 'Signals',
  tiers: 'Tiers',
  personas: 'Personas',
  market: 'Market',
  owner: 'Owner',
  reviewed: 'Reviewed',
  points: (signed, graded) => (graded ? `up to ${signed}` : signed),
  pointsUnit: 'pts',
  more: (count) => `+ ${count} more`,
  tierAtLeast: (min) => `≥${min}`,
  tierRange: (min, max) => `${min}–${max}`,
  tierBelow: (max) => `< ${max}`,
  accounts: (formatted) => `${formatted} accounts`,
  shareOf: (percent, level) => `${percent} of ${level}`,
  marketLevels: { tam: 'TAM', sam: 'SAM', som: 'SOM' },
  noPersonas: 'No persona is linked to this ICP yet.',
  kinds: {
    home: 'Playbook',
    icp: 'ICP',
    icps: 'ICPs',
    persona: 'Persona',
    personas: 'Personas',
    page: 'Guide',
    pages: 'Guides',
    market: 'Market',
    score: 'Scoring',
    review: 'Review',
    search: 'Search',
  },
  pageTitles: {
    home: 'Go-to-market playbook',
    icps: 'Ideal Customer Profiles',
    personas: 'Who we talk to',
    pages: 'Guides',
    market: 'TAM, SAM and SOM of every ICP',
    score: 'Score an account',
    review: 'What needs a review',
    search: 'Search the playbook',
  },
  playbook: 'Playbook',
};

const fr: Omit<SlideStrings, 'buyingRoles' | 'status'> = {
  idealCustomerProfile: 'Profil client idéal',
  whoIsIn: 'Qui est dans l’ICP',
  notAFit: 'Hors cible',
  signals: 'Signaux',
  tiers: 'Tiers',
  personas: 'Personas',
  market: 'Marché',
  owner: 'Responsable',
  reviewed: 'Revu le',
  points: (signed, graded) => (graded ? `jusqu’à ${signed}` : signed),
  pointsUnit: 'pts',
  more: (count) => `+ ${count} autre${count > 1 ? 's' : ''}`,
  tierAtLeast: (min) => `≥${min}`,
  tierRange: (min, max) => `${min}–${max}`,
  tierBelow: (max) => `< ${max}`,
  accounts: (formatted) => `${formatted} comptes`,
  shareOf: (percent, level) => `${percent} du ${level}`,
  marketLevels: { tam: 'TAM', sam: 'SAM', som: 'SOM' },
  noPersonas: 'Aucun persona n’est encore lié à cet ICP.',
  kinds: {
    home: 'Playbook',
    icp: 'ICP',
    icps: 'ICP',
    persona: 'Persona',
    personas: 'Personas',
    page: 'Guide',
    pages: 'Guides',
    market: 'Marché',
    score: 'Scoring',
    review: 'Revue',
    search: 'Recherche',
  },
  pageTitles: {
    home: 'Playbook go-to-market',
    icps: 'Profils de client idéal',
    personas: 'À qui nous parlons',
    pages: 'Guides',
    market: 'TAM, SAM et SOM de chaque ICP',
    score: 'Scorer un compte',
    review: 'Ce qui est à revoir',
    search: 'Rechercher dans le playbook',
  },
  playbook: 'Playbook',
};

// Buying roles and statuses read the same on the slides as on the pages: one source, ui.ts.
const shared = (locale: Locale) => ({
  buyingRoles: getUiStrings(locale).buyingRoles,
  status: getUiStrings(locale).status,
});

/** Slide and Open Graph strings in both locales, chosen by `model.settings.locale`. */
export const slideStrings: Record<Locale, SlideStrings> = {
  en: { ...en, ...shared('en') },
  fr: { ...fr, ...shared('fr') },
};

/** The strings for `locale`. */
export function getSlideStrings(locale: Locale): SlideStrings {
  return slideStrings[locale];
}
