import { z } from 'zod';
import { IdSchema, IsoDateSchema, OwnerSchema, TextListSchema, TextSchema, says } from './shared.ts';

/** Role in the buying decision. */
export const BUYING_ROLES = ['champion', 'economic-buyer', 'decision-maker', 'user', 'influencer', 'blocker'] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

/** An objection this persona raises, and how we answer it. */
export const ObjectionSchema = z.strictObject({
  /** What they say, in their words. */
  objection: TextSchema,
  /** How we answer. */
  answer: TextSchema,
});

/**
 * Frontmatter of `content/personas/<id>.md`: a person in the account (an ICP describes the company).
 */
export const PersonaSchema = z.strictObject({
  /** A semi-fictional first name, e.g. `Rita`. */
  name: TextSchema,
  /** Job role, e.g. `VP Revenue Operations`. */
  role: TextSchema,
  /** One of champion, economic-buyer, decision-maker, user, influencer, blocker. */
  buyingRole: z.enum(BUYING_ROLES),
  /** Ids of the ICPs (files in `content/icps/`) where this person is found. */
  icps: z.array(IdSchema).min(1, says((m) => m.needsIcp)),
  /** One line. */
  summary: TextSchema,
  /** Who keeps this persona up to date. */
  owner: OwnerSchema,
  /** Date of the last review, YYYY-MM-DD. */
  reviewed: IsoDateSchema,
  /** Job titles to search for. */
  titles: TextListSchema,
  /** What they want to achieve. */
  goals: TextListSchema,
  /** What hurts. */
  pains: TextListSchema,
  /** Objections and answers. */
  objections: z.array(ObjectionSchema).default([]),
  /** Where they get information: communities, newsletters, events. */
  wateringHoles: TextListSchema,
  /** How to talk to them. */
  messaging: z
    .strictObject({
      /** The value proposition for this person. */
      valueProp: TextSchema.optional(),
      /** Proof points: customers, numbers. */
      proofPoints: TextListSchema,
    })
    .optional(),
  /** What they are measured on. */
  kpis: TextListSchema,
  /** Optional background. */
  demographics: z
    .strictObject({
      ageRange: TextSchema.optional(),
      education: TextSchema.optional(),
      experience: TextSchema.optional(),
    })
    .optional(),
});

export type Persona = z.output<typeof PersonaSchema>;
