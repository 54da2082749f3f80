import type { PlaybookModel } from './model/playbook-model.ts';
import { daysSince } from './format.ts';
import { SITE_PATHS } from './routes.ts';

/** Sections of the site, in navigation order. `match` tells which paths belong to each. */
export const NAV_SECTIONS = [
  { key: 'home', href: SITE_PATHS.home, match: (path: string) => path === SITE_PATHS.home },
  { key: 'icps', href: SITE_PATHS.icps, match: (path: string) => path.startsWith(SITE_PATHS.icps) },
  { key: 'personas', href: SITE_PATHS.personas, match: (path: string) => path.startsWith(SITE_PATHS.personas) },
  { key: 'pages', href: SITE_PATHS.pages, match: (path: string) => path.startsWith(SITE_PATHS.pages) },
  { key: 'market', href: SITE_PATHS.market, match: (path: string) => path.startsWith(SITE_PATHS.market) },
  { key: 'review', href: SITE_PATHS.review, match: (path: string) => path.startsWith(SITE_PATHS.review) },
  { key: 'score', href: SITE_PATHS.score, match: (path: string) => path.startsWith(SITE_PATHS.score) },
] as const;

/** How each known Git host spells "edit this file on this branch". */
const EDIT_LINKS: { host: RegExp; link: (repository: string, branch: string, path: string) => string }[] = [
  // GitLab.com and self-hosted GitLab (gitlab.acme.com).
  { host: /(^|\.)gitlab\./, link: (repo, branch, path) => `${repo}/-/edit/${branch}/${path}` },
  { host: /(^|\.)bitbucket\.org$/, link: (repo, branch, path) => `${repo}/src/${branch}/${path}?mode=edit` },
  // Azure DevOps: dev.azure.com/org/project/_git/repo, or the older org.visualstudio.com.
  {
    host: /(^|\.)(dev\.azure\.com|visualstudio\.com)$/,
    link: (repo, branch, path) => `${repo}?path=/${path}&version=GB${branch}&_a=contents`,
  },
  // Gitea and Forgejo (Codeberg).
  { host: /(^|\.)(codeberg\.org|gitea\.com)$/, link: (repo, branch, path) => `${repo}/_edit/${branch}/${path}` },
];

/**
 * "Edit this page" link to the file in the repository: `editUrl` (a template with `{path}` and
 * `{branch}`) when set, else from `repository` on GitHub, GitLab, Bitbucket, Azure DevOps or
 * Gitea; other hosts get GitHub's form. Undefined when neither is set.
 * @example editUrl({ repository: 'https://gitlab.com/acme/playbook', branch: 'main' }, 'content/icps/core.md') // 'https://gitlab.com/acme/playbook/-/edit/main/content/icps/core.md'
 */
export function editUrl(
  settings: Pick<PlaybookModel['settings'], 'repository' | 'branch' | 'editUrl'>,
  file: string,
): string | undefined {
  const path = file.split('/').map(encodeURIComponent).join('/');
  const branch = encodeURIComponent(settings.branch);
  if (settings.editUrl) return settings.editUrl.replaceAll('{path}', path).replaceAll('{branch}', branch);
  if (!settings.repository) return undefined;
  const repository = settings.repository.replace(/\/+$/, '').replace(/\.git$/, '');
  const host = new URL(repository).hostname.toLowerCase();
  const known = EDIT_LINKS.find((entry) => entry.host.test(host));
  return known ? known.link(repository, branch, path) : `${repository}/edit/${branch}/${path}`;
}

/** Whether a file reviewed on `reviewed` is due for a review on `today`. */
export function isStale(reviewed: string, reviewEveryDays: number, today: Date): boolean {
  return daysSince(reviewed, today) > reviewEveryDays;
}

export type ReviewKind = 'icp' | 'persona' | 'page';

export interface ReviewItem {
  kind: ReviewKind;
  id: string;
  title: string;
  href: string;
  file: string;
  owner: string;
  reviewed: string;
  ageDays: number;
  stale: boolean;
}

/** Every reviewable file with its age; stale ones first (oldest first), then the rest oldest first. */
export function getReviewItems(model: PlaybookModel, today: Date): ReviewItem[] {
  const limit = model.settings.reviewEveryDays;
  const item = (
    kind: ReviewKind,
    id: string,
    title: string,
    href: string,
    file: string,
    owner: string,
    reviewed: string,
  ): ReviewItem => {
    return {
      kind,
      id,
      title,
      href,
      file,
      owner,
      reviewed,
      ageDays: daysSince(reviewed, today),
      stale: isStale(reviewed, limit, today),
    };
  };
  const items = [
    ...model.icps.map((e) =>
      item('icp', e.id, e.data.title, SITE_PATHS.icp(e.id), e.file, e.data.owner, e.data.reviewed),
    ),
    ...model.personas.map((e) =>
      item(
        'persona',
        e.id,
        `${e.data.name}, ${e.data.role}`,
        SITE_PATHS.persona(e.id),
        e.file,
        e.data.owner,
        e.data.reviewed,
      ),
    ),
    ...model.pages.map((e) =>
      item('page', e.id, e.data.title, SITE_PATHS.page(e.id), e.file, e.data.owner, e.data.reviewed),
    ),
  ];
  return items.sort(
    (a, b) => Number(b.stale) - Number(a.stale) || b.ageDays - a.ageDays || a.title.localeCompare(b.title),
  );
}
