// Cuts CSV text into runs of whole records, without reading their cells, so that several
// threads can parse and score a big file side by side (scripts/lib/score-parallel.ts). A cut
// must fall exactly where CsvParser (./parse.ts) ends a record, so the quoting rules are the
// parser's: a quote opens a quoted cell only as the cell's first character, `""` inside it is a
// quote, and text after the closing quote runs to the next delimiter or line break. The
// property test (record-splitter.test.ts) parses the pieces one by one and compares them with
// the whole file parsed at once.
import type { Locale } from '../i18n/locales.ts';
import { scoringMessages } from '../i18n/scoring.ts';
import { CsvError, MAX_RECORD_CHARS, type Delimiter } from './parse.ts';

/** Whole records of the text, and the file line the first one starts on. */
export interface CsvPiece {
  text: string;
  line: number;
}

const QUOTE = 34;

// Where the scan stands: at the start of a cell, in an unquoted cell (or the text after a
// quoted one), inside quotes, or just after a quote inside quotes (a closing quote, or the
// first half of `""`: the next character says which).
const CELL_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
type State = typeof CELL_START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_IN_QUOTED;

/**
 * Fed text chunks of any size (after the header's delimiter is known, BOM included or not,
 * line breaks LF or CRLF), returns the complete records so far as one piece; {@link end}
 * returns the rest. Refuses, like the parser, a record that runs over {@link MAX_RECORD_CHARS}.
 * @example
 * const splitter = new RecordSplitter(',');
 * splitter.push('a,b\n1,"x\ny"\n2,'); // { text: 'a,b\n1,"x\ny"\n', line: 1 }
 * splitter.end(); // { text: '2,', line: 4 }
 */
export class RecordSplitter {
  private readonly delimiter: number;
  private buffer = '';
  /** How far into the buffer the scan has gone, and its state there. */
  private scanned = 0;
  private state: State = CELL_START;
  /** File line of the buffer's first character. */
  private line: number;
  private readonly locale: Locale;

  /** `locale`: the language of the message for a record that never ends, as the parser's. */
  constructor(delimiter: Delimiter, locale: Locale = 'en', line = 1) {
    this.delimiter = delimiter.charCodeAt(0);
    this.locale = locale;
    this.line = line;
  }

  /** Adds a chunk; returns the records it completed, or undefined when none is complete yet. */
  push(chunk: string): CsvPiece | undefined {
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    const end = this.scan();
    if (end === 0) {
      if (this.buffer.length > MAX_RECORD_CHARS) {
        throw new CsvError(scoringMessages[this.locale].csv.runawayLine(this.line, MAX_RECORD_CHARS / 1024 / 1024));
      }
      return undefined;
    }
    return this.take(end);
  }

  /** Ends the text; returns what is left (the last record, without its line break), if anything. */
  end(): CsvPiece | undefined {
    return this.buffer.length === 0 ? undefined : this.take(this.buffer.length);
  }

  private take(end: number): CsvPiece {
    const text = end === this.buffer.length ? this.buffer : this.buffer.slice(0, end);
    const piece = { text, line: this.line };
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.line++;
    this.buffer = end === this.buffer.length ? '' : this.buffer.slice(end);
    this.scanned -= end;
    return piece;
  }

  /** Scans the new text; returns the position just after the last line break that ends a record (0: none). */
  private scan(): number {
    const text = this.buffer;
    const delimiter = this.delimiter;
    let state = this.state;
    let end = 0;
    let i = this.scanned;
    // Next quote and line break at or after i, found with indexOf (fast) and kept until passed.
    let quote = -1;
    let newline = -1;
    while (i < text.length) {
      if (state === QUOTED) {
        // Line breaks and delimiters inside quotes end nothing: jump to the next quote.
        if (quote < i) quote = text.indexOf('"', i);
        if (quote === -1) {
          i = text.length;
          break;
        }
        state = QUOTE_IN_QUOTED;
        i = quote + 1;
        continue;
      }
      if (state === QUOTE_IN_QUOTED) {
        // `""` is a quote in the cell; any other character follows the closing quote.
        if (text.charCodeAt(i) === QUOTE) {
          state = QUOTED;
          i++;
          continue;
        }
        state = UNQUOTED;
      }
      if (state === CELL_START && text.charCodeAt(i) === QUOTE) {
        state = QUOTED;
        i++;
        continue;
      }
      // Outside quotes: the record ends at the next line break, unless a quote opens a cell first.
      if (newline < i && newline !== -2) newline = text.indexOf('\n', i);
      if (newline === -1) newline = -2;
      if (quote < i && quote !== -2) quote = text.indexOf('"', i);
      if (quote === -1) quote = -2;
      if (newline >= 0 && (quote === -2 || newline < quote)) {
        state = CELL_START;
        i = newline + 1;
        end = i;
        continue;
      }
      if (quote === -2) {
        // No quote nor line break in the rest: only whether it ends on a delimiter matters.
        state = text.charCodeAt(text.length - 1) === delimiter ? CELL_START : UNQUOTED;
        i = text.length;
        break;
      }
      // A quote before the line ends opens a cell only right after a delimiter; else it is text.
      state = quote > i && text.charCodeAt(quote - 1) === delimiter ? QUOTED : UNQUOTED;
      i = quote + 1;
    }
    this.scanned = i;
    this.state = state;
    return end;
  }
}
