// `npm run new -- icp|persona|page <id>`: writes a valid new file in content/ to start from.
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { contentDir, loadPlaybookFromDisk, PROJECT_ROOT } from '../src/content-fs.ts';
import { invalidId, scaffold, SCAFFOLD_FOLDERS, SCAFFOLD_KINDS, type ScaffoldKind } from '../src/lib/content/scaffold.ts';

const USAGE = 'Usage: npm run new -- icp|persona|page <id>   (id: lowercase letters, digits, hyphens)';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const [kind, id, ...extra] = process.argv.slice(2);
if (!kind || !id || extra.length > 0) fail(USAGE);
if (!(SCAFFOLD_KINDS as readonly string[]).includes(kind)) fail(`Unknown kind "${kind}": use icp, persona or page.\n${USAGE}`);
const idProblem = invalidId(id);
if (idProblem) fail(idProblem);

const dir = contentDir();
const { model, problems } = loadPlaybookFromDisk(dir);
if (!model) fail(`Content has ${problems.length} problem(s): run npm run validate and fix them first.`);

const folder = SCAFFOLD_FOLDERS[kind as ScaffoldKind];
const taken = ['.md', '.mdx'].map((ext) => join(dir, folder, id + ext)).find((file) => existsSync(file));
if (taken) fail(`${relative(PROJECT_ROOT, taken)} already exists: choose another id or edit that file.`);

let owner = 'Your Name';
try {
  owner = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8' }).trim() || owner;
} catch {
  // No git or no user.name: the placeholder owner is fine, the author edits it.
}
const file = join(dir, folder, `${id}.md`);
const text = scaffold(kind as ScaffoldKind, id, {
  today: new Date().toISOString().slice(0, 10),
  owner,
  attributes: model.attributes,
  // Active ICPs first: a new persona most likely belongs to one of them.
  icpIds: [...model.icps].sort((a, b) => Number(b.data.status === 'active') - Number(a.data.status === 'active')).map((icp) => icp.id),
});
writeFileSync(file, text, { flag: 'wx' });
console.log(`Created ${relative(PROJECT_ROOT, file)}: fill it in, then run npm run validate.`);
