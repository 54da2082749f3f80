import { describe, expect, it } from 'vitest';
import { BlobWriter, readBlob } from './blob-io.ts';

const TEXT = 'Société,Chiffre d’affaires\n€😀,12\n'.repeat(50);
const BYTES = new TextEncoder().encode(TEXT);

async function readAll(
  blob: Blob,
  chunkBytes: number,
): Promise<{ bytes: Uint8Array; chunks: number; buffers: Set<ArrayBufferLike> }> {
  const copies: Uint8Array[] = [];
  const buffers = new Set<ArrayBufferLike>();
  await readBlob(
    blob,
    (bytes) => {
      copies.push(bytes.slice());
      buffers.add(bytes.buffer);
    },
    chunkBytes,
  );
  return { bytes: new Uint8Array(Buffer.concat(copies)), chunks: copies.length, buffers };
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

  it('takes the chunks the stream makes when it cannot read into a buffer of its own', async () => {
    const blob = new Blob([BYTES]);
    const plain = {
      stream: () =>
        new ReadableStream({
          start: (c) => (c.enqueue(BYTES.subarray(0, 7)), c.enqueue(BYTES.subarray(7)), c.close()),
        }),
    } as unknown as Blob;
    const { bytes, chunks } = await readAll(plain, 100);
    expect(bytes).toEqual(new Uint8Array(await blob.arrayBuffer()));
    expect(chunks).toBe(2);
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
