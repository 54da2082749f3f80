// The one-slide ICP (1920 × 1080): who the company is, who is in, how accounts rank, who we
// talk to and how big the market is. Every block is measured before it is placed: long titles
// shrink then clamp, and lists that do not fit end with "+ N more" instead of spilling over.
import type { IcpEntry, PersonaEntry, PlaybookModel } from '../model/playbook-model.ts';
import type { Playbook } from '../../schemas/playbook.ts';
import type { Persona } from '../../schemas/persona.ts';
import { getFormatters, type Formatters } from '../format.ts';
import { getSlideStrings, type SlideStrings } from '../i18n/slides.ts';
import { box, region, textLines as lines, type SlideElement, type Style } from './element.ts';
import type { TextKit, TextStyle } from './text-kit.ts';
import { COLORS, FONT_FAMILY, SLIDE_SIZE, TIER_STYLES } from './theme.ts';

/** What the slide shows: the playbook settings, one ICP and the personas linked to it. */
export interface IcpSlideData {
  settings: Pick<Playbook, 'company' | 'product' | 'locale'>;
  icp: Pick<IcpEntry, 'id' | 'data'>;
  personas: Pick<Persona, 'name' | 'role' | 'buyingRole'>[];
}

/** A laid-out block: its element and the height it takes. */
interface Block {
  node: SlideElement;
  height: number;
}

/** A laid-out list: how many of its items it shows (the rest are counted in "+ N more"). */
interface ListBlock extends Block {
  shown: number;
}

interface Context {
  kit: TextKit;
  data: IcpSlideData;
  t: SlideStrings;
  f: Formatters;
}

// Layout in pixels. Boxes are border-box: widths and heights include padding and borders.
const W = SLIDE_SIZE.width;
const H = SLIDE_SIZE.height;
const PAD_X = 80;
const STRIPE = 10;
const HEADER_PAD_TOP = 44;
const HEADER_PAD_BOTTOM = 42;
const BRAND_ROW = 40;
const MARKET_WIDTH = 620;
const HEADER_GAP = 72;
const BODY_PAD_TOP = 40;
const BODY_PAD_BOTTOM = 24;
const FOOTER = 72;
const COLUMN_GAP = 64;
const COLUMNS = [530, 640, W - 2 * PAD_X - 530 - 640 - 2 * COLUMN_GAP] as const;
const SECTION_HEAD = 24;
const SECTION_GAP = 22;
const TIER_CHIP = 88;

/** The personas of the ICP `icpId`, in the model's order. */
export function personasOfIcp(model: Pick<PlaybookModel, 'personas'>, icpId: string): PersonaEntry[] {
  return model.personas.filter((persona) => persona.data.icps.includes(icpId));
}

/** The data of one ICP's slide, from the whole playbook. */
export function icpSlideData(model: PlaybookModel, icpId: string): IcpSlideData {
  const icp = model.icps.find((entry) => entry.id === icpId);
  if (!icp)
    throw new Error(`No ICP "${icpId}" in content/icps: the ids are ${model.icps.map((e) => e.id).join(', ')}.`);
  return { settings: model.settings, icp, personas: personasOfIcp(model, icpId).map((p) => p.data) };
}

const spacer = (height: number): SlideElement => box({ height, flexShrink: 0 });

/** Stacks blocks vertically with a gap. */
function stack(blocks: Block[], gap: number): Block {
  const height = blocks.reduce((sum, b) => sum + b.height, 0) + gap * Math.max(0, blocks.length - 1);
  return { node: box({ flexDirection: 'column', gap, flexShrink: 0, height }, ...blocks.map((b) => b.node)), height };
}

/**
 * As many items as fit in `budget` pixels, in order; when some are left out, the last line
 * says how many.
 */
function fillList(items: Block[], gap: number, budget: number, more: (count: number) => Block): ListBlock {
  const all = stack(items, gap);
  if (all.height <= budget) return { ...all, shown: items.length };
  const kept: Block[] = [];
  let used = 0;
  for (const [i, item] of items.entries()) {
    const next = used + (kept.length ? gap : 0) + item.height;
    const left = items.length - i - 1;
    // Keep this item only if the "+ N more" line for the ones after it still fits.
    if (next + (left > 0 ? gap + more(left).height : 0) > budget) break;
    kept.push(item);
    used = next;
  }
  return { ...stack([...kept, more(items.length - kept.length)], gap), shown: kept.length };
}

/** Section heading: small capitals in the accent colour, and a hairline to the column's end. */
function sectionHead({ kit }: Context, label: string, width: number, color: string = COLORS.accentInk): Block {
  const style: TextStyle = { fontSize: 18, fontWeight: 700, letterSpacing: 2.4, color };
  const fitted = kit.fit(label.toUpperCase(), style, {
    width: width - 60,
    maxLines: 1,
    minFontSize: 14,
    lineHeight: 1.3,
  });
  return {
    node: box(
      { alignItems: 'center', gap: 16, height: SECTION_HEAD, width, flexShrink: 0 },
      lines(fitted, style),
      box({ flexGrow: 1, height: 2, backgroundColor: COLORS.hairline }),
    ),
    height: SECTION_HEAD,
  };
}

/** "+ 3 more", muted, closing a list cut to fit. */
function moreLine({ kit, t }: Context, count: number, width: number): Block {
  const style: TextStyle = { fontSize: 20, fontWeight: 500, color: COLORS.muted };
  const fitted = kit.fit(t.more(count), style, { width, maxLines: 1, lineHeight: 1.3 });
  return { node: lines(fitted, style), height: fitted.height };
}

/**
 * A round icon whose mark is drawn with rotated bars, like strokes with round caps. Plain boxes
 * keep resvg fast: an inline SVG becomes a clipped, masked image that costs a full-canvas layer.
 * `strokes` are segments in a 24-unit box, as in an icon font's SVG.
 */
function roundIcon(
  size: number,
  background: string,
  color: string,
  strokes: [number, number, number, number][],
): SlideElement {
  const scale = (size * 0.56) / 24;
  const offset = (size - 24 * scale) / 2;
  const thickness = 3 * scale;
  return box(
    {
      position: 'relative',
      width: size,
      height: size,
      borderRadius: size / 2,
      backgroundColor: background,
      flexShrink: 0,
    },
    ...strokes.map(([x1, y1, x2, y2]) => {
      const length = Math.hypot(x2 - x1, y2 - y1) * scale + thickness;
      const cx = offset + ((x1 + x2) / 2) * scale;
      const cy = offset + ((y1 + y2) / 2) * scale;
      const angle = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
      return box({
        position: 'absolute',
        left: cx - length / 2,
        top: cy - thickness / 2,
        width: length,
        height: thickness,
        borderRadius: thickness / 2,
        backgroundColor: color,
        transform: `rotate(${angle.toFixed(2)}deg)`,
        transformOrigin: 'center',
      });
    }),
  );
}

const checkIcon = (size: number) =>
  roundIcon(size, COLORS.accentSoft, COLORS.accentInk, [
    [5.5, 12.5, 9.5, 16.5],
    [9.5, 16.5, 18.5, 7.5],
  ]);
const crossIcon = (size: number) =>
  roundIcon(size, COLORS.negativeSoft, COLORS.negative, [
    [7.5, 7.5, 16.5, 16.5],
    [16.5, 7.5, 7.5, 16.5],
  ]);

/** A hairline along the top of a box that is `position: relative` (single-side borders cost clipping layers in resvg). */
const topRule = (width: number, thickness: number) =>
  box({ position: 'absolute', left: 0, top: 0, width, height: thickness, backgroundColor: COLORS.hairline });

function header(ctx: Context): Block {
  const { kit, data, t } = ctx;
  const { settings, icp } = data;
  const market = icp.data.market;
  const leftWidth = market ? W - 2 * PAD_X - MARKET_WIDTH - HEADER_GAP : W - 2 * PAD_X;

  const brandStyle: TextStyle = { fontSize: 20, fontWeight: 600, letterSpacing: 2, color: COLORS.onNavyMuted };
  const brand = kit.fit(`${settings.company} · ${settings.product}`.toUpperCase(), brandStyle, {
    width: leftWidth - BRAND_ROW - 16,
    maxLines: 1,
    minFontSize: 15,
    lineHeight: 1.2,
  });
  const initial = kit.initial(settings.company, { fontSize: 22, fontWeight: 700, color: COLORS.white });
  const brandRow = box(
    { alignItems: 'center', gap: 16, height: BRAND_ROW, width: leftWidth, flexShrink: 0 },
    box(
      {
        width: BRAND_ROW,
        height: BRAND_ROW,
        borderRadius: 10,
        backgroundColor: COLORS.accent,
        alignItems: 'center',
        justifyContent: 'center',
        flexShrink: 0,
      },
      box({ fontSize: 22, fontWeight: 700, color: COLORS.white }, initial || '•'),
    ),
    lines(brand, brandStyle),
  );

  // Eyebrow over the title, with the status when the ICP is not active.
  const status = icp.data.status;
  const statusLook =
    status === 'draft'
      ? { color: COLORS.draft, background: COLORS.draftSoft }
      : { color: COLORS.retired, background: COLORS.retiredSoft };
  const pillStyle: TextStyle = { fontSize: 15, fontWeight: 700, letterSpacing: 1.5, color: statusLook.color };
  const pill =
    status === 'active'
      ? undefined
      : kit.fit(t.status[status].toUpperCase(), pillStyle, {
          width: 240,
          maxLines: 1,
          minFontSize: 12,
          lineHeight: 1.2,
        });
  const pillWidth = pill ? Math.ceil(pill.width) + 28 : 0;
  const eyebrowStyle: TextStyle = { fontSize: 18, fontWeight: 700, letterSpacing: 2.4, color: '#9AA6FF' };
  const eyebrow = kit.fit(t.idealCustomerProfile.toUpperCase(), eyebrowStyle, {
    width: leftWidth - pillWidth - 16,
    maxLines: 1,
    minFontSize: 14,
    lineHeight: 1.3,
  });
  const EYEBROW = 30;
  const eyebrowRow = box(
    { alignItems: 'center', gap: 16, height: EYEBROW, flexShrink: 0 },
    lines(eyebrow, eyebrowStyle),
    ...(pill
      ? [
          box(
            {
              alignItems: 'center',
              justifyContent: 'center',
              height: 30,
              width: pillWidth,
              borderRadius: 15,
              backgroundColor: statusLook.background,
              flexShrink: 0,
            },
            lines(pill, pillStyle),
          ),
        ]
      : []),
  );

  const titleStyle: TextStyle = { fontSize: 66, fontWeight: 700, letterSpacing: -1.2, color: COLORS.onNavy };
  const titleFit = { width: leftWidth, maxLines: 2, minFontSize: 50, lineHeight: 1.1, balance: true };
  let title = kit.fit(icp.data.title, titleStyle, titleFit);
  // A title with no character our fonts can draw (all CJK, say) falls back to the file id.
  if (title.lines.length === 0) title = kit.fit(icp.id, titleStyle, titleFit);
  const summaryStyle: TextStyle = { fontSize: 28, fontWeight: 400, color: COLORS.onNavyMuted };
  const summary = kit.fit(icp.data.summary, summaryStyle, {
    width: leftWidth,
    maxLines: 2,
    minFontSize: 24,
    lineHeight: 1.38,
  });

  const gaps = { brand: 28, eyebrow: 8, title: 14 };
  const leftHeight = BRAND_ROW + gaps.brand + EYEBROW + gaps.eyebrow + title.height + gaps.title + summary.height;
  const left = box(
    { flexDirection: 'column', width: leftWidth, height: leftHeight, flexShrink: 0 },
    brandRow,
    spacer(gaps.brand),
    eyebrowRow,
    spacer(gaps.eyebrow),
    lines(title, titleStyle),
    spacer(gaps.title),
    lines(summary, summaryStyle),
  );

  const kpis = market ? marketKpis(ctx) : undefined;
  const contentHeight = Math.max(leftHeight, kpis?.height ?? 0);
  const height = STRIPE + HEADER_PAD_TOP + contentHeight + HEADER_PAD_BOTTOM;
  return {
    node: box(
      { flexDirection: 'column', width: W, height, flexShrink: 0, backgroundColor: COLORS.navy },
      box({
        width: W,
        height: STRIPE,
        flexShrink: 0,
        backgroundImage: `linear-gradient(90deg, ${COLORS.accent}, #8B5CF6)`,
      }),
      box(
        {
          padding: `${HEADER_PAD_TOP}px ${PAD_X}px ${HEADER_PAD_BOTTOM}px`,
          gap: HEADER_GAP,
          width: W,
          height: height - STRIPE,
          flexShrink: 0,
        },
        region('identity', left),
        ...(kpis ? [region('market', kpis.node)] : []),
      ),
    ),
    height,
  };
}

const MARKET_BARS = { tam: COLORS.accent, sam: '#7C6CF6', som: '#A78BFA' } as const;

/** TAM / SAM / SOM as three figures in the header, with the accounts behind each. */
function marketKpis({ kit, data, t, f }: Context): Block {
  const market = data.icp.data.market!;
  const captionStyle: TextStyle = { fontSize: 17, fontWeight: 700, letterSpacing: 2, color: COLORS.onNavyFaint };
  const caption = kit.fit(`${t.market}${market.year ? ` ${market.year}` : ''}`.toUpperCase(), captionStyle, {
    width: MARKET_WIDTH,
    maxLines: 1,
    minFontSize: 13,
    lineHeight: 1.3,
  });
  const gap = 20;
  const columnWidth = Math.floor((MARKET_WIDTH - 2 * gap) / 3);
  const inner = columnWidth - 22;
  const levelStyle: TextStyle = { fontSize: 18, fontWeight: 700, letterSpacing: 1.5, color: '#9AA6FF' };
  const valueStyle: TextStyle = { fontSize: 48, fontWeight: 700, letterSpacing: -0.5, color: COLORS.onNavy };
  const accountsStyle: TextStyle = { fontSize: 18, fontWeight: 500, color: COLORS.onNavyMuted };
  const levels = (['tam', 'sam', 'som'] as const).map((level) => ({
    level,
    figure: market[level],
    money: f.moneyCompact(market[level].value, market.currency),
  }));
  // The three figures share one size: the largest at which the widest one fits.
  const valueSize = Math.min(
    ...levels.map(
      ({ money }) =>
        kit.fit(money, valueStyle, { width: inner, maxLines: 1, minFontSize: 28, lineHeight: 1.15 }).fontSize,
    ),
  );
  const sized = { ...valueStyle, fontSize: valueSize };
  const valueHeight = Math.ceil(valueSize * 1.15);
  const shareStyle: TextStyle = { fontSize: 17, fontWeight: 500, color: COLORS.onNavyFaint };
  const above = { tam: undefined, sam: 'tam', som: 'sam' } as const;
  const columns = levels.map(({ level, figure, money }) => {
    const levelText = kit.fit(t.marketLevels[level], levelStyle, {
      width: inner,
      maxLines: 1,
      minFontSize: 14,
      lineHeight: 1.3,
    });
    const value = kit.fit(money, sized, { width: inner, maxLines: 1, lineHeight: 1.15 });
    const accounts =
      figure.accounts === undefined
        ? undefined
        : kit.fit(t.accounts(f.compact(figure.accounts)), accountsStyle, {
            width: inner,
            maxLines: 1,
            minFontSize: 14,
            lineHeight: 1.3,
          });
    const parent = above[level];
    const ratio = parent && market[parent].value > 0 ? figure.value / market[parent].value : undefined;
    const share =
      parent && ratio !== undefined
        ? kit.fit(t.shareOf(f.percent(ratio, ratio < 0.1 ? 1 : 0), t.marketLevels[parent]), shareStyle, {
            width: inner,
            maxLines: 1,
            minFontSize: 13,
            lineHeight: 1.3,
          })
        : undefined;
    return box(
      { width: columnWidth, flexShrink: 0, gap: 17 },
      box({ width: 3, alignSelf: 'stretch', flexShrink: 0, backgroundColor: MARKET_BARS[level] }),
      box(
        { flexDirection: 'column', width: columnWidth - 20, flexShrink: 0, gap: 6 },
        lines(levelText, levelStyle),
        box({ height: valueHeight, flexShrink: 0, alignItems: 'flex-end' }, lines(value, sized)),
        ...(accounts ? [lines(accounts, accountsStyle)] : []),
        ...(share ? [lines(share, shareStyle)] : []),
      ),
    );
  });
  const columnHeight = Math.ceil(18 * 1.3) + 6 + valueHeight + 6 + Math.ceil(18 * 1.3) + 6 + Math.ceil(17 * 1.3);
  return {
    node: box(
      { flexDirection: 'column', width: MARKET_WIDTH, flexShrink: 0, gap: 18 },
      lines(caption, captionStyle),
      box({ gap, flexShrink: 0 }, ...columns),
    ),
    height: caption.height + 18 + columnHeight,
  };
}

/** Statement lists get denser when they are long: smaller text for every item alike. */
const LIST_DENSITY = [
  { step: 0, gap: 18 },
  { step: 2, gap: 14 },
  { step: 4, gap: 10 },
] as const;

/** A list of short statements with an icon, each on up to two lines, all at one size. */
function iconList(
  ctx: Context,
  texts: string[],
  icon: (size: number) => SlideElement,
  style: TextStyle,
  width: number,
  budget: number,
): ListBlock {
  const size = 32;
  const textWidth = width - size - 18;
  const build = (density: (typeof LIST_DENSITY)[number]) => {
    const sized = { ...style, fontSize: style.fontSize - density.step };
    const items = texts.map((text) => {
      const fitted = ctx.kit.fit(text, sized, { width: textWidth, maxLines: 2, lineHeight: 1.3 });
      const height = Math.max(size, fitted.height);
      return {
        node: box(
          { gap: 18, height, flexShrink: 0, alignItems: 'flex-start' },
          box({ paddingTop: Math.max(0, Math.floor((fitted.lineHeight - size) / 2)), flexShrink: 0 }, icon(size)),
          lines(fitted, sized),
        ),
        height,
      };
    });
    return fillList(items, density.gap, budget, (count) => moreLine(ctx, count, textWidth));
  };
  let list = build(LIST_DENSITY[0]);
  for (const density of LIST_DENSITY.slice(1)) {
    if (list.shown === texts.length) break;
    list = build(density);
  }
  return list;
}

/** Who is in (the filters), who is out (disqualifiers, when there is room), and the tiers. */
function filtersColumn(ctx: Context, width: number, budget: number): SlideElement {
  const { data, t } = ctx;
  const head = sectionHead(ctx, t.whoIsIn, width);
  const tiers = tiersBlock(ctx, width);
  const room = budget - head.height - SECTION_GAP - 36 - tiers.height;
  const filterStyle: TextStyle = { fontSize: 25, fontWeight: 500, color: COLORS.ink };
  // A label with nothing drawable (the validator refuses it; this is the fallback) shows its
  // attribute id, never an empty row.
  const filterTexts = data.icp.data.filters.map((filter) =>
    ctx.kit.prepare(filter.label, filterStyle) ? filter.label : filter.attribute,
  );
  const filters = iconList(ctx, filterTexts, checkIcon, filterStyle, width, room);
  // Exclusions matter as much as the filters: show them when at least two fit under the filters.
  const outRoom = room - filters.height - 34 - SECTION_HEAD - SECTION_GAP;
  const outStyle: TextStyle = { fontSize: 22, fontWeight: 400, color: COLORS.text };
  const disqualifiers = data.icp.data.disqualifiers.filter((text) => ctx.kit.prepare(text, outStyle) !== '');
  const out =
    disqualifiers.length > 0 && filters.shown === data.icp.data.filters.length
      ? iconList(ctx, disqualifiers, crossIcon, outStyle, width, outRoom)
      : undefined;
  const showOut = out !== undefined && outRoom > 0 && out.shown >= Math.min(2, disqualifiers.length);
  return box(
    { flexDirection: 'column', width, height: budget, flexShrink: 0 },
    head.node,
    spacer(SECTION_GAP),
    filters.node,
    ...(showOut
      ? [spacer(34), sectionHead(ctx, t.notAFit, width, COLORS.negative).node, spacer(SECTION_GAP), out.node]
      : []),
    box({ flexGrow: 1 }),
    tiers.node,
  );
}

/** The tiers as chips, highest first: label and score range, in rows of up to three. */
function tiersBlock(ctx: Context, width: number): Block {
  const { kit, data, t } = ctx;
  const head = sectionHead(ctx, t.tiers, width);
  const tiers = data.icp.data.tiers;
  const perRow = Math.min(3, tiers.length);
  const gap = 14;
  const chipWidth = Math.floor((width - gap * (perRow - 1)) / perRow);
  const inner = chipWidth - 40;
  const chips = tiers.map((tier, i) => {
    const look = TIER_STYLES[Math.min(i, TIER_STYLES.length - 1)]!;
    const above = tiers[i - 1];
    const range = !above
      ? t.tierAtLeast(tier.min)
      : tier.min === 0
        ? t.tierBelow(above.min)
        : t.tierRange(tier.min, above.min - 1);
    const labelStyle: TextStyle = { fontSize: 24, fontWeight: 700, color: look.color };
    const rangeStyle: TextStyle = { fontSize: 20, fontWeight: 500, color: look.color };
    const label = kit.fit(tier.label, labelStyle, { width: inner, maxLines: 1, minFontSize: 18, lineHeight: 1.25 });
    const rangeText = kit.fit(`${range} ${t.pointsUnit}`, rangeStyle, {
      width: inner,
      maxLines: 1,
      minFontSize: 15,
      lineHeight: 1.25,
    });
    return box(
      {
        flexDirection: 'column',
        justifyContent: 'center',
        gap: 4,
        width: chipWidth,
        height: TIER_CHIP,
        padding: '0 18px',
        borderRadius: 16,
        backgroundColor: look.background,
        flexShrink: 0,
      },
      lines(label, labelStyle),
      lines(rangeText, rangeStyle),
    );
  });
  const rows: SlideElement[] = [];
  for (let i = 0; i < chips.length; i += perRow) rows.push(box({ gap, flexShrink: 0 }, ...chips.slice(i, i + perRow)));
  const rowsHeight = rows.length * TIER_CHIP + (rows.length - 1) * gap;
  const height = head.height + SECTION_GAP + rowsHeight;
  return {
    node: box(
      { flexDirection: 'column', width, height, flexShrink: 0 },
      head.node,
      spacer(SECTION_GAP),
      box({ flexDirection: 'column', gap, flexShrink: 0 }, ...rows),
    ),
    height,
  };
}

/** Signal rows get denser as there are more of them, down to one line at 19 px. */
const SIGNAL_DENSITY = [
  { fontSize: 26, maxLines: 2, pad: 13, pill: 40 },
  { fontSize: 24, maxLines: 2, pad: 10, pill: 38 },
  { fontSize: 24, maxLines: 1, pad: 8, pill: 36 },
  { fontSize: 22, maxLines: 1, pad: 6, pill: 32 },
  { fontSize: 20, maxLines: 1, pad: 4, pill: 30 },
  // With the tallest header (two-line title and summary) this still fits thirteen rows.
  { fontSize: 19, maxLines: 1, pad: 3, pill: 28 },
] as const;

/** The signals with their points: strongest first, negative signals last. */
function signalsColumn(ctx: Context, width: number, budget: number): SlideElement {
  const { kit, data, t, f } = ctx;
  const head = sectionHead(ctx, t.signals, width);
  const room = budget - head.height - SECTION_GAP;
  const signals = data.icp.data.signals
    .map((signal) => {
      const points = signal.levels.map((level) => level.points);
      const best = Math.max(...points);
      // Nothing drawable in the label (the validator refuses it): the attribute id, never an empty row.
      const label = kit.prepare(signal.label, { fontSize: 20, fontWeight: 500, color: COLORS.ink })
        ? signal.label
        : signal.attribute;
      return { label, graded: signal.levels.length > 1, value: best > 0 ? best : Math.min(...points) };
    })
    .sort((a, b) => Number(b.value > 0) - Number(a.value > 0) || (a.value > 0 ? b.value - a.value : a.value - b.value));

  const build = (density: (typeof SIGNAL_DENSITY)[number]): Block[] =>
    signals.map((signal, i) => {
      const positive = signal.value > 0;
      const pillStyle: TextStyle = {
        fontSize: Math.round(density.pill * 0.5),
        fontWeight: 700,
        color: positive ? COLORS.positive : COLORS.negative,
      };
      const pillText = kit.fit(t.points(f.points(signal.value), signal.graded), pillStyle, {
        width: 200,
        maxLines: 1,
        lineHeight: 1.2,
      });
      const pillWidth = Math.ceil(pillText.width) + 30;
      const style: TextStyle = { fontSize: density.fontSize, fontWeight: 500, color: COLORS.ink };
      // One size for every row (the density's): rows that are too long are clamped, not shrunk.
      const text = kit.fit(signal.label, style, {
        width: width - pillWidth - 24,
        maxLines: density.maxLines,
        lineHeight: 1.28,
      });
      const height = Math.max(text.height, density.pill) + 2 * density.pad;
      return {
        node: box(
          {
            position: 'relative',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 24,
            width,
            height,
            flexShrink: 0,
          },
          ...(i === 0 ? [] : [topRule(width, 1)]),
          lines(text, style),
          box(
            {
              alignItems: 'center',
              justifyContent: 'center',
              height: density.pill,
              width: pillWidth,
              borderRadius: density.pill / 2,
              backgroundColor: positive ? COLORS.positiveSoft : COLORS.negativeSoft,
              flexShrink: 0,
            },
            lines(pillText, pillStyle),
          ),
        ),
        height,
      };
    });
  const total = (blocks: Block[]) => blocks.reduce((sum, b) => sum + b.height, 0);
  let rows = build(SIGNAL_DENSITY[0]);
  for (const density of SIGNAL_DENSITY.slice(1)) {
    if (total(rows) <= room) break;
    rows = build(density);
  }
  const list = fillList(rows, 0, room, (count) => moreLine(ctx, count, width));
  return box(
    { flexDirection: 'column', width, height: budget, flexShrink: 0 },
    head.node,
    spacer(SECTION_GAP),
    list.node,
  );
}

/** The personas: initial, name, role and buying role. */
function personasColumn(ctx: Context, width: number, budget: number): SlideElement {
  const { kit, data, t } = ctx;
  const head = sectionHead(ctx, t.personas, width);
  const room = budget - head.height - SECTION_GAP;
  const avatar = 56;
  const textWidth = width - avatar - 20;
  const nameStyle: TextStyle = { fontSize: 25, fontWeight: 700, color: COLORS.ink };
  const roleStyle: TextStyle = { fontSize: 21, fontWeight: 400, color: COLORS.text };
  const pillStyle: TextStyle = { fontSize: 14, fontWeight: 700, letterSpacing: 1.2, color: COLORS.accentInk };
  const pillHeight = 28;
  const items = data.personas.map((persona) => {
    const name = kit.fit(persona.name, nameStyle, { width: textWidth, maxLines: 1, minFontSize: 21, lineHeight: 1.25 });
    const role = kit.fit(persona.role, roleStyle, { width: textWidth, maxLines: 2, minFontSize: 19, lineHeight: 1.3 });
    const buying = kit.fit(t.buyingRoles[persona.buyingRole].toUpperCase(), pillStyle, {
      width: textWidth - 24,
      maxLines: 1,
      minFontSize: 12,
      lineHeight: 1.2,
    });
    const initial = kit.initial(persona.name, { ...nameStyle, color: COLORS.white });
    const height = name.height + 2 + role.height + 10 + pillHeight;
    return {
      node: box(
        { gap: 20, height, flexShrink: 0 },
        box(
          {
            width: avatar,
            height: avatar,
            borderRadius: avatar / 2,
            backgroundColor: COLORS.navy,
            alignItems: 'center',
            justifyContent: 'center',
            flexShrink: 0,
          },
          box({ fontSize: 26, fontWeight: 700, color: COLORS.white }, initial || '•'),
        ),
        box(
          { flexDirection: 'column', alignItems: 'flex-start', width: textWidth, flexShrink: 0 },
          lines(name, nameStyle),
          spacer(2),
          lines(role, roleStyle),
          spacer(10),
          box(
            {
              alignItems: 'center',
              justifyContent: 'center',
              height: pillHeight,
              width: Math.ceil(buying.width) + 24,
              borderRadius: 8,
              backgroundColor: COLORS.accentSoft,
              flexShrink: 0,
            },
            lines(buying, pillStyle),
          ),
        ),
      ),
      height,
    };
  });
  let list: Block;
  if (items.length === 0) {
    const style: TextStyle = { fontSize: 22, fontWeight: 400, color: COLORS.muted };
    const fitted = kit.fit(t.noPersonas, style, { width, maxLines: 3, minFontSize: 18, lineHeight: 1.35 });
    list = { node: lines(fitted, style), height: fitted.height };
  } else list = fillList(items, 26, room, (count) => moreLine(ctx, count, width));
  return box(
    { flexDirection: 'column', width, height: budget, flexShrink: 0 },
    head.node,
    spacer(SECTION_GAP),
    list.node,
  );
}

/** Owner and review date, so a slide pasted in a deck says how fresh it is. */
function footer({ kit, data, t, f }: Context): SlideElement {
  const { icp, settings } = data;
  const labelStyle: TextStyle = { fontSize: 20, fontWeight: 500, color: COLORS.muted };
  const valueStyle: TextStyle = { fontSize: 20, fontWeight: 600, color: COLORS.ink };
  const half = (W - 2 * PAD_X) / 2;
  const label = (text: string) =>
    lines(kit.fit(text, labelStyle, { width: 200, maxLines: 1, minFontSize: 14, lineHeight: 1.3 }), labelStyle);
  const owner = kit.fit(icp.data.owner, valueStyle, {
    width: half * 0.45,
    maxLines: 1,
    minFontSize: 16,
    lineHeight: 1.3,
  });
  const reviewed = kit.fit(f.date(icp.data.reviewed), valueStyle, { width: half * 0.3, maxLines: 1, lineHeight: 1.3 });
  const rightStyle: TextStyle = { fontSize: 20, fontWeight: 500, color: COLORS.faint };
  const right = kit.fit(`${settings.company} · ${t.playbook}`, rightStyle, {
    width: half - 40,
    maxLines: 1,
    minFontSize: 15,
    lineHeight: 1.3,
  });
  return box(
    {
      position: 'relative',
      alignItems: 'center',
      justifyContent: 'space-between',
      width: W - 2 * PAD_X,
      height: FOOTER,
      flexShrink: 0,
    },
    topRule(W - 2 * PAD_X, 2),
    box(
      { alignItems: 'center', gap: 10, flexShrink: 0 },
      label(t.owner),
      lines(owner, valueStyle),
      box({ width: 32, flexShrink: 0 }),
      label(t.reviewed),
      lines(reviewed, valueStyle),
    ),
    lines(right, rightStyle),
  );
}

/**
 * The one-slide ICP as a satori element tree (1920 × 1080).
 * @example satori(icpSlide(icpSlideData(model, 'mid-market-saas'), kit), { ...SLIDE_SIZE, fonts })
 */
export function icpSlide(data: IcpSlideData, kit: TextKit): SlideElement {
  const ctx: Context = { kit, data, t: getSlideStrings(data.settings.locale), f: getFormatters(data.settings.locale) };
  const head = header(ctx);
  const budget = H - head.height - BODY_PAD_TOP - BODY_PAD_BOTTOM - FOOTER;
  const [c1, c2, c3] = COLUMNS;
  const body: Style = {
    gap: COLUMN_GAP,
    padding: `${BODY_PAD_TOP}px ${PAD_X}px ${BODY_PAD_BOTTOM}px`,
    width: W,
    height: budget + BODY_PAD_TOP + BODY_PAD_BOTTOM,
    flexShrink: 0,
  };
  return box(
    {
      flexDirection: 'column',
      width: W,
      height: H,
      backgroundColor: COLORS.white,
      fontFamily: FONT_FAMILY,
      color: COLORS.ink,
    },
    head.node,
    box(
      body,
      region('filters', filtersColumn(ctx, c1, budget)),
      region('signals', signalsColumn(ctx, c2, budget)),
      region('personas', personasColumn(ctx, c3, budget)),
    ),
    box({ padding: `0 ${PAD_X}px`, width: W, height: FOOTER, flexShrink: 0 }, region('footer', footer(ctx))),
  );
}
