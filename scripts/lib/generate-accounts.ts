// Generated accounts for the benchmarks (bench:score, bench:impact): deterministic CSVs.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Attribute } from '../../src/schemas/attribute.ts';
import { seededRandom } from './seeded-random.ts';

/** A realistic cell: about 10% of cells empty (unknown), numbers as a rep would type them. */
function cell(attribute: Attribute, random: () => number, pick: <T>(list: readonly T[]) => T): string {
  if (random() < 0.1) return '';
  switch (attribute.type) {
    case 'number':
      return String(Math.floor(random() * random() * 3000));
    case 'choice':
      return pick(attribute.options).id;
    case 'choices': {
      const count = 1 + Math.floor(random() * 3);
      return Array.from({ length: count }, () => pick(attribute.options).id).join('|');
    }
    case 'boolean':
      return random() < 0.5 ? 'true' : 'false';
  }
}

/** Writes `rows` random accounts (columns company, domain, then every attribute) to `file`; the same every run. */
export async function generateAccounts(file: string, attributes: readonly Attribute[], rows: number): Promise<void> {
  const { random, pick } = seededRandom(42);
  const out = createWriteStream(file);
  out.write(['company', 'domain', ...attributes.map((a) => a.id)].join(',') + '\n');
  let batch = '';
  for (let i = 1; i <= rows; i++) {
    batch += [`Company ${i}`, `company-${i}.example`, ...attributes.map((a) => cell(a, random, pick))].join(',') + '\n';
    if (i % 10_000 === 0 || i === rows) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end();
  await once(out, 'finish');
}

