import { z } from 'zod';
import { vm } from '../lib/i18n/validator.ts';
import { KeySchema, TextSchema, says } from './shared.ts';

/** One possible value of a `choice` or `choices` attribute. */
export const OptionSchema = z.strictObject({
  /** Id used in rules and CSV cells, e.g. `fr`. Lowercase letters, digits, hyphens. */
  id: KeySchema,
  /** What a rep sees, e.g. `France`. A CSV cell may also use the label. */
  label: TextSchema,
  /**
   * Optional other values read as this option in CSV cells and known accounts: how your CRM
   * spells it. Matched like ids and labels: trimmed, ignoring case, accents and repeated spaces.
   * A value may belong to one option of the attribute only.
   * @example aliases: [Computer Software, COMPUTER_SOFTWARE, Logiciels]
   */
  aliases: z.array(TextSchema).optional(),
});

/**
 * Another column name read as a number attribute, with a factor applied to every cell: for a
 * CRM that stores the value in another unit (euros for a `M€` attribute: `scale: 0.000001`).
 * @example { column: Annual Revenue, scale: 0.000001 }
 */
export const ScaledAliasSchema = z.strictObject({
  /** The column name, as in the CRM export, e.g. `Annual Revenue`. */
  column: TextSchema,
  /** Multiplies every cell of the column; a positive number, e.g. `0.000001` for euros → M€. */
  scale: z.number().finite().positive(says((m) => m.positiveScale)),
});

/** A column alias of a choice, choices or boolean attribute: a name only (a scale is for numbers). */
const PlainAliasSchema = z.custom<string>((value) => typeof value === 'string' && value.trim() !== '', {
  error: (issue) =>
    issue.input !== null && typeof issue.input === 'object'
      ? vm().rules.scaleOnlyForNumbers
      : vm().rules.columnName,
});

const common = {
  /** Id used by filters, signals and CSV column headers, e.g. `employees`. */
  id: KeySchema,
  /** Label of the form field, e.g. `Employees`. A CSV column may also use it. */
  label: TextSchema,
  /** Optional one-line help shown under the form field (where to find the value). */
  help: TextSchema.optional(),
  /**
   * Optional other column names read as this attribute (in `npm run score`, the page /score/
   * and known accounts), e.g. the names in your CRM export. Matched like ids and labels:
   * trimmed, ignoring case, accents and repeated spaces. A name may belong to one attribute only.
   * @example aliases: [Industry, Secteur d'activité]
   */
  aliases: z.array(PlainAliasSchema).optional(),
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
  /**
   * Optional plausible range `[low, high]`, for unit checks only: a CSV column whose values sit
   * far outside it (a thousand times or more) is reported with the likely fix, e.g. euros in a
   * `M€` column. Values outside it are still scored.
   * @example typical: [1, 5000]
   */
  typical: z.tuple([z.number().finite(), z.number().finite()]).optional(),
  /**
   * Optional other column names read as this attribute: a name, or `{ column, scale }` when the
   * column holds another unit (every cell is multiplied by `scale`).
   * @example
   * aliases:
   *   - Chiffre d'affaires
   *   - { column: Annual Revenue, scale: 0.000001 }   # the CRM stores euros
   */
  aliases: z.array(z.union([TextSchema, ScaledAliasSchema])).optional(),
});

/** Exactly one option, e.g. the region. */
export const ChoiceAttributeSchema = z.strictObject({
  ...common,
  type: z.literal('choice'),
  /** The options, at least two. */
  options: z.array(OptionSchema).min(2, says((m) => m.needsTwoOptions)),
});

/** Any number of options, e.g. the tools an account uses. */
export const ChoicesAttributeSchema = z.strictObject({
  ...common,
  type: z.literal('choices'),
  /** The options, at least one. */
  options: z.array(OptionSchema).min(1, says((m) => m.needsOption)),
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
export const AttributesSchema = z.array(AttributeSchema).min(1, says((m) => m.needsAttribute));

export type Attribute = z.output<typeof AttributeSchema>;
export type AttributeType = Attribute['type'];
