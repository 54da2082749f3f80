import { describe, expect, it } from 'vitest';
import { attributes, icpInput, makeIcp } from '../../../test/helpers/scoring-fixtures.ts';
import { PlaybookSchema } from '../../schemas/playbook.ts';
import { AccountsFeeder } from './feed-accounts.ts';
import { reachableScores, renderImpactReport, type ImpactReportInput } from './report.ts';
import { compareRules, type ImpactSide } from './rule-changes.ts';

const before = makeIcp();
// Tier 1 moves up to 80, the filter on region drops DACH, the sweet spot level changes.
const after = makeIcp({
  ...icpInput,
  filters: [icpInput.filters[0]!, { label: 'France or DACH', attribute: 'region', in: ['fr'] }],
  tiers: [
    { label: 'Tier 1', min: 80 },
    { label: 'Tier 2', min: 40 },
    { label: 'Tier 3', min: 0 },
  ],
});
const settings = (locale: 'en' | 'fr') => PlaybookSchema.parse({ company: 'Acme', product: 'Acme Cloud', locale });
const side = (icp: typeof before, locale: 'en' | 'fr'): ImpactSide => ({
  settings: settings(locale),
  attributes,
  icps: [{ ...icp, file: 'x.md', body: '' }],
  personas: [],
  pages: [],
});

function population(csv: string, locale: 'en' | 'fr', keep = Infinity, name?: string) {
  const feeder = new AccountsFeeder({
    before: { attributes, icps: [before] },
    after: { attributes, icps: [after] },
    locale,
    file: 'known.csv',
    keep,
  });
  feeder.push(csv);
  return feeder.end(name);
}

const csv = [
  'company,employees,region,stack,hiring_revops,revenue',
  'A,300,fr,hubspot,true,20',
  'B,300,dach,hubspot,true,20',
  'C,300,fr,hubspot,false,20',
  'D,40,fr,,,',
].join('\n');

function input(locale: 'en' | 'fr', extra: Partial<ImpactReportInput> = {}): ImpactReportInput {
  return {
    locale,
    base: 'main',
    rules: compareRules(side(before, locale), side(after, locale), locale),
    known: population(csv, locale),
    samples: [],
    icps: [after],
    ...extra,
  };
}

describe('renderImpactReport', () => {
  it('writes the report in French with French typography', () => {
    const report = renderImpactReport(input('fr'));
    expect(report.split('\n').slice(0, 3).join('\n')).toMatchInlineSnapshot(`
      "## Effet de cette modification (par rapport à \`main\`)

      **2 comptes connus bougent (↑0 ↓2)\u202f; Tier 1 de Mid-market SaaS demande désormais 80 points\u202f; 1 alerte.**"
    `);
    expect(report).toContain('- Filtre « France or DACH »\u202f: Region est France ou DACH → Region est France\n');
    expect(report).toContain(
      '| B | Tier 1 (Mid-market SaaS, 100) | hors cible | Region est France\u202f: passe → échoue (vu DACH) |',
    );
  });

  it('says why an account moved when only a threshold moved', () => {
    const report = renderImpactReport(input('en'));
    expect(report).not.toContain('| A |');
    expect(report).toContain(
      '| C | Tier 1 (Mid-market SaaS, 75) | Tier 2 (Mid-market SaaS, 75) | Tier 1 needs 80 (score 75) |',
    );
  });

  it('warns of a filter that excludes every known account and a signal that never fires', () => {
    const report = renderImpactReport(input('en', { known: population('company,employees,region\nZ,20,us', 'en') }));
    expect(report).toContain(
      '- ⚠️ Filter “50 to 1,000 employees” of “Mid-market SaaS” excludes every account of the known accounts.',
    );
    expect(report).toContain(
      '- ⚠️ Signal “Hiring RevOps” of “Mid-market SaaS” earns points on no account of the known accounts.',
    );
  });

  it('warns of a tier no combination of signals can reach', () => {
    const unreachable = makeIcp({
      ...icpInput,
      tiers: [
        { label: 'Tier 1', min: 96 },
        { label: 'Tier 2', min: 0 },
      ],
    });
    // Points 30, 25, 20|10, 25, -15: no combination gives 96 to 99, but 100 is reachable.
    expect([...reachableScores(unreachable)].filter((s) => s >= 96)).toEqual([100]);
    const narrow = makeIcp({
      ...icpInput,
      tiers: [
        { label: 'Tier 1', min: 97 },
        { label: 'Almost', min: 96 },
        { label: 'Tier 3', min: 0 },
      ],
    });
    const report = renderImpactReport(input('en', { icps: [narrow] }));
    expect(report).toContain(
      '- ⚠️ “Almost” of “Mid-market SaaS” cannot be reached: no combination of signals scores within its range.',
    );
    expect(report).not.toContain('“Tier 1” of “Mid-market SaaS” cannot be reached');
  });

  it('stays under the character limit by listing fewer moves, with a count of the rest', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Company ${i},300,dach,hubspot,true,20`);
    const big = population(['company,employees,region,stack,hiring_revops,revenue', ...rows].join('\n'), 'en');
    const report = renderImpactReport(input('en', { known: big, maxChars: 20_000 }));
    expect(report.length).toBeLessThanOrEqual(20_000);
    const shown = report.split('\n').filter((line) => line.startsWith('| Company ')).length;
    expect(shown).toBeGreaterThan(50);
    expect(report).toContain(
      `… and ${(3000 - shown).toLocaleString('en-US')} more rows not shown (the report is kept under 20,000 characters).`,
    );
    expect(renderImpactReport(input('en', { known: big, maxChars: 20_000 }))).toBe(report);
  });

  it('keeps only the biggest moves of a large file, in input order among equals', () => {
    const rows = [
      'company,employees,region,stack,hiring_revops,revenue',
      'Small,300,fr,hubspot,false,20',
      'Big1,300,dach,hubspot,true,20',
      'Big2,300,dach,hubspot,true,20',
      'Big3,300,dach,hubspot,true,20',
    ];
    const sample = population(rows.join('\n'), 'en', 2, 'sample.csv');
    expect(sample.movements.moved).toBe(4);
    expect(sample.movements.moves.map((move) => move.name)).toEqual(['Big1', 'Big2']);
  });
});
