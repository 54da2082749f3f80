// Facts about rules that the browser needs too (the widget scores with them). Kept free of
// zod so importing them does not pull the schema library into the client bundle.
import type { AttributeType } from './attribute.ts';

/** The operators of a rule, one per filter, signal or graded level. */
export const OPERATORS = ['between', 'atLeast', 'atMost', 'in', 'notIn', 'anyOf', 'allOf', 'noneOf', 'is'] as const;
export type Operator = (typeof OPERATORS)[number];

/** Which attribute type each operator reads. */
export const OPERATOR_TYPES: Record<Operator, AttributeType> = {
  between: 'number',
  atLeast: 'number',
  atMost: 'number',
  in: 'choice',
  notIn: 'choice',
  anyOf: 'choices',
  allOf: 'choices',
  noneOf: 'choices',
  is: 'boolean',
};

/** The most a signal can add: its best positive level, or 0 for a purely negative signal. */
export function bestPoints(signal: { levels: readonly { points: number }[] }): number {
  return Math.max(0, ...signal.levels.map((level) => level.points));
}
