import { z } from 'zod';
import { LOCALES } from '../lib/i18n/locales.ts';
import { TextSchema, says } from './shared.ts';

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 currency code, e.g. `EUR`. */
export const CurrencySchema = z
  .string()
  .refine((code) => knownCurrencies.has(code), says((m) => m.currency));

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
  repository: z.url({ protocol: /^https?$/, ...says((m) => m.repositoryUrl) }).optional(),
  /**
   * Optional "Edit this page" link template, for a host the repository URL does not tell
   * (self-hosted Gitea, a CMS): `{path}` is replaced by the file's path in the repository and
   * `{branch}` by `branch`. Without it, the link is derived from `repository` (GitHub, GitLab,
   * Bitbucket, Azure DevOps).
   * @example https://git.acme.internal/sales/playbook/_edit/{branch}/{path}
   */
  editUrl: z
    .string()
    .refine((url) => /^https?:\/\/[^/\s]+/.test(url), says((m) => m.editUrl))
    .refine((url) => url.includes('{path}'), says((m) => m.editUrlPath))
    .optional(),
  /**
   * Optional address the playbook is published at. Its path becomes the base of every URL (a
   * GitHub Pages project site is served under `/<repository>/`), and link previews get absolute
   * image URLs. `SITE_URL` set when building overrides it.
   * @example https://acme.github.io/playbook/
   */
  url: z.url({ protocol: /^https?$/, ...says((m) => m.siteUrl) }).optional(),
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
    .array(z.string().regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/, says((m) => m.mediaHost)))
    .default([]),
  /** Content reviewed longer ago than this many days is shown as stale (default 90). */
  reviewEveryDays: z.number().int(says((m) => m.wholeDays)).positive(says((m) => m.atLeast(1))).default(90),
});

export type Playbook = z.output<typeof PlaybookSchema>;
