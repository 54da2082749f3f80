import type { Attribute } from '../../schemas/attribute.ts';
import type { PlaybookModel } from '../model/playbook-model.ts';
import { parseCsv } from './parse.ts';
import { formatCsvRow } from './write.ts';

/** Columns of known-accounts files that are answers or deal facts, not account data. */
const ANSWER_COLUMNS = new Set(['outcome', 'expect', 'amount', 'opened', 'closed']);
const SYNTHETIC_SIZES = [250, 40, 1200];

function syntheticCell(attribute: Attribute, row: number): string {
  switch (attribute.type) {
    case 'number':
      return String((attribute.min ?? 0) + SYNTHETIC_SIZES[row % SYNTHETIC_SIZES.length]!);
    case 'choice':
    case 'choices':
      return attribute.options[row % attribute.options.length]!.id;
    case 'boolean':
      return ['yes', 'no', ''][row % 3]!;
  }
}

/**
 * A CSV a rep can try batch scoring with, made from this playbook so its columns always match
 * attributes.yaml: the known accounts of content/accounts/ without their outcome and expected
 * tier, or, when there are none, three made-up accounts.
 */
export function exampleAccountsCsv(model: Pick<PlaybookModel, 'attributes' | 'accounts'>): string {
  return (
    [...(knownRows(model.accounts[0]?.text) ?? syntheticRows(model.attributes))]
      .map((cells) => formatCsvRow(cells, ','))
      .join('\n') + '\n'
  );
}

/** The first known-accounts file without its answer columns, or undefined if it has no row. */
function knownRows(text: string | undefined): string[][] | undefined {
  if (text === undefined) return undefined;
  const [header, ...rows] = parseCsv(text).records.map((record) => record.cells);
  if (!header || rows.length === 0) return undefined;
  const keep = header.flatMap((name, i) => (ANSWER_COLUMNS.has(name.trim().toLowerCase()) ? [] : [i]));
  return [header, ...rows].map((cells) => keep.map((i) => cells[i] ?? ''));
}

function syntheticRows(attributes: readonly Attribute[]): string[][] {
  return [
    ['company', ...attributes.map((a) => a.id)],
    ...[0, 1, 2].map((row) => [`Example account ${row + 1}`, ...attributes.map((a) => syntheticCell(a, row))]),
  ];
}
