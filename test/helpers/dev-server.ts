// `astro dev` on a free port of 127.0.0.1, reading a content folder given by the test.
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from './built-site.ts';

export interface DevServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  close(): Promise<void>;
}

/** The environment without vitest's variables: under them Astro's dev server serves no page. */
function withoutTestRunner(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !/^(VITEST|NODE_ENV$|TEST$)/.test(entry[0]),
    ),
  );
}

/** Starts the dev server on `contentDir` and resolves once it listens. */
export function startDevServer(contentDir: string, env: Record<string, string> = {}): Promise<DevServer> {
  const child = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', '0'],
    {
      cwd: PROJECT_ROOT,
      env: { ...withoutTestRunner(process.env), ...env, ICP_CONTENT_DIR: contentDir, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so close() ends the server and whatever it started.
      detached: true,
    },
  );
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await exited;
    }
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const match = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (match) {
        child.stdout.off('data', onData);
        child.stdout.on('data', (more: Buffer) => (log += more.toString('utf8')));
        resolve({ url: match[1]!, output: () => log, close });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`astro dev exited with code ${code} before listening:\n${log}`)));
  });
}

/**
 * Asks `url` again and again until `accept` is true of the answer, and returns it with how long
 * that took (printed by the tests as a measurement, never asserted). Gives up after `timeoutMs`.
 */
export async function pollPage(
  url: string,
  accept: (page: { status: number; text: string }) => boolean,
  timeoutMs = 30_000,
): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  let last = { status: 0, text: '' };
  while (performance.now() - started < timeoutMs) {
    const response = await fetch(url, { cache: 'no-store' });
    last = { status: response.status, text: await response.text() };
    if (accept(last)) return { ...last, ms: Math.round(performance.now() - started) };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `${url} never gave the expected page in ${timeoutMs} ms; last answer ${last.status}:\n${last.text.slice(0, 2000)}`,
  );
}
