// The Open Graph card of a page (1200 × 630): company, kind of page, title and description,
// on the playbook's navy with the accent stripe, so a link pasted in a chat tool reads at once.
import type { PlaybookModel } from '../model/playbook-model.ts';
import type { Playbook } from '../../schemas/playbook.ts';
import { getSlideStrings } from '../i18n/slides.ts';
import { box, region, textLines as lines, type SlideElement } from './element.ts';
import { findOgPage, ogRouteKey, type OgPage } from './og-routes.ts';
import type { TextKit, TextStyle } from './text-kit.ts';
import { COLORS, FONT_FAMILY, OG_SIZE } from './theme.ts';

/** What an Open Graph card shows. */
export interface OgImageData {
  settings: Pick<Playbook, 'company' | 'product' | 'locale'>;
  page: OgPage;
}

const W = OG_SIZE.width;
const H = OG_SIZE.height;
const PAD = 72;
const STRIPE = 12;
const BRAND = 44;
const FOOT = 32;

/** The card data for the page at `pagePath`, or undefined when the site has no such page. */
export function ogImageData(model: PlaybookModel, pagePath: string): OgImageData | undefined {
  const page = findOgPage(model, pagePath);
  return page && { settings: model.settings, page };
}

/**
 * Three concentric rings, the playbook's TAM / SAM / SOM motif, bleeding off the bottom right.
 * Each ring is a tinted disc under a navy one: bordered circles would cost resvg a clipping layer.
 */
function rings(): SlideElement {
  const centre = { x: 1110, y: 540 };
  const disc = (diameter: number, color: string) =>
    box({
      position: 'absolute',
      left: centre.x - diameter / 2,
      top: centre.y - diameter / 2,
      width: diameter,
      height: diameter,
      borderRadius: diameter / 2,
      backgroundColor: color,
    });
  const ring = (diameter: number, alpha: number) => [
    disc(diameter, `rgba(154, 166, 255, ${alpha})`),
    disc(diameter - 4, COLORS.navy),
  ];
  return box(
    { position: 'absolute', left: 0, top: 0, width: W, height: H },
    ...ring(520, 0.16),
    ...ring(340, 0.22),
    ...ring(170, 0.3),
  );
}

/**
 * The Open Graph card as a satori element tree.
 * @example satori(ogImage(ogImageData(model, '/')!, kit), { ...OG_SIZE, fonts })
 */
export function ogImage(data: OgImageData, kit: TextKit): SlideElement {
  const { settings, page } = data;
  const t = getSlideStrings(settings.locale);
  const inner = W - 2 * PAD;

  const kindStyle: TextStyle = { fontSize: 18, fontWeight: 700, letterSpacing: 1.8, color: COLORS.white };
  const kind = kit.fit(t.kinds[page.kind].toUpperCase(), kindStyle, {
    width: 260,
    maxLines: 1,
    minFontSize: 14,
    lineHeight: 1.2,
  });
  const brandStyle: TextStyle = { fontSize: 20, fontWeight: 600, letterSpacing: 2, color: COLORS.onNavyMuted };
  const brand = kit.fit(settings.company.toUpperCase(), brandStyle, {
    width: inner - BRAND - 16 - kind.width - 60,
    maxLines: 1,
    minFontSize: 15,
    lineHeight: 1.2,
  });
  const initial = kit.initial(settings.company, { fontSize: 24, fontWeight: 700, color: COLORS.white });

  // Vertical budget between the brand row and the footer, shared by title and description.
  const middle = H - STRIPE - 2 * PAD - BRAND - FOOT - 2 * 36;
  const titleStyle: TextStyle = { fontSize: 68, fontWeight: 700, letterSpacing: -1, color: COLORS.onNavy };
  const titleFit = { width: inner, maxLines: 3, minFontSize: 44, lineHeight: 1.1, balance: true };
  let title = kit.fit(page.title, titleStyle, titleFit);
  if (title.lines.length === 0) title = kit.fit(ogRouteKey(page.path), titleStyle, titleFit);
  const descriptionStyle: TextStyle = { fontSize: 28, fontWeight: 400, color: COLORS.onNavyMuted };
  const descriptionGap = 18;
  const room = middle - title.height - descriptionGap;
  const maxDescriptionLines = Math.min(2, Math.floor(room / Math.ceil(28 * 1.35)));
  const description =
    page.description && maxDescriptionLines > 0
      ? kit.fit(page.description, descriptionStyle, {
          width: inner - 120,
          maxLines: maxDescriptionLines,
          minFontSize: 24,
          lineHeight: 1.35,
        })
      : undefined;

  const footStyle: TextStyle = { fontSize: 20, fontWeight: 500, color: COLORS.onNavyFaint };
  const foot = kit.fit(`${settings.product} · ${t.playbook}`, footStyle, {
    width: inner - 200,
    maxLines: 1,
    minFontSize: 15,
    lineHeight: 1.3,
  });

  return box(
    {
      position: 'relative',
      flexDirection: 'column',
      width: W,
      height: H,
      backgroundColor: COLORS.navy,
      fontFamily: FONT_FAMILY,
      // No overflow: hidden, although the rings bleed off the card: the canvas clips them anyway,
      // and satori would mask every element inside, which doubled resvg's time per card (42 → 22 ms).
    },
    rings(),
    // Positioned, so that it paints over the rings (positioned boxes paint after the others).
    region(
      'content',
      box(
        { position: 'relative', flexDirection: 'column', width: W, height: H - STRIPE, padding: PAD, flexShrink: 0 },
        box(
          { alignItems: 'center', gap: 16, height: BRAND, flexShrink: 0 },
          box(
            {
              width: BRAND,
              height: BRAND,
              borderRadius: 11,
              backgroundColor: COLORS.accent,
              alignItems: 'center',
              justifyContent: 'center',
              flexShrink: 0,
            },
            box({ fontSize: 24, fontWeight: 700, color: COLORS.white }, initial || '•'),
          ),
          lines(brand, brandStyle),
          box({ flexGrow: 1 }),
          box(
            {
              alignItems: 'center',
              height: 38,
              padding: '0 18px',
              borderRadius: 19,
              backgroundColor: COLORS.accent,
              flexShrink: 0,
            },
            lines(kind, kindStyle),
          ),
        ),
        box({ height: 36, flexShrink: 0 }),
        box(
          { flexDirection: 'column', height: middle, justifyContent: 'center', flexShrink: 0 },
          lines(title, titleStyle),
          ...(description
            ? [box({ height: descriptionGap, flexShrink: 0 }), lines(description, descriptionStyle)]
            : []),
        ),
        box({ height: 36, flexShrink: 0 }),
        box({ alignItems: 'center', height: FOOT, flexShrink: 0 }, lines(foot, footStyle)),
      ),
    ),
    box({
      position: 'relative',
      width: W,
      height: STRIPE,
      flexShrink: 0,
      backgroundImage: `linear-gradient(90deg, ${COLORS.accent}, #8B5CF6)`,
    }),
  );
}
