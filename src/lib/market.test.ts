import { describe, expect, it } from 'vitest';
import { resolveMarket } from './market.ts';

describe('resolveMarket', () => {
  it('multiplies accounts by ACV, carrying the TAM ACV down, and takes SOM as a share of SAM', () => {
    const { figures, problems } = resolveMarket({
      tam: { accounts: 48_000, acv: 12_000 },
      sam: { accounts: 9_600 },
      som: { share: 0.05 },
    });
    expect(problems).toEqual([]);
    expect(figures?.tam).toMatchObject({ value: 576_000_000, method: 'bottom-up' });
    expect(figures?.sam).toMatchObject({ value: 115_200_000, acv: 12_000 });
    expect(figures?.som).toMatchObject({ value: 5_760_000, method: 'share', accounts: 480 });
  });

  it('takes top-down values as they are', () => {
    const { figures } = resolveMarket({ tam: { value: 820e6 }, sam: { value: 138e6 }, som: { value: 5.5e6 } });
    expect([figures?.tam.value, figures?.sam.value, figures?.som.value]).toEqual([820e6, 138e6, 5.5e6]);
  });

  it.each([
    ['a SAM larger than the TAM', { tam: { value: 10 }, sam: { value: 20 }, som: { value: 1 } }, ['sam']],
    ['a SOM larger than the SAM', { tam: { value: 10 }, sam: { value: 5 }, som: { value: 6 } }, ['som']],
    ['a figure with two forms', { tam: { value: 10, accounts: 3 }, sam: { value: 5 }, som: { value: 1 } }, ['tam']],
    ['a figure with no form', { tam: {}, sam: { value: 5 }, som: { value: 1 } }, ['tam']],
    ['a share on the TAM', { tam: { share: 0.5 }, sam: { value: 5 }, som: { value: 1 } }, ['tam', 'share']],
    [
      'accounts with no ACV anywhere',
      { tam: { accounts: 10 }, sam: { value: 5 }, som: { value: 1 } },
      ['tam', 'accounts'],
    ],
  ])('refuses %s', (_name, input, path) => {
    const { figures, problems } = resolveMarket(input);
    expect(figures).toBeUndefined();
    expect(problems[0]?.path).toEqual(path);
  });
});
