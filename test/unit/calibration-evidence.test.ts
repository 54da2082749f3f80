import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlaybookFromDisk } from '../../src/content-fs.ts';
import { refineIcps, type IcpRefinement } from '../../src/lib/calibration/evidence-model.ts';
import { suggestionYaml } from '../../src/lib/calibration/suggest.ts';
import type { PlaybookModel } from '../../src/lib/model/playbook-model.ts';
import { writeKnownAccountsModel } from '../helpers/known-accounts-model.ts';

let dir: string;
let model: PlaybookModel;
let refined: IcpRefinement;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'icp-calibration-'));
  writeKnownAccountsModel(join(dir, 'content'));
  const loaded = loadPlaybookFromDisk(join(dir, 'content'), dir);
  expect(loaded.problems).toEqual([]);
  model = loaded.model!;
  refined = refineIcps(model, 'en', 'Out').get('finance')!;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signal = (label: string) => refined.evidence.signals.find((s) => s.label === label)!;

describe('evidence from 300 known accounts drawn from a known model', () => {
  it('counts every account once per filter', () => {
    for (const filter of refined.evidence.filters) {
      const sum = (t: { won: number; lost: number; open: number; none: number }) => t.won + t.lost + t.open + t.none;
      expect(sum(filter.keeps) + sum(filter.excludes) + sum(filter.unknown)).toBe(300);
    }
  });

  it('finds the two strong signals better, and the webinar without a clear effect', () => {
    expect(signal('Hiring finance roles').comparison.finding).toBe('better');
    expect(signal('Runs a CRM').comparison.finding).toBe('better');
    expect(signal('Came to a webinar').comparison.finding).toBe('no-effect');
  });

  it('shows the win rate where a signal fires above the rate where it does not', () => {
    const hiring = signal('Hiring finance roles').comparison;
    expect(hiring.holds!.rate).toBeGreaterThan(hiring.fails!.rate);
    expect(hiring.lift).toBeGreaterThan(1.5);
    expect(hiring.holds!.low).toBeLessThan(hiring.holds!.rate);
    expect(hiring.holds!.high).toBeGreaterThan(hiring.holds!.rate);
  });

  it('the region filter excludes the US accounts, won ones included', () => {
    const europe = refined.evidence.filters.find((f) => f.label === 'Europe')!;
    expect(europe.excludes.won + europe.excludes.lost).toBeGreaterThan(0);
    expect(europe.keeps.won + europe.keeps.lost).toBeGreaterThan(200);
  });

  it('value per tier: average and total won amounts, median sales cycle', () => {
    expect(refined.evidence.hasAmounts).toBe(true);
    expect(refined.evidence.hasCycles).toBe(true);
    const all = refined.evidence.tiers;
    expect(all.map((t) => t.label)).toEqual(['Tier 1', 'Tier 2', 'Tier 3', 'Out']);
    for (const tier of all) {
      if (tier.wonWithAmount === 0) continue;
      expect(tier.averageWon).toBeCloseTo(tier.totalWon / tier.wonWithAmount, 6);
      expect(tier.medianCycleDays).toBeGreaterThanOrEqual(20);
      expect(tier.medianCycleDays).toBeLessThanOrEqual(140);
    }
  });
});

describe('suggested points', () => {
  it('ranks the true strong signals first and totals exactly 100', () => {
    expect(refined.suggestion.status).toBe('ok');
    if (refined.suggestion.status !== 'ok') return;
    const best = refined.suggestion.signals.map((s) => ({
      label: s.label,
      points: Math.max(0, ...s.levels.map((l) => l.suggested)),
    }));
    expect(best.reduce((sum, s) => sum + s.points, 0)).toBe(100);
    const ranked = [...best].sort((a, b) => b.points - a.points).map((s) => s.label);
    expect(ranked.slice(0, 2).sort()).toEqual(['Hiring finance roles', 'Runs a CRM']);
  });

  it('suggests 0 for a signal the accounts show makes no difference, with the reason', () => {
    if (refined.suggestion.status !== 'ok') throw new Error('expected a suggestion');
    const webinar = refined.suggestion.signals.find((s) => s.label === 'Came to a webinar')!;
    expect(webinar.levels[0]).toEqual({ current: 30, suggested: 0, reason: 'no-effect' });
  });

  it('prints YAML that parses back to the suggested points', async () => {
    if (refined.suggestion.status !== 'ok') throw new Error('expected a suggestion');
    const text = suggestionYaml(model.icps[0]!.data, refined.suggestion);
    const { parse } = await import('yaml');
    const parsed = parse(text) as { signals: { label: string; points?: number; levels?: { points: number }[] }[] };
    expect(parsed.signals.map((s) => s.label)).toEqual(model.icps[0]!.data.signals.map((s) => s.label));
    parsed.signals.forEach((s, i) => {
      const points = s.levels ? s.levels.map((l) => l.points) : [s.points];
      expect(points).toEqual(
        (refined.suggestion as { signals: { levels: { suggested: number }[] }[] }).signals[i]!.levels.map(
          (l) => l.suggested,
        ),
      );
    });
    expect(text).toContain('# was 15');
  });
});
