import { describe, expect, it } from 'vitest';
import { createRoutes, normaliseBase, pathWithBase, pathWithoutBase, siteAddress } from './routes.ts';

describe.each([
  { base: '/', icp: '/icps/core/', slide: '/slides/core.png', home: '/', favicon: '/favicon.svg' },
  {
    base: '/playbook/',
    icp: '/playbook/icps/core/',
    slide: '/playbook/slides/core.png',
    home: '/playbook/',
    favicon: '/playbook/favicon.svg',
  },
  {
    base: '/playbook',
    icp: '/playbook/icps/core/',
    slide: '/playbook/slides/core.png',
    home: '/playbook/',
    favicon: '/playbook/favicon.svg',
  },
  { base: '/a/b/', icp: '/a/b/icps/core/', slide: '/a/b/slides/core.png', home: '/a/b/', favicon: '/a/b/favicon.svg' },
])('routes with base $base', ({ base, icp, slide, home, favicon }) => {
  const routes = createRoutes(base);
  it('puts the base in front of every URL', () => {
    expect(routes.icp('core')).toBe(icp);
    expect(routes.slide('core', 'png')).toBe(slide);
    expect(routes.home).toBe(home);
    expect(routes.favicon).toBe(favicon);
    expect(routes.url('/review/')).toBe(`${home}review/`);
    expect(routes.exampleAccounts).toBe(`${home}examples/accounts.csv`);
  });
  it('finds the page inside the site from the browser path', () => {
    expect(routes.sitePath(icp)).toBe('/icps/core/');
    expect(routes.sitePath(home)).toBe('/');
  });
  it('makes absolute URLs from the published address', () => {
    expect(routes.absolute('/og/index.png', `https://acme.github.io${home}`)).toBe(
      `https://acme.github.io${home}og/index.png`,
    );
    expect(routes.absolute('/og/index.png', undefined)).toBe(`${home}og/index.png`);
  });
});

describe('base path helpers', () => {
  it('normalises any spelling of a base', () => {
    expect(['', '/', undefined, 'playbook', '/playbook', 'playbook/', '//playbook//'].map(normaliseBase)).toEqual([
      '/',
      '/',
      '/',
      '/playbook/',
      '/playbook/',
      '/playbook/',
      '/playbook/',
    ]);
  });
  it('adds and removes the base', () => {
    expect(pathWithBase('/icps/', '/playbook/')).toBe('/playbook/icps/');
    expect(pathWithoutBase('/playbook', '/playbook/')).toBe('/');
    expect(pathWithoutBase('/elsewhere/', '/playbook/')).toBe('/elsewhere/');
  });
  it('escapes ids in paths', () => {
    expect(createRoutes('/').page('a b')).toBe('/pages/a%20b/');
  });
});

describe('siteAddress', () => {
  it.each([
    ['https://acme.github.io/playbook', 'https://acme.github.io/playbook/', '/playbook/'],
    ['https://acme.github.io/playbook/', 'https://acme.github.io/playbook/', '/playbook/'],
    ['https://playbook.acme.com', 'https://playbook.acme.com/', '/'],
    ['http://127.0.0.1:8080/x/y/', 'http://127.0.0.1:8080/x/y/', '/x/y/'],
  ])('%s → site %s, base %s', (url, site, base) => {
    expect(siteAddress(url)).toEqual({ site, base });
  });
  it('is undefined when no address is set', () => {
    expect(siteAddress(undefined)).toBeUndefined();
    expect(siteAddress(' ')).toBeUndefined();
  });
});
