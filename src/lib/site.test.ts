import { describe, expect, it } from 'vitest';
import { editUrl, getReviewItems } from './site.ts';
import type { PlaybookModel } from './model/playbook-model.ts';

const settings = {
  company: 'Acme',
  product: 'X',
  locale: 'en' as const,
  currency: 'EUR',
  branch: 'main',
  reviewEveryDays: 90,
  mediaHosts: [] as string[],
};

describe('editUrl', () => {
  it('links to the file on its branch', () => {
    expect(editUrl({ ...settings, repository: 'https://github.com/acme/playbook.git' }, 'content/icps/core.md')).toBe(
      'https://github.com/acme/playbook/edit/main/content/icps/core.md',
    );
  });
  it('gives no link without a repository', () => {
    expect(editUrl(settings, 'content/icps/core.md')).toBeUndefined();
  });
  it.each([
    ['GitHub', 'https://github.com/acme/playbook', 'https://github.com/acme/playbook/edit/main/content/pages/a%20b.md'],
    [
      'GitLab.com',
      'https://gitlab.com/acme/sales/playbook.git',
      'https://gitlab.com/acme/sales/playbook/-/edit/main/content/pages/a%20b.md',
    ],
    [
      'self-hosted GitLab',
      'https://gitlab.acme.internal/sales/playbook/',
      'https://gitlab.acme.internal/sales/playbook/-/edit/main/content/pages/a%20b.md',
    ],
    [
      'Bitbucket',
      'https://bitbucket.org/acme/playbook',
      'https://bitbucket.org/acme/playbook/src/main/content/pages/a%20b.md?mode=edit',
    ],
    [
      'Azure DevOps',
      'https://dev.azure.com/acme/sales/_git/playbook',
      'https://dev.azure.com/acme/sales/_git/playbook?path=/content/pages/a%20b.md&version=GBmain&_a=contents',
    ],
    [
      'Azure DevOps (visualstudio.com)',
      'https://acme.visualstudio.com/sales/_git/playbook',
      'https://acme.visualstudio.com/sales/_git/playbook?path=/content/pages/a%20b.md&version=GBmain&_a=contents',
    ],
    [
      'Codeberg',
      'https://codeberg.org/acme/playbook',
      'https://codeberg.org/acme/playbook/_edit/main/content/pages/a%20b.md',
    ],
  ])('links to the editor of %s', (_host, repository, expected) => {
    expect(editUrl({ ...settings, repository }, 'content/pages/a b.md')).toBe(expected);
  });
  it('fills an explicit editUrl template, which wins over the repository', () => {
    const template = 'https://git.acme.internal/playbook/_edit/{branch}/{path}';
    expect(
      editUrl(
        { ...settings, branch: 'release/2026', repository: 'https://github.com/acme/playbook', editUrl: template },
        'content/icps/core.md',
      ),
    ).toBe('https://git.acme.internal/playbook/_edit/release%2F2026/content/icps/core.md');
  });
});

describe('getReviewItems', () => {
  const page = (id: string, reviewed: string) => ({
    id,
    file: `content/pages/${id}.md`,
    body: '',
    format: 'md' as const,
    data: { title: id, description: '', owner: 'A', reviewed },
  });
  const model = {
    settings,
    attributes: [],
    icps: [],
    personas: [],
    accounts: [],
    pages: [
      page('fresh', '2026-11-01'),
      page('old', '2026-01-01'),
      page('older', '2025-06-01'),
      page('edge', '2026-08-25'),
    ],
  } as unknown as PlaybookModel;

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
