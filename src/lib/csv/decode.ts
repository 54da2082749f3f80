// Bytes of a CSV export to text, the same way in the CLI, the browser and known accounts:
// UTF-8 (with or without BOM) as is; UTF-16 with a BOM; otherwise Windows-1252 (what Excel on
// Windows writes) when it reads cleanly; anything else refused, never turned into U+FFFD.
import type { Locale } from '../i18n/locales.ts';
import { scoringMessages } from '../i18n/scoring.ts';

/** The encodings a CSV is read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The bytes are not text this reader can decode safely: one message, for the user. */
export class DecodeError extends Error {
  override name = 'DecodeError';
}

// C0 controls other than tab, LF, CR; DEL; C1 controls (what Windows-1252's five unused bytes
// and a misread binary give); U+FFFD (a file already damaged by an earlier conversion).
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;

const NON_ASCII = /[^\u0000-\u007f]/;
/** Decodes ASCII natively; anything else comes out changed, so it is only used to look. */
const asciiProbe = new TextDecoder('utf-8');

/** Bytes that start a zip archive: an .xlsx or .ods workbook. */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function firstNonAscii(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

/**
 * Decodes a CSV file fed chunk by chunk. While the bytes are plain ASCII (the same in every
 * encoding it reads) they pass through; the first non-ASCII byte decides between UTF-8 and
 * Windows-1252. A later byte that does not fit the decided encoding throws {@link DecodeError}.
 * @example
 * const decoder = new CsvDecoder('en');
 * const text = decoder.push(bytes) + decoder.end();
 * decoder.notice // 'read as Windows-1252 …' when it was not UTF-8
 */
export class CsvDecoder {
  /** The encoding decided so far (`utf-8` until a non-ASCII byte says otherwise). */
  encoding: TextEncodingName = 'utf-8';
  private decided = false;
  private started = false;
  private decoder: TextDecoder | undefined;
  private readonly locale: Locale;
  /** Bytes read so far, for error positions. */
  private offset = 0;
  /** A non-ASCII tail held back until the next chunk (a UTF-8 sequence cut in two). */
  private held: Uint8Array | undefined;

  constructor(locale: Locale) {
    this.locale = locale;
  }

  /** One line for the user when the file was not UTF-8 (Windows-1252 or UTF-16), else undefined. */
  get notice(): string | undefined {
    const t = scoringMessages[this.locale].csv;
    if (this.encoding === 'windows-1252') return t.decodedWindows1252;
    if (this.encoding !== 'utf-8') return t.decodedUtf16;
    return undefined;
  }

  /** Decodes the next chunk of bytes; the chunk's buffer may be reused once this returns. */
  push(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.held) {
      const joined = new Uint8Array(this.held.length + chunk.length);
      joined.set(this.held);
      joined.set(chunk, this.held.length);
      bytes = joined;
      this.held = undefined;
    }
    if (!this.started) {
      if (bytes.length < 4 && !this.decided) {
        // Too short to see a BOM or a zip signature yet: wait for more (a copy: the caller may
        // read the next chunk into the same buffer).
        this.held = bytes.slice();
        return '';
      }
      this.started = true;
      this.start(bytes);
    }
    return this.decode(bytes, true);
  }

  /** Ends the input; returns the last text. */
  end(): string {
    const rest = this.held ?? new Uint8Array(0);
    this.held = undefined;
    if (!this.started) {
      this.started = true;
      this.start(rest);
    }
    return this.decode(rest, false);
  }

  private start(bytes: Uint8Array): void {
    const t = scoringMessages[this.locale].csv;
    if (bytes[0] === 0xff && bytes[1] === 0xfe) this.decide('utf-16le');
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) this.decide('utf-16be');
    else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.decide('utf-8');
    else if (isZip(bytes)) throw new DecodeError(t.binaryZip);
  }

  private decide(encoding: TextEncodingName): void {
    this.encoding = encoding;
    this.decided = true;
    // ignoreBOM keeps the BOM in the text, so the CSV parser sees it and the output keeps one.
    this.decoder = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252', ignoreBOM: true });
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    const t = scoringMessages[this.locale].csv;
    if (!this.decided) {
      // Plain ASCII reads the same in every encoding: decode natively, look for a non-ASCII
      // character natively, and only then look at bytes one by one.
      const ascii = asciiProbe.decode(bytes);
      if (!NON_ASCII.test(ascii)) {
        this.offset += bytes.length;
        this.check(ascii);
        return ascii;
      }
      const at = firstNonAscii(bytes);
      const first = firstSequence(bytes.subarray(at));
      if (first === undefined && stream) {
        // The first non-ASCII character is cut by the chunk's end: decide with the next chunk.
        this.held = bytes.slice(at);
        this.offset += at;
        const text = latin(bytes.subarray(0, at));
        this.check(text);
        return text;
      }
      this.decide(first ? 'utf-8' : 'windows-1252');
    }
    let text: string;
    try {
      text = this.decoder!.decode(bytes, { stream });
    } catch {
      throw new DecodeError(this.encoding === 'utf-8' ? t.badUtf8(this.offset + firstBad(bytes)) : t.badUtf16);
    }
    this.offset += bytes.length;
    this.check(text);
    return text;
  }

  private check(text: string): void {
    const t = scoringMessages[this.locale].csv;
    const bad = NOT_TEXT.exec(text);
    if (!bad) return;
    const c = bad[0];
    if (c === '\u0000') throw new DecodeError(t.binary);
    if (c === '\ufffd') throw new DecodeError(t.replacementCharacter);
    throw new DecodeError(this.encoding === 'windows-1252' ? t.notWindows1252 : t.binary);
  }
}

/** ASCII bytes as text. */
function latin(bytes: Uint8Array): string {
  return asciiProbe.decode(bytes);
}

/** Whether bytes (from the first non-ASCII one) are valid UTF-8; a sequence cut at the chunk's end is fine. */
function readsAsUtf8(bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the bytes start with one whole UTF-8 sequence of two to four bytes: true, false, or
 * undefined when they are too few to tell. Windows-1252 text almost never does (`é` is one byte
 * followed by a letter), so this one sequence decides the encoding of the file.
 */
function firstSequence(bytes: Uint8Array): boolean | undefined {
  const lead = bytes[0]!;
  const length =
    lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0) return false;
  for (let i = 1; i < length; i++) {
    if (i >= bytes.length) return undefined;
    if ((bytes[i]! & 0xc0) !== 0x80) return false;
  }
  return readsAsUtf8(bytes.subarray(0, length), false);
}

/** Offset of the first byte that breaks UTF-8 in `bytes` (a best effort, for the message). */
function firstBad(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (readsAsUtf8(bytes.subarray(0, mid), true)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Decodes a whole file (known accounts, a test): the text and the encoding it was read in.
 * Throws {@link DecodeError} for binary or mixed-up bytes.
 * @example decodeCsvBytes(bytes, 'en') // { text: 'company,employees…', encoding: 'windows-1252', notice: '…' }
 */
export function decodeCsvBytes(
  bytes: Uint8Array,
  locale: Locale,
): { text: string; encoding: TextEncodingName; notice: string | undefined } {
  const decoder = new CsvDecoder(locale);
  const text = decoder.push(bytes) + decoder.end();
  return { text, encoding: decoder.encoding, notice: decoder.notice };
}
