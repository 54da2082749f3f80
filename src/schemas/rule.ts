import { z } from 'zod';
import { TextSchema, says } from './shared.ts';
import { vm } from '../lib/i18n/validator.ts';

// Any text here: whether it is an option id of the attribute is checked against attributes.yaml,
// which can also say "that is the label of option x" or suggest the id of an accented name.
const OptionRefSchema = z.union([TextSchema, z.number().transform(String)]);
import { OPERATORS, type Operator } from './operators.ts';

export type { Operator } from './operators.ts';

const Bound = z.number().finite().nullable();

/**
 * The operators a filter, signal or graded level may use: exactly one per rule, and it must
 * fit the attribute's type (see {@link OPERATOR_TYPES}).
 */
export const operatorShape = {
  /** `number`: inclusive range `[min, max]`; either bound may be `null` (open). @example between: [50, 1000] */
  between: z.tuple([Bound, Bound]).optional(),
  /** `number`: value ≥ n. @example atLeast: 10 */
  atLeast: z.number().finite().optional(),
  /** `number`: value ≤ n. @example atMost: 5000 */
  atMost: z.number().finite().optional(),
  /** `choice`: the option is one of these ids. @example in: [fr, de] */
  in: z.array(OptionRefSchema).min(1, says((m) => m.needsOptionId)).optional(),
  /** `choice`: the option is none of these ids. */
  notIn: z.array(OptionRefSchema).min(1, says((m) => m.needsOptionId)).optional(),
  /** `choices`: at least one of these ids is selected. */
  anyOf: z.array(OptionRefSchema).min(1, says((m) => m.needsOptionId)).optional(),
  /** `choices`: every one of these ids is selected. */
  allOf: z.array(OptionRefSchema).min(1, says((m) => m.needsOptionId)).optional(),
  /** `choices`: none of these ids is selected. */
  noneOf: z.array(OptionRefSchema).min(1, says((m) => m.needsOptionId)).optional(),
  /** `boolean`: the answer is `true` or `false`. @example is: true */
  is: z.boolean().optional(),
} satisfies Record<Operator, z.ZodType>;


/** A rule in its one canonical shape, whatever operator key the author wrote. */
export type Rule =
  | { op: 'between'; min: number | null; max: number | null }
  | { op: 'atLeast' | 'atMost'; value: number }
  | { op: 'in' | 'notIn' | 'anyOf' | 'allOf' | 'noneOf'; values: string[] }
  | { op: 'is'; value: boolean };

type OperatorInput = { [K in Operator]?: z.output<(typeof operatorShape)[K]> };

function presentOperators(input: OperatorInput): Operator[] {
  return OPERATORS.filter((op) => input[op] !== undefined);
}

/** Adds an issue unless exactly one operator is present. */
export function checkOneOperator(input: OperatorInput, ctx: z.RefinementCtx): void {
  const present = presentOperators(input);
  if (present.length === 1) return;
  ctx.addIssue({
    code: 'custom',
    message: present.length === 0 ? vm().rules.noOperator(OPERATORS.join(', ')) : vm().rules.manyOperators(present.length, present.join(', ')),
  });
}

/** Turns the author's operator key into the canonical {@link Rule}. */
export function toRule(input: OperatorInput): Rule {
  const [op] = presentOperators(input);
  switch (op) {
    case 'between': {
      const [min, max] = input.between!;
      return { op, min, max };
    }
    case 'atLeast':
    case 'atMost':
      return { op, value: input[op]! };
    case 'is':
      return { op, value: input.is! };
    case undefined:
      throw new Error('toRule needs exactly one operator; checkOneOperator runs first');
    default:
      return { op, values: input[op]! };
  }
}
