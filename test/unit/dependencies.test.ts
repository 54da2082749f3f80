// One zod in the tree: the schemas in src/ must be the very zod Astro uses, or instanceof
// checks and error types split in two.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

describe('dependencies', () => {
  it('install exactly one copy of zod', () => {
    const copies = Object.keys(lock.packages).filter(
      (path) => path === 'node_modules/zod' || path.endsWith('/node_modules/zod'),
    );
    expect(copies).toEqual(['node_modules/zod']);
  });
});
