// Node-only: `astro build` checks the content first, as `npm run validate` does, and stops with
// the report (one line per problem, exit code 1, no stack trace) before building anything. The
// playbook it loads is the one the pages use (src/content-fs.ts keeps it for the build).
import type { AstroIntegration } from 'astro';

/** Add it first to `integrations` in astro.config.mjs. */
export default function validateContent(): AstroIntegration {
  return {
    name: 'icp-playbook:validate-content',
    hooks: {
      'astro:config:setup': async ({ command }) => {
        if (command !== 'build') return;
        // Loaded here, not at the top: only a build reads the content folder at this point.
        const { loadCurrentPlaybook } = await import('../content-fs.ts');
        const { reportContent } = await import('../validate-fs.ts');
        const code = reportContent(
          loadCurrentPlaybook,
          { say: (line) => console.error(line), print: (line) => console.log(line) },
          process.env,
        );
        // Exiting here, not throwing: Astro would wrap the report in an error with a stack trace.
        if (code !== 0) process.exit(code);
      },
    },
  };
}
