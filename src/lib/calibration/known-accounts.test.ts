import { describe, expect, it } from 'vitest';
import { attributes, icp, icpInput, makeIcp } from '../../../test/helpers/scoring-fixtures.ts';
import { formatProblem } from '../model/problem.ts';
import type { IcpEntry } from '../model/playbook-model.ts';
import { calibrationSummary, checkCalibration } from './known-accounts.ts';

const entry = (i: { id: string; data: IcpEntry['data'] }): IcpEntry => ({
  ...i,
  file: `content/icps/${i.id}.md`,
  body: '',
});
const core = entry(icp);
const retired = entry(
  makeIcp(
    {
      ...icpInput,
      title: 'Retired',
      status: 'retired',
      filters: [{ label: 'Any size', attribute: 'employees', atLeast: 0 }],
    },
    'retired',
  ),
);
const FILE = 'content/accounts/known.csv';

function model(text: string) {
  return { attributes, icps: [core, retired], accounts: [{ file: FILE, text }] };
}

const KNOWN = [
  'company,outcome,expect,employees,region,stack,hiring_revops,revenue',
  'Acme,won,Tier 1,240,fr,hubspot,yes,12',
  'Bolt,lost,tier 3,600,fr,,no,',
  'Cargo,lost,out,20,us,,,',
  'Dyn,open,,300,dach,salesforce,yes,',
  'Echo,won,Tier 2,150,dach,salesforce,,',
  'Fern,,,1200,fr,,,',
].join('\n');

describe('checkCalibration', () => {
  it('passes when every expect agrees with the engine (tier labels in any case)', () => {
    expect(checkCalibration(model(KNOWN))).toEqual([]);
  });

  it('reports each disagreement like a failing test, at the expect cell', () => {
    const text = KNOWN.replace('Acme,won,Tier 1', 'Acme,won,Tier 2')
      .replace('Cargo,lost,out', 'Cargo,lost,Tier 3')
      .replace('Bolt,lost,tier 3', 'Bolt,lost,out');
    expect(checkCalibration(model(text)).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/accounts/known.csv:2:3  expect  expected "Tier 2", got "Tier 1" (score 100 on mid-market-saas): a change to filters or points moved this known account; fix the row if its values are wrong, or update expect if the new result is right",
        "content/accounts/known.csv:3:3  expect  expected "out", got "Tier 3" (score 0 on mid-market-saas): a change to filters or points moved this known account; fix the row if its values are wrong, or update expect if the new result is right",
        "content/accounts/known.csv:4:3  expect  expected "Tier 3", got "out" (best fit mid-market-saas: Fails: Employees between 50 and 1,000 people (seen 20 people); Fails: Region is France or DACH (seen United States)): a change to filters or points moved this known account; fix the row if its values are wrong, or update expect if the new result is right",
      ]
    `);
  });

  it('scores known accounts against active ICPs only', () => {
    // The retired ICP would take Fern (1,200 employees): calibration must not.
    expect(checkCalibration(model(KNOWN.replace('Fern,,,', 'Fern,,out,')))).toEqual([]);
  });

  it('reports unreadable cells, bad outcomes and unknown expected tiers', () => {
    const text = KNOWN.replace('Acme,won,Tier 1,240', 'Acme,winning,Tier 1,2x40').replace(
      'Dyn,open,,',
      'Dyn,open,Tier 9,',
    );
    expect(checkCalibration(model(text)).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/accounts/known.csv:2:4  employees  "2x40" is not a number: write digits, with . or , as decimal mark (for example 1200 or 38,5), or a range such as 51-200 or 10001+",
        "content/accounts/known.csv:2:2  outcome  "winning" is not an outcome: write won, lost or open, or leave the cell empty",
        "content/accounts/known.csv:5:3  expect  "Tier 9" is not a tier of an active ICP: write out or one of Tier 1, Tier 2, Tier 3",
      ]
    `);
  });

  it('reports a file that cannot be read at all', () => {
    expect(checkCalibration(model('')).map(formatProblem)).toEqual([
      `${FILE}:1:1  -  the file is empty: it needs a header row naming the columns, then one row per account`,
    ]);
  });
});

describe('calibrationSummary', () => {
  it('counts known accounts per tier and outcome for each ICP, with the win rate', () => {
    const summary = calibrationSummary(model(KNOWN));
    expect(summary.get('mid-market-saas')).toMatchInlineSnapshot(`
      {
        "out": {
          "lost": 1,
          "none": 1,
          "open": 0,
          "total": 2,
          "winRate": 0,
          "won": 0,
        },
        "tiers": [
          {
            "label": "Tier 1",
            "lost": 0,
            "min": 70,
            "none": 0,
            "open": 1,
            "total": 2,
            "winRate": 1,
            "won": 1,
          },
          {
            "label": "Tier 2",
            "lost": 0,
            "min": 40,
            "none": 0,
            "open": 0,
            "total": 1,
            "winRate": 1,
            "won": 1,
          },
          {
            "label": "Tier 3",
            "lost": 1,
            "min": 0,
            "none": 0,
            "open": 0,
            "total": 1,
            "winRate": 0,
            "won": 0,
          },
        ],
        "total": 6,
      }
    `);
  });

  it('scores every row against each ICP alone, inactive ones included', () => {
    const retiredSummary = calibrationSummary(model(KNOWN)).get('retired')!;
    expect(retiredSummary.out.total).toBe(0);
    expect(retiredSummary.tiers.reduce((sum, tier) => sum + tier.total, 0)).toBe(6);
  });

  it('leaves the win rate out of a tier with neither win nor loss', () => {
    const tier = calibrationSummary(model('employees,outcome\n10,open\n')).get('retired')!.tiers[2]!;
    expect(tier).toEqual({ label: 'Tier 3', min: 0, won: 0, lost: 0, open: 1, none: 0, total: 1 });
  });

  it('is empty without known accounts', () => {
    expect(calibrationSummary({ attributes, icps: [core], accounts: [] }).size).toBe(0);
  });
});
