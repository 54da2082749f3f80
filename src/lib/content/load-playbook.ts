import type { z } from 'zod';
import { AttributeSchema, AttributesSchema, type Attribute } from '../../schemas/attribute.ts';
import { IcpSchema, TierSchema, icpRuleIssues, type Icp } from '../../schemas/icp.ts';
import { FilterSchema } from '../../schemas/filter.ts';
import { SignalSchema } from '../../schemas/signal.ts';
import { PageSchema } from '../../schemas/page.ts';
import { PersonaSchema } from '../../schemas/persona.ts';
import { PlaybookSchema } from '../../schemas/playbook.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { ID_PATTERN, isRealDate } from '../../schemas/shared.ts';
import { checkCalibration } from '../calibration/known-accounts.ts';
import { checkAttributes, checkDuplicateTitles, checkIcpRules, checkPersonaLinks, problemAt, suggestId } from './cross-checks.ts';
import type { AccountsFile, IcpEntry, PageEntry, PersonaEntry, PlaybookModel } from '../model/playbook-model.ts';
import { sortProblems, type Problem } from '../model/problem.ts';
import { isPlaceholder } from './scaffold.ts';
import { issuesToProblems } from './schema-issues.ts';
import { checkContentText, type TextCheckFile, type TextCheckOptions } from './text-checks.ts';
import { validatorLocale, vm, withValidatorLocale } from '../i18n/validator.ts';
import { decodeText, parseMarkdown, parseYamlFile, type ParsedFile, type RawFile, type YamlSource } from './source-file.ts';

export type { RawFile } from './source-file.ts';

export interface LoadOptions extends TextCheckOptions {
  /** Today, for refusing review dates in the future (default: now). */
  today?: Date;
}

export interface LoadResult {
  /** Present only when there is no problem at all. */
  model?: PlaybookModel;
  /** Every problem found, sorted by file and line. */
  problems: Problem[];
  /** What could be read even when there are problems: attributes that validated and ICP ids (for npm run new). */
  readable: { attributes: Attribute[]; icpIds: string[] };
  /** The playbook's language (`locale:` of playbook.yaml, even when that file has other problems; else en), for messages. */
  locale: Locale;
  /** What the author should know that is not a problem: a known-accounts file read as Windows-1252. */
  notices: Problem[];
}

type Kind = 'icps' | 'personas' | 'pages' | 'accounts';
const FOLDERS: Record<Kind, readonly string[]> = {
  icps: ['.md'],
  personas: ['.md'],
  pages: ['.md', '.mdx'],
  accounts: ['.csv'],
};

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
 * The parts of an ICP that passed their own schema when the whole did not, so that its rules are
 * still checked against attributes.yaml and the points total (every problem in one run). Holes
 * in `filters`/`signals` keep the positions of the broken items (forEach skips them).
 */
function salvageIcp(data: unknown): { shape: Icp; scorable: boolean; signalsWhole: boolean; tiersWhole: boolean } {
  const raw = (data !== null && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const parts = <T>(schema: z.ZodType<T>, value: unknown) => {
    const items = list(value);
    const parsed = new Array<T>(items.length);
    let whole = items.length > 0;
    items.forEach((item, i) => {
      const result = schema.safeParse(item);
      if (result.success) parsed[i] = result.data;
      else whole = false;
    });
    return { parsed, whole };
  };
  const filters = parts(FilterSchema, raw['filters']);
  const signals = parts(SignalSchema, raw['signals']);
  const tiers = parts(TierSchema, raw['tiers']);
  const status = IcpSchema.shape.status.safeParse(raw['status']);
  const title = typeof raw['title'] === 'string' && raw['title'].trim() ? raw['title'].trim() : '';
  const shape = {
    title,
    status: status.success ? status.data : 'draft',
    filters: filters.parsed,
    signals: signals.parsed,
    tiers: tiers.whole ? tiers.parsed : [],
  } as unknown as Icp;
  return { shape, scorable: filters.whole && signals.whole && tiers.whole && status.success, signalsWhole: signals.whole, tiersWhole: tiers.whole };
}

/** Example texts left by `npm run new` ("REPLACE ME: …"), in the fields and in the body. */
function placeholders(source: YamlSource, body: string, bodyLine: number): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      if (isPlaceholder(value)) problems.push(problemAt(source, path, vm().placeholder(value.length > 60 ? value.slice(0, 60) + '…' : value)));
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(source.data, []);
  body.split('\n').forEach((line, i) => {
    if (isPlaceholder(line)) problems.push({ file: source.file, line: bodyLine + i, column: 1, field: '-', message: vm().placeholderParagraph });
  });
  return problems;
}

/** `reviewed:` after today: the file would never go stale. */
function futureReview(source: YamlSource, today: Date): Problem[] {
  const value = (source.data as { reviewed?: unknown } | null)?.reviewed;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text) || !isRealDate(text)) return [];
  const todayText = today.toISOString().slice(0, 10);
  if (text <= todayText) return [];
  return [problemAt(source, ['reviewed'], vm().futureReview(text, todayText))];
}

/**
 * Reads and checks every content file (schemas and cross-file rules) and builds the playbook model.
 * Reports all problems in one pass: a file that cannot be read stops only itself, a broken part
 * of a file does not hide the checks of its other parts, and cross-file checks (persona links,
 * attribute references, points, known accounts) run on everything that could be read.
 * Paths in `files` are relative to the repository, under `contentDir`.
 */
export function loadPlaybook(files: readonly RawFile[], contentDir = 'content', options: LoadOptions = {}): LoadResult {
  // Messages in the playbook's language from the first problem on: read `locale:` before parsing.
  const settingsFile = files.find((f) => f.path === `${contentDir}/playbook.yaml`);
  const written = settingsFile && /^locale:\s*["']?(en|fr)\b/m.exec(new TextDecoder().decode(settingsFile.bytes))?.[1];
  return withValidatorLocale(written === 'fr' ? 'fr' : 'en', () => checkPlaybook(files, contentDir, options));
}

function checkPlaybook(files: readonly RawFile[], contentDir: string, options: LoadOptions): LoadResult {
  const today = options.today ?? new Date();
  const problems: Problem[] = [];
  const notices: Problem[] = [];
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
    if (decoded.notice) notices.push(decoded.notice);
    if (!decoded.text && decoded.problem) {
      problems.push(decoded.problem);
      continue;
    }
    const text = decoded.text ?? '';
    if (parts.length === 1 && (relative === 'playbook.yaml' || relative === 'attributes.yaml')) {
      const { parsed, problems: found } = parseYamlFile(raw.path, text);
      problems.push(...found);
      texts.push({ kind: relative === 'playbook.yaml' ? 'playbook' : 'attributes', file: raw.path, text, yaml: parsed?.yaml });
      if (parsed) problems.push(...placeholders(parsed.yaml, '', 1));
      if (relative === 'playbook.yaml') settingsSource = parsed?.yaml;
      else attributesSource = parsed?.yaml;
      continue;
    }
    const kind = parts[0] as Kind;
    if (parts.length !== 2 || !(kind in FOLDERS)) {
      if (/\.ya?ml$/.test(relative) && parts.length === 1) {
        problems.push(fileProblem(raw.path, vm().notAContentYaml(vm().layout)));
      } else if (parts.length === 1 && /^(readme|license)(\.\w+)?$/i.test(relative)) {
        continue;
      } else {
        problems.push(fileProblem(raw.path, vm().notWhere(vm().layout)));
      }
      continue;
    }
    const { id, ext } = splitName(parts[1]!);
    if (!FOLDERS[kind].includes(ext)) {
      problems.push(fileProblem(raw.path, vm().wrongExtension(kind, FOLDERS[kind])));
      continue;
    }
    if (!ID_PATTERN.test(id)) {
      problems.push(fileProblem(raw.path, vm().badFileName(id, `${suggestId(id) || 'my-file'}${ext}`)));
      continue;
    }
    if (kind === 'accounts') {
      parsedByKind.accounts.push({ id, ext, file: raw.path, text });
      continue;
    }
    const { parsed, problems: found } = parseMarkdown(raw.path, text);
    problems.push(...found);
    texts.push({ kind, file: raw.path, text, yaml: parsed?.yaml });
    if (parsed) problems.push(...placeholders(parsed.yaml, parsed.body, text.slice(0, text.length - parsed.body.length).split('\n').length));
    parsedByKind[kind].push({ id, ext, file: raw.path, ...(parsed ? { parsed } : {}) });
  }

  problems.push(...checkContentText(texts, options));

  const hasFile = (name: string) => files.some((f) => f.path === prefix + name);
  if (!hasFile('playbook.yaml')) problems.push(fileProblem(`${prefix}playbook.yaml`, vm().missingSettings));
  if (!hasFile('attributes.yaml')) problems.push(fileProblem(`${prefix}attributes.yaml`, vm().missingAttributes));

  const settings = settingsSource && validate(PlaybookSchema, settingsSource, problems);
  const writtenLocale = (settingsSource?.data as { locale?: unknown } | null | undefined)?.locale;
  const locale: Locale = settings?.locale ?? (LOCALES as readonly unknown[]).find((l) => l === writtenLocale) as Locale | undefined ?? 'en';
  const { attributes, brokenIds } = attributesSource ? validateAttributes(attributesSource, problems) : { attributes: undefined, brokenIds: new Set<string>() };
  const attributesWhole = attributes !== undefined && brokenIds.size === 0 && problems.every((p) => p.file !== attributesSource?.file);

  const icps: IcpEntry[] = [];
  // ICPs whose filters, signals and tiers are sound, even if another field is not: the known
  // accounts can be scored against them.
  const scorable: IcpEntry[] = [];
  let activeUnscorable = false;
  const titles: { file: string; title: unknown; source: YamlSource }[] = [];
  for (const { id, file, parsed } of parsedByKind.icps) {
    if (!parsed) continue;
    titles.push({ file, title: (parsed.yaml.data as { title?: unknown } | null)?.title, source: parsed.yaml });
    problems.push(...futureReview(parsed.yaml, today));
    const result = IcpSchema.safeParse(parsed.yaml.data);
    if (!result.success) {
      problems.push(...issuesToProblems(IcpSchema, result.error.issues, parsed.yaml));
      const salvaged = salvageIcp(parsed.yaml.data);
      const ruleIssues = icpRuleIssues(salvaged.shape).filter((issue) => (issue.path[0] === 'signals' ? salvaged.signalsWhole : salvaged.tiersWhole));
      problems.push(...ruleIssues.map((issue) => problemAt(parsed.yaml, issue.path, issue.message)));
      const before = problems.length;
      if (attributes) problems.push(...checkIcpRules(salvaged.shape, attributes, parsed.yaml, brokenIds));
      if (salvaged.scorable && ruleIssues.length === 0 && problems.length === before) {
        scorable.push({ id, file, body: parsed.body, data: { ...salvaged.shape, title: salvaged.shape.title || id } as unknown as IcpEntry['data'] });
      } else if (salvaged.shape.status === 'active' || !IcpSchema.shape.status.safeParse((parsed.yaml.data as { status?: unknown } | null)?.status).success) {
        activeUnscorable = true;
      }
      continue;
    }
    const data = result.data;
    const before = problems.length;
    problems.push(...icpRuleIssues(data).map((issue) => problemAt(parsed.yaml, issue.path, issue.message)));
    if (attributes) problems.push(...checkIcpRules(data, attributes, parsed.yaml, brokenIds));
    const { market, ...rest } = data;
    const resolved = market && { ...market, currency: market.currency ?? settings?.currency ?? 'EUR' };
    const entry: IcpEntry = { id, file, body: parsed.body, data: resolved ? { ...rest, market: resolved } : rest };
    icps.push(entry);
    if (problems.length === before) scorable.push(entry);
    else if (data.status === 'active') activeUnscorable = true;
  }
  problems.push(...checkDuplicateTitles(titles, 'ICP'));
  const icpIds = parsedByKind.icps.map((f) => f.id);

  const personas: PersonaEntry[] = [];
  const people: { file: string; title: unknown; source: YamlSource }[] = [];
  for (const { id, file, parsed } of parsedByKind.personas) {
    if (!parsed) continue;
    problems.push(...futureReview(parsed.yaml, today));
    const raw = (parsed.yaml.data ?? {}) as { name?: unknown; role?: unknown; icps?: unknown };
    if (typeof raw.name === 'string' && typeof raw.role === 'string') people.push({ file, title: `${raw.name.trim()}, ${raw.role.trim()}`, source: parsed.yaml });
    const data = validate(PersonaSchema, parsed.yaml, problems);
    // Links are checked even when another field of the persona is broken.
    const links = data?.icps ?? (Array.isArray(raw.icps) ? raw.icps.map((value) => (typeof value === 'string' ? value : '')) : []);
    problems.push(...checkPersonaLinks({ icps: links }, icpIds, parsed.yaml));
    if (data) personas.push({ id, file, body: parsed.body, data });
  }
  problems.push(...checkDuplicateTitles(people, 'persona'));

  const pages: PageEntry[] = [];
  const pageFiles = new Map<string, string>();
  for (const { id, ext, file, parsed } of parsedByKind.pages) {
    const twin = pageFiles.get(id);
    if (twin) {
      problems.push(fileProblem(file, vm().samePageId(id, twin)));
      continue;
    }
    pageFiles.set(id, file);
    if (!parsed) continue;
    problems.push(...futureReview(parsed.yaml, today));
    const data = validate(PageSchema, parsed.yaml, problems);
    if (data) pages.push({ id, file, body: parsed.body, data, format: ext === '.mdx' ? 'mdx' : 'md' });
  }

  const accounts: AccountsFile[] = parsedByKind.accounts.map(({ file, text }) => ({ file, text: text ?? '' }));
  // Known accounts are tests of the ICPs: they run against every ICP whose rules are sound. Cells
  // are read only with a sound attributes.yaml, and a row's expected tier is compared only when
  // every active ICP can be scored (its best fit could be the broken one).
  if (attributes && attributesWhole) {
    problems.push(...checkCalibration({ attributes, icps: scorable, accounts }, { compareExpect: !activeUnscorable, locale: validatorLocale() }));
  }

  const readable = { attributes: attributes ?? [], icpIds };
  if (problems.length > 0 || !settings || !attributes) return { problems: sortProblems(problems), locale, readable, notices };
  const byTitle = <T extends { data: { title: string } }>(a: T, b: T) => a.data.title.localeCompare(b.data.title);
  const model: PlaybookModel = {
    settings,
    attributes,
    icps: icps.sort(byTitle),
    personas: personas.sort((a, b) => a.data.name.localeCompare(b.data.name)),
    pages: pages.sort((a, b) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || byTitle(a, b)),
    accounts,
  };
  return { problems: [], model, locale, readable, notices };
}
