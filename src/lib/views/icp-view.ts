import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Tier } from '../../schemas/icp.ts';
import { bestPoints } from '../../schemas/operators.ts';
import type { IcpEntry, PersonaEntry, PlaybookModel } from '../model/playbook-model.ts';
import { describeRule, formatPoints } from '../scoring/describe.ts';

export interface FilterRow {
  label: string;
  rule: string;
  why?: string | undefined;
}

export interface SignalRow {
  label: string;
  why?: string | undefined;
  graded: boolean;
  /** One line per level (a single line for plain signals). */
  levels: { rule: string; points: number; pointsText: string }[];
  best: number;
  negative: boolean;
}

export interface TierRow extends Tier {
  /** Highest score in the tier (inclusive). */
  max: number;
}

/** Filters and signals of an ICP in words, ready to render. */
export function describeIcpRules(
  icp: IcpEntry,
  attributes: readonly Attribute[],
  locale: Locale,
): { filters: FilterRow[]; signals: SignalRow[] } {
  const byId = new Map(attributes.map((a) => [a.id, a]));
  const attributeOf = (id: string) => {
    const attribute = byId.get(id);
    // The validator guarantees this; a miss means the model was built without it.
    if (!attribute) throw new Error(`ICP ${icp.id} reads unknown attribute ${id}`);
    return attribute;
  };
  return {
    filters: icp.data.filters.map((filter) => ({
      label: filter.label,
      rule: describeRule(filter.rule, attributeOf(filter.attribute), locale),
      why: filter.why,
    })),
    signals: icp.data.signals.map((signal) => ({
      label: signal.label,
      why: signal.why,
      graded: signal.graded,
      levels: signal.levels.map((level) => ({
        rule: describeRule(level.rule, attributeOf(signal.attribute), locale),
        points: level.points,
        pointsText: formatPoints(level.points, locale),
      })),
      best: bestPoints(signal),
      negative: signal.levels.every((level) => level.points < 0),
    })),
  };
}

/** Tiers with the score range each covers: Tier 1 70–100, Tier 2 40–69, Tier 3 0–39. */
export function tierRows(tiers: readonly Tier[]): TierRow[] {
  return tiers.map((tier, i) => ({ ...tier, max: i === 0 ? 100 : tiers[i - 1]!.min - 1 }));
}

/** Personas that list this ICP, in the model's order. */
export function personasForIcp(model: PlaybookModel, icpId: string): PersonaEntry[] {
  return model.personas.filter((persona) => persona.data.icps.includes(icpId));
}

/** Active ICPs first (by title), then drafts, then retired. */
export function icpsByStatus(model: PlaybookModel): { active: IcpEntry[]; other: IcpEntry[] } {
  const rank = { active: 0, draft: 1, retired: 2 } as const;
  const sorted = [...model.icps].sort((a, b) => rank[a.data.status] - rank[b.data.status]);
  return {
    active: sorted.filter((i) => i.data.status === 'active'),
    other: sorted.filter((i) => i.data.status !== 'active'),
  };
}
