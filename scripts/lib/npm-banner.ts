// `npm run score -- in.csv > out.csv` would start the CSV with npm's banner
// ("\n> icp-playbook@0.1.0 score\n> node scripts/score.ts in.csv\n\n"), which npm writes to the
// file before the script starts. When standard output is a regular file holding exactly that
// banner, the script empties it and writes its CSV from the start. Pipes cannot be rewound:
// there, `npm run --silent score` (documented) or `node scripts/score.ts` is the way.
import { createWriteStream, fstatSync, ftruncateSync, readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';

/** npm's run-script banner, and nothing else. */
const NPM_BANNER = /^\n> [^\n]*\n> [^\n]*\n\n$/;

/** npm wrote its banner into standard output and it cannot be taken back (a pipe, an appended file). */
export class NpmBannerError extends Error {}

/**
 * A stream writing standard output from its first byte, after removing npm's banner from it;
 * undefined when there is no banner to remove (a terminal, `npm run --silent`,
 * `node scripts/score.ts`): then write to process.stdout as usual. Throws
 * {@link NpmBannerError} with `message` (given npm's package name, in the playbook's language)
 * when npm's banner is already in a pipe or a file it cannot be removed from.
 */
export function stdoutWithoutNpmBanner(script: string, message: (packageName: string) => string): Writable | undefined {
  // Only when npm runs this very script and prints its banner (not --silent).
  if (process.env['npm_lifecycle_event'] !== script || process.env['npm_config_loglevel'] === 'silent')
    return undefined;
  if (process.stdout.isTTY) return undefined;
  let removed = false;
  try {
    const stat = fstatSync(1);
    if (stat.isFile() && stat.size > 0 && stat.size <= 4096) {
      // Standard output is open for writing only: read the file through a new descriptor (Linux).
      const text = readFileSync('/proc/self/fd/1', 'utf8');
      if (NPM_BANNER.test(text)) {
        ftruncateSync(1, 0);
        removed = true;
      }
    }
  } catch {
    removed = false;
  }
  if (!removed) {
    throw new NpmBannerError(message(process.env['npm_package_name'] ?? 'package'));
  }
  // `start: 0` writes at explicit positions, from the beginning of the now empty file.
  return createWriteStream('/dev/stdout', { fd: 1, start: 0, autoClose: false, highWaterMark: 1 << 20 });
}
