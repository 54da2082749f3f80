// What a command-line script talks to. Each script exports `main(argv, io)` and returns its exit
// code: run as a process it gets the process's streams and environment; tests call it in
// process with their own, which is much faster than starting Node for every case.
import type { Readable, Writable } from 'node:stream';
import { SettingError } from '../../src/lib/settings.ts';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
  /** The script is the process itself: it may handle signals and exit on them. */
  ownsProcess: boolean;
}

export const processIo: CliIo = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  ownsProcess: true,
};

/** A mistake in how a command is called or in what it reads: one line on stderr, exit code 1. */
export class UsageError extends Error {}

type ErrorKind = new (...args: never[]) => Error;

/**
 * Whether an error is the user's to fix and said in one line: a {@link UsageError}, a
 * SettingError (a variable of the environment the command cannot use) or one of `kinds`.
 */
export function isUsageError(error: unknown, kinds: readonly ErrorKind[] = []): error is Error {
  return [UsageError, SettingError, ...kinds].some((kind) => error instanceof kind);
}

/**
 * What a script's `main` returns for an error it caught: for a {@link isUsageError} one, its
 * message on one line of stderr and exit code 1; anything else is a bug and is thrown again, for
 * its stack trace.
 */
export function usageFailure(io: CliIo, error: unknown, kinds: readonly ErrorKind[] = []): number {
  if (!isUsageError(error, kinds)) throw error;
  io.stderr.write(`${error.message}\n`);
  return 1;
}

/** Writes one line (as console.log and console.error do) to a stream. */
export function lineWriter(stream: Writable): (line: string) => void {
  return (line) => {
    stream.write(`${line}\n`);
  };
}

/**
 * Runs a script's `main` as the process's entry point. A failure exits at once with its code
 * (standard streams are synchronous on Linux: nothing written is lost); success lets the
 * process end by itself, once its output is flushed.
 */
export async function runAsProcess(main: (argv: readonly string[], io: CliIo) => Promise<number>): Promise<void> {
  const code = await main(process.argv.slice(2), processIo);
  if (code !== 0) process.exit(code);
}
