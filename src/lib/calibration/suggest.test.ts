import { describe, expect, it } from 'vitest';
import type { IcpEvidence, SignalEvidence } from './evidence.ts';
import { compare } from './stats.ts';
import { ruleToYaml, suggestPoints } from './suggest.ts';

type Cells = [won: number, lost: number, wonNot: number, lostNot: number];

/** An ICP of plain signals with the given points, and evidence with the given 2×2 tables. */
function setup(signals: { points: number; cells: Cells; neverFires?: boolean }[]) {
  const icp = {
    signals: signals.map(({ points }, i) => ({
      label: `S${i}`,
      attribute: 'a',
      why: undefined,
      graded: false,
      levels: [{ rule: { op: 'is' as const, value: true }, points }],
    })),
  };
  const evidence = {
    signals: signals.map(({ points, cells, neverFires = false }, i): SignalEvidence => {
      const comparison = compare(...cells);
      const t = { won: 0, lost: 0, open: 0, none: 0 };
      return {
        index: i,
        label: `S${i}`,
        graded: false,
        levels: [{ rule: 'a: yes', points, fired: t, comparison }],
        comparison,
        fired: t,
        silent: t,
        unanswered: t,
        neverFires,
      };
    }),
  } as IcpEvidence;
  return { icp, evidence };
}

const strong: Cells = [30, 10, 10, 30]; // log odds ratio ln 9 ≈ 2.197, clearly better
const medium: Cells = [20, 20, 10, 30]; // ln 3 ≈ 1.099, clearly better
const flat: Cells = [20, 20, 20, 20]; // 0: no clear difference
const few: Cells = [3, 0, 0, 3]; // too few to conclude
const harmful: Cells = [10, 30, 30, 10]; // ln(1/9): clearly worse

describe('suggestPoints', () => {
  it('splits 100 in proportion to the log odds ratios of clear effects', () => {
    const { icp, evidence } = setup([
      { points: 50, cells: strong },
      { points: 50, cells: medium },
    ]);
    const s = suggestPoints(icp, evidence);
    expect(s.status).toBe('ok');
    if (s.status !== 'ok') return;
    // 2.197 : 1.099 = 2 : 1 → 66.7 and 33.3, rounded to a total of exactly 100.
    expect(s.signals.map((x) => x.levels[0]!.suggested)).toEqual([67, 33]);
    expect(s.signals.every((x) => x.levels[0]!.reason === 'effect')).toBe(true);
  });

  it('suggests 0 for no clear difference, keeps too-few and never-fires, and scales the rest to 100', () => {
    const { icp, evidence } = setup([
      { points: 40, cells: strong },
      { points: 30, cells: flat },
      { points: 20, cells: few },
      { points: 10, cells: few, neverFires: true },
    ]);
    const s = suggestPoints(icp, evidence);
    if (s.status !== 'ok') throw new Error(s.status);
    expect(s.signals.map((x) => x.levels[0])).toEqual([
      { current: 40, suggested: 70, reason: 'effect' },
      { current: 30, suggested: 0, reason: 'no-effect' },
      { current: 20, suggested: 20, reason: 'too-few' },
      { current: 10, suggested: 10, reason: 'never-fires' },
    ]);
  });

  it('gives a harmful signal negative points on the same scale', () => {
    const { icp, evidence } = setup([
      { points: 100, cells: strong },
      { points: -10, cells: harmful },
    ]);
    const s = suggestPoints(icp, evidence);
    if (s.status !== 'ok') throw new Error(s.status);
    expect(s.signals.map((x) => x.levels[0]!.suggested)).toEqual([100, -100]);
  });

  it('has nothing to suggest without a clear positive effect', () => {
    const { icp, evidence } = setup([
      { points: 60, cells: flat },
      { points: 40, cells: few },
    ]);
    expect(suggestPoints(icp, evidence)).toEqual({ status: 'none' });
  });

  it('says so when the signals it must keep already total 100', () => {
    const { icp, evidence } = setup([
      { points: 100, cells: few },
      { points: 0, cells: strong },
    ]);
    expect(suggestPoints(icp, evidence)).toEqual({ status: 'over-budget', kept: 100 });
  });

  it('rounds three equal effects to a total of exactly 100', () => {
    const { icp, evidence } = setup([
      { points: 50, cells: strong },
      { points: 25, cells: strong },
      { points: 25, cells: strong },
    ]);
    const s = suggestPoints(icp, evidence);
    if (s.status !== 'ok') throw new Error(s.status);
    const points = s.signals.map((x) => x.levels[0]!.suggested);
    expect(points.reduce((a, b) => a + b, 0)).toBe(100);
    expect([...points].sort()).toEqual([33, 33, 34]);
  });
});

describe('ruleToYaml', () => {
  it.each([
    { rule: { op: 'between' as const, min: 50, max: null }, yaml: 'between: [50, null]' },
    { rule: { op: 'atLeast' as const, value: 10 }, yaml: 'atLeast: 10' },
    { rule: { op: 'anyOf' as const, values: ['hubspot', 'salesforce'] }, yaml: 'anyOf: [hubspot, salesforce]' },
    { rule: { op: 'is' as const, value: false }, yaml: 'is: false' },
    // The playbook reads YAML 1.2, where yes and on are plain strings: no quotes needed.
    { rule: { op: 'in' as const, values: ['yes', 'on'] }, yaml: 'in: [yes, on]' },
  ])('writes $yaml', ({ rule, yaml }) => {
    expect(ruleToYaml(rule)).toBe(yaml);
  });
});
