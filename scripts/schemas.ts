// `npm run schemas`: writes the JSON Schemas of schemas/ (editor completion, hover docs and
// inline errors for playbook.yaml, attributes.yaml and frontmatter) from the zod schemas.
// A test fails when the committed files differ from what this writes: run it after changing src/schemas/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/content-fs.ts';
import { generateJsonSchemas } from './lib/json-schemas.ts';

const dir = join(PROJECT_ROOT, 'schemas');
mkdirSync(dir, { recursive: true });
for (const { file, text } of generateJsonSchemas(PROJECT_ROOT)) {
  writeFileSync(join(dir, file), text);
  console.log(`Wrote schemas/${file}`);
}
