import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, CsvParser, headerDelimiter, MAX_RECORD_CHARS, type CsvRecord } from './parse.ts';
import { RecordSplitter, type CsvPiece } from './record-splitter.ts';

/** Cuts `text` into chunks at the given sizes and runs them through a splitter. */
function split(text: string, sizes: readonly number[]): CsvPiece[] {
  const splitter = new RecordSplitter(headerDelimiter(text, true)!);
  const pieces: CsvPiece[] = [];
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length]!);
    const piece = splitter.push(text.slice(at, at + size));
    if (piece) pieces.push(piece);
    at += size;
  }
  const last = splitter.end();
  if (last) pieces.push(last);
  return pieces;
}

/** Parses each piece on its own, as the threads of a parallel run do, the first one as a file start. */
function parsePieces(text: string, pieces: readonly CsvPiece[]): CsvRecord[] {
  const delimiter = headerDelimiter(text, true)!;
  return pieces.flatMap((piece, k) => {
    const parser = new CsvParser();
    if (k > 0) parser.resumeAt(piece.line, delimiter);
    const records = parser.push(piece.text);
    const rest = parser.end();
    // A piece holds whole records: only the last one of the file may need the end of the text.
    if (k < pieces.length - 1) expect(rest).toEqual([]);
    return [...records, ...rest];
  });
}

function parseWhole(text: string): CsvRecord[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

// Text made of the characters that matter to CSV: quotes, delimiters, line breaks, a formula sign.
const csvText = fc
  .array(fc.constantFrom('a', 'b', ' ', '"', '""', ',', ';', '\n', '\r\n', '\r', '=', 'é', '\n\n'), { maxLength: 200 })
  .map((parts) => `h1,h2,h3\n${parts.join('')}`);

describe('RecordSplitter', () => {
  it('cuts where the parser ends records: the pieces parse to the same records, lines and raw text as the whole file', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), (text, sizes) => {
        expect(parsePieces(text, split(text, sizes))).toEqual(parseWhole(text));
      }),
      { numRuns: 2000, seed: 20261202 },
    );
  });

  it('gives the file line each piece starts on, counting line breaks inside quotes', () => {
    const text = 'a,b\n1,"two\nlines"\n\n3,x\n4,"open';
    const pieces = split(text, [1]);
    expect(pieces.map((p) => p.line)).toEqual([1, 2, 4, 5, 6]);
    expect(pieces.at(-1)).toEqual({ text: '4,"open', line: 6 });
    expect(parsePieces(text, pieces).at(-1)).toMatchObject({ cells: ['4', 'open'], line: 6, unclosedQuote: true });
  });

  it('waits for the character after a quote inside quotes before deciding it closes the cell', () => {
    const splitter = new RecordSplitter(',');
    expect(splitter.push('a\n"x"')).toEqual({ text: 'a\n', line: 1 });
    expect(splitter.push('"\ny"\n')).toEqual({ text: '"x""\ny"\n', line: 2 });
  });

  it('refuses a record longer than the parser allows, naming its line', () => {
    const splitter = new RecordSplitter(',');
    splitter.push('a\nb\n"never closed');
    expect(() => splitter.push('x'.repeat(MAX_RECORD_CHARS))).toThrow(
      new CsvError(
        `line 3 runs over 1 MB without ending: a quoted cell is probably not closed (check the quotes on that line)`,
      ),
    );
  });
});
