import { describe, expect, it } from 'vitest';
import { forIndex, formatBytes, isSitePage, pageUrl, renderedPageUrl, spaceBetweenTags } from './pagefind.ts';

describe('pageUrl', () => {
  it.each([
    ['index.html', '/'],
    ['personas/cfo/index.html', '/personas/cfo/'],
    ['404.html', '/404.html'],
    ['pages/glossary.html', '/pages/glossary.html'],
  ])('%s → %s', (file, url) => {
    expect(pageUrl(file)).toBe(url);
  });
});

describe('isSitePage', () => {
  it.each([
    ['index.html', true],
    ['personas/cfo/index.html', true],
    ['404.html', true],
    ['pages/.prerender/index.html', true],
    ['.prerender/chunks/page.html', false],
    ['.prerender/index.html', false],
    ['og/index.png', false],
    ['pagefind/pagefind.js', false],
  ])('%s → %s', (file, page) => {
    expect(isSitePage(file)).toBe(page);
  });
});

describe('renderedPageUrl: the URL of the file Astro writes for a rendered path, as pageUrl names it', () => {
  it.each([
    ['/', '/', '/'],
    ['/personas/cfo/', '/', '/personas/cfo/'],
    ['/personas/cfo', '/', '/personas/cfo/'],
    ['/404', '/', '/404.html'],
    ['/500/', '/', '/500.html'],
    ['/playbook/personas/cfo/', '/playbook/', '/personas/cfo/'],
    ['/playbook/personas/cfo', '/playbook', '/personas/cfo/'],
    ['/playbook', '/playbook/', '/'],
    ['/playbook/404', '/playbook/', '/404.html'],
    ['/playbook/pages/glossary.html', '/playbook/', '/pages/glossary.html'],
  ])('%s with base %s → %s', (pathname, base, url) => {
    expect(renderedPageUrl(pathname, base)).toBe(url);
  });
});

describe('spaceBetweenTags', () => {
  it('separates the text of adjacent elements, so pagefind sees two words', () => {
    expect(spaceBetweenTags('<dl><dt>Owner</dt><dd>Camille Martin</dd></dl>')).toBe(
      '<dl> <dt>Owner</dt> <dd>Camille Martin</dd> </dl>',
    );
    expect(spaceBetweenTags('<th>Source</th><th>TAM</th>')).toBe('<th>Source</th> <th>TAM</th>');
  });

  it('leaves text inside an element alone', () => {
    expect(spaceBetweenTags('<p>Rita, <a href="/x">Head of RevOps</a>.</p>')).toBe(
      '<p>Rita, <a href="/x">Head of RevOps</a>.</p>',
    );
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [4300, '4.3 kB'],
    [2_500_000, '2.50 MB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('forIndex', () => {
  it('leaves table header rows out of the index, so they never run into the first row', () => {
    expect(
      forIndex('<table><thead class="x"><tr><th>Term</th></tr></thead><tbody><tr><td>Close</td></tr></tbody></table>'),
    ).toBe(
      '<table> <thead data-pagefind-ignore class="x"> <tr> <th>Term</th> </tr> </thead> <tbody> <tr> <td>Close</td> </tr> </tbody> </table>',
    );
    expect(forIndex('<theader>')).toBe('<theader>');
  });

  it('keeps only the <main> element of a page: nothing outside it is indexed', () => {
    const page =
      '<!DOCTYPE html><html lang="en"><head><title>Rita</title></head><body><header data-pagefind-ignore="all">Search</header>' +
      '<main id="content"><article data-pagefind-body><h1>Rita</h1><p>Owner</p></article></main><footer>Edit</footer></body></html>';
    expect(forIndex(page)).toBe(
      '<html> <body> <main id="content"> <article data-pagefind-body> <h1>Rita</h1> <p>Owner</p> </article> </main> </body> </html>',
    );
    expect(forIndex('<body><p>No main</p></body>')).toBe('<body> <p>No main</p> </body>');
  });
});
