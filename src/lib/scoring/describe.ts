import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Rule } from '../../schemas/rule.ts';
import { getFormatters } from '../format.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import { isNumberRange, type AttributeValue } from './types.ts';

type ListType = 'conjunction' | 'disjunction';
const lists = new Map<string, Intl.ListFormat>();

/**
 * Joins words as the locale does: `France or DACH`, `Région et Chiffre d'affaires`.
 * @example joinList(['France', 'DACH'], 'en', 'disjunction') // 'France or DACH'
 */
export function joinList(words: readonly string[], locale: Locale, type: ListType = 'conjunction'): string {
  const key = `${locale}:${type}`;
  let format = lists.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: 'long', type });
    lists.set(key, format);
  }
  return format.format(words);
}

/** Points with their sign: `+20`, `−15`, `0` (see {@link Formatters.points}). */
export function formatPoints(points: number, locale: Locale): string {
  return getFormatters(locale).points(points);
}

function optionLabel(attribute: Attribute, id: string): string {
  if (attribute.type !== 'choice' && attribute.type !== 'choices') return id;
  return attribute.options.find((option) => option.id === id)?.label ?? id;
}

function withUnit(
  value: number,
  attribute: Attribute,
  locale: Locale,
  text = getFormatters(locale).number(value),
): string {
  return attribute.type === 'number' && attribute.unit ? `${text} ${attribute.unit}` : text;
}

/**
 * A rule in words, in the playbook locale.
 * @example describeRule({ op: 'between', min: 50, max: 1000 }, employees, 'en') // 'Employees between 50 and 1,000 people'
 */
export function describeRule(rule: Rule, attribute: Attribute, locale: Locale): string {
  const t = scoringMessages[locale];
  const name = attribute.label;
  const number = (value: number) => withUnit(value, attribute, locale);
  switch (rule.op) {
    case 'between':
      if (rule.min !== null && rule.max !== null) {
        return t.between(name, getFormatters(locale).number(rule.min), number(rule.max));
      }
      if (rule.min !== null) return t.atLeast(name, number(rule.min));
      if (rule.max !== null) return t.atMost(name, number(rule.max));
      return t.anyValue(name);
    case 'atLeast':
      return t.atLeast(name, number(rule.value));
    case 'atMost':
      return t.atMost(name, number(rule.value));
    case 'is':
      return t.is(name, rule.value ? t.yes : t.no);
    default: {
      const labels = rule.values.map((id) => optionLabel(attribute, id));
      const joined = joinList(labels, locale, rule.op === 'allOf' ? 'conjunction' : 'disjunction');
      return t[rule.op](name, joined);
    }
  }
}

/**
 * A value as a rep reads it: `240 people`, `51–200 people`, `France`, `HubSpot and Gong`, `yes`.
 * @example describeValue(['hubspot'], stack, 'en') // 'HubSpot'
 */
export function describeValue(value: AttributeValue | undefined, attribute: Attribute, locale: Locale): string {
  const t = scoringMessages[locale];
  if (value === undefined || value === null) return t.unknownValue;
  if (typeof value === 'number') return withUnit(value, attribute, locale);
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'string') return optionLabel(attribute, value);
  if (isNumberRange(value)) {
    const { number } = getFormatters(locale);
    return withUnit(
      value.min,
      attribute,
      locale,
      t.range(number(value.min), value.max === Infinity ? undefined : number(value.max)),
    );
  }
  if (value.length === 0) return t.noneSelected;
  return joinList(
    value.map((id) => optionLabel(attribute, id)),
    locale,
  );
}
