import { describe, expect, it } from 'vitest';
import { Rows, TextColumn } from './batch-rows.ts';

describe('TextColumn', () => {
  it('gives back each row text across blocks, and finds rows by a part of their text', () => {
    const column = new TextColumn();
    const texts = ['acme inc', '', 'bolt', 'cargo acme', 'x\u0001y', 'dune'];
    column.push(texts[0]!);
    column.push(texts[1]!);
    column.seal();
    for (const text of texts.slice(2)) column.push(text);
    column.seal();
    column.seal();
    expect(texts.map((_, i) => column.get(i))).toEqual(['acme inc', '', 'bolt', 'cargo acme', 'x y', 'dune']);
    const matches = new Uint8Array(texts.length);
    column.find('acme', matches);
    expect([...matches]).toEqual([1, 0, 0, 1, 0, 0]);
    const from = new Uint8Array(texts.length);
    column.find('o', from, 2);
    expect([...from]).toEqual([0, 0, 1, 1, 0, 0]);
    const across = new Uint8Array(texts.length);
    column.find('bolt\u0001cargo', across);
    expect([...across]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('Rows', () => {
  it('searches the names of the rows past the search budget', () => {
    const rows = new Rows();
    const base = { icp: 'Core', score: 0, best: 0, tier: -1, provisional: -1, reasons: '', verdict: 'out' as const };
    rows.add({ ...base, name: 'Acme', search: 'acme +33 1' });
    rows.add({ ...base, name: 'Éclair', search: undefined });
    rows.add({ ...base, name: 'Bolt', search: undefined });
    rows.seal();
    const fold = (text: string) =>
      text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    expect([...rows.find('eclair', fold)]).toEqual([0, 1, 0]);
    expect([...rows.find('+33', fold)]).toEqual([1, 0, 0]);
  });

  it('keeps each row as added and counts tiers of fit rows', () => {
    const rows = new Rows();
    rows.tierLabels.push('Tier 1', 'Tier 2');
    rows.tierRanks.push(0, 1);
    const base = { icp: 'Core', score: 80, best: 100, provisional: -1, reasons: '' };
    rows.add({ ...base, name: 'Acme', search: 'acme 101', verdict: 'fit', tier: 0 });
    rows.add({
      ...base,
      name: 'Bolt',
      search: 'bolt 102',
      verdict: 'unknown',
      tier: -1,
      provisional: 1,
      score: 30.5,
      reasons: 'Unknown: Region (no value)',
    });
    rows.seal();
    rows.add({
      ...base,
      name: 'Cargo',
      search: 'cargo 103',
      verdict: 'out',
      tier: -1,
      icp: 'Other',
      score: 0,
      reasons: 'Fails: Size (seen 20)',
    });
    rows.seal();
    expect(rows.row(1)).toEqual({
      line: 2,
      name: 'Bolt',
      icp: 'Core',
      verdict: 'unknown',
      score: 30.5,
      best: 100,
      tier: '',
      provisionalTier: 'Tier 2',
      reasons: 'Unknown: Region (no value)',
    });
    expect(rows.row(2)).toMatchObject({
      name: 'Cargo',
      icp: 'Other',
      verdict: 'out',
      tier: '',
      reasons: 'Fails: Size (seen 20)',
    });
    expect(rows.tierCounts()).toEqual([1, 0]);
    const fold = (text: string) => text.toLowerCase();
    expect([...rows.find('10', fold)]).toEqual([1, 1, 1]);
    expect([...rows.find('cargo', fold)]).toEqual([0, 0, 1]);
  });
});
