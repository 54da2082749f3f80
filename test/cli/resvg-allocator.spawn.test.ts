// resvg's allocator settings (src/slides/native-memory-fs.ts) reach its native module: mimalloc
// reads them once, when the module loads, so only a fresh process can tell. MIMALLOC_VERBOSE=1
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

const show = `console.log(process.env.MIMALLOC_PURGE_DELAY ?? 'unset', process.env.MIMALLOC_ALLOW_LARGE_OS_PAGES ?? 'unset')`;

describe('resvg’s allocator settings', () => {
  if (process.platform === 'linux') {
    it('apply when the slide renderer loads resvg (drawing workers, scripts, tests)', () => {
      const { stderr } = mimallocOptions(`await import('./src/slides/render-fs.ts')`);
      expect(stderr).toMatch(/mimalloc: option 'purge_delay': 1000\b/);
      expect(stderr).toMatch(/mimalloc: option 'allow_large_os_pages': 1\b/);
    });

    it('apply in a build, where the slides integration loads with the config and pages load resvg later', () => {
      // A built page module imports @resvg/resvg-js before its own code runs (bundlers hoist
      // external imports), so the integration must have set them first.
      const { stderr } = mimallocOptions(
        `await import('./src/integrations/slides.ts'); await import('@resvg/resvg-js')`,
      );
      expect(stderr).toMatch(/mimalloc: option 'purge_delay': 1000\b/);
      expect(stderr).toMatch(/mimalloc: option 'allow_large_os_pages': 1\b/);
    });

    it('keep a value set in the environment', () => {
      const { stderr, seen } = mimallocOptions(`await import('./src/slides/render-fs.ts'); ${show}`, {
        MIMALLOC_PURGE_DELAY: '250',
      });
      expect(stderr).toMatch(/mimalloc: option 'purge_delay': 250\b/);
      expect(seen).toBe('250 1');
    });
  } else {
    it('are left alone off Linux', () => {
      const { seen } = mimallocOptions(`await import('./src/slides/render-fs.ts'); ${show}`, {
        MIMALLOC_PURGE_DELAY: '',
      });
      expect(seen).toBe(' unset');
    });
  }
});
