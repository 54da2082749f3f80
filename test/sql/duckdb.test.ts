// The generated DuckDB SQL, executed for real in embedded DuckDB, agrees with the TypeScript
// engine on every output column of every row: 100,000 typed accounts, text accounts through
// the staging query, one ICP with --icp, and a French playbook.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../src/lib/sql/dialects.ts';
import { buildPlan } from '../../src/lib/sql/plan.ts';
import { compileScoreQuery } from '../../src/lib/sql/score-query.ts';
import { compileStagingQuery } from '../../src/lib/sql/staging-query.ts';
import { isNumberRange } from '../../src/lib/scoring/types.ts';
import {
  expectedRows,
  expectSameParsing,
  expectSameRows,
  generateAccounts,
  generateTextAccounts,
  loadFixture,
  textToValues,
  typedToValues,
  type RawAccount,
} from './differential.ts';

const model = loadFixture();
const duckdb = dialects.duckdb;
const work = mkdtempSync(join(tmpdir(), 'icp-sql-duckdb-'));
let connection: DuckDBConnection;
let instance: DuckDBInstance;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  connection = await instance.connect();
});
afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
  rmSync(work, { recursive: true, force: true });
});

const TYPES = { number: 'DOUBLE', choice: 'VARCHAR', choices: 'VARCHAR[]', boolean: 'BOOLEAN' } as const;

/** Loads accounts into a table through NDJSON, typed (the input contract) or as text columns. */
async function load(table: string, accounts: RawAccount[], typed: boolean): Promise<void> {
  const file = join(work, `${table}.ndjson`);
  writeFileSync(file, accounts.map((a) => JSON.stringify(a)).join('\n'));
  const columns = [
    `id: 'INTEGER'`,
    ...model.attributes.map((a) => `${a.id}: '${typed ? TYPES[a.type] : 'VARCHAR'}'`),
  ].join(', ');
  await connection.run(
    `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_json('${file}', format = 'newline_delimited', columns = {${columns}})`,
  );
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(`SELECT * FROM (${sql}) ORDER BY id`);
  return reader.getRowObjectsJson();
}

describe('the DuckDB SQL', () => {
  it('agrees with the engine on every column for 100,000 typed accounts (best fit of the active ICPs)', async () => {
    const accounts = generateAccounts(model, Number(process.env.ICP_SQL_ROWS ?? 100_000), 11);
    await load('accounts', accounts, true);
    const plan = buildPlan({ attributes: model.attributes, icps: model.icps, locale: 'en' });
    const expected = expectedRows(model, plan, 'en', typedToValues(model, accounts));
    // The generator reaches every verdict, best-fit ICP and edge this suite is about.
    expect(new Set(expected.map((r) => `${String(r['icp'])}:${String(r['verdict'])}`)).size).toBeGreaterThanOrEqual(7);
    expectSameRows(await rows(compileScoreQuery(plan, duckdb)), expected, (id) => accounts[id - 1]);
  });

  it('agrees with the engine for one ICP chosen with --icp, whatever its status', async () => {
    const accounts = generateAccounts(model, 5_000, 12);
    await load('accounts', accounts, true);
    const plan = buildPlan({ attributes: model.attributes, icps: model.icps, locale: 'en', icpId: 'retired' });
    expectSameRows(
      await rows(compileScoreQuery(plan, duckdb)),
      expectedRows(model, plan, 'en', typedToValues(model, accounts), 'retired'),
      (id) => accounts[id - 1],
    );
  });

  it('stages text columns by the rules of the CSV reader (bands as intervals, unreadable cells named), then scores them as the engine does', async () => {
    const accounts = generateTextAccounts(model, Number(process.env.ICP_SQL_ROWS ?? 30_000), 13);
    await load('raw_accounts', accounts, false);
    const plan = buildPlan({
      attributes: model.attributes,
      icps: model.icps,
      locale: 'en',
      table: 'raw_accounts',
      staged: true,
    });
    const staged = compileStagingQuery(plan, duckdb);
    const sql = compileScoreQuery(plan, duckdb, { from: `(${staged}) AS staged` });
    const values = textToValues(model, accounts, 'en');
    // The generator reaches bands wholly inside, wholly outside and across rule bounds and levels.
    const uncertain = expectedRows(model, plan, 'en', values).filter(
      (r, i) => isNumberRange(values[i]!.values[0]) && r['verdict'] === 'unknown' && r['core__filter_1'] === null,
    );
    expect(uncertain.length).toBeGreaterThan(50);
    expectSameRows(await rows(sql), expectedRows(model, plan, 'en', values), (id) => accounts[id - 1]);
  });

  it('reads a band as parseNumberRange does, and a number as parseNumberCell does', async () => {
    await expectSameParsing(duckdb, rows);
  });

  it('writes reasons and numbers in French for a French playbook', async () => {
    const accounts = generateAccounts(model, 10_000, 14);
    await load('accounts', accounts, true);
    const plan = buildPlan({ attributes: model.attributes, icps: model.icps, locale: 'fr' });
    const actual = await rows(compileScoreQuery(plan, duckdb));
    expectSameRows(actual, expectedRows(model, plan, 'fr', typedToValues(model, accounts)), (id) => accounts[id - 1]);
    expect(actual.some((r) => String(r['reasons']).startsWith('Échoue'))).toBe(true);
  });

  it('writes the explanation as JSON whatever the labels and tier names hold', async () => {
    const accounts = generateAccounts(model, 2_000, 15);
    await load('accounts', accounts, true);
    // Quotes, a backslash, a tab, a line break (escaped by JSON), a no-break space and a combining
    // accent (kept raw by JSON, written as chr(n) in the SQL text): each must reach the key intact.
    const odd = 'Says "no" \\ to\ttabs\nand\u00a0e\u0301 é';
    const icps = structuredClone(model.icps).map((icp) => ({
      ...icp,
      data: {
        ...icp.data,
        filters: icp.data.filters.map((f, i) => (i === 0 ? { ...f, label: `${odd} (filter)` } : f)),
        signals: icp.data.signals.map((s, i) => (i === 0 ? { ...s, label: `${odd} (signal)` } : s)),
        tiers: icp.data.tiers.map((t, i) => (i === 0 ? { ...t, label: `Tier "${odd}"` } : t)),
      },
    }));
    const oddModel = { ...model, icps };
    const plan = buildPlan({ attributes: model.attributes, icps, locale: 'en' });
    const actual = await rows(compileScoreQuery(plan, duckdb));
    expectSameRows(
      actual,
      expectedRows(oddModel, plan, 'en', typedToValues(oddModel, accounts)),
      (id) => accounts[id - 1],
    );
    const explained = JSON.parse(String(actual[0]!['explanation'])) as Record<string, { filters: object }>;
    expect(Object.keys(explained['core']!.filters)).toContain(`${odd} (filter)`);
  });
});
