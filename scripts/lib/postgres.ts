// A private PostgreSQL cluster for the SQL tests and the benchmark: initdb in a temporary
// folder, a server on a unix socket in that folder only (no TCP port), stopped and removed
// after. initdb refuses to run as root: as root (CI), the cluster runs as the `postgres`
// system user, which Debian's postgresql package creates.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian installs PostgreSQL 15's server binaries (`ICP_PG_BIN` overrides). */
export const PG_BIN = process.env['ICP_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

const isRoot = process.getuid?.() === 0;

/** Why a private cluster cannot start here, or undefined if it can. */
export function postgresMissing(): string | undefined {
  if (!existsSync(join(PG_BIN, 'initdb')) || !existsSync(join(PG_BIN, 'pg_ctl')))
    return `no PostgreSQL server binaries in ${PG_BIN}`;
  if (!existsSync(join(PG_BIN, 'psql')) && !existsSync('/usr/bin/psql')) return 'no psql client';
  if (isRoot && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'running as root and there is no postgres system user to run the cluster';
  return undefined;
}

function run(
  command: string,
  args: string[],
  options: { input?: string; asServer?: boolean } = {},
): SpawnSyncReturns<string> {
  const [cmd, argv] =
    options.asServer && isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return spawnSync(cmd, argv, { input: options.input, encoding: 'utf8', maxBuffer: 1 << 30 });
}

function check(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0)
    throw new Error(`${what} failed (${result.status}): ${result.stderr || result.error?.message}`);
  return result.stdout;
}

export interface PrivatePostgres {
  /** Runs SQL through psql; returns its unaligned output (one line per row, no header). */
  query(sql: string, input?: string): string;
  stop(): void;
}

/** Starts a private cluster (UTF-8, trust auth on its own socket only). Call `stop()` after. */
export function startPostgres(): PrivatePostgres {
  const dir = mkdtempSync(join(tmpdir(), 'icp-pg-'));
  // The postgres user must write here; the socket lives here too, reachable only through this folder.
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  check(
    run(
      join(PG_BIN, 'initdb'),
      ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
      { asServer: true },
    ),
    'initdb',
  );
  const options = `-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_parallel_workers_per_gather=2 -c work_mem=256MB`;
  check(
    run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start'], { asServer: true }),
    'pg_ctl start',
  );
  const psql = existsSync(join(PG_BIN, 'psql')) ? join(PG_BIN, 'psql') : '/usr/bin/psql';
  let stopped = false;
  return {
    query(sql, input) {
      const args = ['-h', dir, '-U', 'postgres', '-d', 'postgres', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1'];
      // Without data to COPY, the SQL goes on standard input: a long query exceeds the limit of one argument.
      if (input === undefined) return check(run(psql, args, { input: sql }), 'psql');
      return check(run(psql, [...args, '-c', sql], { input }), 'psql');
    },
    stop() {
      if (stopped) return;
      stopped = true;
      run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], { asServer: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
