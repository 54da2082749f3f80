// `npm run validate`: checks every file in content/ and prints one line per problem, with its
// summary in the playbook's language. `astro build` runs the same check first
// (src/integrations/validate-content.ts).
import { loadPlaybookFromDisk, contentDir, PROJECT_ROOT } from '../src/content-fs.ts';
import { reportContent } from '../src/validate-fs.ts';
import { lineWriter, runAsProcess, type CliIo } from './lib/cli-io.ts';

/** Runs `npm run validate`; returns the exit code (1: problems in the content, 2: a bug in the validator). */
export function main(_argv: readonly string[], io: CliIo): Promise<number> {
  const load = () => loadPlaybookFromDisk(contentDir(io.env), PROJECT_ROOT, io.env);
  return Promise.resolve(reportContent(load, { say: lineWriter(io.stderr), print: lineWriter(io.stdout) }, io.env));
}

if (import.meta.main) await runAsProcess(main);
