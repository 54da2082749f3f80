import { z } from 'zod';
import { TextSchema, says } from './shared.ts';
import { resolveMarket } from '../lib/market.ts';

const Money = z.number().finite(says((m) => m.finite)).nonnegative(says((m) => m.notNegative));

/**
 * One market figure. Either `value` (top-down, in money), or `accounts` with `acv` (bottom-up:
 * value = accounts × acv; `acv` may be given once on `tam`), or, for `som`, `share` of the SAM
 * (and for `sam`, a share of the TAM).
 * @example tam: { accounts: 48000, acv: 12000, source: "Company registry, 50+ employees, EU" }
 */
export const MarketFigureSchema = z.strictObject({
  /** Money, top-down, in the market's currency. */
  value: Money.optional(),
  /** Number of accounts (bottom-up). */
  accounts: z.number().int(says((m) => m.wholeAccounts)).nonnegative(says((m) => m.notNegative)).optional(),
  /** Average contract value per account per year, in the market's currency. */
  acv: Money.optional(),
  /** Share of the level above, from 0 to 1 (0.05 = 5 %). */
  share: z.number().min(0, says((m) => m.fraction(0.05))).max(1, says((m) => m.fraction(0.05))).optional(),
  /** Where the figure comes from: a study, a registry query, a calculation. */
  source: TextSchema.optional(),
});

/**
 * TAM / SAM / SOM of an ICP. SOM ≤ SAM ≤ TAM.
 * @example
 * market:
 *   year: 2026
 *   tam: { accounts: 48000, acv: 12000, source: "Company registry" }
 *   sam: { accounts: 9600, source: "TAM after the filters" }
 *   som: { share: 0.05, source: "5% of SAM within 3 years" }
 */
export const MarketSchema = z
  .strictObject({
    /** Year the figures describe. */
    year: z.number().int(says((m) => m.year)).min(1900, says((m) => m.year)).max(2200, says((m) => m.year)).optional(),
    /** ISO 4217 code; defaults to the playbook's currency. */
    currency: z.string().regex(/^[A-Z]{3}$/, says((m) => m.currencyCode)).optional(),
    /** Total addressable market. */
    tam: MarketFigureSchema,
    /** Serviceable available market: the TAM that passes the filters. */
    sam: MarketFigureSchema,
    /** Serviceable obtainable market: what you can realistically win. */
    som: MarketFigureSchema,
  })
  .transform((input, ctx) => {
    // A figure already refused (e.g. `{ accounts: 68,000 }` read as 68 and a stray field) would
    // only add a misleading comparison of the wrong numbers.
    if (ctx.issues.length > 0) return z.NEVER;
    const { figures, problems } = resolveMarket(input);
    for (const problem of problems) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    if (!figures) return z.NEVER;
    return { year: input.year, currency: input.currency, ...figures };
  });

export type Market = z.output<typeof MarketSchema>;
