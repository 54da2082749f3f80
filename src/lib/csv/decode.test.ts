import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvDecoder, decodeCsvBytes, DecodeError } from './decode.ts';

const TEXT = 'Société;Chiffre d’affaires;Région\nCafé Crème;12,5 €;Île-de-France\n';
const utf8 = new TextEncoder().encode(TEXT);
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

function windows1252(text: string): Uint8Array {
  const table: Record<string, number> = { '€': 0x80, '’': 0x92 };
  return Uint8Array.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = [littleEndian ? 0xff : 0xfe, littleEndian ? 0xfe : 0xff];
  for (const unit of [...text].map((c) => c.charCodeAt(0)))
    bytes.push(...(littleEndian ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  return Uint8Array.from(bytes);
}

/** Decodes in chunks of `size` bytes, as a stream does. */
function inChunks(bytes: Uint8Array, size: number) {
  const decoder = new CsvDecoder('en');
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += decoder.push(bytes.subarray(i, i + size));
  return { text: text + decoder.end(), encoding: decoder.encoding, notice: decoder.notice };
}

/** Decodes in chunks of `size` bytes copied into one reused buffer: the decoder must keep its own copy of what it holds back. */
function inReusedBuffer(bytes: Uint8Array, size: number) {
  const decoder = new CsvDecoder('en');
  const buffer = new Uint8Array(size);
  let text = '';
  for (let i = 0; i < bytes.length; i += size) {
    const chunk = bytes.subarray(i, i + size);
    buffer.set(chunk);
    text += decoder.push(buffer.subarray(0, chunk.length));
    buffer.fill(0x21);
  }
  return text + decoder.end();
}

describe('CsvDecoder', () => {
  it.each([1, 2, 3, 5])(
    'reads chunks of %i bytes from a reused buffer (what it holds back is its own copy)',
    (size) => {
      expect(inReusedBuffer(utf8, size)).toBe(TEXT);
      expect(inReusedBuffer(windows1252(TEXT), size)).toBe(TEXT);
      expect(inReusedBuffer(utf16(TEXT, true), size)).toBe(`\uFEFF${TEXT}`);
    },
  );

  it('reads UTF-8 as is, with no notice, and keeps a BOM for the output', () => {
    expect(decodeCsvBytes(utf8, 'en')).toEqual({ text: TEXT, encoding: 'utf-8', notice: undefined });
    expect(decodeCsvBytes(Uint8Array.from([...BOM, ...utf8]), 'en').text).toBe(`\uFEFF${TEXT}`);
  });

  it('reads Windows-1252 (French Excel) with a one-line notice', () => {
    const result = decodeCsvBytes(windows1252(TEXT), 'en');
    expect(result.text).toBe(TEXT);
    expect(result.encoding).toBe('windows-1252');
    expect(result.notice).toBe(
      'The file is not UTF-8: read as Windows-1252 (what Excel on Windows writes). The result is written in UTF-8.',
    );
  });

  it('reads UTF-16 with a BOM, little and big endian', () => {
    expect(decodeCsvBytes(utf16(TEXT, true), 'en')).toMatchObject({ text: `\uFEFF${TEXT}`, encoding: 'utf-16le' });
    expect(decodeCsvBytes(utf16(TEXT, false), 'en')).toMatchObject({ text: `\uFEFF${TEXT}`, encoding: 'utf-16be' });
  });

  it('gives the same text whatever the chunk size, UTF-8 sequences cut or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(utf8, windows1252(TEXT), utf16(TEXT, true)),
        (size, bytes) => {
          expect(inChunks(bytes, size).text.replace(/^\uFEFF/, '')).toBe(TEXT);
        },
      ),
    );
  });

  it('decides on the first non-ASCII byte, however late it comes', () => {
    const late = windows1252(`${'Acme,12\n'.repeat(5000)}Société,3\n`);
    expect(inChunks(late, 4096)).toMatchObject({
      text: `${'Acme,12\n'.repeat(5000)}Société,3\n`,
      encoding: 'windows-1252',
    });
  });

  it.each([
    [
      'NUL bytes (UTF-16 without a BOM, a binary file)',
      new Uint8Array([0x61, 0x00, 0x62, 0x00, 0x0a, 0x00]),
      'the file is binary, not text (it holds NUL or control bytes)',
    ],
    [
      'a zip archive (an .xlsx workbook)',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      'it is a zip archive, such as an Excel workbook (.xlsx)',
    ],
    [
      'UTF-8 then another encoding',
      Uint8Array.from([...new TextEncoder().encode('Société\n'), 0xe9, 0x0a]),
      'the file mixes encodings: it reads as UTF-8 until byte',
    ],
    [
      'bytes that are controls in Windows-1252 too',
      new Uint8Array([0x61, 0x81, 0x62, 0x0a]),
      'neither UTF-8 nor Windows-1252',
    ],
    [
      'replacement characters from an earlier conversion',
      new TextEncoder().encode('Soci\ufffdt\ufffd\n'),
      '"�" replacement characters',
    ],
  ])('refuses %s with a clear message, never U+FFFD', (_name, bytes, message) => {
    expect(() => decodeCsvBytes(bytes, 'en')).toThrow(DecodeError);
    expect(() => decodeCsvBytes(bytes, 'en')).toThrow(message);
  });

  it('never returns U+FFFD for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 1, max: 16 }), (bytes, size) => {
        try {
          expect(inChunks(bytes, size).text).not.toContain('\ufffd');
        } catch (error) {
          expect(error).toBeInstanceOf(DecodeError);
        }
      }),
    );
  });
});
