// Runs a script's `main(argv, io)` in this process, as a user would run the script: arguments,
// environment, standard input in; exit code, standard output and error out. Much faster than a
// Node process per case; test/cli/*.spawn.test.ts keep a few real processes as smoke tests.
import { spawnSync } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../../scripts/lib/cli-io.ts';
import { PROJECT_ROOT } from './built-site.ts';

export interface CliResult {
  status: number;
  stdout: string;
  /** Standard output as bytes, for byte-for-byte comparisons. */
  stdoutBytes: Buffer;
  stderr: string;
}

/** A stream that keeps what is written to it. */
function collector(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

export async function runCli(
  main: (argv: readonly string[], io: CliIo) => Promise<number>,
  argv: readonly string[],
  options: { env?: Record<string, string | undefined>; input?: string | Uint8Array } = {},
): Promise<CliResult> {
  const stdout = collector();
  const stderr = collector();
  const input = options.input ?? '';
  const io: CliIo = {
    stdin: Readable.from([Buffer.from(input)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { ...process.env, ...options.env },
    ownsProcess: false,
  };
  const status = await main(argv, io);
  const bytes = stdout.bytes();
  return { status, stdout: bytes.toString('utf8'), stdoutBytes: bytes, stderr: stderr.bytes().toString('utf8') };
}

/** `npm run score` with the playbook `content` as a real process, as a user runs it; stdout is the scored CSV. */
export function scoreWithCli(
  content: string,
  args: readonly string[],
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/score.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ICP_CONTENT_DIR: content },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
