import type { Locale } from '../i18n/locales.ts';
import { scoringMessages } from '../i18n/scoring.ts';

/** A field delimiter the parser detects from the header line. */
export type Delimiter = ',' | ';' | '\t';

/** One CSV record with the file line it starts on (1-based; the header is line 1). */
export interface CsvRecord {
  cells: string[];
  line: number;
  /** True when the file ended inside a quoted cell (a quote that was never closed). */
  unclosedQuote?: boolean;
  /**
   * The record's text without its line break, when it can be copied as is into a CSV that is
   * safe to open in a spreadsheet: no cell is quoted and none starts with `=` `+` `-` `@`, tab or CR.
   */
  raw?: string;
}

/** A CSV file the parser cannot go on with (for example a record longer than the limit). */
export class CsvError extends Error {
  override name = 'CsvError';
}

/** A record (one row, quoted newlines included) longer than this is refused: it is a quote left open. */
export const MAX_RECORD_CHARS = 1024 * 1024;

const QUOTE = 34;
const CR = 13;
const LF = 10;
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/**
 * The delimiter of a header line: whichever of `,` `;` tab appears most often outside quotes
 * (`,` when none does, as in a one-column file).
 * @example detectDelimiter('company;employees;region') // ';'
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      const k = DELIMITERS.indexOf(c as Delimiter);
      if (k !== -1) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return DELIMITERS[best]!;
}

/** End of the first line outside quotes, or -1 when it has not arrived yet. */
function firstLineEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (c === LF && !quoted) return i;
  }
  return -1;
}

/**
 * The delimiter of a text's header line, as the parser decides it: from the first line (up to
 * the first line break outside quotes); undefined while that line has not ended, unless `final`.
 */
export function headerDelimiter(text: string, final: boolean): Delimiter | undefined {
  const end = firstLineEnd(text);
  if (end === -1 && !final) return undefined;
  return detectDelimiter(end === -1 ? text : text.slice(0, end));
}

/**
 * How a text's lines end, from its first line break: `lf` (LF or CRLF) or `cr` (CR alone, as
 * old Mac spreadsheets write); undefined until a line break has arrived.
 */
export function lineEndsOf(text: string): 'lf' | 'cr' | undefined {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1 && lf === -1) return undefined;
  if (cr === -1 || (lf !== -1 && lf < cr)) return 'lf';
  // A CR last in the text may be the first half of a CRLF: wait for more.
  if (cr + 1 < text.length) return text.charCodeAt(cr + 1) === LF ? 'lf' : 'cr';
  return undefined;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A streaming RFC 4180 CSV parser fed with text chunks of any size: quoted cells with `""`
 * escapes and embedded newlines, CRLF or LF line ends, a leading BOM stripped, and the
 * delimiter (`,`, `;` or tab) detected from the header line. Blank lines are skipped.
 * Pure: works the same in Node streams and in a Web Worker.
 * @example
 * const parser = new CsvParser();
 * const records = [...parser.push('a;b\n1;'), ...parser.push('2\n'), ...parser.end()];
 * // [{ cells: ['a', 'b'], line: 1 }, { cells: ['1', '2'], line: 2 }]
 */
export class CsvParser {
  /** The delimiter, once the header line has arrived (or as given). */
  delimiter: Delimiter | undefined;
  /** Whether the text started with a byte order mark. */
  bom = false;
  private buffer = '';
  private started = false;
  private line = 1;
  private ended = false;
  private readonly locale: Locale;
  // Cached positions of the next delimiter and newline in the buffer, so a line with few
  // delimiters is not rescanned for each cell.
  private nextDelimiter = -1;
  private nextNewline = -1;
  private nextReturn = -1;
  /**
   * How lines end: `lf` (LF or CRLF), or `cr` for files with CR alone (old Mac spreadsheets),
   * whose CRs are read as LFs. Undecided until the first line break arrives.
   */
  private lineEnds: 'lf' | 'cr' | undefined;

  /** `locale`: the language of the message for a line that never ends. */
  constructor(options: { delimiter?: Delimiter; locale?: Locale } = {}) {
    this.delimiter = options.delimiter;
    this.locale = options.locale ?? 'en';
  }

  /**
   * Goes on with text that starts at file line `line`, after a header read elsewhere (each
   * thread of a parallel run parses pieces of one file: see ./record-splitter.ts). Lines end
   * with LF or CRLF there: the splitter is only used on such files.
   */
  resumeAt(line: number, delimiter: Delimiter): void {
    if (this.buffer.length > 0) throw new CsvError('resumeAt() with a record half read');
    this.started = true;
    this.lineEnds = 'lf';
    this.delimiter = delimiter;
    this.line = line;
  }

  /** Feeds a chunk of text; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    if (this.ended) throw new CsvError('push() after end()');
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) {
        this.bom = true;
        chunk = chunk.slice(1);
      }
    }
    if (this.lineEnds === undefined) this.detectLineEnds(chunk);
    if (this.lineEnds === 'cr') chunk = chunk.replaceAll('\r', '\n');
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    return this.drain(false);
  }

  private detectLineEnds(chunk: string): void {
    // Only until the first line break: the text seen so far is the header line, short.
    this.lineEnds = lineEndsOf(this.buffer + chunk);
    // A CR followed by something other than LF: lines end with CR alone.
    if (this.lineEnds === 'cr') this.buffer = this.buffer.replaceAll('\r', '\n');
  }

  /** Signals the end of the text; returns the last records. */
  end(): CsvRecord[] {
    if (this.ended) return [];
    if (this.lineEnds === undefined && /\r(?!\n)/.test(this.buffer)) this.buffer = this.buffer.replaceAll('\r', '\n');
    const records = this.drain(true);
    this.ended = true;
    return records;
  }

  private drain(final: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    const text = this.buffer;
    if (this.delimiter === undefined) {
      this.delimiter = headerDelimiter(text, final);
      if (this.delimiter === undefined) return this.keep(text, 0, records);
    }
    this.nextDelimiter = -1;
    this.nextNewline = -1;
    this.nextReturn = -1;
    let position = 0;
    while (position < text.length) {
      const next = this.parseRecord(text, position, final, records);
      if (next === -1) break;
      position = next;
    }
    return this.keep(text, position, records);
  }

  private keep(text: string, position: number, records: CsvRecord[]): CsvRecord[] {
    this.buffer = position === 0 ? text : text.slice(position);
    if (this.buffer.length > MAX_RECORD_CHARS) {
      throw new CsvError(scoringMessages[this.locale].csv.runawayLine(this.line, MAX_RECORD_CHARS / 1024 / 1024));
    }
    return records;
  }

  private findDelimiter(text: string, from: number): number {
    if (this.nextDelimiter < from && this.nextDelimiter !== text.length) {
      const found = text.indexOf(this.delimiter!, from);
      this.nextDelimiter = found === -1 ? text.length : found;
    }
    return this.nextDelimiter;
  }

  /** Next CR at or after `from` (cached like {@link findNewline}). */
  private findReturn(text: string, from: number): number {
    if (this.nextReturn < from && this.nextReturn !== text.length) {
      const found = text.indexOf('\r', from);
      this.nextReturn = found === -1 ? text.length : found;
    }
    return this.nextReturn;
  }

  private findNewline(text: string, from: number): number {
    if (this.nextNewline < from && this.nextNewline !== text.length) {
      const found = text.indexOf('\n', from);
      this.nextNewline = found === -1 ? text.length : found;
    }
    return this.nextNewline;
  }

  /** Parses one record at `start`; returns the position after it, or -1 if it is not complete yet. */
  private parseRecord(text: string, start: number, final: boolean, records: CsvRecord[]): number {
    const cells: string[] = [];
    const delimiter = this.delimiter!.charCodeAt(0);
    let position = start;
    let newlines = 0;
    let unclosed = false;
    let copyable = true;
    let rawEnd = start;
    for (;;) {
      let cell: string;
      let end: number;
      const first = text.charCodeAt(position);
      // = + - @ tab CR: a cell a spreadsheet could run as a formula (see csv/write.ts).
      if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === CR) copyable = false;
      if (first === QUOTE) {
        copyable = false;
        cell = '';
        let from = position + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1 || (close === text.length - 1 && !final)) {
            // The closing quote (or what follows it) is in a later chunk.
            if (!final) return -1;
            if (close === -1) {
              cell += text.slice(from);
              newlines += countNewlines(text, from, text.length);
              unclosed = true;
              position = text.length;
              break;
            }
          }
          cell += text.slice(from, close);
          newlines += countNewlines(text, from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            cell += '"';
            from = close + 2;
            continue;
          }
          position = close + 1;
          break;
        }
        // Lenient: text between a closing quote and the next delimiter is kept (`"a"b` reads `ab`).
        const newline = this.findNewline(text, position);
        const next = this.findDelimiter(text, position);
        end = Math.min(next, newline);
        if (end === text.length && !final) return -1;
        if (end > position) {
          let tail = end;
          if (end === newline && text.charCodeAt(tail - 1) === CR) tail--;
          cell += text.slice(position, tail);
        }
      } else {
        const newline = this.findNewline(text, position);
        if (newline === text.length && !final) return -1;
        const next = this.findDelimiter(text, position);
        end = next < newline ? next : newline;
        let tail = end;
        if (end === newline && tail > position && text.charCodeAt(tail - 1) === CR) tail--;
        cell = text.slice(position, tail);
        rawEnd = tail;
        // A CR inside an unquoted cell is a line break to a spreadsheet: what follows it could be
        // read as a new row starting with a formula. Such a record is re-written (quoted), never copied.
        if (copyable && this.findReturn(text, position) < tail) copyable = false;
      }
      cells.push(cell);
      if (end < text.length && text.charCodeAt(end) === delimiter) {
        position = end + 1;
        continue;
      }
      position = end === text.length ? end : end + 1;
      break;
    }
    const line = this.line;
    this.line += 1 + newlines;
    if (cells.length === 1 && cells[0] === '' && !unclosed) return position;
    if (unclosed) records.push({ cells, line, unclosedQuote: true });
    else if (!copyable) records.push({ cells, line });
    else records.push({ cells, line, raw: text.slice(start, rawEnd) });
    return position;
  }
}

/** Parses a whole CSV text at once (calibration files, tests). */
export function parseCsv(text: string): { records: CsvRecord[]; delimiter: Delimiter; bom: boolean } {
  const parser = new CsvParser();
  const records = [...parser.push(text), ...parser.end()];
  return { records, delimiter: parser.delimiter ?? ',', bom: parser.bom };
}
