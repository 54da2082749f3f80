import { describe, expect, it } from 'vitest';
import { BlobWriter, readBlob } from './blob-io.ts';

const TEXT = 'Société,Chiffre d’affaires\n€😀,12\n'.repeat(50);
const BYTES = new TextEncoder().encode(TEXT);

async function readAll(blob: Blob, chunkBytes: number): Promise<{ bytes: Uint8Array; chunks: number }> {
  const copies: Uint8Array[] = [];
  await readBlob(
    blob,
    (bytes) => {
      copies.push(bytes.slice());
    },
    chunkBytes,
  );
  return { bytes: new Uint8Array(Buffer.concat(copies)), chunks: copies.length };
}

describe('readBlob', () => {
  it('gives every byte in order, in chunks no bigger than asked', async () => {
    const { bytes, chunks } = await readAll(new Blob([BYTES]), 100);
    expect(bytes).toEqual(BYTES);
    expect(chunks).toBeGreaterThanOrEqual(Math.ceil(BYTES.length / 100));
  });

  it('reads an empty blob as no bytes', async () => {
    expect((await readAll(new Blob([]), 100)).bytes).toEqual(new Uint8Array(0));
  });

  it('reads past its 1 MB slices without a gap, and never through blob.stream()', async () => {
    const big = new Uint8Array(2.5 * 1024 * 1024).map((_, i) => (i * 7919) % 251);
    const blob = new Blob([big]);
    // Chromium's Blob stream could stall for ever in a worker: the reader must not depend on it.
    Object.defineProperty(blob, 'stream', {
      value: () => {
        throw new Error('stream() used');
      },
    });
    const chunks: number[] = [];
    const copies: Uint8Array[] = [];
    await readBlob(
      blob,
      (bytes) => {
        chunks.push(bytes.length);
        copies.push(bytes.slice());
      },
      64 * 1024,
    );
    expect(new Uint8Array(Buffer.concat(copies))).toEqual(big);
    expect(Math.max(...chunks)).toBe(64 * 1024);
    expect(chunks.length).toBe(40);
  });
});

describe('BlobWriter', () => {
  it.each([4, 5, 7, 64, 1 << 20])('writes UTF-8 like TextEncoder, through a %i-byte buffer', async (size) => {
    const writer = new BlobWriter('text/csv;charset=utf-8', size);
    const lines = TEXT.split(/(?<=\n)/);
    writer.write(lines.slice(0, 10));
    for (const line of lines.slice(10)) writer.add(line);
    const blob = writer.finish();
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(BYTES);
  });

  it('writes one text longer than its buffer, and nothing as an empty file', async () => {
    const writer = new BlobWriter('text/csv', 8);
    writer.add(TEXT);
    expect(await writer.finish().text()).toBe(TEXT);
    expect((await new BlobWriter('text/csv').finish().arrayBuffer()).byteLength).toBe(0);
  });
});
