// The one way a column name or a cell value is matched to an attribute or an option: by id,
// label or alias, trimmed, ignoring case, accents and repeated spaces. Every reader of
// accounts (CSV scoring in the CLI and the browser, known accounts, SQL, impact) goes
// through these indexes, so a name means the same thing everywhere.
import type { Attribute } from '../schemas/attribute.ts';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

/**
 * A name as it is matched: trimmed, lowercase, without accents, inner whitespace collapsed to
 * one space. `ﬁ`-style compatibility characters are unfolded too (NFKD).
 * @example normaliseName('  Secteur  d’Activité ') // "secteur d’activite"
 */
export function normaliseName(name: string): string {
  let s = name.trim().toLowerCase();
  // Plain ASCII without double spaces (most CRM names and values) needs nothing more.
  if (!/[^\x20-\x7e]| {2}/.test(s)) return s;
  s = s.normalize('NFKD').replace(COMBINING_MARKS, '').replace(SPACES, ' ');
  return s;
}

/** Which attribute a column holds, and the factor its cells are multiplied by. */
export interface ColumnMatch {
  attribute: Attribute;
  /** Position of the attribute in the attribute list (the engine's slot). */
  slot: number;
  /** 1 unless the column is a `{ column, scale }` alias. */
  scale: number;
  /** How the name matched: the attribute's id, its label, or one of its aliases. */
  via: 'id' | 'label' | 'alias';
}

/** One name (id, label or alias) with where it is written in `attributes.yaml`. */
export interface NameClaim {
  /** The name as written. */
  name: string;
  /** Path in attributes.yaml, e.g. `[2, 'aliases', 0, 'column']`. */
  path: (string | number)[];
}

/** The names an attribute answers to as a column, with their scale. */
export function columnNames(
  attribute: Attribute,
  index: number,
): (NameClaim & { scale: number; via: ColumnMatch['via'] })[] {
  const names: (NameClaim & { scale: number; via: ColumnMatch['via'] })[] = [
    { name: attribute.id, path: [index, 'id'], scale: 1, via: 'id' },
    { name: attribute.label, path: [index, 'label'], scale: 1, via: 'label' },
  ];
  (attribute.aliases ?? []).forEach((alias, k) => {
    if (typeof alias === 'string') names.push({ name: alias, path: [index, 'aliases', k], scale: 1, via: 'alias' });
    else names.push({ name: alias.column, path: [index, 'aliases', k, 'column'], scale: alias.scale, via: 'alias' });
  });
  return names;
}

/** The values an attribute's options answer to, with the option each belongs to. */
export function optionNames(attribute: Attribute, index: number): (NameClaim & { option: string })[] {
  if (attribute.type !== 'choice' && attribute.type !== 'choices') return [];
  return attribute.options.flatMap((option, j) => [
    { name: option.id, path: [index, 'options', j, 'id'], option: option.id },
    { name: option.label, path: [index, 'options', j, 'label'], option: option.id },
    ...(option.aliases ?? []).map((alias, k) => ({
      name: alias,
      path: [index, 'options', j, 'aliases', k],
      option: option.id,
    })),
  ]);
}

/**
 * Column names → attributes: ids, labels and aliases, normalised. The first attribute to claim
 * a name keeps it (the validator refuses content where two do). A `{ column, scale }` alias wins
 * over its own attribute's label or id when they read the same: HubSpot's `Annual Revenue` (in
 * euros) beside the label `Annual revenue` (in M€) is the column in euros.
 */
export class ColumnIndex {
  private readonly byName = new Map<string, ColumnMatch>();

  constructor(attributes: readonly Attribute[]) {
    for (const scaledFirst of [true, false]) {
      attributes.forEach((attribute, slot) => {
        for (const { name, scale, via } of columnNames(attribute, slot)) {
          if (scaledFirst !== (scale !== 1)) continue;
          const key = normaliseName(name);
          if (!this.byName.has(key)) this.byName.set(key, { attribute, slot, scale, via });
        }
      });
    }
  }

  /** The attribute a column holds, or undefined. */
  match(header: string): ColumnMatch | undefined {
    return this.byName.get(normaliseName(header));
  }
}

/**
 * Cell values → option ids of one attribute: ids, labels and aliases. Exact spellings are
 * looked up first, so the common case costs one map lookup and no normalising.
 */
export class OptionIndex {
  private readonly exact = new Map<string, string>();
  private readonly normalised = new Map<string, string>();

  constructor(attribute: Attribute) {
    for (const { name, option } of optionNames(attribute, 0)) {
      if (!this.exact.has(name)) this.exact.set(name, option);
      const key = normaliseName(name);
      if (!this.normalised.has(key)) this.normalised.set(key, option);
    }
  }

  /** The option id a cell value names, or undefined. */
  match(value: string): string | undefined {
    return this.exact.get(value) ?? this.normalised.get(normaliseName(value));
  }
}

/** A name claimed twice: by two attributes (column names) or by two options of one attribute (values). */
export interface NameConflict {
  /** `column` between attributes, `value` between options of one attribute. */
  kind: 'column' | 'value';
  /** The normalised name both claim. */
  key: string;
  first: NameClaim & { owner: string };
  second: NameClaim & { owner: string };
}

/**
 * Every name claimed twice, for the validator: a column name (id, label or alias) by two
 * attributes, or a value (id, label or alias) by two options of one attribute. Ids and labels
 * are claimed before aliases, so the alias is the one reported. Names repeated within one
 * attribute or one option are harmless and not reported.
 */
export function findNameConflicts(attributes: readonly (Attribute | undefined)[]): NameConflict[] {
  const conflicts: NameConflict[] = [];
  const claim = (
    kind: NameConflict['kind'],
    seen: Map<string, NameClaim & { owner: string }>,
    here: NameClaim & { owner: string },
  ) => {
    const key = normaliseName(here.name);
    const first = seen.get(key);
    if (!first) seen.set(key, here);
    else if (first.owner !== here.owner) conflicts.push({ kind, key, first, second: here });
  };
  const isAlias = (path: readonly (string | number)[]) => path.includes('aliases');
  const columns = new Map<string, NameClaim & { owner: string }>();
  const columnClaims = attributes.flatMap((attribute, i) =>
    attribute ? columnNames(attribute, i).map((c) => ({ name: c.name, path: c.path, owner: attribute.id })) : [],
  );
  for (const alias of [false, true])
    for (const here of columnClaims) if (isAlias(here.path) === alias) claim('column', columns, here);
  attributes.forEach((attribute, i) => {
    if (!attribute) return;
    const values = new Map<string, NameClaim & { owner: string }>();
    const valueClaims = optionNames(attribute, i).map((c) => ({ name: c.name, path: c.path, owner: c.option }));
    for (const alias of [false, true])
      for (const here of valueClaims) if (isAlias(here.path) === alias) claim('value', values, here);
  });
  return conflicts;
}
