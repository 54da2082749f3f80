import { describe, expect, it } from 'vitest';
import { daysSince, getFormatters } from './format.ts';

// Intl uses narrow no-break spaces in French; compare with plain spaces for readability.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe.each([
  ['en', '€48M', '€1.25M', '€12,000', '1,250.5', '34%', 'Sep 15, 2026'],
  ['fr', '48 M€', '1,25 M€', '12 000 €', '1 250,5', '34 %', '15 sept. 2026'],
] as const)('formatting in %s', (locale, m48, m125, money, number, percent, date) => {
  const f = getFormatters(locale);
  it('writes compact money as a team would', () => {
    expect(plain(f.moneyCompact(48_000_000, 'EUR'))).toBe(m48);
    expect(plain(f.moneyCompact(1_250_000, 'EUR'))).toBe(m125);
  });
  it('writes full money, numbers, percentages and dates the local way', () => {
    expect(plain(f.money(12_000, 'EUR'))).toBe(money);
    expect(plain(f.number(1250.5))).toBe(number);
    expect(plain(f.percent(0.34))).toBe(percent);
    expect(plain(f.date('2026-09-15'))).toBe(date);
  });
});

describe('daysSince', () => {
  it('counts whole calendar days in UTC', () => {
    expect(daysSince('2026-09-15', new Date('2026-11-23T23:59:00Z'))).toBe(69);
    expect(daysSince('2026-11-23', new Date('2026-11-23T00:00:00Z'))).toBe(0);
  });
});
