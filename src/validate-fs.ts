// Node-only: the content check of `npm run validate`, also run by `astro build` before anything
// is built (src/integrations/validate-content.ts): one line per problem, the summary in the
// playbook's language, and an exit code. In the build it reads the playbook once for the check
// and the pages (a separate validate process read every file twice).
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { contentDir, PROJECT_ROOT } from './content-fs.ts';
import { SettingError } from './lib/settings.ts';
import type { LoadResult } from './lib/content/load-playbook.ts';
import { formatGithubAnnotation, formatProblem } from './lib/model/problem.ts';
import { getContentMessages } from './lib/i18n/content.ts';

export interface ReportLines {
  /** Problems and notices (stderr). */
  say: (line: string) => void;
  /** The "content is valid" line and GitHub annotations (stdout). */
  print: (line: string) => void;
}

/**
 * Loads the content with `load` and reports it. Returns the exit code: 0 valid, 1 problems in
 * the content (or no content folder), 2 a bug in the validator (said in one line, no stack).
 */
export function reportContent(
  load: () => LoadResult,
  { say, print }: ReportLines,
  env: Readonly<Record<string, string | undefined>>,
): number {
  const dir = contentDir(env);
  if (!existsSync(dir)) {
    say(getContentMessages('en').validate.noContentFolder(relative(PROJECT_ROOT, dir) || dir));
    return 1;
  }
  const started = performance.now();
  let result: LoadResult;
  try {
    result = load();
  } catch (error) {
    // A wrong setting (ICP_TODAY) is the user's to fix, not a bug: its own line, exit code 1.
    if (error instanceof SettingError) {
      say(error.message);
      return 1;
    }
    // A crash here is a bug in the validator, not in the content: say so in one line.
    say(getContentMessages('en').validate.crashed((error as Error).message));
    return 2;
  }
  const { model, problems, locale, notices } = result;
  const t = getContentMessages(locale).validate;
  for (const notice of notices) say(formatProblem(notice));
  if (problems.length > 0 || !model) {
    for (const problem of problems) say(formatProblem(problem));
    if (env['GITHUB_ACTIONS'] === 'true') for (const problem of problems) print(formatGithubAnnotation(problem));
    say(`\n${t.problems(problems.length)}`);
    return 1;
  }
  const ms = Math.round(performance.now() - started);
  print(t.valid(model.icps.length, model.personas.length, model.pages.length, model.attributes.length, ms));
  return 0;
}
