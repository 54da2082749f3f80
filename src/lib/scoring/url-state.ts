import { formatPlainNumber, parseNumberCell } from '../parse-number.ts';
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

/** The query string without its `?`, split into decoded pairs; a pair that cannot be decoded is dropped. */
function readPairs(search: string): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  const text = search.startsWith('?') ? search.slice(1) : search;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      continue; // a broken `%` escape: not something this form wrote
    }
    if (value.length > MAX_VALUE_LENGTH) continue;
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
  const account: Record<string, AttributeValue> = Object.create(null);
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
