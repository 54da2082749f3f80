// The generated PostgreSQL SQL, executed for real in a private PostgreSQL 15 cluster, agrees
// with the TypeScript engine on every output column of every row. `npm test` says plainly when
// PostgreSQL is missing and these tests did not run (and fails under CI=true).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { dialects } from '../../src/lib/sql/dialects.ts';
import { buildPlan } from '../../src/lib/sql/plan.ts';
import { compileScoreQuery } from '../../src/lib/sql/score-query.ts';
import { compileStagingQuery } from '../../src/lib/sql/staging-query.ts';
import { postgresMissing, startPostgres, type PrivatePostgres } from '../../scripts/lib/postgres.ts';
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
const postgres = dialects.postgres;
const missing = postgresMissing();
let pg: PrivatePostgres;

const TYPES = { number: 'double precision', choice: 'text', choices: 'text[]', boolean: 'boolean' } as const;

/** Loads accounts through NDJSON lines read raw (no COPY escapes), typed or as text columns. */
function load(table: string, accounts: RawAccount[], typed: boolean): void {
  const columns = model.attributes.map((a) => {
    const field = `j->'${a.id}'`;
    if (!typed) return `j->>'${a.id}' AS ${a.id}`;
    if (a.type === 'choices')
      return `CASE WHEN jsonb_typeof(${field}) = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(${field})) END AS ${a.id}`;
    return `CAST(j->>'${a.id}' AS ${TYPES[a.type]}) AS ${a.id}`;
  });
  pg.query(
    `DROP TABLE IF EXISTS lines; CREATE TABLE lines (j jsonb); COPY lines FROM STDIN WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02');
     DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} AS SELECT CAST(j->>'id' AS integer) AS id, ${columns.join(', ')} FROM lines;`,
    accounts.map((a) => JSON.stringify(a)).join('\n'),
  );
}

function rows(sql: string): Record<string, unknown>[] {
  const out = pg.query(`SELECT row_to_json(r) FROM (${sql}) AS r ORDER BY id`);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.skipIf(missing !== undefined)('the PostgreSQL SQL', () => {
  beforeAll(() => {
    pg = startPostgres();
  });
  afterAll(() => pg?.stop());

  it('agrees with the engine on every column for 20,000 typed accounts (best fit of the active ICPs)', () => {
    const accounts = generateAccounts(model, Number(process.env.ICP_SQL_ROWS ?? 20_000), 21);
    load('accounts', accounts, true);
    const plan = buildPlan({ attributes: model.attributes, icps: model.icps, locale: 'en' });
    expectSameRows(
      rows(compileScoreQuery(plan, postgres)),
      expectedRows(model, plan, 'en', typedToValues(model, accounts)),
      (id) => accounts[id - 1],
    );
  });

  it('stages text columns by the rules of the CSV reader (bands as intervals, unreadable cells named), then scores them as the engine does', () => {
    const accounts = generateTextAccounts(model, 5_000, 22);
    load('raw_accounts', accounts, false);
    const plan = buildPlan({
      attributes: model.attributes,
      icps: model.icps,
      locale: 'fr',
      table: 'raw_accounts',
      staged: true,
    });
    const sql = compileScoreQuery(plan, postgres, { from: `(${compileStagingQuery(plan, postgres)}) AS staged` });
    expectSameRows(
      rows(sql),
      expectedRows(model, plan, 'fr', textToValues(model, accounts, 'fr')),
      (id) => accounts[id - 1],
    );
  });

  it('reads a band as parseNumberRange does, and a number as parseNumberCell does', async () => {
    await expectSameParsing(postgres, (sql) => Promise.resolve(rows(sql)));
  });
});
