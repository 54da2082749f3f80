import { z } from 'zod';
import { KeySchema, TextSchema } from './shared.ts';

/** One possible value of a `choice` or `choices` attribute. */
export const OptionSchema = z.strictObject({
  /** Id used in rules and CSV cells, e.g. `fr`. Lowercase letters, digits, hyphens. */
  id: KeySchema,
  /** What a rep sees, e.g. `France`. A CSV cell may also use the label. */
  label: TextSchema,
});

const common = {
  /** Id used by filters, signals and CSV column headers, e.g. `employees`. */
  id: KeySchema,
  /** Label of the form field, e.g. `Employees`. A CSV column may also use it. */
  label: TextSchema,
  /** Optional one-line help shown under the form field (where to find the value). */
  help: TextSchema.optional(),
};

/** A number the rep types, e.g. headcount. */
export const NumberAttributeSchema = z.strictObject({
  ...common,
  type: z.literal('number'),
  /** Optional unit shown next to the field, e.g. `people`, `M€`. */
  unit: TextSchema.optional(),
  /** Optional lowest allowed value. */
  min: z.number().finite().optional(),
  /** Optional highest allowed value. */
  max: z.number().finite().optional(),
});

/** Exactly one option, e.g. the region. */
export const ChoiceAttributeSchema = z.strictObject({
  ...common,
  type: z.literal('choice'),
  /** The options, at least two. */
  options: z.array(OptionSchema).min(2, 'needs at least two options'),
});

/** Any number of options, e.g. the tools an account uses. */
export const ChoicesAttributeSchema = z.strictObject({
  ...common,
  type: z.literal('choices'),
  /** The options, at least one. */
  options: z.array(OptionSchema).min(1, 'needs at least one option'),
});

/** Yes or no, e.g. "hiring for RevOps roles". */
export const BooleanAttributeSchema = z.strictObject({
  ...common,
  type: z.literal('boolean'),
});

/**
 * One thing a rep can know about an account. `type` is `number`, `choice`, `choices` or `boolean`.
 * @example
 * - id: region
 *   label: Region
 *   type: choice
 *   options: [{ id: fr, label: France }, { id: de, label: Germany }]
 */
export const AttributeSchema = z.discriminatedUnion('type', [
  NumberAttributeSchema,
  ChoiceAttributeSchema,
  ChoicesAttributeSchema,
  BooleanAttributeSchema,
]);

/** `content/attributes.yaml`: the list of account attributes (the widget's form, the CSV columns). */
export const AttributesSchema = z.array(AttributeSchema).min(1, 'needs at least one attribute');

export type Attribute = z.output<typeof AttributeSchema>;
export type AttributeType = Attribute['type'];
export type AttributeOption = z.output<typeof OptionSchema>;
