import { describe, expect, it } from 'vitest';
import { satteriBaseLinks, withBaseIfSitePath } from './base-links.ts';

describe('withBaseIfSitePath', () => {
  it.each([
    ['/pages/glossary/', '/playbook/', '/playbook/pages/glossary/'],
    ['/pages/glossary/#terms', '/playbook/', '/playbook/pages/glossary/#terms'],
    ['/', '/playbook/', '/playbook/'],
    ['/playbook/icps/', '/playbook/', '/playbook/icps/'],
    ['/pages/glossary/', '/', '/pages/glossary/'],
    ['https://example.com/x', '/playbook/', 'https://example.com/x'],
    ['//cdn.example.com/x.png', '/playbook/', '//cdn.example.com/x.png'],
    ['../personas/', '/playbook/', '../personas/'],
    ['#anchor', '/playbook/', '#anchor'],
    ['mailto:a@b.c', '/playbook/', 'mailto:a@b.c'],
  ])('%s under %s → %s', (url, base, expected) => {
    expect(withBaseIfSitePath(url, base)).toBe(expected);
  });
});

describe('satteriBaseLinks', () => {
  it('rewrites the href of a link and the src of an image, through the context', () => {
    const plugin = satteriBaseLinks('/playbook');
    const set: [string, unknown][] = [];
    const ctx = { setProperty: (_node: never, key: string, value: unknown) => set.push([key, value]) };
    plugin.element.visit({ tagName: 'a', properties: { href: '/icps/core/' } }, ctx);
    plugin.element.visit({ tagName: 'img', properties: { src: '/media/a.png' } }, ctx);
    plugin.element.visit({ tagName: 'a', properties: { href: 'https://example.com/' } }, ctx);
    expect(set).toEqual([
      ['href', '/playbook/icps/core/'],
      ['src', '/playbook/media/a.png'],
    ]);
    expect(plugin.name).toBe('icp-base-links@/playbook/');
  });
});
