import type { z } from 'zod';
import { suggestId } from './cross-checks.ts';
import { didYouMean } from './did-you-mean.ts';
import { formatPath, type Problem } from './problem.ts';
import type { YamlSource } from './source-file.ts';

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
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `text "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  tuple: 'a list',
};

function messageFor(issue: z.core.$ZodIssue, value: unknown, field: PropertyKey | undefined): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (value === undefined) {
        return typeof field === 'string' ? `is missing: add a line "${field}: …" with ${expected}` : `is missing: add ${expected}`;
      }
      if (typeof value === 'number' && !Number.isFinite(value)) return `must be a finite number, not ${String(value)}: write a plain number`;
      // `owner:` with nothing after it: the fix is to write the value, not to quote it.
      if (value === null) return typeof field === 'string' ? `is empty: write ${expected} after "${field}:"` : `is empty: write ${expected}`;
      const hint = issue.expected === 'string' ? ': put the value in quotes' : '';
      return `expected ${expected}, got ${describe(value)}${hint}`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      return `"${String(value)}" is not allowed: use one of ${allowed.join(', ')}${didYouMean(String(value), allowed)}`;
    }
    case 'invalid_union': {
      if (value === undefined) return 'is missing';
      const discriminator = (issue as { discriminator?: string }).discriminator;
      if (discriminator) {
        const types = ['number', 'choice', 'choices', 'boolean'];
        // zod points at the discriminator itself, or at its object when it is missing.
        const given = typeof value === 'string' ? value : (value as Record<string, unknown> | null)?.[discriminator];
        if (typeof given !== 'string') return `needs a ${discriminator}: one of ${types.join(', ')}`;
        return `"${given}" is not a ${discriminator}: use ${types.join(', ')}${didYouMean(given, types)}`;
      }
      return `is not valid here (${describe(value)})`;
    }
    case 'invalid_format': {
      const suggestion = typeof value === 'string' ? suggestId(value) : '';
      return suggestion && suggestion !== value ? `"${String(value)}" ${issue.message}: write ${suggestion}` : issue.message;
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
  return `"${before},${key}" is read as two fields: inside { } a comma separates fields, so write numbers without thousands separators (${before}${key})`;
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
        const list = known.size > 0 ? `: allowed fields here are ${[...known].join(', ')}` : '';
        const suggestion = didYouMean(key, known);
        const comma = /^\d+$/.test(key) ? thousandsComma(source, { line, column }) : undefined;
        problems.push({
          file: source.file,
          line,
          column,
          field: formatPath([...path, key]),
          message: comma ?? (suggestion ? `unknown field "${key}"${suggestion}` : `unknown field "${key}"${list}`),
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
