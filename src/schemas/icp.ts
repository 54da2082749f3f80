import { z } from 'zod';
import { IsoDateSchema, OwnerSchema, TextListSchema, TextSchema, says } from './shared.ts';
import { vm } from '../lib/i18n/validator.ts';
import { FilterSchema } from './filter.ts';
import { SignalSchema, bestPoints } from './signal.ts';
import { MarketSchema } from './market.ts';

/** The best possible positive points of an ICP always total this. */
export const BEST_POINTS_TOTAL = 100;

/** A tier: accounts scoring at least `min` (and less than the tier above) belong to it. */
export const TierSchema = z.strictObject({
  /** Name reps use, e.g. `Tier 1`. */
  label: TextSchema,
  /** Lowest score in this tier, 0 to 100. */
  min: z.number().int(says((m) => m.wholeNumber)).min(0, says((m) => m.atLeast(0))).max(100, says((m) => m.atMost(100))),
  /**
   * Optional: what the team does with an account in this tier, in one sentence a rep can act
   * on. The scoring widget shows it under a `fit` result, with the personas to call.
   * @example action: AE books a discovery call within 5 business days.
   */
  action: TextSchema.optional(),
});

/** Product-market-fit evidence for this ICP. */
export const PmfSchema = z.strictObject({
  /** Share of new customers who came by referral, 0 to 1. 0.30 or more suggests product-market fit. */
  referralShare: z.number().min(0, says((m) => m.fraction(0.34))).max(1, says((m) => m.fraction(0.34))).optional(),
  /** Net Promoter Score, -100 to 100. */
  nps: z.number().min(-100, says((m) => m.between(-100, 100))).max(100, says((m) => m.between(-100, 100))).optional(),
  /** Yearly logo retention, 0 to 1. */
  retention: z.number().min(0, says((m) => m.fraction(0.92))).max(1, says((m) => m.fraction(0.92))).optional(),
});

/** Value in both directions. */
export const ValueSchema = z.strictObject({
  /** Why these accounts are valuable to us. */
  forUs: TextListSchema,
  /** The value we bring them, and how they measure it. */
  forThem: TextListSchema,
});

// The rules across fields are icpRuleIssues below: the validator runs them beside the cross-file
// checks, so every problem of a file shows in one run.
/**
 * Frontmatter of `content/icps/<id>.md`: one Ideal Customer Profile (a kind of company). The
 * Markdown body after the frontmatter is the narrative. `npm run validate` also checks that the
 * best positive points of the signals total 100 and that tiers go down to a last `min: 0`.
 */
export const IcpSchema = z.strictObject({
  /** Name of the ICP, e.g. `Mid-market SaaS scale-ups`. */
  title: TextSchema,
  /** One sentence a rep can repeat. */
  summary: TextSchema,
  /** `draft`, `active` (default) or `retired`. Only active ICPs are scored by default. */
  status: z.enum(['draft', 'active', 'retired']).default('active'),
  /** Who keeps this ICP up to date. */
  owner: OwnerSchema,
  /** Date of the last review, YYYY-MM-DD. */
  reviewed: IsoDateSchema,
  /** Hard criteria: failing any one puts the account out. */
  filters: z.array(FilterSchema).min(1, says((m) => m.needsFilter)),
  /** Soft criteria: points that rank accounts. Best positive points total exactly 100. */
  signals: z.array(SignalSchema).min(1, says((m) => m.needsSignal)),
  /** Tiers, highest first, strictly descending `min`; the last has `min: 0`. */
  tiers: z.array(TierSchema).min(1, says((m) => m.needsTier)),
  /** Their problems. */
  pains: TextListSchema,
  /** Jobs to be done. */
  jobs: TextListSchema,
  /** Events that make them buy now. */
  triggers: TextListSchema,
  /** Qualitative exclusions: who we do not want. */
  disqualifiers: TextListSchema,
  /** Value for us and for them. */
  value: ValueSchema.default({ forUs: [], forThem: [] }),
  /** Optional product-market-fit evidence. */
  pmf: PmfSchema.optional(),
  /** Optional TAM / SAM / SOM. */
  market: MarketSchema.optional(),
});

export interface IcpRuleIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Rules across the fields of one ICP: the best positive points total exactly 100; tiers go
 * highest first, strictly descending, the last at 0. The validator runs them on a well-formed
 * ICP next to the cross-file checks, so every problem shows in one run.
 */
export function icpRuleIssues(icp: Icp): IcpRuleIssue[] {
  const m = vm().rules;
  const issues: IcpRuleIssue[] = [];
  const best = icp.signals.reduce((sum, signal) => sum + bestPoints(signal), 0);
  if (best !== BEST_POINTS_TOTAL) {
    const parts = icp.signals.filter((s) => bestPoints(s) > 0).map((s) => `${s.label} ${bestPoints(s)}`).join(' + ');
    issues.push({ path: ['signals'], message: m.pointsTotal(best, BEST_POINTS_TOTAL, parts) });
  }
  icp.tiers.forEach((tier, i) => {
    const previous = icp.tiers[i - 1];
    if (previous && tier.min >= previous.min) {
      issues.push({ path: ['tiers', i, 'min'], message: m.tierNotBelow(tier.min, previous.min, previous.label) });
    }
  });
  icp.tiers.forEach((tier, i) => {
    const first = icp.tiers.findIndex((other) => other.label === tier.label);
    if (first < i) issues.push({ path: ['tiers', i, 'label'], message: m.sameTierLabel(tier.label, first + 1) });
  });
  const last = icp.tiers.at(-1);
  if (last && last.min !== 0) {
    issues.push({ path: ['tiers', icp.tiers.length - 1, 'min'], message: m.lastTierMin(last.min) });
  }
  return issues;
}

export type Icp = z.output<typeof IcpSchema>;
export type IcpInput = z.input<typeof IcpSchema>;
export type Tier = z.output<typeof TierSchema>;
export type IcpStatus = Icp['status'];
