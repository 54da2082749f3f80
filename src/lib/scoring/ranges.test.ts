// Numbers known as bands (`51-200`, `10001+`): pass wholly inside a rule, fail wholly outside,
// unknown across a bound; graded levels likewise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributes, icp, makeIcp, icpInput } from '../../../test/helpers/scoring-fixtures.ts';
import { parseNumberRange } from '../parse-number.ts';
import { compileRule, testRule, UNCERTAIN, evaluate } from './compile.ts';
import { getCompiledIcp, scoreAccount } from './score-account.ts';
import type { NumberRange } from './types.ts';

describe.each([
  ['51-200', { min: 51, max: 200 }],
  ['1,001-5,000', { min: 1001, max: 5000 }],
  ['1.001 – 5.000', { min: 1001, max: 5000 }],
  ['10001+', { min: 10001, max: Infinity }],
  ['10,001+', { min: 10001, max: Infinity }],
  ['2–10', { min: 2, max: 10 }],
  ['1 000 - 5 000', { min: 1000, max: 5000 }],
  ['0.5-1.5', { min: 0.5, max: 1.5 }],
  ['200-51', undefined],
  ['-5-10', undefined],
  ['51-', undefined],
  ['abc-def', undefined],
  ['51', undefined],
] as const)('the band %j', (text, expected) => {
  it(`reads as ${JSON.stringify(expected)}`, () => expect(parseNumberRange(text)).toEqual(expected));
});

describe('a range against a number rule', () => {
  const rule = compileRule({ op: 'between', min: 50, max: 1000 });
  it.each([
    [{ min: 51, max: 200 }, true],
    [{ min: 50, max: 1000 }, true],
    [{ min: 1001, max: 5000 }, false],
    [{ min: 1, max: 10 }, false],
    [{ min: 10001, max: Infinity }, false],
    [{ min: 11, max: 50 }, undefined],
    [{ min: 501, max: 1000000 }, undefined],
    [{ min: 201, max: Infinity }, undefined],
  ] as [NumberRange, boolean | undefined][])('%j gives %j', (range, expected) =>
    expect(testRule(rule, range)).toBe(expected),
  );

  it('passes exactly when every number in it passes, fails exactly when none does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 30 }),
        (lo, width, ruleLo, ruleWidth) => {
          const compiled = compileRule({ op: 'between', min: ruleLo, max: ruleLo + ruleWidth });
          const points = Array.from({ length: width + 1 }, (_, k) => testRule(compiled, lo + k));
          const expected = points.every(Boolean) ? true : points.some(Boolean) ? undefined : false;
          expect(testRule(compiled, { min: lo, max: lo + width })).toBe(expected);
        },
      ),
    );
  });
});

describe('scoring an account with a range', () => {
  const en = (employees: NumberRange) => scoreAccount({ employees, region: 'fr' }, icp, attributes, 'en');

  it('passes the size filter and earns the level the whole band is in', () => {
    const result = en({ min: 250, max: 400 });
    expect(result.filters[0]!.outcome).toBe('pass');
    expect(result.signals[2]).toMatchObject({ points: 20, level: 0 });
    expect(result.filters[0]!.explanation).toBe('Passes: Employees between 50 and 1,000 people (seen 250–400 people)');
  });

  it('takes a later level when the band is wholly past the earlier ones', () => {
    expect(en({ min: 120, max: 180 }).signals[2]).toMatchObject({ points: 10, level: 1 });
  });

  it('is out when the band is wholly outside a filter, unknown when it crosses a bound', () => {
    expect(en({ min: 10001, max: Infinity }).verdict).toBe('out');
    const crossing = en({ min: 11, max: 50 });
    expect(crossing.verdict).toBe('unknown');
    expect(crossing.filters[0]!.outcome).toBe('unknown');
  });

  it('earns 0 for now and up to the best reachable level when the band crosses levels and may match none', () => {
    const result = en({ min: 150, max: 300 });
    expect(result.signals[2]).toMatchObject({ uncertain: true, points: 0, bestPoints: 20 });
    expect(result.signals[2]!.explanation).toBe('0 for now: Company size sweet spot (seen 150–300 people; up to +20)');
    expect(result.best - result.score).toBe(20 + 30 + 25 + 25);
  });

  it('earns the fewest points it is sure of when a later level surely matches', () => {
    const graded = makeIcp({
      ...icpInput,
      signals: [
        {
          label: 'Big',
          attribute: 'employees',
          levels: [
            { atLeast: 500, points: 40 },
            { atLeast: 100, points: 10 },
          ],
        },
        { label: 'Hiring RevOps', attribute: 'hiring_revops', is: true, points: 60 },
      ],
    });
    const compiled = getCompiledIcp(graded, attributes, 'en');
    const evaluation = evaluate(compiled, { employees: { min: 201, max: 1000 }, region: 'fr', hiring_revops: true });
    expect(evaluation.levels[0]).toBe(UNCERTAIN);
    expect(evaluation.score).toBe(70);
    expect(evaluation.best).toBe(100);
    const fr = scoreAccount({ employees: { min: 201, max: 1000 }, region: 'fr' }, graded, attributes, 'fr');
    expect(fr.signals[0]!.explanation.replace(/\s/g, ' ')).toBe(
      "+10 pour l'instant : Big (vu : 201–1 000 people ; jusqu'à +40)",
    );
  });
});
