// `npm run sql -- --dialect duckdb|postgres|snowflake|bigquery [...]`: prints the playbook's
// ICPs as one SQL query (see docs/sql.md). The query is written by src/lib/sql/; this file only
// reads the playbook and prints. Errors are one line on stderr, exit code 1.
import { contentDir, loadPlaybookFromDisk, PROJECT_ROOT } from '../src/content-fs.ts';
import { sqlMessages } from '../src/lib/i18n/sql.ts';
import { SqlPlanError } from '../src/lib/sql/plan.ts';
import { parseSqlArgs, sqlForArgs } from '../src/lib/sql/sql-command.ts';
import { runAsProcess, type CliIo, usageFailure } from './lib/cli-io.ts';

const HELP = `Prints the ICPs of the playbook as one SQL SELECT (a dbt model as is), read from a table with
one column per attribute (see docs/sql.md for the input contract per type and dialect).

  --dialect <name>   duckdb, postgres, snowflake or bigquery (required)
  --icp <id>         score against this ICP only; default: the best fit among the active ICPs
  --table <name>     the accounts table (default accounts; a schema may prefix it)
  --key <col,...>    columns copied to the output to identify each account (default id)
  --staging          print the staging query instead: text columns (as a CSV load gives them)
                     to the typed columns the scoring query reads, with number bands
                     (51-200, 10001+) and unreadable cells in companion columns
  --staged           the table is the staging query's output: read its bands and
                     unreadable cells (reasons then say "value not recognised: X")
  --help             show this help`;

/** Runs `npm run sql` with these arguments; returns the exit code. */
export function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    // In the try: a wrong ICP_TODAY is said in one line too.
    const { model, problems } = loadPlaybookFromDisk(contentDir(io.env), PROJECT_ROOT, io.env);
    const locale = model?.settings.locale ?? 'en';
    const t = sqlMessages[locale];
    if (!model) throw new SqlPlanError(t.invalidContent(problems.length));
    const args = parseSqlArgs(argv, locale);
    if (args === 'help') io.stdout.write(`${t.usage}\n\n${HELP}\n`);
    else io.stdout.write(sqlForArgs(args, { attributes: model.attributes, icps: model.icps, locale }));
    return Promise.resolve(0);
  } catch (error) {
    return Promise.resolve(usageFailure(io, error, [SqlPlanError]));
  }
}

if (import.meta.main) await runAsProcess(main);
