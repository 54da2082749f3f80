import type { z } from 'zod';
import { suggestId } from './cross-checks.ts';
import { didYouMean } from '../i18n/did-you-mean.ts';
import { vm } from '../i18n/validator.ts';
import { formatPath, type Problem } from '../model/problem.ts';
import type { YamlSource } from './source-file.ts';
import { ID_PATTERN, KEY_PATTERN } from '../../schemas/shared.ts';

const ID_FORMATS = new Set([String(ID_PATTERN), String(KEY_PATTERN)]);

type AnySchema = z.core.$ZodType;

/** The keys an object schema accepts at `path`, to suggest the right one for a typo. */
function knownKeysAt(schema: AnySchema, path: readonly PropertyKey[]): Set<string> {
  const keys = new Set<string>();
  const visit = (node: AnySchema, rest: readonly PropertyKey[]): void => {
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
        return visit(def['innerType'] as AnySchema, rest);
      case 'pipe':
        return visit(def['in'] as AnySchema, rest);
      case 'union':
        for (const option of def['options'] as AnySchema[]) visit(option, rest);
        return;
      case 'array':
        if (rest.length > 0) visit(def['element'] as AnySchema, rest.slice(1));
        return;
      case 'object': {
        const shape = def['shape'] as Record<string, AnySchema>;
        if (rest.length === 0) for (const key of Object.keys(shape)) keys.add(key);
        else if (shape[String(rest[0])]) visit(shape[String(rest[0])]!, rest.slice(1));
        return;
      }
      default:
        return;
    }
  };
  visit(schema, path);
  return keys;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describe(value: unknown): string {
  const d = vm().describe;
  if (value === null) return d.null;
  if (Array.isArray(value)) return d.list;
  if (typeof value === 'object') return d.group;
  if (typeof value === 'string') return d.text(value.length > 40 ? value.slice(0, 40) + '…' : value);
  // What YAML holds past these: a number or a boolean (NaN and Infinity included).
  if (typeof value === 'number' || typeof value === 'boolean') return vm().rules.describeValue(typeof value, String(value));
  return typeof value;
}

function messageFor(issue: z.core.$ZodIssue, value: unknown, field: PropertyKey | undefined): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = vm().types[issue.expected] ?? issue.expected;
      const name = typeof field === 'string' ? field : undefined;
      if (value === undefined) return vm().missingField(name, expected);
      if (typeof value === 'number' && !Number.isFinite(value)) return vm().notFinite(String(value));
      // 5.5 where a whole number goes: the schema's own message ("must be a whole number of days").
      if (issue.expected === 'int' && typeof value === 'number') return issue.message;
      // `owner:` with nothing after it: the fix is to write the value, not to quote it.
      if (value === null) return vm().emptyField(name, expected);
      return vm().wrongType(expected, describe(value), issue.expected === 'string');
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      return `${vm().notAllowed(String(value), allowed.join(', '))}${didYouMean(String(value), allowed)}`;
    }
    case 'invalid_union': {
      if (value === undefined) return vm().rules.missing;
      const discriminator = (issue as { discriminator?: string }).discriminator;
      if (discriminator) {
        const types = ['number', 'choice', 'choices', 'boolean'];
        // zod points at the discriminator itself, or at its object when it is missing.
        const given = typeof value === 'string' ? value : (value as Record<string, unknown> | null)?.[discriminator];
        if (typeof given !== 'string') return vm().rules.needsDiscriminator(discriminator, types.join(', '));
        return `${vm().rules.notADiscriminator(given, discriminator, types.join(', '))}${didYouMean(given, types)}`;
      }
      return vm().rules.notValidHere(describe(value));
    }
    case 'invalid_format': {
      // An id written with capitals, spaces or accents: suggest the id (not for URLs and hosts).
      const isId = issue.format === 'regex' && ID_FORMATS.has(String((issue as { pattern?: unknown }).pattern));
      const suggestion = isId && typeof value === 'string' ? suggestId(value) : '';
      return suggestion && suggestion !== value ? vm().badFormat(String(value), issue.message, suggestion) : issue.message;
    }
    default:
      return issue.message;
  }
}

/**
 * Inside `{ }` a comma separates fields, so `{ accounts: 68,000 }` reads as `accounts: 68` and a
 * field named "000": say so instead of "unknown field".
 */
function thousandsComma(source: YamlSource, at: { line: number; column: number }): string | undefined {
  const text = source.lineText?.(at.line) ?? '';
  const key = /^\d+/.exec(text.slice(at.column - 1))?.[0];
  const before = /(\d+)\s*,\s*$/.exec(text.slice(0, at.column - 1))?.[1];
  if (key === undefined || before === undefined) return undefined;
  return vm().thousandsComma(`${before},${key}`, `${before}${key}`);
}

/** Turns zod issues into problems that point at the line and column of each offending value. */
export function issuesToProblems(schema: AnySchema, issues: readonly z.core.$ZodIssue[], source: YamlSource, prefix: PropertyKey[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const { line, column } = source.locate([...path, key], { key: true });
        const list = known.size > 0 ? vm().allowedFields([...known].join(', ')) : '';
        const suggestion = didYouMean(key, known);
        const comma = /^\d+$/.test(key) ? thousandsComma(source, { line, column }) : undefined;
        problems.push({
          file: source.file,
          line,
          column,
          field: formatPath([...path, key]),
          message: comma ?? `${vm().unknownField(key)}${suggestion || list}`,
        });
      }
      continue;
    }
    const value = valueAt(source.data, path);
    const { line, column } = source.locate(path);
    problems.push({ file: source.file, line, column, field: formatPath(path), message: messageFor(issue, value, path.at(-1)) });
  }
  return problems;
}
