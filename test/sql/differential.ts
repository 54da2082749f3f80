// The differential suite's two halves: accounts generated with fast-check (seeded, biased to
// the edges: every bound ±1, NULLs, empty arrays, blank and unknown values, other cases and
// accents, aliases), and what the TypeScript engine says of each, column by column, in the
// shape the SQL returns. The SQL side runs the generated query in a real database.
import fc from 'fast-check';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadPlaybookFromDisk } from '../../src/content-fs.ts';
import type { PlaybookModel } from '../../src/lib/model/playbook-model.ts';
import { parseNumberCell, parseNumberRange } from '../../src/lib/parse-number.ts';
import { OptionIndex } from '../../src/lib/aliases.ts';
import { AccountReader } from '../../src/lib/csv/accounts.ts';
import { bestEvaluation, ReasonsWriter, selectIcps } from '../../src/lib/csv/score-csv.ts';
import { compileIcp, UNANSWERED, type AccountValues } from '../../src/lib/scoring/compile.ts';
import type { AttributeValue } from '../../src/lib/scoring/types.ts';
import { FOLDED_LETTERS, foldName } from '../../src/lib/sql/fold.ts';
import { RESULT_COLUMNS, type PlanAttribute, type SqlPlan } from '../../src/lib/sql/plan.ts';
import type { Dialect } from '../../src/lib/sql/dialects.ts';
import { stageBand, stageValue } from '../../src/lib/sql/staging-query.ts';
import type { Attribute } from '../../src/schemas/attribute.ts';
import type { Locale } from '../../src/lib/i18n/locales.ts';

export const FIXTURE = join(import.meta.dirname, '../fixtures/sql/content');

/** The fixture playbook, validated by the real loader. */
export function loadFixture(): PlaybookModel {
  const { model, problems } = loadPlaybookFromDisk(FIXTURE);
  if (!model) throw new Error(`the SQL fixture playbook is invalid: ${problems.map((p) => p.message).join('; ')}`);
  return model;
}

/** A generated account as a warehouse holds it: one raw value per attribute (null = NULL). */
export type RawAccount = { id: number } & Record<string, number | string | boolean | (string | null)[] | null>;

/** Every bound used by any rule, each ±1 and ±0.25: where three-valued and inclusive logic break. */
function edges(model: PlaybookModel, attribute: string): number[] {
  const bounds = new Set<number>();
  for (const icp of model.icps) {
    const rules = [
      ...icp.data.filters.filter((f) => f.attribute === attribute).map((f) => f.rule),
      ...icp.data.signals.filter((s) => s.attribute === attribute).flatMap((s) => s.levels.map((l) => l.rule)),
    ];
    for (const rule of rules) {
      const values =
        rule.op === 'between'
          ? [rule.min, rule.max]
          : rule.op === 'atLeast' || rule.op === 'atMost'
            ? [rule.value]
            : [];
      for (const v of values) if (v !== null) for (const d of [-1, -0.25, 0, 0.25, 1]) bounds.add(v + d);
    }
  }
  return [...bounds];
}

/** Other spellings of a name the SQL must read as it: case, accents, surrounding and doubled spaces. */
function spellings(name: string): string[] {
  const accented = [...name]
    .map((c) => FOLDED_LETTERS.find((l) => foldName(l) === c.toLowerCase() && l !== c.toLowerCase()) ?? c)
    .join('');
  return [
    name,
    name,
    name,
    name.toUpperCase(),
    name.toLowerCase(),
    ` ${name}\t`,
    `\u00a0${accented.toUpperCase()} `,
    accented,
    name.replace(' ', '  '),
  ];
}

/** A name of an option in any of its spellings (one flat pick: cheaper than a chained arbitrary). */
function spelledName(attribute: Attribute): fc.Arbitrary<string> {
  return fc.constantFrom(...optionNames(attribute).flatMap(spellings));
}

function optionNames(attribute: Attribute): string[] {
  if (attribute.type !== 'choice' && attribute.type !== 'choices') return [];
  return attribute.options.flatMap((o) => [o.id, o.label, ...(o.aliases ?? [])]);
}

const UNKNOWN_TEXT = ['zz-unknown', 'Fr ance', 'N/A', '-', '?'];

/** A typed raw value for one attribute, biased to the edges. */
function typedValue(model: PlaybookModel, attribute: Attribute): fc.Arbitrary<RawAccount[string]> {
  switch (attribute.type) {
    case 'number':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...edges(model, attribute.id)) },
        { weight: 2, arbitrary: fc.integer({ min: -50, max: 20_000 }) },
        // Quarters are exact in binary: the SQL and the engine see the very same number.
        { weight: 1, arbitrary: fc.integer({ min: -4_000, max: 4_000_000 }).map((n) => n / 4) },
        { weight: 2, arbitrary: fc.constant(null) },
      );
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constant(null));
    case 'choice':
      return fc.oneof(
        { weight: 6, arbitrary: spelledName(attribute) },
        { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_TEXT, '', '  ') },
        { weight: 2, arbitrary: fc.constant(null) },
      );
    case 'choices': {
      const element = fc.oneof(
        { weight: 8, arbitrary: spelledName(attribute) },
        { weight: 1, arbitrary: fc.constantFrom('', ' ', ...UNKNOWN_TEXT) },
        { weight: 1, arbitrary: fc.constant(null) },
      );
      return fc.oneof(
        { weight: 6, arbitrary: fc.array(element, { maxLength: 4 }) },
        { weight: 2, arbitrary: fc.constant([] as (string | null)[]) },
        { weight: 2, arbitrary: fc.constant(null) },
      );
    }
  }
}

/** `count` typed accounts, the same for a given seed. */
export function generateAccounts(model: PlaybookModel, count: number, seed: number): RawAccount[] {
  const record = fc.record(Object.fromEntries(model.attributes.map((a) => [a.id, typedValue(model, a)])));
  return fc.sample(record, { seed, numRuns: count }).map((values, i) => ({ id: i + 1, ...values }));
}

const EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const FR = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const DE = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** The `k`-th way a CSV or CRM writes a number: plain, decimal comma, padded, grouped (en, fr, de), signed. */
function numberText(n: number, k: number): string {
  const plain = String(n);
  const forms = [plain, plain.replace('.', ','), ` ${plain} `, EN.format(n), FR.format(n), DE.format(n), `+${plain}`];
  return forms[k % forms.length]!;
}

/** A band as CRMs write headcounts (`51-200`, `1,001 – 5,000`, `10001+`), its bounds at the rules' edges; some in the wrong order. */
function bandText(model: PlaybookModel, attribute: Attribute): fc.Arbitrary<string> {
  const bound = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...edges(model, attribute.id).filter((n) => n >= 0)) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 20_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 4_000_000 }).map((n) => n / 4) },
  );
  // Forms without a sign: a band's bounds start with a digit.
  const written = (n: number, k: number) => numberText(n, k % 6);
  return fc
    .tuple(bound, bound, fc.nat(60), fc.constantFrom('-', ' - ', '\u2013', ' \u2013 ', '\u2014', '+', ' +'))
    .map(([a, b, k, sep]) => {
      if (sep.endsWith('+')) return `${written(a, k)}${sep}`;
      const [lo, hi] = a <= b || k % 7 === 0 ? [a, b] : [b, a];
      return `${written(lo, k)}${sep}${written(hi, k + 1)}`;
    });
}

/** A text raw value for one attribute (the staging query's input), biased to what CSVs hold. */
function textValue(model: PlaybookModel, attribute: Attribute): fc.Arbitrary<string | null> {
  const blank = fc.constantFrom('', ' ', null);
  switch (attribute.type) {
    case 'number':
      return fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .tuple(typedValue(model, attribute), fc.nat(20))
            .map(([n, k]) => (n === null ? ['', ' ', null][k % 3]! : numberText(n as number, k))),
        },
        { weight: 3, arbitrary: bandText(model, attribute) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '1,200',
            '1.200',
            'abc',
            '12 people',
            '1e3',
            '--5',
            '１２',
            '-5-10',
            '51-',
            '200-51',
            '1,001 - 5,000',
            '10,001+',
            '1 000 - 5 000',
          ),
        },
        { weight: 1, arbitrary: blank },
      );
    case 'boolean':
      return fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constantFrom(
            'true',
            'false',
            'yes',
            'no',
            'oui',
            'non',
            'vrai',
            'faux',
            '1',
            '0',
            ' Yes ',
            'NON',
            'True',
          ),
        },
        { weight: 1, arbitrary: fc.constantFrom('maybe', 'y', '2') },
        { weight: 1, arbitrary: blank },
      );
    case 'choice':
      return typedValue(model, attribute) as fc.Arbitrary<string | null>;
    case 'choices': {
      const part = fc.oneof(
        { weight: 8, arbitrary: spelledName(attribute) },
        { weight: 1, arbitrary: fc.constantFrom('', ' ', ...UNKNOWN_TEXT) },
      );
      return fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .tuple(fc.array(part, { minLength: 1, maxLength: 4 }), fc.constantFrom('|', ';', ' | '))
            .map(([parts, sep]) => parts.join(sep)),
        },
        { weight: 1, arbitrary: fc.constantFrom('|', ';', ' ; ') },
        { weight: 1, arbitrary: blank },
      );
    }
  }
}

/** `count` accounts of text columns (as a CSV load gives them), the same for a given seed. */
export function generateTextAccounts(model: PlaybookModel, count: number, seed: number): RawAccount[] {
  const record = fc.record(Object.fromEntries(model.attributes.map((a) => [a.id, textValue(model, a)])));
  return fc.sample(record, { seed, numRuns: count }).map((values, i) => ({ id: i + 1, ...values }));
}

const optionIndexes = new Map<Attribute, OptionIndex>();

/** The option a name reads as, by the CSV reader's own index (ids, labels, aliases; any case or accent). */
function resolveOption(attribute: Attribute, text: string): string | undefined {
  let index = optionIndexes.get(attribute);
  if (!index) optionIndexes.set(attribute, (index = new OptionIndex(attribute)));
  return index.match(text);
}

/** What the engine reads from a typed raw value, by the input contract of docs/sql.md. */
export function engineValue(attribute: Attribute, raw: RawAccount[string]): AttributeValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  switch (attribute.type) {
    case 'number':
    case 'boolean':
      return raw as number | boolean;
    case 'choice':
      return resolveOption(attribute, raw as string);
    case 'choices': {
      const ids: string[] = [];
      for (const element of raw as (string | null)[]) {
        if (element === null || foldName(element) === '') continue;
        const id = resolveOption(attribute, element);
        if (id === undefined) return undefined;
        if (!ids.includes(id)) ids.push(id);
      }
      return ids;
    }
  }
}

/** One row as the SQL returns it, built from the TypeScript engine's evaluation. */
export type ExpectedRow = Record<string, unknown>;

/** The text of a CSV cell, as a SQL column holds it: without the quotes the writer adds around a quote, tab or line break. */
const unquoted = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell);

/** What the engine says of accounts given as values by slot: every output column of the SQL. */
export function expectedRows(
  model: PlaybookModel,
  plan: SqlPlan,
  locale: Locale,
  accounts: Values[],
  icpId?: string,
): ExpectedRow[] {
  const icps = selectIcps(model.icps, icpId).map((icp) => compileIcp(icp, model.attributes, locale));
  const reasons = new ReasonsWriter('\t');
  return accounts.map(({ id, values, rejected }) => {
    const { icp, evaluation } = bestEvaluation(icps, values);
    const row: ExpectedRow = { id };
    const tier = evaluation.tier >= 0 ? icp.data.tiers[evaluation.tier]!.label : null;
    Object.assign(row, {
      icp: icp.id,
      verdict: evaluation.verdict,
      score: evaluation.score,
      best: evaluation.best,
      tier: evaluation.verdict === 'fit' ? tier : null,
      provisional_tier: evaluation.verdict === 'unknown' ? tier : null,
      reasons: unquoted(reasons.cell(icp, evaluation, values, rejected)) || null,
    });
    const explanation: Record<string, unknown> = {};
    for (const compiled of icps) {
      const e = bestEvaluation([compiled], values).evaluation;
      const planned = plan.icps.find((p) => p.id === compiled.id)!;
      const filters = e.filters.map((o) => (o === 'pass' ? true : o === 'fail' ? false : null));
      // Points earned: a level's, 0 for no match, the fewest surely reached for a band across levels.
      const points = e.levels.map((level, i) => (level === UNANSWERED ? null : e.earned[i]!));
      planned.filters.forEach((f, i) => (row[f.column] = filters[i]));
      planned.signals.forEach((s, i) => (row[s.column] = points[i]));
      explanation[compiled.id] = {
        verdict: e.verdict,
        score: e.score,
        best: e.best,
        tier: e.tier >= 0 ? compiled.data.tiers[e.tier]!.label : null,
        filters: Object.fromEntries(planned.filters.map((f, i) => [f.label, filters[i]])),
        signals: Object.fromEntries(planned.signals.map((s, i) => [s.label, points[i]])),
      };
    }
    row['explanation'] = explanation;
    row['icp_version'] = plan.version;
    return row;
  });
}

/** An account's values by slot, and the text of values that name no option (reasons say "value not recognised"). */
export interface Values {
  id: number;
  values: AccountValues;
  rejected: (string | undefined)[];
}

/** The text of a typed choice(s) value that names no option: trimmed, the first such element of an array. */
function rejectedText(attribute: Attribute, raw: RawAccount[string]): string | undefined {
  if (
    attribute.type === 'choice' &&
    typeof raw === 'string' &&
    raw.trim() !== '' &&
    resolveOption(attribute, raw) === undefined
  )
    return raw.trim();
  if (attribute.type === 'choices' && Array.isArray(raw)) {
    return raw.find((e) => e !== null && foldName(e) !== '' && resolveOption(attribute, e) === undefined)?.trim();
  }
  return undefined;
}

/** Typed raw accounts to the engine's values by slot. */
export function typedToValues(model: PlaybookModel, accounts: RawAccount[]): Values[] {
  return accounts.map((account) => ({
    id: account.id,
    values: model.attributes.map((a) => engineValue(a, account[a.id] ?? null)),
    rejected: model.attributes.map((a) => rejectedText(a, account[a.id] ?? null)),
  }));
}

/**
 * Text raw accounts to the engine's values by slot, through the CSV reader itself: bands are
 * intervals, and the text of every unreadable cell is kept for the reasons.
 */
export function textToValues(model: PlaybookModel, accounts: RawAccount[], locale: Locale): Values[] {
  const reader = new AccountReader(
    model.attributes.map((a) => a.id),
    model.attributes,
    locale,
  );
  return accounts.map((account) => {
    const rejected: (string | undefined)[] = [];
    const values = reader.readValues(
      model.attributes.map((a) => (account[a.id] as string | null) ?? ''),
      2,
      [],
      rejected,
    );
    return { id: account.id, values, rejected };
  });
}

/** Compares SQL rows with the engine's, column by column; the explanation per key, never as text. */
export function expectSameRows(
  actual: Record<string, unknown>[],
  expected: ExpectedRow[],
  context: (id: number) => unknown,
): void {
  expect(actual.length).toBe(expected.length);
  const mismatches: string[] = [];
  const columns = Object.keys(expected[0] ?? {});
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i]!;
    const got = { ...actual[i]! };
    got['explanation'] = typeof got['explanation'] === 'string' ? JSON.parse(got['explanation']) : got['explanation'];
    for (const column of columns) {
      const a = column === 'explanation' ? got[column] : normalise(got[column]);
      if (
        JSON.stringify(a) !== JSON.stringify(want[column]) &&
        !(column === 'explanation' && sameJson(a, want[column]))
      ) {
        if (mismatches.length < 10)
          mismatches.push(
            `id ${String(want['id'])} ${column}: SQL ${JSON.stringify(a)} ≠ engine ${JSON.stringify(want[column])} for ${JSON.stringify(context(want['id'] as number))}`,
          );
        else mismatches.push('');
      }
    }
  }
  expect(mismatches.filter(Boolean), `${mismatches.length} mismatches`).toEqual([]);
}

/** Numbers come back as bigint or numeric text from some drivers. */
function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value === undefined ? null : value;
}

/** JSON objects equal key by key, whatever the order of keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return a === b || (typeof a === 'number' && typeof b === 'number' && a === b);
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return (
    JSON.stringify(ka) === JSON.stringify(kb) &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** The result columns every query writes, for tests that check the shape. */
export const RESULT = RESULT_COLUMNS;
export { parseNumberCell };

/**
 * The staging query's number and band parsing against parseNumberCell and parseNumberRange,
 * on 3,000 texts made of digits, separators, dashes and signs (seeded): `run` executes a query
 * in the database under test and returns its rows ordered by id.
 */
export async function expectSameParsing(
  dialect: Dialect,
  run: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<void> {
  const unit = fc.constantFrom(
    ...'0123456789'.split(''),
    '0',
    '1',
    '5',
    ' ',
    ',',
    '.',
    '-',
    '\u2013',
    '\u2014',
    '+',
    "'",
    '\u202f',
    '\u00a0',
  );
  const texts = fc.sample(
    fc.oneof(
      fc.string({ unit, maxLength: 14 }),
      fc
        .tuple(
          fc.integer({ min: 0, max: 99_999 }),
          fc.integer({ min: 0, max: 99_999 }),
          fc.nat(30),
          fc.constantFrom('-', ' - ', '\u2013', '+', ' +'),
        )
        .map(([a, b, k, sep]) =>
          sep.endsWith('+')
            ? `${numberText(a, k % 6)}${sep}`
            : `${numberText(a, k % 6)}${sep}${numberText(b, (k + 1) % 6)}`,
        ),
    ),
    { seed: 31, numRuns: 3_000 },
  );
  const attribute: PlanAttribute = { id: 'n', label: 'n', type: 'number', options: [] };
  const band = stageBand(dialect, attribute, dialect.ident('text'));
  const values = texts.map((text, i) => `(${i + 1}, ${dialect.text(text)})`).join(', ');
  const actual = await run(
    `SELECT id, text, ${stageValue(dialect, attribute, dialect.ident('text'))} AS n, ${band.lo} AS lo, ${band.hi} AS hi FROM (VALUES ${values}) AS t(id, text)`,
  );
  const mismatches: string[] = [];
  texts.forEach((text, i) => {
    const range = parseNumberRange(text);
    const want = {
      n: parseNumberCell(text) ?? null,
      lo: range?.min ?? null,
      hi: range === undefined || range.max === Infinity ? null : range.max,
    };
    const row = actual[i]!;
    const got = {
      n: row['n'] === null ? null : Number(row['n']),
      lo: row['lo'] === null ? null : Number(row['lo']),
      hi: row['hi'] === null ? null : Number(row['hi']),
    };
    if (JSON.stringify(got) !== JSON.stringify(want))
      mismatches.push(`${JSON.stringify(text)}: SQL ${JSON.stringify(got)} ≠ TypeScript ${JSON.stringify(want)}`);
  });
  expect(mismatches.slice(0, 10), `${mismatches.length} mismatches`).toEqual([]);
}
