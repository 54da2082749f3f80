import type { Locale } from './i18n/locales.ts';

/** Formatters for one playbook locale: every number, money amount and date on the site goes through these. */
export interface Formatters {
  locale: Locale;
  /** 1,250 / 1 250 */
  number: (value: number) => string;
  /** Money in full: €12,000 / 12 000 € */
  money: (value: number, currency: string) => string;
  /** Money, compact: €48M / 48 M€, €1.25M / 1,25 M€ */
  moneyCompact: (value: number, currency: string) => string;
  /** Count, compact: 48K / 48 k */
  compact: (value: number) => string;
  /** Signal points with their sign and a true minus: +25, −20, 0. */
  points: (value: number) => string;
  /** 0.34 → 34% / 34 % */
  percent: (value: number, digits?: number) => string;
  /** 2026-09-15 → Sep 15, 2026 / 15 sept. 2026 */
  date: (iso: string) => string;
}

const cache = new Map<Locale, Formatters>();

/**
 * Formatters for `locale` (en or fr), cached.
 * @example getFormatters('fr').moneyCompact(48_000_000, 'EUR') // '48 M€'
 */
export function getFormatters(locale: Locale): Formatters {
  const hit = cache.get(locale);
  if (hit) return hit;
  const tag = locale === 'fr' ? 'fr-FR' : 'en-US';
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
  const money = new Map<string, Intl.NumberFormat>();
  const moneyCompact = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (store: Map<string, Intl.NumberFormat>, currency: string, options: Intl.NumberFormatOptions) => {
    let format = store.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(tag, { style: 'currency', currency, ...options });
      store.set(currency, format);
    }
    return format;
  };
  const percents = new Map<number, Intl.NumberFormat>();
  const dateFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const formatters: Formatters = {
    locale,
    number: (value) => number.format(value),
    money: (value, currency) => moneyFormat(money, currency, { maximumFractionDigits: 0 }).format(value),
    moneyCompact: (value, currency) =>
      // Some ICU versions write "48 M €" in French; teams write "48 M€".
      moneyFormat(moneyCompact, currency, { notation: 'compact', maximumFractionDigits: 2 })
        .format(value)
        .replace(/([A-Za-z])\s(\p{Sc})/u, '$1$2'),
    compact: (value) => compact.format(value),
    points: (value) => (value > 0 ? `+${number.format(value)}` : value < 0 ? `\u2212${number.format(-value)}` : '0'),
    percent: (value, digits = 0) => {
      let format = percents.get(digits);
      if (!format) {
        format = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: digits });
        percents.set(digits, format);
      }
      return format.format(value);
    },
    date: (iso) => dateFormat.format(new Date(`${iso}T00:00:00Z`)),
  };
  cache.set(locale, formatters);
  return formatters;
}

/** Whole days from `iso` (YYYY-MM-DD) to `today`. */
export function daysSince(iso: string, today: Date): number {
  const then = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.floor((now - then) / 86_400_000);
}
