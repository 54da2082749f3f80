import { AMBIGUOUS_NUMBER, formatPlainNumber, parseNumberCell } from '../parse-number.ts';
import type { Attribute } from '../../schemas/attribute.ts';
import type { Account, AttributeValue } from './types.ts';

// The scoring widget keeps what the rep typed in the page address, so a reload restores it and a
// link shares it: `?employees=250&region=fr&stack=hubspot,gong&hiring_revops=yes`.
// Only attribute ids are read (by walking the attribute list, never the parameters), so unknown
// or hostile parameters (`__proto__`, `constructor`, HTML, broken escapes) are simply ignored.

/** Longest parameter value read; anything longer is not something this form wrote. */
const MAX_VALUE_LENGTH = 2_000;
const YES = new Set(['yes', 'true', '1', 'oui']);
const NO = new Set(['no', 'false', '0', 'non']);

/**
 * The query string's decoded values by name, read by the platform's URLSearchParams (`+` is a
 * space). Dropped: over-long values, and escapes that decode to no valid UTF-8 (U+FFFD), which
 * this form never writes.
 */
function readPairs(search: string): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(search)) {
    if (value.length > MAX_VALUE_LENGTH || key.includes('\uFFFD') || value.includes('\uFFFD')) continue;
    const list = pairs.get(key);
    if (list) list.push(value);
    else pairs.set(key, [value]);
  }
  return pairs;
}

/** JavaScript's own number format, as links written before plain decimals hold them (`1e-7` included). */
const LINK_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A number the rep typed, read as CSV cells are (`38,5`, `1 200`), within the attribute's
 * bounds, or undefined.
 */
export function readNumber(text: string, attribute: Attribute & { type: 'number' }): number | undefined {
  return withinBounds(parseNumberCell(text), attribute);
}

/** A number from a link: as the form writes it, or as a person would type it. */
function readLinkNumber(text: string, attribute: Attribute & { type: 'number' }): number | undefined {
  const trimmed = text.trim();
  return withinBounds(LINK_NUMBER.test(trimmed) ? Number(trimmed) : parseNumberCell(trimmed), attribute);
}

function withinBounds(value: number | undefined, attribute: Attribute & { type: 'number' }): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  if (attribute.min !== undefined && value < attribute.min) return undefined;
  if (attribute.max !== undefined && value > attribute.max) return undefined;
  return value;
}

function readValue(values: readonly string[], attribute: Attribute): AttributeValue | undefined {
  switch (attribute.type) {
    case 'number':
      return readLinkNumber(values[0]!, attribute);
    case 'choice': {
      const id = values[0]!.trim();
      return attribute.options.some((option) => option.id === id) ? id : undefined;
    }
    case 'boolean': {
      const answer = values[0]!.trim().toLowerCase();
      return YES.has(answer) ? true : NO.has(answer) ? false : undefined;
    }
    case 'choices': {
      // `stack=` (present, empty) is an answer: "none of these". Ids the attribute does not
      // have are dropped; if nothing known is left, the parameter was not ours: unknown.
      const wanted = new Set(values.flatMap((value) => value.split(',')).map((id) => id.trim()));
      wanted.delete('');
      const ids = attribute.options.map((option) => option.id).filter((id) => wanted.has(id));
      if (wanted.size > 0 && ids.length === 0) return undefined;
      return ids;
    }
  }
}

/**
 * Reads an account from a page's query string; unknown, hostile and invalid parameters are ignored.
 * The result has no prototype, so no parameter can reach `Object.prototype`.
 * @example parseAccountQuery('?employees=250&stack=hubspot,gong&hiring_revops=yes', attributes)
 * // { employees: 250, stack: ['hubspot', 'gong'], hiring_revops: true }
 */
export function parseAccountQuery(search: string, attributes: readonly Attribute[]): Account {
  const pairs = readPairs(search);
  const account = Object.create(null) as Record<string, AttributeValue>;
  for (const attribute of attributes) {
    const values = pairs.get(attribute.id);
    if (!values) continue;
    const value = readValue(values, attribute);
    if (value !== undefined) account[attribute.id] = value;
  }
  return account;
}

function writeValue(value: AttributeValue, attribute: Attribute): string | undefined {
  switch (attribute.type) {
    case 'number':
      // Plain decimals (`0.0000001`, not `1e-7`): readable in the address bar, and read back alike.
      return typeof value === 'number' && Number.isFinite(value) ? formatPlainNumber(value) : undefined;
    case 'choice':
      return typeof value === 'string' && attribute.options.some((option) => option.id === value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? (value ? 'yes' : 'no') : undefined;
    case 'choices': {
      if (!Array.isArray(value)) return undefined;
      const selected = new Set(value);
      // Option ids are [a-z0-9_-]: the comma needs no escaping and keeps the link readable.
      return attribute.options
        .filter((option) => selected.has(option.id))
        .map((option) => option.id)
        .join(',');
    }
  }
}

/**
 * The query string (without `?`) for an account, in attribute order; `''` when nothing is known.
 * @example toAccountQuery({ employees: 250, stack: ['hubspot', 'gong'] }, attributes) // 'employees=250&stack=hubspot,gong'
 */
export function toAccountQuery(account: Account, attributes: readonly Attribute[]): string {
  const parts: string[] = [];
  for (const attribute of attributes) {
    if (!Object.hasOwn(account, attribute.id)) continue;
    const value = account[attribute.id];
    if (value === undefined || value === null) continue;
    const text = writeValue(value, attribute);
    if (text === undefined) continue;
    parts.push(`${encodeURIComponent(attribute.id)}=${attribute.type === 'choices' ? text : encodeURIComponent(text)}`);
  }
  return parts.join('&');
}

/** Which account the rep is scoring: free text, never scored, kept in the link as `_account` and `_domain`. */
export interface AccountLabel {
  name?: string | undefined;
  domain?: string | undefined;
}

/**
 * Parameter names of the account label. Attribute ids start with a letter or digit, so these
 * can never be taken by an attribute.
 */
export const ACCOUNT_PARAMS = { name: '_account', domain: '_domain' } as const;

/** Longest account name or domain kept: a company name, not a document. */
const MAX_LABEL_LENGTH = 120;

/** Collapses spaces, drops control characters, caps the length; `undefined` when nothing is left. */
function cleanLabel(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  // Control characters are exactly what is dropped.
  const clean = text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_LABEL_LENGTH)
    .trim();
  return clean === '' ? undefined : clean;
}

/**
 * A domain as people paste it, reduced to the host: `https://www.Acme.fr/about` → `www.acme.fr`.
 * @example cleanDomain(' https://Acme.fr/ ') // 'acme.fr'
 */
export function cleanDomain(text: string | undefined): string | undefined {
  const clean = cleanLabel(text);
  if (!clean) return undefined;
  const host = clean
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .split(/[/?#\s]/)[0]!
    .toLowerCase();
  return host === '' ? undefined : host;
}

/** Reads the account name and domain from a page's query string. */
export function parseAccountLabel(search: string): AccountLabel {
  const pairs = readPairs(search);
  return {
    name: cleanLabel(pairs.get(ACCOUNT_PARAMS.name)?.[0]),
    domain: cleanDomain(pairs.get(ACCOUNT_PARAMS.domain)?.[0]),
  };
}

/**
 * The query string (without `?`) for an account label and an account: the label first, so a
 * shared link says which account it is at a glance.
 * @example toShareQuery({ name: 'Acme SAS' }, { employees: 250 }, attributes) // '_account=Acme%20SAS&employees=250'
 */
export function toShareQuery(label: AccountLabel, account: Account, attributes: readonly Attribute[]): string {
  const parts: string[] = [];
  const name = cleanLabel(label.name);
  const domain = cleanDomain(label.domain);
  if (name) parts.push(`${ACCOUNT_PARAMS.name}=${encodeURIComponent(name)}`);
  if (domain) parts.push(`${ACCOUNT_PARAMS.domain}=${encodeURIComponent(domain)}`);
  const query = toAccountQuery(account, attributes);
  if (query) parts.push(query);
  return parts.join('&');
}

/** What is wrong with a number field, for the message under it; `ok` with the value when nothing is. */
export type NumberFieldReading =
  | { kind: 'empty' }
  | { kind: 'ok'; value: number }
  | { kind: 'ambiguous'; value: string; thousands: string; decimal: string }
  | { kind: 'withWords'; number: string }
  | { kind: 'notNumber' }
  | { kind: 'belowMin'; min: number }
  | { kind: 'aboveMax'; max: number };

/** A number at the start of a text followed by words: `85 salariés`, `40 M€`, `1 200 people`. */
const LEADING_NUMBER = /^([+-]?\d[\d\s\u00a0\u202f.,']*?)\s*[^\d\s.,'+-].*$/u;

/**
 * Reads a number field with the same reader as CSV cells ({@link parseNumberCell}) and says
 * precisely what is wrong: `1,200` is ambiguous, `85 salariés` has words, `-5` is below the
 * minimum, `quatre-vingt` is not a number.
 * @example readNumberField('1,200', employees) // { kind: 'ambiguous', value: '1,200', thousands: '1200', decimal: '1.2' }
 */
export function readNumberField(text: string, attribute: Attribute & { type: 'number' }): NumberFieldReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const value = parseNumberCell(trimmed);
  if (value === undefined || !Number.isFinite(value)) {
    if (AMBIGUOUS_NUMBER.test(trimmed)) {
      return {
        kind: 'ambiguous',
        value: trimmed,
        thousands: trimmed.replace(/[.,]/, ''),
        decimal: String(Number(trimmed.replace(',', '.'))),
      };
    }
    const leading = LEADING_NUMBER.exec(trimmed)?.[1]?.trim();
    if (leading && parseNumberCell(leading) !== undefined) return { kind: 'withWords', number: leading };
    return { kind: 'notNumber' };
  }
  if (attribute.min !== undefined && value < attribute.min) return { kind: 'belowMin', min: attribute.min };
  if (attribute.max !== undefined && value > attribute.max) return { kind: 'aboveMax', max: attribute.max };
  return { kind: 'ok', value };
}
