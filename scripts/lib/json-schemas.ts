// JSON Schemas for editors, generated from the zod schemas of src/schemas/ (zod 4's
// z.toJSONSchema), with each field's meaning taken from the JSDoc written above it there: the
// schema stays the one reference, and VS Code's YAML extension shows it on hover.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import { AttributesSchema } from '../../src/schemas/attribute.ts';
import { IcpSchema } from '../../src/schemas/icp.ts';
import { PageSchema } from '../../src/schemas/page.ts';
import { PersonaSchema } from '../../src/schemas/persona.ts';
import { PlaybookSchema } from '../../src/schemas/playbook.ts';

/** The files of `schemas/`, what each describes, and the zod schema it comes from. */
export const JSON_SCHEMAS = [
  { file: 'playbook.schema.json', title: 'content/playbook.yaml', schema: PlaybookSchema, source: 'PlaybookSchema' },
  {
    file: 'attributes.schema.json',
    title: 'content/attributes.yaml',
    schema: AttributesSchema,
    source: 'AttributesSchema',
  },
  {
    file: 'icp.schema.json',
    title: 'Frontmatter of content/icps/<id>.md',
    schema: IcpSchema,
    source: 'IcpSchema',
  },
  {
    file: 'persona.schema.json',
    title: 'Frontmatter of content/personas/<id>.md',
    schema: PersonaSchema,
    source: 'PersonaSchema',
  },
  { file: 'page.schema.json', title: 'Frontmatter of content/pages/<id>.md', schema: PageSchema, source: 'PageSchema' },
] as const;

/** A JSDoc comment as plain text: `{@link X}` as X, tags other than @example dropped, `@example` kept as "Example:". */
function docText(node: ts.Node, source: ts.SourceFile): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const jsdoc = ranges
    .map((range) => source.text.slice(range.pos, range.end))
    .filter((text) => text.startsWith('/**'))
    .at(-1);
  if (!jsdoc) return undefined;
  const lines = jsdoc
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''));
  const text = lines
    .join('\n')
    .replace(/\{@link\s+([^}]+)\}/g, '$1')
    .replace(/@example\s*/g, 'Example: ')
    .replace(/[ \t]+\n/g, '\n')
    // One paragraph per line, as editors show hover text; an example on its own line.
    .replace(/([^\n])\n(?!\n|Example: |- )/g, '$1 ')
    .trim();
  return text === '' ? undefined : text;
}

interface ObjectDoc {
  /** Property names with their JSDoc (undefined when none), spreads resolved. */
  properties: Map<string, string | undefined>;
}

/**
 * Every object literal of src/schemas/, by the names of its properties: a zod object's shape is
 * matched to the literal it was written as, spreads (`...common`, `...operatorShape`) included.
 */
function readObjectDocs(dir: string): { objects: ObjectDoc[]; constants: Map<string, string> } {
  const sources = readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort()
    .map((name) => ts.createSourceFile(name, readFileSync(join(dir, name), 'utf8'), ts.ScriptTarget.Latest, true));
  const named = new Map<string, { literal: ts.ObjectLiteralExpression; source: ts.SourceFile }>();
  const constants = new Map<string, string>();
  const literals: { literal: ts.ObjectLiteralExpression; source: ts.SourceFile }[] = [];
  for (const source of sources) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
        // `{ ... } satisfies T` and `{ ... } as const` are the literal too.
        let initializer = node.initializer;
        while (initializer && (ts.isSatisfiesExpression(initializer) || ts.isAsExpression(initializer)))
          initializer = initializer.expression;
        if (initializer && ts.isObjectLiteralExpression(initializer))
          named.set(node.name.text, { literal: initializer, source });
        const statement = node.parent?.parent;
        const doc = statement && ts.isVariableStatement(statement) ? docText(statement, source) : undefined;
        if (doc) constants.set(node.name.text, doc);
      }
      if (ts.isObjectLiteralExpression(node)) literals.push({ literal: node, source });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const resolve = (
    literal: ts.ObjectLiteralExpression,
    source: ts.SourceFile,
    into: Map<string, string | undefined>,
  ): void => {
    for (const property of literal.properties) {
      if (ts.isSpreadAssignment(property) && ts.isIdentifier(property.expression)) {
        const target = named.get(property.expression.text);
        if (target) resolve(target.literal, target.source, into);
      } else if (
        (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) &&
        property.name &&
        (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
      ) {
        into.set(property.name.text, docText(property, source) ?? into.get(property.name.text));
      }
    }
  };
  const objects = literals.map(({ literal, source }) => {
    const properties = new Map<string, string | undefined>();
    resolve(literal, source, properties);
    return { properties };
  });
  return { objects, constants };
}

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; description?: string };

/** Fills `description` of each property from the JSDoc of the object literal with the same property names. */
function describe(node: unknown, objects: readonly ObjectDoc[]): void {
  if (Array.isArray(node)) {
    for (const item of node) describe(item, objects);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as JsonSchema;
  if (schema.properties) {
    const keys = Object.keys(schema.properties).sort().join(',');
    const match = objects.find((object) => [...object.properties.keys()].sort().join(',') === keys);
    for (const [key, property] of Object.entries(schema.properties)) {
      const doc = match?.properties.get(key);
      if (doc && property.description === undefined) schema.properties[key] = { description: doc, ...property };
    }
  }
  for (const value of Object.values(schema)) describe(value, objects);
}

/** Every JSON Schema of `schemas/`, as the text to write (2-space JSON, final newline). */
export function generateJsonSchemas(projectRoot: string): { file: string; text: string }[] {
  const { objects, constants } = readObjectDocs(join(projectRoot, 'src/schemas'));
  return JSON_SCHEMAS.map(({ file, title, schema, source }) => {
    // `input`: what an author writes (before defaults and transforms); refinements such as
    // "exactly one operator" cannot be said in JSON Schema and stay with npm run validate.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-07' }) as JsonSchema;
    describe(json, objects);
    const description = constants.get(source);
    const ordered = { $schema: json['$schema'], title, ...(description ? { description } : {}), ...json };
    return { file, text: `${JSON.stringify(ordered, null, 2)}\n` };
  });
}
