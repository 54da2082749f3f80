// resvg's allocator setting (src/slides/native-memory-fs.ts) reaches its native module: mimalloc
// reads it once, when the module loads, so only a fresh process can tell. MIMALLOC_VERBOSE=1
// makes mimalloc print the options it uses.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/built-site.ts';

/** The options resvg's mimalloc printed in a process that runs `code`, and the environment it saw. */
function mimallocOptions(code: string, env: Record<string, string> = {}): { stderr: string; seen: string } {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, MIMALLOC_VERBOSE: '1', ...env },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return { stderr: result.stderr, seen: result.stdout.trim() };
}

const show = `console.log(process.env.MIMALLOC_PURGE_DELAY ?? 'unset')`;

describe('resvg’s allocator setting', () => {
  if (process.platform === 'linux') {
    it('applies when the slide renderer loads resvg (drawing workers, scripts, tests)', () => {
      const { stderr } = mimallocOptions(`await import('./src/slides/render-fs.ts')`);
      expect(stderr).toMatch(/mimalloc: option 'purge_delay': 1000\b/);
    });

    it('applies in a build, where the slides integration loads with the config and pages load resvg later', () => {
      // A built page module imports @resvg/resvg-js before its own code runs (bundlers hoist
      // external imports), so the integration must have set it first.
      const { stderr } = mimallocOptions(
        `await import('./src/integrations/slides.ts'); await import('@resvg/resvg-js')`,
      );
      expect(stderr).toMatch(/mimalloc: option 'purge_delay': 1000\b/);
    });

    it('keeps a value set in the environment', () => {
      const { stderr, seen } = mimallocOptions(`await import('./src/slides/render-fs.ts'); ${show}`, {
        MIMALLOC_PURGE_DELAY: '250',
      });
      expect(stderr).toMatch(/mimalloc: option 'purge_delay': 250\b/);
      expect(seen).toBe('250');
    });
  } else {
    it('is left alone off Linux', () => {
      const { seen } = mimallocOptions(
        `delete process.env.MIMALLOC_PURGE_DELAY; await import('./src/slides/render-fs.ts'); ${show}`,
      );
      expect(seen).toBe('unset');
    });
  }
});
