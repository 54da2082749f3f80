// Node-only: writes `_headers` (Netlify, Cloudflare Pages) into the built site, with the
// Content-Security-Policy, Referrer-Policy and X-Content-Type-Options of src/lib/security/csp.ts,
// so the headers always match the policy the pages carry in their <meta> tag.
import type { AstroIntegration } from 'astro';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/security/csp.ts';

export default function securityHeaders({ mediaHosts }: { mediaHosts: readonly string[] }): AstroIntegration {
  return {
    name: 'icp-playbook:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const file = join(fileURLToPath(dir), '_headers');
        // A _headers file in public/ is the team's own: theirs wins, and they are told.
        if (existsSync(file)) {
          logger.warn(
            'public/_headers exists, so the build did not write its own: check it carries the headers of docs/security.md.',
          );
          return;
        }
        writeFileSync(file, headersFile(mediaHosts));
      },
    },
  };
}
