// Node-only: reads content/ from disk for the validator, the build and the CLI. The pure
// loader in src/lib/content takes bytes, so the browser bundle never pulls in node:fs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PlaybookSchema } from './schemas/playbook.ts';
import { type Locale } from './lib/i18n/locales.ts';
import { checkContentFiles, findSymlinks } from './markdown-checks-fs.ts';
import { loadPlaybook, type LoadResult, type RawFile } from './lib/content/load-playbook.ts';
import { formatProblem, sortProblems, type Problem } from './lib/model/problem.ts';
import { calibrationSummary, type IcpCalibration } from './lib/calibration/known-accounts.ts';
import { refineIcps, type IcpRefinement } from './lib/calibration/evidence-model.ts';
import { getUiStrings } from './lib/i18n/ui.ts';
import { createCheckingTextKit } from './slides/text-kit-fs.ts';
import { SettingError } from './lib/settings.ts';

/**
 * The repository root. npm runs every script from there; `import.meta.dirname` would not do,
 * as Astro bundles this file into dist/ during the build.
 */
export const PROJECT_ROOT = process.cwd();

/** The content folder: `content/`, or `ICP_CONTENT_DIR` (tests build fixtures with it). */
export function contentDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return resolve(PROJECT_ROOT, env['ICP_CONTENT_DIR'] ?? 'content');
}

/** Every file under `dir`, with paths relative to `base` and `/` separators. */
export function readContentFiles(dir: string, base = PROJECT_ROOT): RawFile[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(base, full).split(sep).join('/'), bytes: readFileSync(full) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Loads and validates a content folder from disk. */
export function loadPlaybookFromDisk(
  dir = contentDir(),
  base = PROJECT_ROOT,
  env: Readonly<Record<string, string | undefined>> = process.env,
): LoadResult {
  const files = readContentFiles(dir, base);
  const folder = relative(base, dir).split(sep).join('/');
  // Text drawn on the images is checked with the renderer's own fonts and emoji set.
  const kit = createCheckingTextKit();
  const result = loadPlaybook(files, folder, { today: buildDate(env), undrawable: (text) => kit.undrawable(text) });
  // What the schemas cannot see: Markdown bodies, control characters, symbolic links.
  const settings = result.model?.settings ?? readPlaybookSettings(dir);
  const more = [
    ...checkContentFiles(files, { contentDir: folder, base, mediaHosts: settings.mediaHosts, locale: settings.locale }),
    ...findSymlinks(dir, base, settings.locale),
  ];
  return more.length === 0
    ? result
    : {
        readable: result.readable,
        locale: result.locale,
        notices: result.notices,
        problems: sortProblems([...result.problems, ...more]),
      };
}

/**
 * "Today" for ages and staleness: the day of the build, or `ICP_TODAY` (YYYY-MM-DD) so that a
 * test or a reproducible build does not change meaning with the calendar.
 */
export function buildDate(env: Readonly<Record<string, string | undefined>> = process.env): Date {
  const fixed = env['ICP_TODAY']?.trim();
  if (fixed === undefined || fixed === '') return new Date();
  const date = new Date(`${fixed}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed) || Number.isNaN(date.getTime())) {
    throw new SettingError(`ICP_TODAY is "${fixed}": write a date as YYYY-MM-DD, or unset it to use today`);
  }
  return date;
}

// The dev server (src/integrations/live-content.ts) bumps a counter whenever a file under the
// content folder changes. The counter and the loaded playbook live on globalThis: the
// integration, the middleware and the pages run as separate module instances of this file
// (Node, and Vite's SSR runner) in one process, and must share one snapshot.
const SHARED = Symbol.for('icp-playbook.content');
interface Shared {
  version: number;
  loaded?: { version: number; result: LoadResult; calibration?: Map<string, IcpCalibration> };
}
function shared(): Shared {
  const holder = globalThis as { [SHARED]?: Shared };
  holder[SHARED] ??= { version: 0 };
  return holder[SHARED];
}

/** How many times content has changed since the dev server started (0 in a build). */
export function contentVersion(): number {
  return shared().version;
}

/** Marks the content as changed: the next {@link loadCurrentPlaybook} reads the files again. */
export function bumpContentVersion(): number {
  return ++shared().version;
}

/** The playbook and its problems, read again when the content version changed (once per build). */
export function loadCurrentPlaybook(): LoadResult {
  const state = shared();
  if (state.loaded?.version !== state.version)
    state.loaded = { version: state.version, result: loadPlaybookFromDisk() };
  return state.loaded.result;
}

/** The validated model for the site build; throws a readable report if content is invalid. */
export function getPlaybook() {
  const result = loadCurrentPlaybook();
  if (!result.model)
    throw new Error(`Content is invalid; run npm run validate:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.model;
}

/** How the known accounts land on each ICP, computed once per content snapshot. */
export function getCalibration(): Map<string, IcpCalibration> {
  const model = getPlaybook();
  const loaded = shared().loaded!;
  loaded.calibration ??= calibrationSummary(model);
  return loaded.calibration;
}

export type { Problem };

/**
 * playbook.yaml's `mediaHosts` and `locale`, read on their own: astro.config.mjs needs the hosts
 * before pages load the playbook, and the body checks need both when another file is invalid.
 * Anything unreadable gives the defaults: the validator reports it.
 */
export function readPlaybookSettings(dir = contentDir()): { mediaHosts: string[]; locale: Locale } {
  try {
    const data = parseYaml(readFileSync(join(dir, 'playbook.yaml'), 'utf8')) as {
      mediaHosts?: unknown;
      locale?: unknown;
    } | null;
    const hosts = PlaybookSchema.shape.mediaHosts.safeParse(data?.mediaHosts);
    const locale = PlaybookSchema.shape.locale.safeParse(data?.locale);
    return { mediaHosts: hosts.success ? hosts.data : [], locale: locale.success ? locale.data : 'en' };
  } catch {
    return { mediaHosts: [], locale: 'en' };
  }
}

/** playbook.yaml's `mediaHosts` (see readPlaybookSettings). */
export function readMediaHosts(dir = contentDir()): string[] {
  return readPlaybookSettings(dir).mediaHosts;
}

let refinements: Map<string, IcpRefinement> | undefined;

/** What the known accounts say about each criterion of each ICP, computed once per build. */
export function getRefinements(): Map<string, IcpRefinement> {
  const model = getPlaybook();
  refinements ??= refineIcps(model, model.settings.locale, getUiStrings(model.settings.locale).icp.outRow);
  return refinements;
}
