import { describe, expect, it } from 'vitest';
import { Rows, TextColumn } from './batch-rows.ts';

describe('TextColumn', () => {
  it('gives back each row text, and finds rows by a part of their text, never across two rows', () => {
    const column = new TextColumn();
    const texts = ['acme inc', '', 'bolt', 'cargo acme', 'x\u0001y', 'dune', 'Éclair 🚀 東京'];
    for (const text of texts) column.push(text);
    expect(texts.map((_, i) => column.get(i))).toEqual(texts);
    const find = (needle: string, from = 0) => {
      const matches = new Uint8Array(texts.length);
      column.find(needle, matches, from);
      return [...matches];
    };
    expect(find('acme')).toEqual([1, 0, 0, 1, 0, 0, 0]);
    expect(find('o', 2)).toEqual([0, 0, 1, 1, 0, 0, 0]);
    expect(find('boltcargo')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(find('tc')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(find('🚀 東')).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(find('x\u0001y')).toEqual([0, 0, 0, 0, 1, 0, 0]);
  });

  it('keeps rows whole across its 1 MB pages, a text longer than a page included', () => {
    const column = new TextColumn();
    const texts = Array.from({ length: 5000 }, (_, i) => `row ${i} ${'é'.repeat(i % 300)}`);
    texts[2500] = `long ${'z'.repeat(3_000_000)} end`;
    for (const text of texts) column.push(text);
    expect(column.size).toBe(5000);
    for (const i of [0, 1, 2499, 2500, 2501, 4999]) expect(column.get(i)).toBe(texts[i]);
    expect(texts.every((text, i) => column.get(i) === text)).toBe(true);
    const matches = new Uint8Array(texts.length);
    column.find('z end', matches);
    expect([...matches.keys()].filter((i) => matches[i])).toEqual([2500]);
    const rows = new Uint8Array(texts.length);
    column.find('row 4999 ', rows);
    expect([...rows.keys()].filter((i) => rows[i])).toEqual([4999]);
  });
});

describe('Rows', () => {
  it('searches the names of the rows past the search budget', () => {
    const rows = new Rows();
    const base = { icp: 'Core', score: 0, best: 0, tier: -1, provisional: -1, reasons: '', verdict: 'out' as const };
    rows.add({ ...base, name: 'Acme', search: 'acme +33 1' });
    rows.add({ ...base, name: 'Éclair', search: undefined });
    rows.add({ ...base, name: 'Bolt', search: undefined });
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
      score: 30,
      reasons: 'Unknown: Region (no value)',
    });
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
    expect(rows.row(1)).toEqual({
      line: 2,
      name: 'Bolt',
      icp: 'Core',
      verdict: 'unknown',
      score: 30,
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
