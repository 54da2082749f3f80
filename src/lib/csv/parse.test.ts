import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, CsvParser, MAX_RECORD_CHARS, detectDelimiter, parseCsv, type CsvRecord } from './parse.ts';

const cells = (text: string) => parseCsv(text).records.map((r) => r.cells);

/** Feeds `text` in pieces cut at `cuts`, as a stream would. */
function parseInPieces(text: string, cuts: number[]): CsvRecord[] {
  const parser = new CsvParser();
  const records: CsvRecord[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    records.push(...parser.push(text.slice(from, cut)));
    from = cut;
  }
  records.push(...parser.push(text.slice(from)), ...parser.end());
  return records;
}

describe.each([
  ['a,b\n1,2\n', ','],
  ['a;b\n1,5;2\n', ';'],
  ['a\tb\n1\t2\n', '\t'],
  ['"x;y",b,c\n', ','],
  ['single\n1\n', ','],
  ['a;b,c;d\n', ';'],
] as const)('the delimiter of %j', (text, expected) => {
  it(`is detected as ${JSON.stringify(expected)} from the header line`, () => {
    expect(parseCsv(text).delimiter).toBe(expected);
    expect(detectDelimiter(text.split('\n')[0]!)).toBe(expected);
  });
});

describe.each([
  [
    'plain cells',
    'a,b\n1,2\n',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'CRLF line ends',
    'a,b\r\n1,2\r\n',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'no line break at the end',
    'a,b\n1,2',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'quoted cells with the delimiter',
    'a,b\n"x, y",2\n',
    [
      ['a', 'b'],
      ['x, y', '2'],
    ],
  ],
  ['doubled quotes', 'a\n"say ""hi"""\n', [['a'], ['say "hi"']]],
  [
    'a line break inside quotes',
    'a,b\n"two\nlines",2\n',
    [
      ['a', 'b'],
      ['two\nlines', '2'],
    ],
  ],
  [
    'a CRLF inside quotes',
    'a,b\r\n"two\r\nlines",2\r\n',
    [
      ['a', 'b'],
      ['two\r\nlines', '2'],
    ],
  ],
  [
    'empty cells',
    'a,b,c\n,,\n',
    [
      ['a', 'b', 'c'],
      ['', '', ''],
    ],
  ],
  [
    'an empty quoted cell',
    'a,b\n"",x\n',
    [
      ['a', 'b'],
      ['', 'x'],
    ],
  ],
  ['blank lines, skipped', 'a\n\n1\r\n\r\n2\n', [['a'], ['1'], ['2']]],
  [
    'a byte order mark',
    '\uFEFFa,b\n1,2\n',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  [
    'text after a closing quote, kept',
    'a,b\n"x"y,2\n',
    [
      ['a', 'b'],
      ['xy', '2'],
    ],
  ],
  [
    'a CR before the line break after a quoted cell',
    'a,b\r\n1,"2"\r\n',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
] as const)('parsing %s', (_name, text, expected) => {
  it('gives the cells', () => expect(cells(text)).toEqual(expected));
  it('gives the same cells whatever the chunk boundaries', () => {
    for (let cut = 0; cut <= text.length; cut++)
      expect(parseInPieces(text, [cut]).map((r) => r.cells)).toEqual(expected);
  });
});

describe('CsvParser', () => {
  it('numbers records by the line they start on, counting quoted line breaks', () => {
    const { records } = parseCsv('a,b\n"1\n2\n3",x\n\nlast,y\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 6]);
  });

  it('remembers the byte order mark so that writers can keep it', () => {
    expect(parseCsv('\uFEFFa\n1').bom).toBe(true);
    expect(parseCsv('a\n1').bom).toBe(false);
  });

  it('flags a quote left open at the end of the file, keeping the text', () => {
    const { records } = parseCsv('a,b\n1,"open\n');
    expect(records[1]).toEqual({ cells: ['1', 'open\n'], line: 2, unclosedQuote: true });
  });

  it('gives the raw text of a record that can be copied as is, and only then', () => {
    const { records } = parseCsv('a,b\r\nx,1\n"x",1\n=1,2\n-3,4\n');
    expect(records.map((r) => r.raw)).toEqual(['a,b', 'x,1', undefined, undefined, undefined]);
  });

  it('refuses a record that grows past the limit instead of buffering the whole file', () => {
    const parser = new CsvParser();
    parser.push('a\n"');
    expect(() => {
      for (let i = 0; i < 20; i++) parser.push('x'.repeat(100_000));
    }).toThrowError(CsvError);
  });

  it('parses any CSV the same whole or streamed in pieces', () => {
    const cell = fc.stringMatching(/^[a-z0-9 ,;"\n\r]{0,6}$/);
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 });
    const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 5 }), (rows, cuts) => {
        const text = `h1,h2\r\n${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
        const whole = parseCsv(text).records;
        const pieces = parseInPieces(
          text,
          cuts.map((c) => c % (text.length + 1)),
        );
        expect(pieces).toEqual(whole);
        expect(whole.slice(1).map((r) => r.cells)).toEqual(rows);
      }),
    );
  });
});

describe('line ends', () => {
  it('reads CR-only line ends (old Mac spreadsheets) as line ends, in any chunk size', () => {
    const text = 'company,employees\rAcme,12\rBolt,"3\r4"\r';
    for (const size of [1, 2, 5, 100]) {
      const parser = new CsvParser();
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
      records.push(...parser.end());
      expect(records.map((r) => r.cells)).toEqual([
        ['company', 'employees'],
        ['Acme', '12'],
        ['Bolt', '3\n4'],
      ]);
    }
  });

  it('keeps CRLF files as they are', () => {
    expect(parseCsv('a,b\r\n1,2\r\n').records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('never offers a record with a lone CR inside an unquoted cell for copying as is', () => {
    const { records } = parseCsv('a,b\nx\r=1+1,2\nplain,3\n');
    expect(records[1]).toEqual({ cells: ['x\r=1+1', '2'], line: 2 });
    expect(records[2]!.raw).toBe('plain,3');
  });
});

describe('a quoted cell never closed', () => {
  const runaway = (locale?: 'en' | 'fr') => {
    const parser = new CsvParser(locale ? { locale } : {});
    parser.push('company,notes\nAcme,"');
    return () => parser.push('x'.repeat(MAX_RECORD_CHARS + 1));
  };

  it('stops at 1 MB naming the line, in the playbook language', () => {
    expect(runaway()).toThrow(
      'line 2 runs over 1 MB without ending: a quoted cell is probably not closed (check the quotes on that line)',
    );
    expect(runaway('fr')).toThrow(
      "la ligne 2 dépasse 1\u202fMo sans se terminer\u202f: une cellule entre guillemets n'est sans doute pas fermée (vérifiez les guillemets de cette ligne)",
    );
  });
});
