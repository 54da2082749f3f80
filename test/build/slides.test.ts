// The slide and Open Graph images of the built example playbook: one slide per ICP in PNG and
// SVG, one card per page, and every page's link-preview tags pointing at an image that exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUILD_LOG, BUILT_SITE, readPage } from '../helpers/built-site.ts';

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const ICPS = ['agencies-consultancies', 'industrial-tech', 'mid-market-saas'];

describe('the build', () => {
  // Astro has no hook between bundling and the first page for a static site (astro:build:ssr
  // never ran here, and the cards were all drawn after the last page): the middleware's feed
  // queues them, so the drawing workers run while the pages render.
  it('queues every image before the first page renders', () => {
    // Without colour codes: Astro colours the integration's name when CI is set.
    expect(stripVTControlCharacters(readFileSync(BUILD_LOG, 'utf8'))).toMatch(
      /\[icp-playbook:slides\] \d+ images \(queued before the first page\): \d+ drawn/,
    );
  });
});

describe('slide images', () => {
  it.each(ICPS)('%s has a 1920 × 1080 PNG and SVG slide, whatever its status', (id) => {
    expect(pngSize(join(BUILT_SITE, 'slides', `${id}.png`))).toEqual({ width: 1920, height: 1080 });
    const svg = readFileSync(join(BUILT_SITE, 'slides', `${id}.svg`), 'utf8');
    expect(svg).toMatch(
      /^<svg width="1920" height="1080" viewBox="0 0 1920 1080" xmlns="http:\/\/www\.w3\.org\/2000\/svg">/,
    );
    // Text is drawn as outlines: the SVG needs no font and references nothing outside itself.
    expect(svg).not.toMatch(/<text|@font-face|href="https?:/);
  });
});

describe('Open Graph images', () => {
  const pages = readdirSync(BUILT_SITE, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`);

  it('covers the example’s pages', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        '/',
        '/icps/mid-market-saas/',
        '/personas/head-of-revops/',
        '/pages/glossary/',
        '/market/',
        '/review/',
        '/score/',
      ]),
    );
  });

  it.each(pages)('%s has og: and twitter: tags pointing at a 1200 × 630 image that was built', (path) => {
    const doc = readPage(path);
    const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content');
    const image = meta('meta[property="og:image"]')!;
    expect(image).toMatch(/\/og\/.+\.png$/);
    expect(meta('meta[name="twitter:image"]')).toBe(image);
    expect(meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(meta('meta[property="og:title"]')).toBeTruthy();
    expect(meta('meta[property="og:image:width"]')).toBe('1200');
    expect(meta('meta[property="og:image:height"]')).toBe('630');
    const file = join(BUILT_SITE, new URL(image, 'http://site.invalid').pathname);
    expect(existsSync(file), `${image} exists`).toBe(true);
    expect(pngSize(file)).toEqual({ width: 1200, height: 630 });
  });

  it('gives each ICP page its own card, and the 404 page the home page’s', () => {
    expect(
      readPage('/icps/mid-market-saas/').querySelector('meta[property="og:image"]')?.getAttribute('content'),
    ).toMatch(/\/og\/icps\/mid-market-saas\.png$/);
    const notFound = readFileSync(join(BUILT_SITE, '404.html'), 'utf8');
    expect(notFound).toMatch(/<meta property="og:image" content="[^"]*\/og\/index\.png">/);
  });
});
