// Unit sanity for number columns: a column of euros read into a `M€` attribute gives values a
// million times too big. Each number is counted against the attribute's plausible range
// (`typical`, else `min`..`max` when both are set), also divided by common factors, so the report
// can name the likely fix (`scale: 0.000001`). Constant memory per column.
import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import { getFormatters } from '../format.ts';
import { scoringMessages } from '../i18n/scoring.ts';

/** Factors a CRM column is commonly off by: thousands, millions, billions, either way. */
const FACTORS = [1, 1e3, 1e6, 1e9, 1e-3, 1e-6] as const;
/** Fewer numbers than this say nothing about a column's unit. */
const MIN_VALUES = 5;

/** A number column whose values sit mostly outside the attribute's plausible range. */
export interface UnitWarning {
  /** 1-based column in the file. */
  column: number;
  header: string;
  attribute: string;
  /** Numbers read in the column, and how many sit outside the plausible range. */
  total: number;
  outside: number;
  /** The scale to write on the alias so most values land in range, if one does. */
  scale?: number | undefined;
  /** What is wrong and the likely fix, in the playbook's language. */
  message: string;
}

/** The plausible range of a number attribute, or undefined when it has none. */
export function plausibleRange(attribute: Attribute): readonly [number, number] | undefined {
  if (attribute.type !== 'number') return undefined;
  if (attribute.typical) return attribute.typical;
  if (attribute.min !== undefined && attribute.max !== undefined) return [attribute.min, attribute.max];
  return undefined;
}

/** The numbers counted for a column so far: see {@link UnitSanity.take}. */
export interface UnitCounts {
  total: number;
  logSum: number;
  positives: number;
  inside: number[];
}
/** Counts one number column's values against its attribute's plausible range. */
export class UnitSanity {
  readonly column: number;
  readonly header: string;
  readonly attribute: Attribute;
  /** The scale already applied to the column (a `{ column, scale }` alias), else 1. */
  readonly scale: number;
  private readonly lo: number;
  private readonly hi: number;
  private total = 0;
  /** Sum of log10 of the positive values, for their geometric mean. */
  private logSum = 0;
  private positives = 0;
  /** Values inside the range once divided by each of {@link FACTORS}. */
  private readonly inside = new Array<number>(FACTORS.length).fill(0);
  /** The range multiplied by each factor: a value is compared, not divided. */
  private readonly lows: number[];
  private readonly highs: number[];

  constructor(column: number, header: string, attribute: Attribute, scale: number, range: readonly [number, number]) {
    this.column = column;
    this.header = header;
    this.attribute = attribute;
    this.scale = scale;
    [this.lo, this.hi] = range;
    this.lows = FACTORS.map((f) => this.lo * f);
    this.highs = FACTORS.map((f) => this.hi * f);
  }

  /** Counts one number, as read (scale applied). */
  add(value: number): void {
    this.total++;
    if (value > 0) {
      this.logSum += Math.log10(value);
      this.positives++;
    }
    const { lows, highs, inside } = this;
    for (let i = 0; i < lows.length; i++) if (value >= lows[i]! && value <= highs[i]!) inside[i]!++;
  }

  /** Hands over the counts so far and starts afresh (a thread scoring part of a file sends them to the one reporting). */
  take(): UnitCounts {
    const counts = { total: this.total, logSum: this.logSum, positives: this.positives, inside: [...this.inside] };
    this.total = 0;
    this.logSum = 0;
    this.positives = 0;
    this.inside.fill(0);
    return counts;
  }

  /** Adds counts taken from another column reader of the same column. */
  merge(counts: UnitCounts): void {
    this.total += counts.total;
    this.logSum += counts.logSum;
    this.positives += counts.positives;
    counts.inside.forEach((n, i) => (this.inside[i]! += n));
  }

  /** A warning when most values are outside the range, with the scale that would fix it if one does. */
  warning(locale: Locale): UnitWarning | undefined {
    const { total, inside } = this;
    if (total < MIN_VALUES || inside[0]! * 2 >= total) return undefined;
    // Among the factors that bring most values in range, the one that brings their geometric
    // mean nearest the middle of the range (euros are 10^6 off from M€, not 10^3).
    const mean = this.positives > 0 ? this.logSum / this.positives : 0;
    const middle = this.hi > 0 ? (Math.log10(Math.max(this.lo, this.hi * 1e-3)) + Math.log10(this.hi)) / 2 : 0;
    const distance = (i: number) => Math.abs(mean - Math.log10(FACTORS[i]!) - middle);
    // A unit in millions (`M€`) or thousands (`k€`) says which factor a column of units is off by.
    const named = FACTORS.indexOf(
      unitFactor(this.attribute.type === 'number' ? this.attribute.unit : undefined) as (typeof FACTORS)[number],
    );
    let best = 0;
    for (let i = 1; i < FACTORS.length; i++) {
      if (inside[i]! * 2 <= total) continue;
      if (best === 0 || i === named || (best !== named && distance(i) < distance(best))) best = i;
    }
    const t = scoringMessages[locale].csv;
    const { number } = getFormatters(locale);
    const unit = this.attribute.type === 'number' ? (this.attribute.unit ?? '') : '';
    const range = `${number(this.lo)}–${number(this.hi)}${unit ? ` ${unit}` : ''}`;
    const outside = total - inside[0]!;
    const base = { column: this.column, header: this.header, attribute: this.attribute.id, total, outside };
    if (best === 0 || inside[best]! * 2 < total) {
      return {
        ...base,
        message: t.unitOutOfRange(this.header, number(outside), number(total), this.attribute.label, range),
      };
    }
    const factor = FACTORS[best]!;
    // The scale to write: the one already applied, divided by the factor found, as a plain decimal.
    const scale = Number((this.scale / factor).toPrecision(6));
    return {
      ...base,
      scale,
      message: t.unitLooksScaled(
        this.header,
        number(outside),
        number(total),
        this.attribute.label,
        range,
        factor >= 1 ? number(factor) : `1/${number(1 / factor)}`,
        decimal(scale),
      ),
    };
  }
}

/** The factor a unit's prefix stands for: `M€` millions, `k€` thousands, `Md€`/`bn` billions; else 1. */
function unitFactor(unit: string | undefined): number {
  if (!unit) return 1;
  if (/^(md|bn|b|g)/i.test(unit)) return 1e9;
  if (/^M/.test(unit) || /^(mio|mn)/i.test(unit)) return 1e6;
  if (/^k/i.test(unit)) return 1e3;
  return 1;
}

/** `0.000001` rather than `1e-6`: the way an author writes it in YAML. */
function decimal(value: number): string {
  if (value >= 1e-6 && value < 1) return value.toFixed(Math.ceil(-Math.log10(value)) + 2).replace(/\.?0+$/, '');
  return String(value);
}
