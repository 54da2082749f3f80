import type { Attribute } from '../../schemas/attribute.ts';
import type { Icp } from '../../schemas/icp.ts';

import type { Persona } from '../../schemas/persona.ts';
import { OPERATOR_TYPES } from '../../schemas/operators.ts';
import { ID_PATTERN } from '../../schemas/shared.ts';
import type { Rule } from '../../schemas/rule.ts';
import { findNameConflicts } from '../aliases.ts';
import { didYouMean } from '../i18n/did-you-mean.ts';
import { vm } from '../i18n/validator.ts';
import { formatPath, type Problem } from '../model/problem.ts';
import type { YamlSource } from './source-file.ts';

/** A problem at the value (or, with `key`, the key) at `path` in `source`. */
export function problemAt(source: YamlSource, path: PropertyKey[], message: string, key = false): Problem {
  const { line, column } = source.locate(path, { key });
  return { file: source.file, line, column, field: formatPath(path), message };
}

function listOrSuggest(word: string, known: string[], noun: 'attributes' | 'options' | 'icps'): string {
  const suggestion = didYouMean(word, known);
  if (suggestion) return suggestion;
  return known.length <= 15 ? vm().listKnown(noun, known.join(', ')) : '';
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
      problems.push(problemAt(source, [i, 'id'], vm().rules.sameAttributeId(attribute.id, first + 1, source.locate([first, 'id']).line)));
    } else seen.set(attribute.id, i);
    if (attribute.type === 'choice' || attribute.type === 'choices') {
      const options = new Map<string, number>();
      attribute.options.forEach((option, j) => {
        if (options.has(option.id)) problems.push(problemAt(source, [i, 'options', j, 'id'], vm().rules.sameOptionId(option.id, attribute.id)));
        else options.set(option.id, j);
      });
    }
    if (attribute.type === 'number' && attribute.min !== undefined && attribute.max !== undefined && attribute.min > attribute.max) {
      problems.push(problemAt(source, [i, 'max'], vm().rules.maxBelowMin(attribute.max, attribute.min)));
    }
    if (attribute.type === 'number' && attribute.typical && attribute.typical[0] > attribute.typical[1]) {
      problems.push(problemAt(source, [i, 'typical'], vm().rules.emptyRange(`[${attribute.typical.join(', ')}]`, `[${attribute.typical[1]}, ${attribute.typical[0]}]`)));
    }
  });
  for (const { kind, first, second } of findNameConflicts(attributes)) {
    const at = source.locate(first.path);
    const where = `${source.file}:${at.line}:${at.column}`;
    const message = (kind === 'column' ? vm().rules.columnNameTaken : vm().rules.optionNameTaken)(second.name, first.owner, first.name, where);
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
      problemAt(source, [...path, rule.op], vm().rules.wrongOperator(rule.op, expected, attribute.id, attribute.type, fitting.join(', ')), true),
    ];
  }
  if ('values' in rule && (attribute.type === 'choice' || attribute.type === 'choices')) {
    const ids = attribute.options.map((o) => o.id);
    return rule.values.flatMap((value, k) => {
      if (ids.includes(value)) return [];
      const at = [...path, rule.op, k];
      // Authors copy what the form shows: the label. Name the option it belongs to.
      const labelled = attribute.options.find((o) => normaliseWords(o.label) === normaliseWords(value));
      if (labelled) return [problemAt(source, at, vm().labelOfOption(value, labelled.id, attribute.id))];
      const slug = suggestId(value);
      if (slug !== value && ids.includes(slug)) return [problemAt(source, at, vm().notOptionId(value, slug))];
      return [problemAt(source, at, `${vm().unknownOption(value, attribute.id)}${listOrSuggest(value, ids, 'options')}`)];
    });
  }
  if (rule.op === 'between' && rule.min !== null && rule.max !== null && rule.min > rule.max) {
    return [problemAt(source, [...path, 'between'], vm().rules.emptyRange(`[${rule.min}, ${rule.max}]`, `[${rule.max}, ${rule.min}]`))];
  }
  return [];
}

/**
 * Every filter and signal reads an existing attribute with an operator of the right type and
 * existing options. Rules on `brokenIds` (attributes whose own definition has a problem,
 * reported in attributes.yaml) are not checked further.
 */
export function checkIcpRules(icp: Icp, attributes: readonly Attribute[], source: YamlSource, brokenIds: ReadonlySet<string> = new Set()): Problem[] {
  // The first of duplicate ids wins, as checkAttributes reports the later ones.
  const byId = new Map<string, Attribute>();
  for (const attribute of attributes) if (!byId.has(attribute.id)) byId.set(attribute.id, attribute);
  const ids = [...byId.keys()];
  const problems: Problem[] = [];
  const checkAttribute = (attributeId: string, path: PropertyKey[]) => {
    if (brokenIds.has(attributeId)) return undefined;
    const attribute = byId.get(attributeId);
    if (!attribute) problems.push(problemAt(source, [...path, 'attribute'], `${vm().unknownAttribute(attributeId)}${listOrSuggest(attributeId, ids, 'attributes')}`));
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

/**
 * A persona's ICP ids name files in content/icps/. Entries that are not ids at all are left to
 * the schema's message.
 */
export function checkPersonaLinks(persona: Pick<Persona, 'icps'>, icpIds: string[], source: YamlSource): Problem[] {
  return persona.icps.flatMap((id, k) =>
    icpIds.includes(id) || !ID_PATTERN.test(id) ? [] : [problemAt(source, ['icps', k], `${vm().unknownIcp(id)}${listOrSuggest(id, icpIds, 'icps')}`)],
  );
}

/** Lowercase, without accents, single spaces: how a label compares to what an author typed. */
function normaliseWords(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The id an author most likely meant for a name: lowercase, accents dropped, other characters
 * turned into hyphens.
 * @example suggestId('Île-de-France') // 'ile-de-france'
 */
export function suggestId(name: string): string {
  return normaliseWords(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Two files of one kind with the same title (ICPs) or name and role (personas): reps could not
 * tell them apart, and it is most often a copied file whose title was not changed.
 */
export function checkDuplicateTitles(entries: readonly { file: string; title: unknown; source: YamlSource }[], kind: 'ICP' | 'persona'): Problem[] {
  const first = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { file, title, source } of entries) {
    if (typeof title !== 'string' || title.trim() === '') continue;
    const key = normaliseWords(title);
    const twin = first.get(key);
    if (twin === undefined) {
      first.set(key, file);
      continue;
    }
    problems.push(
      kind === 'ICP'
        ? problemAt(source, ['title'], vm().sameIcpTitle(title.trim(), twin))
        : problemAt(source, ['name'], vm().samePersona(title, twin)),
    );
  }
  return problems;
}
