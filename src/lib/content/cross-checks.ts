import type { Attribute } from '../../schemas/attribute.ts';
import type { IcpShapeSchema } from '../../schemas/icp.ts';
import type { z } from 'zod';

type IcpShape = z.output<typeof IcpShapeSchema>;
import type { Persona } from '../../schemas/persona.ts';
import { OPERATOR_TYPES } from '../../schemas/operators.ts';
import type { Rule } from '../../schemas/rule.ts';
import { findNameConflicts } from '../aliases.ts';
import { didYouMean } from './did-you-mean.ts';
import { formatPath, type Problem } from './problem.ts';
import type { YamlSource } from './source-file.ts';

/** A problem at the value (or, with `key`, the key) at `path` in `source`. */
export function problemAt(source: YamlSource, path: PropertyKey[], message: string, key = false): Problem {
  const { line, column } = source.locate(path, { key });
  return { file: source.file, line, column, field: formatPath(path), message };
}

function listOrSuggest(word: string, known: string[], noun: string): string {
  const suggestion = didYouMean(word, known);
  if (suggestion) return suggestion;
  return known.length <= 15 ? `: ${noun} are ${known.join(', ')}` : '';
}

/**
 * Attribute ids unique, option ids unique per attribute, number bounds in order. `attributes`
 * keeps the file's positions: an attribute that failed its schema is `undefined`.
 */
export function checkAttributes(attributes: readonly (Attribute | undefined)[], source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  attributes.forEach((attribute, i) => {
    if (!attribute) return;
    const first = seen.get(attribute.id);
    if (first !== undefined) {
      problems.push(problemAt(source, [i, 'id'], `"${attribute.id}" is already the id of attribute ${first + 1} (line ${source.locate([first, 'id']).line}): ids must be unique, rename one`));
    } else seen.set(attribute.id, i);
    if (attribute.type === 'choice' || attribute.type === 'choices') {
      const options = new Map<string, number>();
      attribute.options.forEach((option, j) => {
        if (options.has(option.id)) problems.push(problemAt(source, [i, 'options', j, 'id'], `option "${option.id}" appears twice in "${attribute.id}": option ids must be unique`));
        else options.set(option.id, j);
      });
    }
    if (attribute.type === 'number' && attribute.min !== undefined && attribute.max !== undefined && attribute.min > attribute.max) {
      problems.push(problemAt(source, [i, 'max'], `is ${attribute.max}, below min ${attribute.min}: swap them`));
    }
    if (attribute.type === 'number' && attribute.typical && attribute.typical[0] > attribute.typical[1]) {
      problems.push(problemAt(source, [i, 'typical'], `[${attribute.typical.join(', ')}] is empty: write the lower bound first, e.g. [${attribute.typical[1]}, ${attribute.typical[0]}]`));
    }
  });
  for (const { kind, first, second } of findNameConflicts(attributes)) {
    const at = source.locate(first.path);
    const where = `${source.file}:${at.line}:${at.column}`;
    const message =
      kind === 'column'
        ? `"${second.name}" already names attribute "${first.owner}" ("${first.name}" at ${where}): a column name (id, label or alias, ignoring case and accents) may belong to one attribute only, remove or change one`
        : `"${second.name}" already names option "${first.owner}" ("${first.name}" at ${where}): a value (id, label or alias, ignoring case and accents) may belong to one option only, remove or change one`;
    problems.push(problemAt(source, second.path, message));
  }
  return problems;
}

function checkRule(rule: Rule, attribute: Attribute, path: PropertyKey[], source: YamlSource): Problem[] {
  const expected = OPERATOR_TYPES[rule.op];
  if (expected !== attribute.type) {
    const fitting = Object.entries(OPERATOR_TYPES)
      .filter(([, type]) => type === attribute.type)
      .map(([op]) => op);
    return [
      problemAt(source, [...path, rule.op], `operator "${rule.op}" is for ${expected} attributes, but "${attribute.id}" is a ${attribute.type}: use ${fitting.join(', ')}`, true),
    ];
  }
  if ('values' in rule && (attribute.type === 'choice' || attribute.type === 'choices')) {
    const ids = attribute.options.map((o) => o.id);
    return rule.values.flatMap((value, k) =>
      ids.includes(value) ? [] : [problemAt(source, [...path, rule.op, k], `unknown option "${value}" of "${attribute.id}"${listOrSuggest(value, ids, 'its options')}`)],
    );
  }
  if (rule.op === 'between' && rule.min !== null && rule.max !== null && rule.min > rule.max) {
    return [problemAt(source, [...path, 'between'], `[${rule.min}, ${rule.max}] is empty: write the lower bound first, e.g. [${rule.max}, ${rule.min}]`)];
  }
  return [];
}

/**
 * Every filter and signal reads an existing attribute with an operator of the right type and
 * existing options. Rules on `brokenIds` (attributes whose own definition has a problem,
 * reported in attributes.yaml) are not checked further.
 */
export function checkIcpRules(icp: IcpShape, attributes: readonly Attribute[], source: YamlSource, brokenIds: ReadonlySet<string> = new Set()): Problem[] {
  // The first of duplicate ids wins, as checkAttributes reports the later ones.
  const byId = new Map<string, Attribute>();
  for (const attribute of attributes) if (!byId.has(attribute.id)) byId.set(attribute.id, attribute);
  const ids = [...byId.keys()];
  const problems: Problem[] = [];
  const checkAttribute = (attributeId: string, path: PropertyKey[]) => {
    if (brokenIds.has(attributeId)) return undefined;
    const attribute = byId.get(attributeId);
    if (!attribute) problems.push(problemAt(source, [...path, 'attribute'], `unknown attribute "${attributeId}"${listOrSuggest(attributeId, ids, 'attributes in attributes.yaml')}`));
    return attribute;
  };
  icp.filters.forEach((filter, i) => {
    const attribute = checkAttribute(filter.attribute, ['filters', i]);
    if (attribute) problems.push(...checkRule(filter.rule, attribute, ['filters', i], source));
  });
  icp.signals.forEach((signal, i) => {
    const attribute = checkAttribute(signal.attribute, ['signals', i]);
    if (!attribute) return;
    signal.levels.forEach((level, j) => {
      const path = signal.graded ? ['signals', i, 'levels', j] : ['signals', i];
      problems.push(...checkRule(level.rule, attribute, path, source));
    });
  });
  return problems;
}

/** A persona's ICP ids name files in content/icps/. */
export function checkPersonaLinks(persona: Persona, icpIds: string[], source: YamlSource): Problem[] {
  return persona.icps.flatMap((id, k) =>
    icpIds.includes(id) ? [] : [problemAt(source, ['icps', k], `unknown ICP "${id}"${listOrSuggest(id, icpIds, 'the ICPs in content/icps/')}`)],
  );
}
