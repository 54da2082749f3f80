// How many threads draw the images: ICP_SLIDES_WORKERS, read by the build before anything is
// built (src/build-settings-fs.ts stops it with the message when the value is no count).
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { SettingError } from '../../src/lib/settings.ts';
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

  it.each(['two', '0', '-1', '1.5', '2 workers', '0x2', '1e1', '+3'])(
    'refuses %j, naming the variable, the value and the fix',
    (value) => {
      const read = () => workerCount({ ICP_SLIDES_WORKERS: value });
      expect(read).toThrow(SettingError);
      expect(read).toThrow(
        `ICP_SLIDES_WORKERS is "${value}": write how many threads draw the images (a whole number, 1 or more; 1 uses the least memory), or unset it for one per core`,
      );
    },
  );
});
