// The search index of the built example playbook: written by the build, in the playbook's
// language, covering content pages only (never navigation, footers or the scoring form).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybookFromDisk } from '../../src/content-fs.ts';
import { BUILT_SITE, EXAMPLE_CONTENT, readPage } from '../helpers/built-site.ts';

const model = loadPlaybookFromDisk(EXAMPLE_CONTENT).model!;
const PAGEFIND = join(BUILT_SITE, 'pagefind');
const entry = JSON.parse(readFileSync(join(PAGEFIND, 'pagefind-entry.json'), 'utf8')) as {
  languages: Record<string, { page_count: number }>;
};

const contentPages = [
  ...model.icps.map((icp) => ({
    path: `/icps/${icp.id}/`,
    kind: 'icp',
    title: icp.data.title,
    icps: [icp.data.title],
  })),
  ...model.personas.map((persona) => ({
    path: `/personas/${persona.id}/`,
    kind: 'persona',
    title: `${persona.data.name}, ${persona.data.role}`,
    icps: persona.data.icps.map((id) => model.icps.find((icp) => icp.id === id)!.data.title),
  })),
  ...model.pages.map((page) => ({
    path: `/pages/${page.id}/`,
    kind: 'page',
    title: page.data.title,
    icps: [] as string[],
  })),
];

/** The filter values pagefind captures from an element, following the searchAttributes convention. */
function filtersOf(element: Element): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const capture of (element.getAttribute('data-pagefind-filter') ?? '').split(/,\s*/)) {
    const byAttribute = /^(\w+)\[([\w-]+)\]$/.exec(capture);
    const inline = /^(\w+):(.*)$/.exec(capture);
    if (byAttribute) (filters[byAttribute[1]!] ??= []).push(element.getAttribute(byAttribute[2]!) ?? '');
    else if (inline) (filters[inline[1]!] ??= []).push(inline[2]!);
  }
  return filters;
}

describe('the search index', () => {
  it('is written into the built site by npm run build', () => {
    expect(existsSync(join(PAGEFIND, 'pagefind.js'))).toBe(true);
    expect(readdirSync(join(PAGEFIND, 'index')).length).toBeGreaterThan(0);
    expect(readdirSync(join(PAGEFIND, 'fragment')).length).toBe(contentPages.length);
  });

  it('is one index in the playbook language with one page per ICP, persona and guide', () => {
    expect(Object.keys(entry.languages)).toEqual([model.settings.locale]);
    expect(entry.languages[model.settings.locale]?.page_count).toBe(contentPages.length);
  });

  it('finds everything it reads inside <main>, the only part of a page the build hands it', () => {
    const read =
      '[data-pagefind-body], [data-pagefind-filter], [data-pagefind-meta], [data-pagefind-weight], [data-pagefind-sort], [data-pagefind-index-attrs], [data-pagefind-default-meta]';
    const pages = readdirSync(BUILT_SITE, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.html') && !file.startsWith('pagefind'),
    );
    expect(pages.length).toBeGreaterThan(10);
    const outside = pages.flatMap((file) =>
      [...readPage(`/${file}`).querySelectorAll(read)]
        .filter((element) => !element.closest('main'))
        .map((element) => `${file}: <${element.tagName.toLowerCase()}>`),
    );
    expect(outside).toEqual([]);
  });

  it('ships only what the search dialog loads, not pagefind’s ready-made UIs', () => {
    const shipped = readdirSync(PAGEFIND);
    expect(shipped.filter((file) => /ui|highlight/.test(file))).toEqual([]);
  });
});

describe.each(contentPages)('$path', ({ path, kind, title, icps }) => {
  const doc = readPage(path);
  const bodies = [...doc.querySelectorAll('[data-pagefind-body]')];

  it('indexes exactly one content element, inside <main>', () => {
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.closest('main')).not.toBeNull();
  });

  it(`is filtered as kind ${kind} and by its ICPs, with its result title`, () => {
    expect(filtersOf(bodies[0]!)).toEqual(icps.length > 0 ? { icp: icps, kind: [kind] } : { kind: [kind] });
    expect(bodies[0]!.getAttribute('data-pagefind-meta')).toBe(`title[data-search-title], kind:${kind}`);
    expect(bodies[0]!.getAttribute('data-search-title')).toBe(title);
  });

  it('ranks its title first', () => {
    const h1 = bodies[0]!.querySelector('h1');
    expect(h1?.getAttribute('data-pagefind-weight')).toBe('10');
  });

  it('keeps navigation, footer, search dialog and forms out of the index', () => {
    for (const chrome of doc.querySelectorAll('header.site-header, footer.site-footer, site-search')) {
      expect(chrome.getAttribute('data-pagefind-ignore')).toBe('all');
      expect(chrome.closest('[data-pagefind-body]')).toBeNull();
    }
    expect(doc.querySelector('nav.site-nav')?.closest('[data-pagefind-ignore="all"]')).not.toBeNull();
    for (const widget of bodies[0]!.querySelectorAll('form, score-widget, batch-scorer')) {
      expect(widget.closest('[data-pagefind-ignore="all"]'), `${widget.tagName} on ${path}`).not.toBeNull();
    }
  });
});

describe('pages that only list or repeat content', () => {
  it.each(['/', '/icps/', '/personas/', '/pages/', '/review/'])(
    '%s is not indexed (its content has its own page)',
    (path) => {
      expect(readPage(path).querySelector('[data-pagefind-body]')).toBeNull();
    },
  );

  it.each(['/', '/personas/cfo/', '/review/'])('%s has the search button in its header', (path) => {
    const button = readPage(path).querySelector('header.site-header site-search button[aria-haspopup="dialog"]');
    expect(button?.getAttribute('aria-keyshortcuts')).toBe('/ Control+K Meta+K');
  });
});
