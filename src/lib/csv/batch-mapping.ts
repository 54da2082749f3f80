// The mapping step of the browser batch scorer, as pure data: columns and values of a CRM export
// that match nothing, mapped by the user to attributes and options. A mapping is nothing but
// extra `aliases` on a copy of the attributes, so the same reader scores the file with it, and
// it is saved as the `aliases:` lines that make `npm run score` read the file the same way.
import type { Attribute } from '../../schemas/attribute.ts';
import { columnNames, normaliseName, optionNames } from '../aliases.ts';

/** What the user chose: column headers → attribute ids, and per attribute, values → option ids. */
export interface BatchMapping {
  /** Header as written in the file → id of the attribute the column holds. */
  columns: Record<string, string>;
  /** Attribute id → value as written in the file → id of the option it means. */
  values: Record<string, Record<string, string>>;
  /** Header → factor applied to every number of a column mapped to a number attribute (a `{ column, scale }` alias); absent means 1. */
  scales?: Record<string, number>;
}

/** A mapping that changes nothing. */
export function emptyMapping(): BatchMapping {
  return {
    columns: Object.create(null) as Record<string, string>,
    values: Object.create(null) as Record<string, Record<string, string>>,
  };
}

/** Whether the mapping holds no choice at all. */
export function isEmptyMapping(mapping: BatchMapping): boolean {
  return (
    Object.keys(mapping.columns).length === 0 &&
    Object.values(mapping.values).every((values) => Object.keys(values).length === 0)
  );
}

function hasOptions(attribute: Attribute): attribute is Extract<Attribute, { type: 'choice' | 'choices' }> {
  return attribute.type === 'choice' || attribute.type === 'choices';
}

/**
 * Keeps only the choices that still make sense for these attributes: known attribute and option
 * ids, and names not already claimed by another attribute or option (a mapping remembered from
 * an older playbook, or a hand-edited one, can never make two things answer to one name).
 * Accepts anything (JSON from storage) and never throws.
 */
export function cleanMapping(raw: unknown, attributes: readonly Attribute[]): BatchMapping {
  const clean = emptyMapping();
  if (typeof raw !== 'object' || raw === null) return clean;
  const { columns, values, scales } = raw as Partial<Record<keyof BatchMapping, unknown>>;
  const byId = new Map(attributes.map((attribute) => [attribute.id, attribute]));
  const claimed = new Map<string, string>();
  attributes.forEach((attribute, i) => {
    for (const { name } of columnNames(attribute, i))
      if (!claimed.has(normaliseName(name))) claimed.set(normaliseName(name), attribute.id);
  });
  if (typeof columns === 'object' && columns !== null) {
    for (const [header, id] of Object.entries(columns)) {
      const key = normaliseName(header);
      if (typeof id !== 'string' || !byId.has(id) || key === '' || claimed.has(key)) continue;
      claimed.set(key, id);
      clean.columns[header] = id;
    }
  }
  if (typeof scales === 'object' && scales !== null) {
    for (const [header, scale] of Object.entries(scales)) {
      const id = clean.columns[header];
      if (
        id === undefined ||
        byId.get(id)?.type !== 'number' ||
        typeof scale !== 'number' ||
        !Number.isFinite(scale) ||
        scale <= 0 ||
        scale === 1
      )
        continue;
      (clean.scales ??= Object.create(null) as Record<string, number>)[header] = scale;
    }
  }
  if (typeof values === 'object' && values !== null) {
    for (const [id, byValue] of Object.entries(values)) {
      const attribute = byId.get(id);
      if (!attribute || !hasOptions(attribute) || typeof byValue !== 'object' || byValue === null) continue;
      const options = new Set(attribute.options.map((option) => option.id));
      const taken = new Set(optionNames(attribute, 0).map(({ name }) => normaliseName(name)));
      const kept: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const [value, option] of Object.entries(byValue as Record<string, unknown>)) {
        const key = normaliseName(value);
        if (typeof option !== 'string' || !options.has(option) || key === '' || taken.has(key)) continue;
        taken.add(key);
        kept[value] = option;
      }
      if (Object.keys(kept).length > 0) clean.values[id] = kept;
    }
  }
  return clean;
}

/**
 * A copy of the attributes with the mapping added as aliases: the page scores with these, so a
 * mapped file is read exactly as the playbook would read it once the aliases are saved.
 */
export function applyMapping(attributes: readonly Attribute[], mapping: BatchMapping): Attribute[] {
  const clean = cleanMapping(mapping, attributes);
  return attributes.map((attribute) => {
    const columns = Object.keys(clean.columns).filter((header) => clean.columns[header] === attribute.id);
    const values = clean.values[attribute.id];
    if (columns.length === 0 && !values) return attribute;
    const aliases = columns.map((header) =>
      clean.scales?.[header] ? { column: header, scale: clean.scales[header] } : header,
    );
    const copy = (
      columns.length > 0 ? { ...attribute, aliases: [...(attribute.aliases ?? []), ...aliases] } : { ...attribute }
    ) as Attribute;
    if (values && hasOptions(copy)) {
      copy.options = copy.options.map((option) => {
        const added = Object.keys(values).filter((value) => values[value] === option.id);
        return added.length === 0 ? option : { ...option, aliases: [...(option.aliases ?? []), ...added] };
      });
    }
    return copy;
  });
}

// YAML that needs no quotes: starts with a letter, no `: `, ` #` or flow characters, not a
// word YAML 1.1 readers take for a boolean or null.
const PLAIN = /^[\p{L}][\p{L}\p{N} _.&/()'’+-]*$/u;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n)$/i;

/** A string as a YAML scalar: plain when safe, else double-quoted (JSON's escaping is valid YAML). */
export function yamlString(text: string): string {
  return PLAIN.test(text) && !RESERVED.test(text) && text === text.trim() && !/\s{2}/.test(text)
    ? text
    : JSON.stringify(text);
}

/**
 * The mapping as `attributes.yaml` lines: for each attribute with new names, its id and the
 * `aliases:` to add (under its options for values). `comment` is the first line, a YAML comment
 * telling where the lines go. Empty when the mapping holds nothing.
 * @example
 * mappingToYaml(attributes, { columns: { Sector: 'industry' }, values: {} }, 'Add to content/attributes.yaml')
 * // "# Add to content/attributes.yaml\n- id: industry\n  aliases:\n    - Sector\n"
 */
export function mappingToYaml(attributes: readonly Attribute[], mapping: BatchMapping, comment: string): string {
  const clean = cleanMapping(mapping, attributes);
  const lines: string[] = [];
  for (const attribute of attributes) {
    const columns = Object.keys(clean.columns).filter((header) => clean.columns[header] === attribute.id);
    const values = clean.values[attribute.id];
    if (columns.length === 0 && !values) continue;
    lines.push(`- id: ${attribute.id}`);
    const alias = (header: string) =>
      clean.scales?.[header] ? `{ column: ${yamlString(header)}, scale: ${clean.scales[header]} }` : yamlString(header);
    if (columns.length > 0) lines.push('  aliases:', ...columns.map((header) => `    - ${alias(header)}`));
    if (values && hasOptions(attribute)) {
      lines.push('  options:');
      for (const option of attribute.options) {
        const added = Object.keys(values).filter((value) => values[value] === option.id);
        if (added.length === 0) continue;
        lines.push(
          `    - id: ${option.id}`,
          '      aliases:',
          ...added.map((value) => `        - ${yamlString(value)}`),
        );
      }
    }
  }
  if (lines.length === 0) return '';
  return `${comment
    .split('\n')
    .map((line) => `# ${line}`)
    .join('\n')}\n${lines.join('\n')}\n`;
}
