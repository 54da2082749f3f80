import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import githubDark from '@shikijs/themes/github-dark';
import { codeColourCss, styleToClasses } from './style-classes.ts';

describe('styleToClasses', () => {
  it.each([
    ['color:#F97583', ['sh-c-f97583']],
    ['background-color:#24292e;color:#e1e4e8; overflow-x: auto;', ['sh-bg-24292e', 'sh-c-e1e4e8']],
    ['font-style:italic;font-weight:bold;text-decoration:underline', ['sh-i', 'sh-b', 'sh-u']],
    ['user-select: none;', ['sh-nosel']],
    ['text-align: center', ['align-center']],
    ['color: red; position: fixed; background: url(https://evil.example/x.png)', []],
    ['color: #c00 !important', []],
  ])('%j → %j', (style, classes) => {
    expect(styleToClasses(style)).toEqual(classes);
  });
});

describe('src/styles/code-colours.css', () => {
  it('is up to date with the Shiki theme (run npm run code-colours)', () => {
    expect(readFileSync(new URL('../../styles/code-colours.css', import.meta.url), 'utf8')).toBe(codeColourCss(githubDark));
  });

  it('has a rule for every colour of the theme', () => {
    const css = codeColourCss(githubDark);
    for (const hex of ['#f97583', '#79b8ff', '#e1e4e8', '#24292e', '#6a737d']) expect(css).toContain(`{ color: ${hex}; }`);
  });
});
