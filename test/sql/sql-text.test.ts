// The SQL text per dialect, locked by snapshots: Snowflake and BigQuery are not executed here
// (no such warehouse on this machine), so their dialect-specific pieces are reviewed as text.
// The command line's errors are one line, in the playbook's language.
import { describe, expect, it } from 'vitest';
import { DIALECTS, dialects } from '../../src/lib/sql/dialects.ts';
import { buildPlan, SqlPlanError } from '../../src/lib/sql/plan.ts';
import { parseSqlArgs, sqlForArgs } from '../../src/lib/sql/sql-command.ts';
import { loadFixture } from './differential.ts';

const model = loadFixture();
const playbook = { attributes: model.attributes, icps: model.icps, locale: 'en' as const };

describe.each(DIALECTS)('the %s SQL', (dialect) => {
  it('matches its snapshot (scoring and staging)', async () => {
    const args = { dialect, table: 'analytics.accounts', keys: ['id', 'crm_id'], staging: false };
    await expect(sqlForArgs(args, playbook)).toMatchFileSnapshot(`__snapshots__/score.${dialect}.sql`);
    await expect(sqlForArgs({ ...args, staging: true }, playbook)).toMatchFileSnapshot(
      `__snapshots__/staging.${dialect}.sql`,
    );
  });
});

describe('dialect differences', () => {
  it('keep NULLs in the explanation on Snowflake (OBJECT_CONSTRUCT drops them)', () => {
    const sql = sqlForArgs({ dialect: 'snowflake', table: 'accounts', keys: ['id'], staging: false }, playbook);
    expect(sql).toContain('OBJECT_CONSTRUCT_KEEP_NULL(');
    expect(sql).not.toMatch(/OBJECT_CONSTRUCT\(/);
  });

  it('read BigQuery choices through the <attr>_known companion column', () => {
    const sql = sqlForArgs({ dialect: 'bigquery', table: 'accounts', keys: ['id'], staging: false }, playbook);
    expect(sql).toContain('COALESCE(`stack_known`, FALSE)');
    const staging = sqlForArgs({ dialect: 'bigquery', table: 'accounts', keys: ['id'], staging: true }, playbook);
    expect(staging).toContain('AS `stack_known`');
  });

  it("read bands and unreadable cells from the staging query's companion columns with --staged, and only then", () => {
    const staged = sqlForArgs(
      { dialect: 'duckdb', table: 'stg', keys: ['id'], staging: false, staged: true },
      playbook,
    );
    for (const column of ['"employees_lo"', '"employees_hi"', '"employees_unreadable"', '"hiring_revops_unreadable"'])
      expect(staged).toContain(column);
    const plain = sqlForArgs({ dialect: 'duckdb', table: 'accounts', keys: ['id'], staging: false }, playbook);
    expect(plain).not.toMatch(/_lo"|_hi"|_unreadable"/);
    const staging = sqlForArgs({ dialect: 'postgres', table: 'raw', keys: ['id'], staging: true }, playbook);
    for (const column of ['"employees_lo"', '"employees_hi"', '"employees_unreadable"', '"funded_unreadable"'])
      expect(staging).toContain(`AS ${column}`);
  });

  it('refuse an attribute whose id is a staged column of another (employees_lo beside employees)', () => {
    const attributes = [...model.attributes, { id: 'employees_lo', label: 'Low', type: 'boolean' as const }];
    expect(() => buildPlan({ ...playbook, attributes, staged: true })).toThrowErrorMatchingInlineSnapshot(
      `[SqlPlanError: the staged column "employees_lo" would be written for both attributes employees and employees_lo: rename one of them in attributes.yaml]`,
    );
    expect(() => buildPlan({ ...playbook, attributes })).not.toThrow();
  });

  it('write one pass over the table: the table is read once, no CTE is joined back', () => {
    for (const name of DIALECTS) {
      const sql = sqlForArgs({ dialect: name, table: 'accounts', keys: ['id'], staging: false }, playbook);
      expect(sql.match(/\bFROM "?`?accounts/g), name).toHaveLength(1);
      expect(sql, name).not.toMatch(/\bJOIN\b/i);
    }
  });

  it('stamp icp_version, a content hash that changes with the playbook', () => {
    const plan = buildPlan(playbook);
    const other = buildPlan({
      ...playbook,
      icps: model.icps.map((icp, i) =>
        i === 0 ? { ...icp, data: { ...icp.data, tiers: [...icp.data.tiers].reverse() } } : icp,
      ),
    });
    expect(plan.version).toMatch(/^[0-9a-f]{16}$/);
    expect(other.version).not.toBe(plan.version);
    expect(buildPlan(playbook).version).toBe(plan.version);
  });
});

describe('npm run sql arguments', () => {
  const error = (argv: string[], locale: 'en' | 'fr' = 'en') => {
    try {
      parseSqlArgs(argv, locale);
    } catch (e) {
      if (e instanceof SqlPlanError) return e.message;
      throw e;
    }
    return 'no error';
  };

  it('refuse bad flags with one line that says what to do, in English and French', () => {
    expect(error([])).toMatchInlineSnapshot(`"--dialect is required: one of duckdb, postgres, snowflake, bigquery"`);
    expect(error(['--dialect', 'oracle'])).toMatchInlineSnapshot(
      `"unknown dialect "oracle": use one of duckdb, postgres, snowflake, bigquery"`,
    );
    expect(error(['--dialect', 'duckdb', '--table', 'x;drop'])).toMatchInlineSnapshot(
      `"the table "x;drop" is not a plain SQL name: use letters, digits and underscores (a schema may come first: analytics.accounts)"`,
    );
    expect(error(['--dialect', 'duckdb', '--key'])).toMatchInlineSnapshot(
      `"--key needs a value. Usage: npm run sql -- --dialect duckdb|postgres|snowflake|bigquery [--icp <id>] [--table <name>] [--key <col,...>] [--staging | --staged]"`,
    );
    expect(error(['--dialekt', 'duckdb'], 'fr')).toMatchInlineSnapshot(
      `"option « --dialekt » inconnue : utilisez --dialect, --icp, --table, --key, --staging, --staged ou --help"`,
    );
    expect(error(['--dialect', 'duckdb', '--icp', 'core'])).toBe('no error');
  });

  it('refuse an unknown ICP and a key that clashes with a result column', () => {
    expect(() => buildPlan({ ...playbook, icpId: 'nope' })).toThrowErrorMatchingInlineSnapshot(
      `[SqlPlanError: unknown ICP "nope": the ICPs are core, fintech, retired, tied]`,
    );
    expect(() => buildPlan({ ...playbook, keys: ['id', 'Score'] })).toThrowErrorMatchingInlineSnapshot(
      `[SqlPlanError: the column "Score" would be written twice (a result column and a key column (--key)): rename the key with --key, or the ICP file]`,
    );
    expect(() => buildPlan({ ...playbook, locale: 'fr', icpId: 'nope' })).toThrowErrorMatchingInlineSnapshot(
      `[SqlPlanError: ICP « nope » inconnu : les ICP sont core, fintech, retired, tied]`,
    );
  });

  it('scores against every active ICP by default, one ICP of any status with --icp', () => {
    expect(buildPlan(playbook).icps.map((i) => i.id)).toEqual(['core', 'fintech', 'tied']);
    expect(buildPlan({ ...playbook, icpId: 'retired' }).icps.map((i) => i.id)).toEqual(['retired']);
    expect(dialects.duckdb.text("l'été")).toBe("'l''été'");
  });
});
