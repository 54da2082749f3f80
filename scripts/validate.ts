// `npm run validate`: checks every file in content/ and prints one line per problem, with its
// summary in the playbook's language.
import { loadPlaybookFromDisk, contentDir, PROJECT_ROOT } from '../src/content-fs.ts';
import { formatGithubAnnotation, formatProblem } from '../src/lib/content/problem.ts';
import { getContentMessages } from '../src/lib/i18n/content.ts';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';

const dir = contentDir();
if (!existsSync(dir)) {
  console.error(getContentMessages('en').validate.noContentFolder(relative(PROJECT_ROOT, dir) || dir));
  process.exit(1);
}
const started = performance.now();
let result: ReturnType<typeof loadPlaybookFromDisk>;
try {
  result = loadPlaybookFromDisk(dir);
} catch (error) {
  // A crash here is a bug in the validator, not in the content: say so in one line.
  console.error(getContentMessages('en').validate.crashed((error as Error).message));
  process.exit(2);
}
const { model, problems, locale, notices } = result;
const t = getContentMessages(locale).validate;
for (const notice of notices) console.error(formatProblem(notice));
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  if (process.env['GITHUB_ACTIONS'] === 'true') for (const problem of problems) console.log(formatGithubAnnotation(problem));
  console.error(`\n${t.problems(problems.length)}`);
  process.exit(1);
}
const ms = Math.round(performance.now() - started);
console.log(t.valid(model!.icps.length, model!.personas.length, model!.pages.length, model!.attributes.length, ms));
