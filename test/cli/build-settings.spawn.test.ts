// `npm run build` as a process, with a setting of the environment it cannot use: it stops before
// building anything, in one line that names the variable, with exit code 1 and no stack trace.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureContent, runFixtureBuild } from '../helpers/fixture-build.ts';

describe('npm run build with a setting it cannot use', () => {
  it.each([
    [
      'ICP_SLIDES_WORKERS',
      'two',
      'ICP_SLIDES_WORKERS is "two": write how many threads draw the images (a whole number, 1 or more; 1 uses the least memory), or unset it for one per core',
    ],
    [
      'SITE_URL',
      'acme',
      'SITE_URL is "acme", which is not a URL: write the full address, e.g. https://acme.github.io/playbook/',
    ],
    ['ICP_TODAY', '23/11/2026', 'ICP_TODAY is "23/11/2026": write a date as YYYY-MM-DD, or unset it to use today'],
  ])('%s=%s: exits 1 before building, in one line and no stack trace', (name, value, line) => {
    const build = runFixtureBuild(fixtureContent('valid'), `build-settings-${name}`, { [name]: value });
    expect(build.status).toBe(1);
    expect(build.output).toContain(line);
    expect(build.output).not.toMatch(/^\s+at /m);
    expect(build.output).not.toMatch(/Stack trace|unexpected error/i);
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
  });

  it('names every wrong setting at once, one line each', () => {
    const build = runFixtureBuild(fixtureContent('valid'), 'build-settings-all', {
      SITE_URL: 'acme',
      ICP_TODAY: 'today',
      ICP_SLIDES_WORKERS: '0',
    });
    expect(build.status).toBe(1);
    expect(build.output).toContain('SITE_URL is "acme", which is not a URL');
    expect(build.output).toContain('ICP_TODAY is "today": write a date as YYYY-MM-DD');
    expect(build.output).toContain('ICP_SLIDES_WORKERS is "0": write how many threads draw the images');
    expect(build.output).not.toMatch(/^\s+at /m);
  });
});
