import { z } from 'zod';
import { KeySchema, TextSchema, says } from './shared.ts';
import { vm } from '../lib/i18n/validator.ts';
import { checkOneOperator, operatorShape, toRule } from './rule.ts';

/** Points earned by a signal: a whole number from -100 to 100; negative lowers the score. */
export const PointsSchema = z
  .number()
  .int(says((m) => m.wholeNumber))
  .min(-100, says((m) => m.atLeast(-100)))
  .max(100, says((m) => m.atMost(100)));

/** One level of a graded signal: the first level whose rule matches earns its points. */
export const LevelSchema = z
  .strictObject({ ...operatorShape, /** Points for this level. */ points: PointsSchema })
  .superRefine(({ points: _points, ...operators }, ctx) => checkOneOperator(operators, ctx))
  .transform(({ points, ...operators }) => ({ rule: toRule(operators), points }));

/**
 * A soft criterion: points that rank the accounts that pass the filters into tiers.
 * Either one operator and `points`, or `levels` (graded: the first matching level wins).
 * @example
 * - label: Hiring RevOps
 *   attribute: hiring_revops
 *   is: true
 *   points: 25
 */
export const SignalSchema = z
  .strictObject({
    /** The signal in words. */
    label: TextSchema,
    /** Id of an attribute in `attributes.yaml`. */
    attribute: KeySchema,
    /** Optional: why this signal matters. */
    why: TextSchema.optional(),
    /** Points when the rule matches (not with `levels`). */
    points: PointsSchema.optional(),
    /** Graded signal: a list of `{ <operator>, points }`, first match wins (not with `points`). */
    levels: z.array(LevelSchema).min(1, says((m) => m.needsLevel)).optional(),
    ...operatorShape,
  })
  .superRefine(({ label: _l, attribute: _a, why: _w, points, levels, ...operators }, ctx) => {
    if (levels !== undefined) {
      const extra = Object.entries({ points, ...operators }).filter(([, v]) => v !== undefined);
      if (extra.length > 0) {
        ctx.addIssue({ code: 'custom', message: vm().rules.levelsAndMore(extra.map(([k]) => k).join(', ')) });
      }
      return;
    }
    checkOneOperator(operators, ctx);
    if (points === undefined) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: vm().rules.missingPoints });
    }
  })
  .transform(({ label, attribute, why, points, levels, ...operators }) => ({
    label,
    attribute,
    why,
    graded: levels !== undefined,
    levels: levels ?? [{ rule: toRule(operators), points: points ?? 0 }],
  }));

export type Signal = z.output<typeof SignalSchema>;

export { bestPoints } from './operators.ts';
