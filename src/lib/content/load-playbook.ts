import type { z } from 'zod';
import { AttributeSchema, AttributesSchema, type Attribute } from '../../schemas/attribute.ts';
import { IcpShapeSchema, icpRuleIssues } from '../../schemas/icp.ts';
import { PageSchema } from '../../schemas/page.ts';
import { PersonaSchema } from '../../schemas/persona.ts';
import { PlaybookSchema } from '../../schemas/playbook.ts';
import { ID_PATTERN } from '../../schemas/shared.ts';
import { checkCalibration } from '../scoring/calibration.ts';
import { checkAttributes, checkIcpRules, checkPersonaLinks, problemAt } from './cross-checks.ts';
import type { AccountsFile, IcpEntry, PageEntry, PersonaEntry, PlaybookModel } from './model.ts';
import { sortProblems, type Problem } from './problem.ts';
import { issuesToProblems } from './schema-issues.ts';
import { checkContentText, type TextCheckFile, type TextCheckOptions } from './text-checks.ts';
import { decodeText, parseMarkdown, parseYamlFile, type ParsedFile, type RawFile, type YamlSource } from './source-file.ts';

export type { RawFile } from './source-file.ts';

export interface LoadResult {
  /** Present only when there is no problem at all. */
  model?: PlaybookModel;
  /** Every problem found, sorted by file and line. */
  problems: Problem[];
}

type Kind = 'icps' | 'personas' | 'pages' | 'accounts';
const FOLDERS: Record<Kind, readonly string[]> = {
  icps: ['.md'],
  personas: ['.md'],
  pages: ['.md', '.mdx'],
  accounts: ['.csv'],
};
const LAYOUT = 'content/ holds playbook.yaml, attributes.yaml and the folders icps/, personas/, pages/ and accounts/';

function splitName(name: string): { id: string; ext: string } {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? { id: name, ext: '' } : { id: name.slice(0, dot), ext: name.slice(dot) };
}

function fileProblem(file: string, message: string): Problem {
  return { file, line: 1, column: 1, field: '-', message };
}

function validate<S extends z.ZodType>(schema: S, source: YamlSource, problems: Problem[]): z.output<S> | undefined {
  const result = schema.safeParse(source.data);
  if (result.success) return result.data;
  problems.push(...issuesToProblems(schema, result.error.issues, source));
  return undefined;
}

/**
 * Checks each attribute on its own, so one broken attribute does not hide the problems of the
 * others, nor of the ICPs that read them. Ids of broken attributes are returned apart: rules on
 * them are not reported a second time as "unknown attribute".
 */
function validateAttributes(source: YamlSource, problems: Problem[]): { attributes?: Attribute[]; brokenIds: Set<string> } {
  const brokenIds = new Set<string>();
  if (!Array.isArray(source.data) || source.data.length === 0) {
    validate(AttributesSchema, source, problems);
    return { brokenIds };
  }
  const checked = source.data.map((item: unknown, i) => {
    const result = AttributeSchema.safeParse(item);
    if (result.success) return result.data;
    problems.push(...issuesToProblems(AttributeSchema, result.error.issues, source, [i]));
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string') brokenIds.add(id);
    return undefined;
  });
  problems.push(...checkAttributes(checked, source));
  return { attributes: checked.filter((a): a is Attribute => a !== undefined), brokenIds };
}

/**
 * Reads and checks every content file (schemas and cross-file rules) and builds the playbook model.
 * Reports all problems in one pass. Paths in `files` are relative to the repository, under `contentDir`.
 */
export function loadPlaybook(files: readonly RawFile[], contentDir = 'content', textOptions: TextCheckOptions = {}): LoadResult {
  const problems: Problem[] = [];
  const texts: TextCheckFile[] = [];
  const prefix = `${contentDir}/`;
  const parsedByKind: Record<Kind, { id: string; ext: string; file: string; parsed?: ParsedFile; text?: string }[]> = {
    icps: [],
    personas: [],
    pages: [],
    accounts: [],
  };
  let settingsSource: YamlSource | undefined;
  let attributesSource: YamlSource | undefined;

  for (const raw of files) {
    const relative = raw.path.startsWith(prefix) ? raw.path.slice(prefix.length) : raw.path;
    const parts = relative.split('/');
    // Names starting with "_" or "." are drafts and notes that the build ignores on purpose.
    if (parts.some((part) => part.startsWith('_') || part.startsWith('.'))) continue;
    // Images are media the pages show (checked by markdown-checks.ts), not content files.
    if (/\.(?:png|jpe?g|gif|webp|avif|svg)$/i.test(relative)) continue;
    const decoded = decodeText(raw);
    if (!decoded.text && decoded.problem) {
      problems.push(decoded.problem);
      continue;
    }
    const text = decoded.text ?? '';
    if (parts.length === 1 && (relative === 'playbook.yaml' || relative === 'attributes.yaml')) {
      const { parsed, problems: found } = parseYamlFile(raw.path, text);
      problems.push(...found);
      texts.push({ kind: relative === 'playbook.yaml' ? 'playbook' : 'attributes', file: raw.path, text, yaml: parsed?.yaml });
      if (relative === 'playbook.yaml') settingsSource = parsed?.yaml;
      else attributesSource = parsed?.yaml;
      continue;
    }
    const kind = parts[0] as Kind;
    if (parts.length !== 2 || !(kind in FOLDERS)) {
      if (/\.ya?ml$/.test(relative) && parts.length === 1) {
        problems.push(fileProblem(raw.path, `is not a content file the playbook reads: ${LAYOUT} (a YAML file must be named playbook.yaml or attributes.yaml)`));
      } else if (parts.length === 1 && /^(readme|license)(\.\w+)?$/i.test(relative)) {
        continue;
      } else {
        problems.push(fileProblem(raw.path, `is not where the playbook looks: ${LAYOUT}, each folder holding files directly (no subfolders)`));
      }
      continue;
    }
    const { id, ext } = splitName(parts[1]!);
    if (!FOLDERS[kind].includes(ext)) {
      problems.push(fileProblem(raw.path, `has the wrong extension for ${kind}/: use ${FOLDERS[kind].join(' or ')}`));
      continue;
    }
    if (!ID_PATTERN.test(id)) {
      const suggestion = id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
      problems.push(fileProblem(raw.path, `file name "${id}" is not a valid id: use lowercase letters, digits and hyphens, e.g. rename it to ${suggestion || 'my-file'}${ext}`));
      continue;
    }
    if (kind === 'accounts') {
      parsedByKind.accounts.push({ id, ext, file: raw.path, text });
      continue;
    }
    const { parsed, problems: found } = parseMarkdown(raw.path, text);
    problems.push(...found);
    texts.push({ kind, file: raw.path, text, yaml: parsed?.yaml });
    parsedByKind[kind].push({ id, ext, file: raw.path, ...(parsed ? { parsed } : {}) });
  }

  problems.push(...checkContentText(texts, textOptions));

  const hasFile = (name: string) => files.some((f) => f.path === prefix + name);
  if (!hasFile('playbook.yaml')) problems.push(fileProblem(`${prefix}playbook.yaml`, 'is missing: create it with at least company and product (see README, "playbook.yaml")'));
  if (!hasFile('attributes.yaml')) problems.push(fileProblem(`${prefix}attributes.yaml`, 'is missing: create it with the list of account attributes (see README, "attributes.yaml")'));

  const settings = settingsSource && validate(PlaybookSchema, settingsSource, problems);
  const { attributes, brokenIds } = attributesSource ? validateAttributes(attributesSource, problems) : { attributes: undefined, brokenIds: new Set<string>() };

  const icps: IcpEntry[] = [];
  for (const { id, file, parsed } of parsedByKind.icps) {
    if (!parsed) continue;
    const data = validate(IcpShapeSchema, parsed.yaml, problems);
    if (!data) continue;
    problems.push(...icpRuleIssues(data).map((issue) => problemAt(parsed.yaml, issue.path, issue.message)));
    if (attributes) problems.push(...checkIcpRules(data, attributes, parsed.yaml, brokenIds));
    const { market, ...rest } = data;
    const resolved = market && { ...market, currency: market.currency ?? settings?.currency ?? 'EUR' };
    icps.push({ id, file, body: parsed.body, data: resolved ? { ...rest, market: resolved } : rest });
  }
  const icpIds = parsedByKind.icps.map((f) => f.id);

  const personas: PersonaEntry[] = [];
  for (const { id, file, parsed } of parsedByKind.personas) {
    if (!parsed) continue;
    const data = validate(PersonaSchema, parsed.yaml, problems);
    if (!data) continue;
    problems.push(...checkPersonaLinks(data, icpIds, parsed.yaml));
    personas.push({ id, file, body: parsed.body, data });
  }

  const pages: PageEntry[] = [];
  const pageFiles = new Map<string, string>();
  for (const { id, ext, file, parsed } of parsedByKind.pages) {
    const twin = pageFiles.get(id);
    if (twin) {
      problems.push(fileProblem(file, `has the same id "${id}" as ${twin}: rename one of them (ids are file names without extension)`));
      continue;
    }
    pageFiles.set(id, file);
    if (!parsed) continue;
    const data = validate(PageSchema, parsed.yaml, problems);
    if (data) pages.push({ id, file, body: parsed.body, data, format: ext === '.mdx' ? 'mdx' : 'md' });
  }

  if (problems.length > 0 || !settings || !attributes) return { problems: sortProblems(problems) };
  const accounts: AccountsFile[] = parsedByKind.accounts.map(({ file, text }) => ({ file, text: text ?? '' }));
  const byTitle = <T extends { data: { title: string } }>(a: T, b: T) => a.data.title.localeCompare(b.data.title);
  const model: PlaybookModel = {
    settings,
    attributes,
    icps: icps.sort(byTitle),
    personas: personas.sort((a, b) => a.data.name.localeCompare(b.data.name)),
    pages: pages.sort((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || byTitle(a, b)),
    accounts,
  };
  // Known accounts are tests of the ICPs: they can only run once everything else is valid.
  const calibration = checkCalibration(model);
  if (calibration.length > 0) return { problems: sortProblems(calibration) };
  return { problems: [], model };
}
