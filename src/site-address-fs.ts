// Node-only: reads the published address for astro.config.mjs, before any validation runs.
// `SITE_URL` wins over `url:` in playbook.yaml, so one content folder can be built for several
// hosts. A malformed value is left to `npm run validate` (which names the file and line); the
// build then stops there, so nothing is built for a wrong address.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from './content-fs.ts';
import { siteAddress } from './lib/routes.ts';
import { SettingError } from './lib/settings.ts';

/** `{ site, base }` from SITE_URL or playbook.yaml's `url:`, or undefined when neither is set. */
export function publishedAddress(): { site: string; base: string } | undefined {
  const fromEnv = process.env['SITE_URL'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    try {
      return siteAddress(fromEnv);
    } catch {
      throw new SettingError(
        `SITE_URL is "${fromEnv}", which is not a URL: write the full address, e.g. https://acme.github.io/playbook/`,
      );
    }
  }
  const file = join(contentDir(), 'playbook.yaml');
  if (!existsSync(file)) return undefined;
  try {
    const data: unknown = parse(readFileSync(file, 'utf8'));
    const url = data !== null && typeof data === 'object' ? (data as { url?: unknown }).url : undefined;
    return typeof url === 'string' ? siteAddress(url) : undefined;
  } catch {
    return undefined;
  }
}
