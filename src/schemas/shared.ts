import { z } from 'zod';
import { vm } from '../lib/i18n/validator.ts';
import type { RuleMessages } from '../lib/i18n/validator-rules.ts';

/**
 * A zod message option read in the playbook's language when a file is checked (the validator
 * sets the language for its run), e.g. `.min(1, says((m) => m.notEmpty))`.
 */
export function says(pick: (messages: RuleMessages) => string): { error: () => string } {
  return { error: () => pick(vm().rules) };
}

/** A file or option id: lowercase letters, digits and hyphens, starting with a letter or digit. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** An id as used for file names (`content/icps/<id>.md`) and attribute options. */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, says((m) => m.idFormat));

/** Attribute and option ids may also use underscores (`hiring_revops`), as CRM field names do. */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/** An attribute or option id, e.g. `employees`, `hiring_revops`, `competitor-x`. */
export const KeySchema = z
  .string()
  .regex(KEY_PATTERN, says((m) => m.keyFormat));

/** Non-empty, trimmed text. */
export const TextSchema = z.string().trim().min(1, says((m) => m.notEmpty));

/** A list of short texts; all lists are optional in the content and default to empty. */
export const TextListSchema = z.array(TextSchema).default([]);

/** `2026-04-31` is not a real date; `2026-04-30` is. */
export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date written `YYYY-MM-DD`, and a date that exists (`2026-04-31` is refused).
 * YAML parsers that turn dates into `Date` objects (Astro's frontmatter reader) are accepted too.
 * @example reviewed: 2026-09-15
 */
export const IsoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().superRefine((value, ctx) => {
    // One message per mistake: a date in another format is not also "a date that does not exist".
    const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim());
    if (dayFirst) {
      const [, d, m, y] = dayFirst;
      const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
      ctx.addIssue({ code: 'custom', message: vm().dayFirstDate(value, iso) });
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: vm().notIsoDate(value) });
    } else if (!isRealDate(value)) {
      ctx.addIssue({ code: 'custom', message: vm().notRealDate });
    }
  }),
);

/** Owner of a file: the person who keeps it up to date (any non-empty text). */
export const OwnerSchema = z.string().trim().min(1, says((m) => m.notEmpty));
