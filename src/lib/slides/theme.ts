// One look for every image the playbook draws: the ICP slide and the Open Graph cards.

/** Bump when a template changes in a way the element tree does not show (it rarely does: the cache key hashes the tree). */
export const TEMPLATE_VERSION = 1;

/** The one-slide ICP: 16:9, full HD. */
export const SLIDE_SIZE = { width: 1920, height: 1080 } as const;

/** Open Graph / Twitter card: 1.91:1. */
export const OG_SIZE = { width: 1200, height: 630 } as const;

/** The size of an image, in pixels. */
export type Size = { width: number; height: number };

/** Emoji and symbol images are rasterized at this width: sharp up to 160 px type. */
export const IMAGE_PIXELS = 160;

/**
 * The Inter subsets of @fontsource/inter that are loaded, in fallback order. Satori uses one
 * font per family name and weight, so each subset is registered under its own family name.
 */
export const FONT_SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic', 'vietnamese'] as const;
export type FontSubset = (typeof FONT_SUBSETS)[number];

/** The family name a subset is registered under: `Inter`, `Inter-latin-ext`... */
export function fontFamilyName(subset: FontSubset): string {
  return subset === 'latin' ? 'Inter' : `Inter-${subset}`;
}

/** The font stack the templates ask for: Inter, then its other subsets for what Latin lacks. */
export const FONT_FAMILY = FONT_SUBSETS.map(fontFamilyName).join(', ');

/** The weights the templates use (each is loaded from @fontsource/inter). */
export const FONT_WEIGHTS = [400, 500, 600, 700] as const;

/** Colours: a deep navy for identity, one indigo accent, green and red for points. */
export const COLORS = {
  navy: '#0B1B34',
  navySoft: '#16294A',
  onNavy: '#FFFFFF',
  onNavyMuted: '#A9B8D4',
  onNavyFaint: '#6F83A8',
  accent: '#5B6CFF',
  accentSoft: '#EEF0FF',
  accentInk: '#3342D6',
  ink: '#0F172A',
  text: '#334155',
  muted: '#64748B',
  faint: '#94A3B8',
  hairline: '#E2E8F0',
  surface: '#F5F7FB',
  white: '#FFFFFF',
  positive: '#0E7C52',
  positiveSoft: '#E3F5EC',
  negative: '#B42318',
  negativeSoft: '#FDECEA',
  draft: '#B54708',
  draftSoft: '#FEF0C7',
  retired: '#475467',
  retiredSoft: '#EAECF0',
} as const;

/** Tier chips, highest tier first; tiers beyond the list reuse the last style. */
export const TIER_STYLES = [
  { background: COLORS.accent, color: COLORS.white },
  { background: COLORS.accentSoft, color: COLORS.accentInk },
  { background: '#EEF1F6', color: COLORS.text },
] as const;

/** Ellipsis used when text is clamped. */
export const ELLIPSIS = '…';
