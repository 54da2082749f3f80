// `npm run validate`: checks every file in content/ and prints one line per problem, with its
// summary in the playbook's language.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { contentDir, loadPlaybookFromDisk, PROJECT_ROOT } from '../src/content-fs.ts';
import { formatGithubAnnotation, formatProblem } from '../src/lib/content/problem.ts';
import { getContentMessages } from '../src/lib/i18n/content.ts';
import { lineWriter, runAsProcess, type CliIo } from './lib/cli-io.ts';

/** Runs `npm run validate`; returns the exit code (1: problems in the content, 2: a bug in the validator). */
export function main(_argv: readonly string[], io: CliIo): Promise<number> {
  const say = lineWriter(io.stderr);
  const print = lineWriter(io.stdout);
  const dir = contentDir(io.env);
  if (!existsSync(dir)) {
    say(getContentMessages('en').validate.noContentFolder(relative(PROJECT_ROOT, dir) || dir));
    return Promise.resolve(1);
  }
  const started = performance.now();
  let result: ReturnType<typeof loadPlaybookFromDisk>;
  try {
    result = loadPlaybookFromDisk(dir, PROJECT_ROOT, io.env);
  } catch (error) {
    // A crash here is a bug in the validator, not in the content: say so in one line.
    say(getContentMessages('en').validate.crashed((error as Error).message));
    return Promise.resolve(2);
  }
  const { model, problems, locale, notices } = result;
  const t = getContentMessages(locale).validate;
  for (const notice of notices) say(formatProblem(notice));
  if (problems.length > 0 || !model) {
    for (const problem of problems) say(formatProblem(problem));
    if (io.env['GITHUB_ACTIONS'] === 'true') for (const problem of problems) print(formatGithubAnnotation(problem));
    say(`\n${t.problems(problems.length)}`);
    return Promise.resolve(1);
  }
  const ms = Math.round(performance.now() - started);
  print(t.valid(model.icps.length, model.personas.length, model.pages.length, model.attributes.length, ms));
  return Promise.resolve(0);
}

if (import.meta.main) await runAsProcess(main);
