// How many threads draw the images: ICP_SLIDES_WORKERS, read by the build before anything is
// built (src/integrations/slides.ts stops it with the message when the value is no count).
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/slides/pool-fs.ts';

describe('workerCount', () => {
  it('is one per core when ICP_SLIDES_WORKERS is unset or empty', () => {
    expect(workerCount({})).toBe(availableParallelism());
    expect(workerCount({ ICP_SLIDES_WORKERS: '' })).toBe(availableParallelism());
  });

  it('takes a whole number of 1 or more, spaces around it allowed', () => {
    expect(workerCount({ ICP_SLIDES_WORKERS: '1' })).toBe(1);
    expect(workerCount({ ICP_SLIDES_WORKERS: ' 3 ' })).toBe(3);
  });

  it.each(['two', '0', '-1', '1.5', '2 workers'])('refuses %j, naming the variable, the value and the fix', (value) => {
    expect(() => workerCount({ ICP_SLIDES_WORKERS: value })).toThrow(
      `ICP_SLIDES_WORKERS is "${value.trim()}": write how many threads draw the images (a whole number, 1 or more; 1 uses the least memory), or unset it for one per core.`,
    );
  });
});
