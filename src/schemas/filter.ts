import { z } from 'zod';
import { KeySchema, TextSchema } from './shared.ts';
import { checkOneOperator, operatorShape, toRule } from './rule.ts';

/**
 * A hard criterion: an account that fails any filter is out of the ICP (and out of the SAM).
 * @example
 * - label: 50 to 1,000 employees
 *   attribute: employees
 *   between: [50, 1000]
 *   why: Below 50 there is no RevOps function.
 */
export const FilterSchema = z
  .strictObject({
    /** The rule in words, as a rep would say it. */
    label: TextSchema,
    /** Id of an attribute in `attributes.yaml`. */
    attribute: KeySchema,
    /** Optional: why this filter exists. */
    why: TextSchema.optional(),
    ...operatorShape,
  })
  .superRefine(checkOneOperator)
  .transform(({ label, attribute, why, ...operators }) => ({
    label,
    attribute,
    why,
    rule: toRule(operators),
  }));

export type Filter = z.output<typeof FilterSchema>;
