import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attribute } from '../../schemas/attribute.ts';
import type { Filter } from '../../schemas/filter.ts';
import type { Rule } from '../../schemas/rule.ts';
import type { Signal } from '../../schemas/signal.ts';
import type { IcpData } from '../model/playbook-model.ts';
import { attributes, icp, icpInput, makeIcp } from '../../../test/helpers/scoring-fixtures.ts';
import { tierIndex } from './compile.ts';
import { bestSummary, describeRule, describeValue, scoreAccount, scoreBestFit } from './score-account.ts';
import { isNumberRange, type Account, type AttributeValue } from './types.ts';

const byId = (id: string): Attribute => attributes.find((a) => a.id === id)!;

/** An ICP with one filter holding `rule` on `attribute` (and a harmless signal). */
function icpWithFilter(attribute: string, rule: Rule): { id: string; data: IcpData } {
  const filter: Filter = { label: 'the filter', attribute, why: undefined, rule };
  return { id: 'one-filter', data: { ...icp.data, filters: [filter] } };
}

function outcome(attribute: string, rule: Rule, value: AttributeValue | undefined): string {
  const account: Account = value === undefined ? {} : { [attribute]: value };
  return scoreAccount(account, icpWithFilter(attribute, rule), attributes, 'en').filters[0]!.outcome;
}

describe.each([
  // between: inclusive, either bound open
  ['employees', { op: 'between', min: 50, max: 1000 }, 50, 'pass'],
  ['employees', { op: 'between', min: 50, max: 1000 }, 1000, 'pass'],
  ['employees', { op: 'between', min: 50, max: 1000 }, 49, 'fail'],
  ['employees', { op: 'between', min: 50, max: 1000 }, 1000.5, 'fail'],
  ['employees', { op: 'between', min: null, max: 10 }, -5, 'pass'],
  ['employees', { op: 'between', min: 10, max: null }, 1e9, 'pass'],
  ['employees', { op: 'between', min: null, max: null }, 3, 'pass'],
  ['employees', { op: 'between', min: 50, max: 1000 }, undefined, 'unknown'],
  ['employees', { op: 'between', min: 50, max: 1000 }, Number.NaN, 'unknown'],
  ['employees', { op: 'between', min: 50, max: 1000 }, 'fr', 'unknown'],
  // atLeast / atMost: inclusive
  ['revenue', { op: 'atLeast', value: 10 }, 10, 'pass'],
  ['revenue', { op: 'atLeast', value: 10 }, 9.99, 'fail'],
  ['revenue', { op: 'atMost', value: 10 }, 10, 'pass'],
  ['revenue', { op: 'atMost', value: 10 }, 11, 'fail'],
  ['revenue', { op: 'atMost', value: 10 }, undefined, 'unknown'],
  // in / notIn
  ['region', { op: 'in', values: ['fr', 'dach'] }, 'fr', 'pass'],
  ['region', { op: 'in', values: ['fr', 'dach'] }, 'us', 'fail'],
  ['region', { op: 'in', values: ['fr', 'dach'] }, undefined, 'unknown'],
  ['region', { op: 'notIn', values: ['us'] }, 'fr', 'pass'],
  ['region', { op: 'notIn', values: ['us'] }, 'us', 'fail'],
  ['region', { op: 'notIn', values: ['us'] }, undefined, 'unknown'],
  // anyOf / allOf / noneOf, with an explicit empty selection as an answered "none selected"
  ['stack', { op: 'anyOf', values: ['hubspot', 'salesforce'] }, ['salesforce'], 'pass'],
  ['stack', { op: 'anyOf', values: ['hubspot', 'salesforce'] }, ['competitor-x'], 'fail'],
  ['stack', { op: 'anyOf', values: ['hubspot', 'salesforce'] }, [], 'fail'],
  ['stack', { op: 'allOf', values: ['hubspot', 'salesforce'] }, ['salesforce', 'hubspot'], 'pass'],
  ['stack', { op: 'allOf', values: ['hubspot', 'salesforce'] }, ['hubspot'], 'fail'],
  ['stack', { op: 'allOf', values: ['hubspot', 'salesforce'] }, [], 'fail'],
  ['stack', { op: 'noneOf', values: ['competitor-x'] }, ['hubspot'], 'pass'],
  ['stack', { op: 'noneOf', values: ['competitor-x'] }, [], 'pass'],
  ['stack', { op: 'noneOf', values: ['competitor-x'] }, ['hubspot', 'competitor-x'], 'fail'],
  ['stack', { op: 'noneOf', values: ['competitor-x'] }, undefined, 'unknown'],
  ['stack', { op: 'anyOf', values: ['hubspot'] }, 'hubspot', 'unknown'],
  // is
  ['hiring_revops', { op: 'is', value: true }, true, 'pass'],
  ['hiring_revops', { op: 'is', value: true }, false, 'fail'],
  ['hiring_revops', { op: 'is', value: false }, false, 'pass'],
  ['hiring_revops', { op: 'is', value: true }, undefined, 'unknown'],
  ['hiring_revops', { op: 'is', value: true }, 1, 'unknown'],
] as [string, Rule, AttributeValue | undefined, string][])('a filter %s %j', (attribute, rule, value, expected) => {
  it(`gives ${expected} for the value ${JSON.stringify(value)}`, () => {
    expect(outcome(attribute, rule, value)).toBe(expected);
  });
});

describe.each([
  [
    'employees',
    { op: 'between', min: 50, max: 1000 },
    'Employees between 50 and 1,000 people',
    'Employees entre 50 et 1 000 people',
  ],
  ['employees', { op: 'between', min: 50, max: null }, 'Employees at least 50 people', 'Employees au moins 50 people'],
  [
    'employees',
    { op: 'between', min: null, max: 1000 },
    'Employees at most 1,000 people',
    'Employees au plus 1 000 people',
  ],
  ['employees', { op: 'between', min: null, max: null }, 'Employees: any value', 'Employees : toute valeur'],
  ['revenue', { op: 'atLeast', value: 12.5 }, 'Revenue at least 12.5 M€', 'Revenue au moins 12,5 M€'],
  ['revenue', { op: 'atMost', value: 5 }, 'Revenue at most 5 M€', 'Revenue au plus 5 M€'],
  ['region', { op: 'in', values: ['fr', 'dach'] }, 'Region is France or DACH', 'Region est France ou DACH'],
  ['region', { op: 'notIn', values: ['us'] }, 'Region is not United States', "Region n'est pas United States"],
  [
    'stack',
    { op: 'anyOf', values: ['hubspot', 'salesforce'] },
    'Tools in use include HubSpot or Salesforce',
    'Tools in use comprend HubSpot ou Salesforce',
  ],
  [
    'stack',
    { op: 'allOf', values: ['hubspot', 'salesforce'] },
    'Tools in use include HubSpot and Salesforce',
    'Tools in use comprend HubSpot et Salesforce',
  ],
  [
    'stack',
    { op: 'noneOf', values: ['competitor-x'] },
    'Tools in use include none of Competitor X',
    'Tools in use ne comprend aucun de Competitor X',
  ],
  ['hiring_revops', { op: 'is', value: true }, 'Hiring RevOps: yes', 'Hiring RevOps : oui'],
  ['hiring_revops', { op: 'is', value: false }, 'Hiring RevOps: no', 'Hiring RevOps : non'],
] as [string, Rule, string, string][])('describeRule on %s %j', (attribute, rule, en, fr) => {
  it('says the rule in English', () => expect(describeRule(rule, byId(attribute), 'en')).toBe(en));
  it('says the rule in French', () =>
    expect(describeRule(rule, byId(attribute), 'fr').replace(/\u202f/g, ' ')).toBe(fr));
});

describe.each([
  ['employees', 1200, '1,200 people'],
  ['region', 'dach', 'DACH'],
  ['region', 'atlantis', 'atlantis'],
  ['stack', ['hubspot', 'competitor-x'], 'HubSpot and Competitor X'],
  ['stack', [], 'none'],
  ['hiring_revops', false, 'no'],
  ['revenue', undefined, 'unknown'],
] as [string, AttributeValue | undefined, string][])('describeValue of %s %j', (attribute, value, expected) => {
  it(`reads "${expected}"`, () => expect(describeValue(value, byId(attribute), 'en')).toBe(expected));
});

describe('scoring one account', () => {
  it('explains a full result, filter by filter and signal by signal', () => {
    const result = scoreAccount(
      { employees: 240, region: 'fr', stack: ['hubspot', 'competitor-x'], revenue: 4 },
      icp,
      attributes,
      'en',
    );
    expect({
      verdict: result.verdict,
      score: result.score,
      best: result.best,
      tier: result.tier,
      filters: result.filters.map((f) => [f.outcome, f.explanation]),
      signals: result.signals.map((s) => [s.answered, s.points, s.bestPoints, s.level, s.explanation]),
      explanation: result.explanation,
    }).toMatchInlineSnapshot(`
      {
        "best": 60,
        "explanation": "Passes every filter of Mid-market SaaS. Tier 3: 35 now — up to 60 if you confirm Hiring RevOps.",
        "filters": [
          [
            "pass",
            "Passes: Employees between 50 and 1,000 people (seen 240 people)",
          ],
          [
            "pass",
            "Passes: Region is France or DACH (seen France)",
          ],
        ],
        "score": 35,
        "signals": [
          [
            true,
            30,
            30,
            undefined,
            "+30: Runs HubSpot or Salesforce (seen HubSpot and Competitor X)",
          ],
          [
            false,
            0,
            25,
            undefined,
            "Unanswered: Hiring RevOps (up to +25)",
          ],
          [
            true,
            20,
            20,
            0,
            "+20: Company size sweet spot — Employees between 200 and 500 people (seen 240 people)",
          ],
          [
            true,
            0,
            25,
            undefined,
            "0: Revenue of 10 M€ or more does not apply (seen 4 M€)",
          ],
          [
            true,
            -15,
            0,
            undefined,
            "−15: Uses a competitor (seen HubSpot and Competitor X)",
          ],
        ],
        "tier": {
          "label": "Tier 3",
          "min": 0,
        },
        "verdict": "fit",
      }
    `);
  });

  it('explains an out account by the filters it fails, in French', () => {
    const result = scoreAccount({ employees: 20, region: 'us' }, icp, attributes, 'fr');
    expect(result.verdict).toBe('out');
    expect(result.tier).toBeUndefined();
    expect(result.explanation).toMatchInlineSnapshot(
      `"Hors de Mid-market SaaS : échoue sur 50 to 1,000 employees et France or DACH."`,
    );
    expect(result.filters[1]!.explanation).toMatchInlineSnapshot(
      `"Échoue : Region est France ou DACH (vu : United States)"`,
    );
  });

  it('gives an unknown verdict, still tiered, when a filter has no value', () => {
    const result = scoreAccount({ employees: 600, stack: ['hubspot'], hiring_revops: true }, icp, attributes, 'en');
    expect([result.verdict, result.score, result.best, result.tier?.label]).toEqual(['unknown', 55, 80, 'Tier 2']);
    expect(result.explanation).toMatchInlineSnapshot(
      `"Passes 1 of 2 filters of Mid-market SaaS; confirm France or DACH. Tier 2 if it passes: 55 now — up to 80 if you confirm Region and Revenue."`,
    );
  });

  it('computes best from the raw sum, so an earned negative signal still counts', () => {
    // -15 earned, 70 possible from the unanswered signals: best is 55, not clamp(-15) + 70 = 70.
    const result = scoreAccount({ stack: ['competitor-x'] }, icp, attributes, 'en');
    expect([result.score, result.best]).toEqual([0, 55]);
  });

  it('earns the first matching level of a graded signal', () => {
    const data = makeIcp({
      ...icpInput,
      signals: [
        {
          label: 'Size',
          attribute: 'employees',
          levels: [
            { atLeast: 100, points: 40 },
            { atLeast: 50, points: 100 },
          ],
        },
      ],
    });
    const result = scoreAccount({ employees: 150, region: 'fr' }, data, attributes, 'en');
    expect([result.signals[0]!.level, result.score]).toEqual([0, 40]);
  });
});

describe('bestSummary', () => {
  const result = scoreAccount({ employees: 600, stack: ['hubspot'], hiring_revops: true }, icp, attributes, 'en');
  it.each([
    ['en', '55 now — up to 80 if you confirm Region and Revenue'],
    ['fr', "55 maintenant — jusqu'à 80 si vous confirmez Region et Revenue"],
  ] as const)('says the score and what could raise it, in %s', (locale, expected) => {
    expect(bestSummary(result, attributes, locale)).toBe(expected);
  });

  it('says only the score when nothing is left to confirm', () => {
    const full = scoreAccount(
      { employees: 300, region: 'fr', stack: ['hubspot'], hiring_revops: true, revenue: 20 },
      icp,
      attributes,
      'en',
    );
    expect(bestSummary(full, attributes, 'en')).toBe('100 of 100');
  });
});

describe('scoreBestFit', () => {
  const strict = makeIcp(
    { ...icpInput, title: 'Strict', filters: [{ label: 'France only', attribute: 'region', in: ['fr'] }] },
    'strict',
  );
  const retired = makeIcp(
    {
      ...icpInput,
      title: 'Retired',
      status: 'retired',
      filters: [{ label: 'Any size', attribute: 'employees', atLeast: 0 }],
    },
    'retired',
  );

  it('ranks fit before unknown before out, then by score', () => {
    const { best, results } = scoreBestFit({ region: 'dach', employees: 300 }, [strict, icp], attributes, 'en');
    expect(results.map((r) => [r.icpId, r.verdict, r.score])).toEqual([
      ['mid-market-saas', 'fit', 20],
      ['strict', 'out', 20],
    ]);
    expect(best?.icpId).toBe('mid-market-saas');
  });

  it('leaves out inactive ICPs unless asked', () => {
    expect(scoreBestFit({ employees: 10 }, [icp, retired], attributes, 'en').results.map((r) => r.icpId)).toEqual([
      'mid-market-saas',
    ]);
    const all = scoreBestFit({ employees: 10 }, [icp, retired], attributes, 'en', { includeInactive: true });
    expect(all.best?.icpId).toBe('retired');
  });

  it('has no best without an ICP to score', () => {
    expect(scoreBestFit({}, [retired], attributes, 'en')).toEqual({ results: [] });
  });
});

// ---- Properties -------------------------------------------------------------------------

const optionIds = (id: string) => {
  const attribute = byId(id);
  return attribute.type === 'choice' || attribute.type === 'choices' ? attribute.options.map((o) => o.id) : [];
};

const valueOf: Record<string, fc.Arbitrary<AttributeValue>> = {
  employees: fc.integer({ min: 0, max: 3000 }),
  revenue: fc.double({ min: 0, max: 500, noNaN: true }),
  region: fc.constantFrom(...optionIds('region')),
  stack: fc.subarray(optionIds('stack')),
  hiring_revops: fc.boolean(),
};

/** A partial account: each attribute present or missing. */
const accountArb: fc.Arbitrary<Account> = fc.record(valueOf, { requiredKeys: [] });

const bound = fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null });
const ruleFor: Record<string, fc.Arbitrary<Rule>> = {
  employees: fc.oneof(
    fc.tuple(bound, bound).map(([a, b]): Rule => ({
      op: 'between',
      min: a !== null && b !== null ? Math.min(a, b) : a,
      max: a !== null && b !== null ? Math.max(a, b) : b,
    })),
    fc.integer({ min: 0, max: 3000 }).map((value): Rule => ({ op: 'atLeast', value })),
    fc.integer({ min: 0, max: 3000 }).map((value): Rule => ({ op: 'atMost', value })),
  ),
  revenue: fc.integer({ min: 0, max: 500 }).map((value): Rule => ({ op: 'atLeast', value })),
  region: fc
    .tuple(fc.constantFrom('in' as const, 'notIn' as const), fc.subarray(optionIds('region'), { minLength: 1 }))
    .map(([op, values]): Rule => ({ op, values })),
  stack: fc
    .tuple(
      fc.constantFrom('anyOf' as const, 'allOf' as const, 'noneOf' as const),
      fc.subarray(optionIds('stack'), { minLength: 1 }),
    )
    .map(([op, values]): Rule => ({ op, values })),
  hiring_revops: fc.boolean().map((value): Rule => ({ op: 'is', value })),
};

const attributeId = fc.constantFrom(...attributes.map((a) => a.id));
const filterArb = attributeId.chain((attribute) =>
  ruleFor[attribute]!.map((rule): Filter => ({ label: `${attribute} filter`, attribute, why: undefined, rule })),
);
const signalArb = attributeId.chain((attribute) =>
  fc
    .array(fc.tuple(ruleFor[attribute]!, fc.integer({ min: -100, max: 100 })), { minLength: 1, maxLength: 3 })
    .map((levels): Signal => ({
      label: `${attribute} signal`,
      attribute,
      why: undefined,
      graded: levels.length > 1,
      levels: levels.map(([rule, points]) => ({ rule, points })),
    })),
);
const tiersArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 4 })
  .map((mins) => [...mins.sort((a, b) => b - a), 0].map((min, i) => ({ label: `Tier ${i + 1}`, min })));

/** Any ICP over the test attributes: random filters, signals (graded or not, any points) and tiers. */
const icpArb = fc
  .record({
    filters: fc.array(filterArb, { minLength: 1, maxLength: 4 }),
    signals: fc.array(signalArb, { minLength: 1, maxLength: 6 }),
    tiers: tiersArb,
  })
  .map((parts) => ({ id: 'random', data: { ...icp.data, ...parts } }));

/** A rule that the value matches, for a signal that must match the account. */
function matchingRule(value: AttributeValue): Rule {
  if (typeof value === 'number') return { op: 'between', min: value, max: value };
  if (typeof value === 'boolean') return { op: 'is', value };
  if (typeof value === 'string') return { op: 'in', values: [value] };
  if (isNumberRange(value)) return { op: 'between', min: value.min, max: value.max === Infinity ? null : value.max };
  const absent = optionIds('stack').filter((id) => !value.includes(id));
  return value.length > 0 ? { op: 'anyOf', values: [value[0]!] } : { op: 'noneOf', values: [absent[0]!] };
}

describe('scoring properties', () => {
  it('never lets a missing value pass a filter', () => {
    fc.assert(
      fc.property(icpArb, accountArb, (random, account) => {
        const result = scoreAccount(account, random, attributes, 'en');
        for (const f of result.filters) {
          if (account[f.filter.attribute] === undefined) expect(f.outcome).toBe('unknown');
        }
        if (result.filters.some((f) => account[f.filter.attribute] === undefined))
          expect(result.verdict).not.toBe('fit');
      }),
    );
  });

  it('keeps 0 ≤ score ≤ best ≤ 100', () => {
    fc.assert(
      fc.property(icpArb, accountArb, (random, account) => {
        const { score, best } = scoreAccount(account, random, attributes, 'en');
        expect(0 <= score && score <= best && best <= 100).toBe(true);
      }),
    );
  });

  it('never scores above best once the unknown attributes are answered', () => {
    fc.assert(
      fc.property(icpArb, accountArb, accountArb, (random, known, answers) => {
        const before = scoreAccount(known, random, attributes, 'en');
        const after = scoreAccount({ ...answers, ...known }, random, attributes, 'en');
        expect(after.score).toBeLessThanOrEqual(before.best);
      }),
    );
  });

  it('never lowers the score when a matching positive signal is added', () => {
    fc.assert(
      fc.property(
        icpArb,
        accountArb,
        fc.integer({ min: 1, max: 100 }),
        attributeId,
        (random, account, points, attribute) => {
          const value = account[attribute];
          fc.pre(value !== undefined);
          const signal: Signal = {
            label: 'added',
            attribute,
            why: undefined,
            graded: false,
            levels: [{ rule: matchingRule(value), points }],
          };
          const before = scoreAccount(account, random, attributes, 'en');
          const after = scoreAccount(
            account,
            { ...random, data: { ...random.data, signals: [...random.data.signals, signal] } },
            attributes,
            'en',
          );
          expect(after.signals.at(-1)!.points).toBe(points);
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(after.best).toBeGreaterThanOrEqual(before.best);
        },
      ),
    );
  });

  it('never gives a worse tier to a higher score', () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (tiers, a, b) => {
        const mins = tiers.map((t) => t.min);
        const [low, high] = a <= b ? [a, b] : [b, a];
        // Tier 0 is the best: a higher score gets the same tier or a better (lower) index.
        expect(tierIndex(mins, high)).toBeLessThanOrEqual(tierIndex(mins, low));
        expect(tierIndex(mins, low)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('gives the tier of the score to every account that is not out', () => {
    fc.assert(
      fc.property(icpArb, accountArb, (random, account) => {
        const result = scoreAccount(account, random, attributes, 'en');
        const expected =
          result.verdict === 'out'
            ? undefined
            : random.data.tiers[
                tierIndex(
                  random.data.tiers.map((t) => t.min),
                  result.score,
                )
              ];
        expect(result.tier).toEqual(expected);
      }),
    );
  });
});

describe('attribute ids that are also names on every object', () => {
  it('treats a missing `constructor` attribute as unknown, not as Object', () => {
    const constructorAttribute = {
      id: 'constructor',
      label: 'Built by',
      type: 'choices' as const,
      options: [{ id: 'acme', label: 'Acme' }],
    };
    const icpOnIt = makeIcp(
      {
        ...icpInput,
        filters: [...icpInput.filters, { label: 'Built by Acme', attribute: 'constructor', anyOf: ['acme'] }],
      },
      'proto',
    );
    const result = scoreAccount({}, icpOnIt, [...attributes, constructorAttribute], 'en');
    const filter = result.filters.at(-1)!;
    expect(filter.outcome).toBe('unknown');
    expect(filter.value).toBeUndefined();
  });
});
