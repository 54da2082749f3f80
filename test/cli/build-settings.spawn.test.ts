// `npm run build` as a process, with a setting of the environment it cannot use: it stops before
// building anything, in one line that names the variable, with exit code 1 and no stack trace.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureContent, runFixtureBuild } from '../helpers/fixture-build.ts';

describe('npm run build with a wrong ICP_SLIDES_WORKERS', () => {
  it('exits 1 before building, in one line and no stack trace', () => {
    const build = runFixtureBuild(fixtureContent('valid'), 'build-settings', { ICP_SLIDES_WORKERS: 'two' });
    expect(build.status).toBe(1);
    expect(build.output).toContain(
      'ICP_SLIDES_WORKERS is "two": write how many threads draw the images (a whole number, 1 or more; 1 uses the least memory), or unset it for one per core.',
    );
    expect(build.output).not.toMatch(/^\s+at /m);
    expect(build.output).not.toMatch(/Stack trace/i);
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
  });
});
