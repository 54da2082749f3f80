import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import githubDark from '@shikijs/themes/github-dark';
import { codeColourCss, styleToClasses } from './style-classes.ts';
import { percentClass, percentCss } from '../percent-class.ts';

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
    expect(readFileSync(new URL('../../styles/code-colours.css', import.meta.url), 'utf8')).toBe(
      codeColourCss(githubDark),
    );
  });

  it('has a rule for every colour of the theme', () => {
    const css = codeColourCss(githubDark);
    for (const hex of ['#f97583', '#79b8ff', '#e1e4e8', '#24292e', '#6a737d'])
      expect(css).toContain(`{ color: ${hex}; }`);
  });
});

describe('src/styles/percent.css', () => {
  it('is up to date (run npm run code-colours)', () => {
    expect(readFileSync(new URL('../../styles/percent.css', import.meta.url), 'utf8')).toBe(percentCss());
  });

  it.each([
    [37.4, 'w', 'w-pct-37'],
    [-3, 'w', 'w-pct-0'],
    [250, 'w', 'w-pct-100'],
    [Number.NaN, 'w', 'w-pct-0'],
    [30, 'left', 'left-pct-30'],
  ] as const)('%s %s → %s, a class the stylesheet has', (value, property, expected) => {
    expect(percentClass(value, property)).toBe(expected);
    expect(percentCss()).toContain(`.${expected} {`);
  });
});
