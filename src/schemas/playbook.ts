import { z } from 'zod';
import { TextSchema } from './shared.ts';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 currency code, e.g. `EUR`. */
export const CurrencySchema = z
  .string()
  .refine((code) => knownCurrencies.has(code), 'is not an ISO 4217 currency code: use for example EUR, USD or GBP');

/** `content/playbook.yaml`: site-wide settings. */
export const PlaybookSchema = z.strictObject({
  /** Your company's name. */
  company: TextSchema,
  /** The product the playbook sells. */
  product: TextSchema,
  /** Optional one-line tagline shown on the home page. */
  tagline: TextSchema.optional(),
  /** `en` (default) or `fr`: UI language and number, money and date formatting. */
  locale: z.enum(LOCALES).default('en'),
  /** Default currency for money, ISO 4217 (default EUR). */
  currency: CurrencySchema.default('EUR'),
  /** Optional repository URL: adds "Edit this page" links. @example https://github.com/northwind/playbook */
  repository: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://github.com/acme/playbook' }).optional(),
  /** Branch for edit links (default main). */
  branch: TextSchema.default('main'),
  /**
   * Hosts `.md` pages may show images from, e.g. `[cdn.example.com]` (default: none). By default
   * every image ships with the site (in `content/` or `public/`), so a page view requests nothing
   * from another host; a listed host is used over https only, with no Referer sent, and is added
   * to the Content-Security-Policy's `img-src` (docs/security.md).
   * @example [cdn.example.com, images.example.org]
   */
  mediaHosts: z
    .array(z.string().regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/, 'must be a lowercase host name such as cdn.example.com: no https://, no path, no port'))
    .default([]),
  /** Content reviewed longer ago than this many days is shown as stale (default 90). */
  reviewEveryDays: z.number().int('must be a whole number of days').positive('must be at least 1').default(90),
});

export type Playbook = z.output<typeof PlaybookSchema>;
