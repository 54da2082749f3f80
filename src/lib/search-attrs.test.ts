import { describe, expect, it } from 'vitest';
import { searchAttributes, searchIgnoreAttributes, searchTitleAttributes } from './search-attrs.ts';

describe('searchAttributes', () => {
  it('marks a persona as indexed content with its kind, title and ICPs', () => {
    expect(
      searchAttributes({ kind: 'persona', icps: ['Mid-market SaaS', 'Industrial tech'], title: 'Rita, VP RevOps' }),
    ).toMatchInlineSnapshot(`
      {
        "data-pagefind-body": "",
        "data-pagefind-filter": "icp[data-search-icp-0], icp[data-search-icp-1], kind:persona",
        "data-pagefind-meta": "title[data-search-title], kind:persona",
        "data-search-icp-0": "Mid-market SaaS",
        "data-search-icp-1": "Industrial tech",
        "data-search-title": "Rita, VP RevOps",
      }
    `);
  });

  it('keeps the page h1 as title and has no ICP filter for a guide', () => {
    expect(searchAttributes({ kind: 'page' })).toEqual({
      'data-pagefind-body': '',
      'data-pagefind-meta': 'kind:page',
      'data-pagefind-filter': 'kind:page',
    });
  });

  it('captures titles with commas and colons by attribute, never inline', () => {
    const attrs = searchAttributes({
      kind: 'icp',
      icps: ['Agencies, consultancies: EU'],
      title: 'Agencies, consultancies: EU',
    });
    expect(attrs['data-pagefind-filter']).toBe('icp[data-search-icp-0], kind:icp');
    expect(attrs['data-search-icp-0']).toBe('Agencies, consultancies: EU');
    expect(attrs['data-pagefind-meta']).toBe('title[data-search-title], kind:icp');
  });

  it('drops blank and duplicate ICP titles', () => {
    const attrs = searchAttributes({ kind: 'persona', icps: [' SaaS ', 'SaaS', ''] });
    expect(attrs['data-pagefind-filter']).toBe('icp[data-search-icp-0], kind:persona');
    expect(attrs['data-search-icp-0']).toBe('SaaS');
    expect(attrs).not.toHaveProperty('data-search-icp-1');
  });
});

describe('title and ignore attributes', () => {
  it('weights titles at pagefind’s maximum and ignores widgets entirely', () => {
    expect(searchTitleAttributes).toEqual({ 'data-pagefind-weight': '10' });
    expect(searchIgnoreAttributes).toEqual({ 'data-pagefind-ignore': 'all' });
  });
});
