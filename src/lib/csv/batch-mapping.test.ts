import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { attributes } from '../../../test/helpers/scoring-fixtures.ts';
import { AttributesSchema } from '../../schemas/attribute.ts';
import { AccountReader } from './accounts.ts';
import {
  applyMapping,
  cleanMapping,
  emptyMapping,
  isEmptyMapping,
  mappingToYaml,
  yamlString,
} from './batch-mapping.ts';

const mapping = {
  columns: { 'Number of Employees': 'employees', 'Country/Region': 'region' },
  values: { region: { Deutschland: 'dach', 'États-Unis': 'us' }, stack: { 'HubSpot CRM': 'hubspot' } },
};

describe('applyMapping', () => {
  it('reads mapped columns and values as the playbook would with those aliases', () => {
    const mapped = applyMapping(attributes, mapping);
    const reader = new AccountReader(
      ['Company', 'Number of Employees', 'Country/Region', 'Tools in use'],
      mapped,
      'en',
    );
    expect(reader.columns.map((c) => c?.id)).toEqual([undefined, 'employees', 'region', 'stack']);
    const problems: never[] = [];
    expect(reader.read(['Acme', '250', 'deutschland', 'HubSpot CRM|Salesforce'], 2, problems)).toEqual({
      employees: 250,
      region: 'dach',
      stack: ['hubspot', 'salesforce'],
    });
    expect(reader.read(['Bolt', '10', 'Etats-Unis', ''], 3, problems)).toEqual({ employees: 10, region: 'us' });
    expect(problems).toEqual([]);
  });

  it('leaves the attributes given untouched', () => {
    const before = JSON.stringify(attributes);
    applyMapping(attributes, mapping);
    expect(JSON.stringify(attributes)).toBe(before);
  });
});

describe('cleanMapping', () => {
  it('drops unknown attributes and options, names already taken, and anything that is not a mapping', () => {
    const raw = {
      columns: { Employees: 'revenue', Sector: 'nope', Headcount: 'employees', '  ': 'employees' },
      values: { region: { France: 'dach', Allemagne: 'dach', X: 'mars' }, employees: { a: 'b' }, nope: { a: 'b' } },
    };
    expect(cleanMapping(raw, attributes)).toEqual({
      columns: { Headcount: 'employees' },
      values: { region: { Allemagne: 'dach' } },
    });
    expect(isEmptyMapping(cleanMapping('{"broken', attributes))).toBe(true);
    expect(isEmptyMapping(cleanMapping(null, attributes))).toBe(true);
    expect(isEmptyMapping(cleanMapping({ columns: 3, values: [] }, attributes))).toBe(true);
  });

  it('gives one name to one attribute only, even when two columns differ only in case', () => {
    expect(
      cleanMapping({ columns: { Headcount: 'employees', HEADCOUNT: 'revenue' }, values: {} }, attributes).columns,
    ).toEqual({ Headcount: 'employees' });
  });
});

describe('mappingToYaml', () => {
  it('writes the aliases to add, by attribute and option id, as YAML the schema accepts', () => {
    const yaml = mappingToYaml(attributes, mapping, 'Add to content/attributes.yaml');
    expect(yaml).toMatchInlineSnapshot(`
      "# Add to content/attributes.yaml
      - id: employees
        aliases:
          - Number of Employees
      - id: region
        aliases:
          - Country/Region
        options:
          - id: dach
            aliases:
              - Deutschland
          - id: us
            aliases:
              - États-Unis
      - id: stack
        options:
          - id: hubspot
            aliases:
              - HubSpot CRM
      "
    `);
    // Merged into the attributes by id, the lines give the same attributes as the mapping.
    const entries = parse(yaml) as { id: string; aliases?: string[]; options?: { id: string; aliases: string[] }[] }[];
    const merged = structuredClone(attributes).map((attribute) => {
      const entry = entries.find((e) => e.id === attribute.id);
      if (!entry) return attribute;
      const copy = entry.aliases
        ? { ...attribute, aliases: [...(attribute.aliases ?? []), ...entry.aliases] }
        : { ...attribute };
      if ('options' in copy) {
        copy.options = copy.options.map((o) => {
          const added = entry.options?.find((e) => e.id === o.id)?.aliases;
          return added ? { ...o, aliases: [...(o.aliases ?? []), ...added] } : o;
        });
      }
      return copy;
    });
    expect(AttributesSchema.parse(merged)).toEqual(
      applyMapping(attributes, mapping).map((a) => AttributesSchema.element.parse(a)),
    );
  });

  it('writes a scaled column as a { column, scale } alias, read with the scale', () => {
    const scaled = {
      columns: { 'Annual Revenue': 'revenue', Region2: 'region' },
      values: {},
      scales: { 'Annual Revenue': 0.000001, Region2: 0.001 },
    };
    expect(cleanMapping(scaled, attributes).scales).toEqual({ 'Annual Revenue': 0.000001 });
    const yaml = mappingToYaml(attributes, scaled, 'x');
    expect(yaml).toContain('- id: revenue\n  aliases:\n    - { column: Annual Revenue, scale: 0.000001 }\n');
    expect((parse(yaml) as unknown[])[0]).toEqual({
      id: 'revenue',
      aliases: [{ column: 'Annual Revenue', scale: 0.000001 }],
    });
    const reader = new AccountReader(['Annual Revenue'], applyMapping(attributes, scaled), 'en');
    expect(reader.read(['42000000'], 2, [])).toEqual({ revenue: 42 });
  });

  it('is empty for an empty mapping', () => {
    expect(mappingToYaml(attributes, emptyMapping(), 'x')).toBe('');
  });

  it('quotes what YAML would read as something else than the text', () => {
    for (const text of [
      'yes',
      'No',
      '10001+',
      '51-200',
      'a: b',
      '#1',
      '- x',
      ' padded',
      '"q"',
      'Null',
      '@home',
      'Computer Software',
      "Chiffre d'affaires",
    ]) {
      expect(parse(`- ${yamlString(text)}`)).toEqual([text]);
    }
    expect(yamlString('Computer Software')).toBe('Computer Software');
    expect(yamlString('yes')).toBe('"yes"');
  });
});
