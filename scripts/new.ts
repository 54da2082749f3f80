// `npm run new -- icp|persona|page <id>`: writes a new file in content/ to start from, in the
// playbook's language. `npm run new -- playbook [--locale fr]` starts an empty playbook: one file
// of each kind. Their example texts fail validation until they are replaced.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { contentDir, loadPlaybookFromDisk, PROJECT_ROOT } from '../src/content-fs.ts';
import { getContentMessages } from '../src/lib/i18n/content.ts';
import {
  invalidId,
  scaffold,
  scaffoldAccounts,
  scaffoldAttributes,
  scaffoldSettings,
  SCAFFOLD_FOLDERS,
  SCAFFOLD_KINDS,
  type ScaffoldKind,
} from '../src/lib/content/scaffold.ts';
import { AttributeSchema, type Attribute } from '../src/schemas/attribute.ts';
import { parse } from 'yaml';
import { LOCALES, type Locale } from '../src/lib/i18n/locales.ts';
import { lineWriter, runAsProcess, type CliIo, UsageError, usageFailure } from './lib/cli-io.ts';

const show = (path: string) => relative(PROJECT_ROOT, path) || path;

function write(file: string, text: string): void {
  // Missing folders (a new playbook, a first persona) are created, never a crash.
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, { flag: 'wx' });
}

function gitUserName(fallback: string): string {
  try {
    return (
      execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() ||
      fallback
    );
  } catch {
    // No git or no user.name: the placeholder owner is fine, the author edits it.
    return fallback;
  }
}

/** `npm run new -- playbook [--locale fr]`: one file of each kind in an empty content folder. */
function newPlaybook(dir: string, args: readonly string[], today: string): string {
  const localeAt = args.indexOf('--locale');
  const wanted = localeAt === -1 ? 'en' : args[localeAt + 1];
  if (!(LOCALES as readonly (string | undefined)[]).includes(wanted))
    throw new UsageError(getContentMessages('en').new.badLocale(String(wanted), LOCALES.join(', ')));
  const locale = wanted as Locale;
  const t = getContentMessages(locale).new;
  if (existsSync(dir) && readdirSync(dir).some((name) => !name.startsWith('.')))
    throw new UsageError(t.notEmpty(show(dir)));
  const owner = gitUserName(t.owner);
  const attributesText = scaffoldAttributes(locale);
  const attributes: Attribute[] = (parse(attributesText) as unknown[]).map((item) => AttributeSchema.parse(item));
  const icpId = t.exampleIds.icp;
  const files: [string, string][] = [
    ['playbook.yaml', scaffoldSettings(locale)],
    ['attributes.yaml', attributesText],
    [`icps/${icpId}.md`, scaffold('icp', icpId, { today, owner, attributes, icpIds: [], locale })],
    [
      `personas/${t.exampleIds.persona}.md`,
      scaffold('persona', t.exampleIds.persona, { today, owner, attributes, icpIds: [icpId], locale }),
    ],
    [
      `pages/${t.exampleIds.page}.md`,
      scaffold('page', t.exampleIds.page, { today, owner, attributes, icpIds: [icpId], locale }),
    ],
    [`accounts/${t.exampleIds.accounts}.csv`, scaffoldAccounts(attributes)],
  ];
  for (const [name, text] of files) write(join(dir, name), text);
  return t.startedPlaybook(show(dir), files.map(([name]) => name).join(', '));
}

/** `npm run new -- icp|persona|page <id>`: one new file in the playbook's language. */
function newFile(dir: string, args: readonly string[], today: string, env: CliIo['env']): string {
  const [kind, id, ...extra] = args;
  const loaded = existsSync(dir) ? loadPlaybookFromDisk(dir, PROJECT_ROOT, env) : undefined;
  const locale = loaded?.locale ?? 'en';
  const t = getContentMessages(locale).new;
  if (!kind || !id || extra.length > 0) throw new UsageError(t.usage);
  if (!(SCAFFOLD_KINDS as readonly string[]).includes(kind)) throw new UsageError(`${t.unknownKind(kind)}\n${t.usage}`);
  const idProblem = invalidId(id, locale);
  if (idProblem) throw new UsageError(idProblem);
  if (!loaded) throw new UsageError(t.noContent(show(dir)));

  const folder = SCAFFOLD_FOLDERS[kind as ScaffoldKind];
  const taken = ['.md', '.mdx'].map((ext) => join(dir, folder, id + ext)).find((file) => existsSync(file));
  if (taken) throw new UsageError(t.exists(show(taken)));

  // Works on content with problems too (a new playbook is full of examples to replace): it needs
  // only the attributes and ICP ids that could be read.
  const { attributes, icpIds } = loaded.readable;
  const icps = loaded.model?.icps;
  const file = join(dir, folder, `${id}.md`);
  let text: string;
  try {
    text = scaffold(kind as ScaffoldKind, id, {
      today,
      owner: gitUserName(t.owner),
      attributes,
      // Active ICPs first: a new persona most likely belongs to one of them.
      icpIds: icps
        ? [...icps]
            .sort((a, b) => Number(b.data.status === 'active') - Number(a.data.status === 'active'))
            .map((icp) => icp.id)
        : icpIds,
      locale,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  write(file, text);
  return t.created(show(file));
}

/** Runs `npm run new` with these arguments; returns the exit code. */
export function main(argv: readonly string[], io: CliIo): Promise<number> {
  const dir = contentDir(io.env);
  const today = new Date().toISOString().slice(0, 10);
  try {
    lineWriter(io.stdout)(argv[0] === 'playbook' ? newPlaybook(dir, argv, today) : newFile(dir, argv, today, io.env));
    return Promise.resolve(0);
  } catch (error) {
    return Promise.resolve(usageFailure(io, error));
  }
}

if (import.meta.main) await runAsProcess(main);
