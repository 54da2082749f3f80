import { z } from 'zod';
import { IsoDateSchema, OwnerSchema, TextSchema, says } from './shared.ts';

/** Frontmatter of `content/pages/<id>.md` or `.mdx`: a free page (plays, messaging, glossary). */
export const PageSchema = z.strictObject({
  /** Page title. */
  title: TextSchema,
  /** One line shown in lists and search results. */
  description: TextSchema,
  /** Optional position in the navigation, lowest first; pages without it come last, by title. */
  order: z.number().int(says((m) => m.wholeNumber)).optional(),
  /** Who keeps this page up to date. */
  owner: OwnerSchema,
  /** Date of the last review, YYYY-MM-DD. */
  reviewed: IsoDateSchema,
});

export type Page = z.output<typeof PageSchema>;
