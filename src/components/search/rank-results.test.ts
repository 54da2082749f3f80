import { describe, expect, it } from 'vitest';
import { closestPair, rankByProximity } from './rank-results.ts';

describe('closestPair', () => {
  it.each([
    { content: 'they already own the Snowflake roadmap', locations: [4, 5], expected: 1 },
    { content: 'Snowflake tables, and later a roadmap', locations: [0, 5], expected: 5 },
    { content: 'Snowflake Snowflake roadmap', locations: [0, 1, 2], expected: 1 },
    { content: 'Snowflake, snowflake.', locations: [0, 1], expected: Infinity },
    { content: 'only one match here', locations: [2], expected: Infinity },
  ])('$content at $locations → $expected', ({ content, locations, expected }) => {
    expect(closestPair(content, locations)).toBe(expected);
  });
});

describe('rankByProximity', () => {
  const page = (name: string, content: string, locations: number[]) => ({ name, content, locations });
  const scattered = page('scattered', 'Snowflake here, Snowflake there, and much later on a roadmap', [0, 2, 9]);
  const adjacent = page('adjacent', 'they own the Snowflake roadmap', [3, 4]);
  const near = page('near', 'Snowflake is on the roadmap', [0, 4]);

  it('puts pages where the words stand together first, keeping pagefind order within a group', () => {
    expect(rankByProximity([scattered, near, adjacent], 2).map((r) => r.name)).toEqual([
      'adjacent',
      'near',
      'scattered',
    ]);
  });

  it('keeps pagefind’s order for a one-word query', () => {
    expect(rankByProximity([scattered, near, adjacent], 1).map((r) => r.name)).toEqual([
      'scattered',
      'near',
      'adjacent',
    ]);
  });
});
