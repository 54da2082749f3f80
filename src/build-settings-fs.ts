// Node-only: the settings of the environment, checked by astro.config.mjs before Astro does
// anything: SITE_URL (the published address), ICP_TODAY and ICP_SLIDES_WORKERS. Settings that
// cannot be used stop `astro build` and `astro dev` with one line each and exit code 1, all at
// once: Astro would print the first thrown error alone, with a stack trace.
import { buildDate } from './content-fs.ts';
import { SettingError } from './lib/settings.ts';
import { publishedAddress } from './site-address-fs.ts';
import { workerCount } from './slides/pool-fs.ts';

/** The published address (see {@link publishedAddress}), once every setting has been checked. */
export function buildSettingsOrExit(): { address: ReturnType<typeof publishedAddress> } {
  const problems: string[] = [];
  const checked = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof SettingError)) throw error;
      problems.push(error.message);
      return undefined;
    }
  };
  const address = checked(publishedAddress);
  checked(() => buildDate());
  checked(() => workerCount());
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  return { address };
}
