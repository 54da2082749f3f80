// Generated accounts for the benchmarks (bench:score, bench:impact): deterministic CSVs written
// as a CRM exports them (alias column names and values, headcount bands), read through aliases.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Attribute } from '../../src/schemas/attribute.ts';
import { seededRandom } from './seeded-random.ts';

// Headcount bands as CRMs and LinkedIn export them: read as intervals.
const BANDS = ['1-10', '11-50', '51-200', '201-500', '501-1,000', '1,001-5,000', '10,001+'];

/** An option as a CRM would write it: its first alias when it has one (read through the aliases), else its id. */
function optionCell(option: { id: string; aliases?: readonly string[] | undefined }): string {
  return option.aliases?.[0] ?? option.id;
}

/** A column name as a CRM export would have it: the attribute's first plain alias, else its id. */
function header(attribute: Attribute): string {
  const alias = (attribute.aliases as readonly (string | { column: string })[] | undefined)?.find(
    (a): a is string => typeof a === 'string',
  );
  return alias ?? attribute.id;
}

/** A realistic cell: about 10% of cells empty (unknown), numbers as a rep would type them, 1 in 5 as a band. */
function cell(attribute: Attribute, random: () => number, pick: <T>(list: readonly T[]) => T): string {
  if (random() < 0.1) return '';
  switch (attribute.type) {
    case 'number':
      return random() < 0.2 ? pick(BANDS) : String(Math.floor(random() * random() * 3000));
    case 'choice':
      return optionCell(pick(attribute.options));
    case 'choices': {
      const count = 1 + Math.floor(random() * 3);
      return Array.from({ length: count }, () => optionCell(pick(attribute.options))).join('|');
    }
    case 'boolean':
      return random() < 0.5 ? 'true' : 'false';
  }
}

/** Quotes a cell holding a comma or a quote (bands such as 1,001-5,000, alias names). */
function quote(cell: string): string {
  return /[",]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Writes `rows` random accounts (columns company, domain, then every attribute) to `file`; the same every run. */
export async function generateAccounts(file: string, attributes: readonly Attribute[], rows: number): Promise<void> {
  const { random, pick } = seededRandom(42);
  const out = createWriteStream(file);
  out.write(['company', 'domain', ...attributes.map(header)].map(quote).join(',') + '\n');
  let batch = '';
  for (let i = 1; i <= rows; i++) {
    batch +=
      [`Company ${i}`, `company-${i}.example`, ...attributes.map((a) => cell(a, random, pick))].map(quote).join(',') +
      '\n';
    if (i % 10_000 === 0 || i === rows) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end();
  await once(out, 'finish');
}
