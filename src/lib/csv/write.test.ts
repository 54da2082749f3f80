import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse.ts';
import { formatCsvRow, neutraliseCell, quoteCell, restoreCell } from './write.ts';

describe.each([
  ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
  ['+cmd|calc', "'+cmd|calc"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\t=1', "'\t=1"],
  ['\r=1', "'\r=1"],
  ['-15', '-15'],
  ['+3.5', '+3.5'],
  ['-3,5', '-3,5'],
  ['Acme', 'Acme'],
  ['', ''],
  ['a=b', 'a=b'],
  ['+33 1 10 30 99 64', '+33 1 10 30 99 64'],
  ['+1 (555) 010-9999', '+1 (555) 010-9999'],
  ['+44.20.7946.0958', '+44.20.7946.0958'],
  ['+2-3', "'+2-3"],
  ['+33 1 10 30 99 64|cmd', "'+33 1 10 30 99 64|cmd"],
  ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
  ['-1+1+cmd|x', "'-1+1+cmd|x"],
  ['=1+1\n+33 1 10 30 99 64', "'=1+1\n+33 1 10 30 99 64"],
] as const)('neutraliseCell(%j)', (cell, expected) => {
  it(`gives ${JSON.stringify(expected)}`, () => expect(neutraliseCell(cell)).toBe(expected));
});

describe.each([
  ['plain', ',', 'plain'],
  ['a,b', ',', '"a,b"'],
  ['a,b', ';', 'a,b'],
  ['a;b', ';', '"a;b"'],
  ['a\tb', '\t', '"a\tb"'],
  ['say "hi"', ',', '"say ""hi"""'],
  ['two\nlines', ';', '"two\nlines"'],
] as const)('quoteCell(%j, %j)', (cell, delimiter, expected) => {
  it(`gives ${JSON.stringify(expected)}`, () => expect(quoteCell(cell, delimiter)).toBe(expected));
});

describe('formatCsvRow', () => {
  it('neutralises, then quotes, so the file reads back to the safe text', () => {
    const cells = ['=1+1', 'a,"b"', 'x\ny', '-4'];
    const line = formatCsvRow(cells, ',');
    expect(line).toBe(`'=1+1,"a,""b""","x\ny",-4`);
    expect(parseCsv(`h1,h2,h3,h4\n${line}\n`).records[1]!.cells).toEqual(["'=1+1", 'a,"b"', 'x\ny', '-4']);
  });
});

describe('restoreCell', () => {
  it.each(['=SUM(A1)', '@cmd', '+33 1 23', '-x', 'Acme', "'quoted already", '-15'])(
    'gives back %s after neutraliseCell',
    (cell) => {
      expect(restoreCell(neutraliseCell(cell))).toBe(cell);
    },
  );
});
