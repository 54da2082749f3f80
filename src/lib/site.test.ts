import { describe, expect, it } from 'vitest';
import { editUrl, getReviewItems } from './site.ts';
import type { PlaybookModel } from './content/model.ts';

const settings = { company: 'Acme', product: 'X', locale: 'en' as const, currency: 'EUR', branch: 'main', reviewEveryDays: 90, mediaHosts: [] as string[] };

describe('editUrl', () => {
  it('links to the file on its branch', () => {
    expect(editUrl({ ...settings, repository: 'https://github.com/acme/playbook.git' }, 'content/icps/core.md')).toBe(
      'https://github.com/acme/playbook/edit/main/content/icps/core.md',
    );
  });
  it('gives no link without a repository', () => {
    expect(editUrl(settings, 'content/icps/core.md')).toBeUndefined();
  });
});

describe('getReviewItems', () => {
  const page = (id: string, reviewed: string) => ({ id, file: `content/pages/${id}.md`, body: '', format: 'md' as const, data: { title: id, description: '', owner: 'A', reviewed } });
  const model = { settings, attributes: [], icps: [], personas: [], accounts: [], pages: [page('fresh', '2026-11-01'), page('old', '2026-01-01'), page('older', '2025-06-01'), page('edge', '2026-08-25')] } as unknown as PlaybookModel;

  it('lists stale files first, oldest first, then the rest oldest first', () => {
    const items = getReviewItems(model, new Date('2026-11-23T12:00:00Z'));
    expect(items.map((i) => [i.id, i.stale, i.ageDays])).toEqual([
      ['older', true, 540],
      ['old', true, 326],
      ['edge', false, 90],
      ['fresh', false, 22],
    ]);
  });
});
