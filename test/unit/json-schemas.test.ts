// The JSON Schemas in schemas/ that editors use: equal to what `npm run schemas` generates from
// the zod schemas, accepting a valid playbook and refusing the mistakes authors make.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas } from '../../scripts/lib/json-schemas.ts';

const root = process.cwd();
const fixture = join(root, 'test/fixtures/valid/content');
const generated = generateJsonSchemas(root);
const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as { default: (ajv: Ajv) => void }).default(ajv);
const validators = Object.fromEntries(
  generated.map(({ file, text }) => [file, ajv.compile(JSON.parse(text) as object)]),
);

function yamlFile(path: string): unknown {
  return parse(readFileSync(join(fixture, path), 'utf8'));
}
function frontmatter(path: string): Record<string, unknown> {
  const text = readFileSync(join(fixture, path), 'utf8');
  return parse(text.split(/^---$/m)[1]!) as Record<string, unknown>;
}
/** The errors of a value, as `path: message`, or [] when it is valid. */
function errors(file: string, value: unknown): string[] {
  const validate = validators[file]!;
  return validate(value)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message}`);
}

describe('schemas/', () => {
  it.each(generated)(
    '$file is the one npm run schemas writes (run it after changing src/schemas/)',
    ({ file, text }) => {
      expect(readFileSync(join(root, 'schemas', file), 'utf8')).toBe(text);
    },
  );

  it('describes each field with the words of its zod schema, and lists allowed values', () => {
    const playbook = JSON.parse(generated.find((g) => g.file === 'playbook.schema.json')!.text) as {
      properties: Record<string, { description?: string; enum?: string[] }>;
    };
    expect(playbook.properties['locale']).toMatchObject({
      enum: ['en', 'fr'],
      description: '`en` (default) or `fr`: UI language and number, money and date formatting.',
    });
    const icp = JSON.parse(generated.find((g) => g.file === 'icp.schema.json')!.text) as {
      properties: Record<string, { items?: { properties: Record<string, { description?: string }> } }>;
    };
    expect(icp.properties['filters']!.items!.properties['between']!.description).toBe(
      '`number`: inclusive range `[min, max]`; either bound may be `null` (open). Example: between: [50, 1000]',
    );
  });

  it.each([
    ['playbook.schema.json', () => yamlFile('playbook.yaml')],
    ['attributes.schema.json', () => yamlFile('attributes.yaml')],
    ['icp.schema.json', () => frontmatter('icps/core.md')],
    ['persona.schema.json', () => frontmatter('personas/champion.md')],
    ['page.schema.json', () => frontmatter('pages/guide.md')],
  ])('%s accepts the valid fixture', (file, read) => {
    expect(errors(file, read())).toEqual([]);
  });

  it.each([
    [
      'an unknown key',
      'playbook.schema.json',
      () => ({ ...(yamlFile('playbook.yaml') as object), colour: 'red' }),
      '/: must NOT have additional properties',
    ],
    [
      'a wrong type',
      'playbook.schema.json',
      () => ({ ...(yamlFile('playbook.yaml') as object), reviewEveryDays: 'ninety' }),
      '/reviewEveryDays: must be integer',
    ],
    [
      'a bad enum',
      'playbook.schema.json',
      () => ({ ...(yamlFile('playbook.yaml') as object), locale: 'de' }),
      '/locale: must be equal to one of the allowed values',
    ],
    [
      'a bad ICP status',
      'icp.schema.json',
      () => ({ ...frontmatter('icps/core.md'), status: 'archived' }),
      '/status: must be equal to one of the allowed values',
    ],
    [
      'a misspelt filter key',
      'icp.schema.json',
      () => ({ ...frontmatter('icps/core.md'), filters: [{ label: 'Size', attribute: 'employees', betwen: [1, 2] }] }),
      '/filters/0: must NOT have additional properties',
    ],
    [
      'points as text',
      'icp.schema.json',
      () => ({
        ...frontmatter('icps/core.md'),
        signals: [{ label: 'Hiring', attribute: 'hiring_revops', is: true, points: 'ten' }],
      }),
      '/signals/0/points: must be integer',
    ],
    [
      'a bad buying role',
      'persona.schema.json',
      () => ({ ...frontmatter('personas/champion.md'), buyingRole: 'sponsor' }),
      '/buyingRole: must be equal to one of the allowed values',
    ],
  ])('refuses %s', (_what, file, value, message) => {
    expect(errors(file, value())).toContain(message);
  });

  it('refuses an attribute of an unknown type', () => {
    const attributes = yamlFile('attributes.yaml') as object[];
    const found = errors('attributes.schema.json', [...attributes, { id: 'size', label: 'Size', type: 'text' }]);
    expect(found).toContain('/4/type: must be equal to constant');
    expect(found.every((error) => error.startsWith('/4'))).toBe(true);
  });
});
