import type { PlaybookModel } from './content/model.ts';
import { daysSince } from './format.ts';

/** Sections of the site, in navigation order. `match` tells which paths belong to each. */
export const NAV_SECTIONS = [
  { key: 'home', href: '/', match: (path: string) => path === '/' },
  { key: 'icps', href: '/icps/', match: (path: string) => path.startsWith('/icps/') },
  { key: 'personas', href: '/personas/', match: (path: string) => path.startsWith('/personas/') },
  { key: 'pages', href: '/pages/', match: (path: string) => path.startsWith('/pages/') },
  { key: 'market', href: '/market/', match: (path: string) => path.startsWith('/market/') },
  { key: 'review', href: '/review/', match: (path: string) => path.startsWith('/review/') },
  { key: 'score', href: '/score/', match: (path: string) => path.startsWith('/score/') },
] as const;

export type NavKey = (typeof NAV_SECTIONS)[number]['key'];

/** "Edit this page" link to the file in the repository, when `repository` is set. */
export function editUrl(settings: PlaybookModel['settings'], file: string): string | undefined {
  if (!settings.repository) return undefined;
  const base = settings.repository.replace(/\/+$/, '').replace(/\.git$/, '');
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return `${base}/edit/${encodeURIComponent(settings.branch)}/${encoded}`;
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
  const item = (kind: ReviewKind, id: string, title: string, href: string, file: string, owner: string, reviewed: string): ReviewItem => {
    return { kind, id, title, href, file, owner, reviewed, ageDays: daysSince(reviewed, today), stale: isStale(reviewed, limit, today) };
  };
  const items = [
    ...model.icps.map((e) => item('icp', e.id, e.data.title, `/icps/${e.id}/`, e.file, e.data.owner, e.data.reviewed)),
    ...model.personas.map((e) => item('persona', e.id, `${e.data.name}, ${e.data.role}`, `/personas/${e.id}/`, e.file, e.data.owner, e.data.reviewed)),
    ...model.pages.map((e) => item('page', e.id, e.data.title, `/pages/${e.id}/`, e.file, e.data.owner, e.data.reviewed)),
  ];
  return items.sort((a, b) => Number(b.stale) - Number(a.stale) || b.ageDays - a.ageDays || a.title.localeCompare(b.title));
}
