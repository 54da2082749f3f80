// `npm run validate`: checks every file in content/ and prints one line per problem.
import { loadPlaybookFromDisk, contentDir, PROJECT_ROOT } from '../src/content-fs.ts';
import { formatGithubAnnotation, formatProblem } from '../src/lib/content/problem.ts';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';

const dir = contentDir();
if (!existsSync(dir)) {
  console.error(`No content folder at ${relative(PROJECT_ROOT, dir) || dir}: create it (see README, "Content contract").`);
  process.exit(1);
}
const started = performance.now();
let result: ReturnType<typeof loadPlaybookFromDisk>;
try {
  result = loadPlaybookFromDisk(dir);
} catch (error) {
  // A crash here is a bug in the validator, not in the content: say so in one line.
  console.error(`The validator stopped on an unexpected error (${(error as Error).message}). Please report it with the file you changed.`);
  process.exit(2);
}
const { model, problems } = result;
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  if (process.env['GITHUB_ACTIONS'] === 'true') for (const problem of problems) console.log(formatGithubAnnotation(problem));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in content: fix ${problems.length === 1 ? 'it' : 'them'} and run npm run validate again.`);
  process.exit(1);
}
const ms = Math.round(performance.now() - started);
console.log(
  `Content is valid: ${model!.icps.length} ICPs, ${model!.personas.length} personas, ${model!.pages.length} pages, ${model!.attributes.length} attributes (${ms} ms).`,
);
