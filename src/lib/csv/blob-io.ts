// Big files in and out of a Web Worker without big strings: a 100 MB CSV is read 1 MB at a time
// and handed on 64 KB at a time, and the scored CSV is written as UTF-8 into one reused buffer
// that becomes a Blob part each time it fills. The browser keeps Blob data outside the page's
// JavaScript heap, so what the worker holds stays small and short-lived: memory that the
// garbage collector frees at once instead of letting it pile up.

/** Bytes handed on at a time: under V8's 128 KB limit for objects in the young generation, once decoded. */
export const READ_CHUNK_BYTES = 64 * 1024;
/** Bytes asked of the browser at a time (then handed on {@link READ_CHUNK_BYTES} at a time). */
const SLICE_BYTES = 1024 * 1024;
/** Bytes of output gathered before they become a Blob part. */
export const WRITE_BUFFER_BYTES = 1024 * 1024;

/**
 * Calls `onChunk` with the blob's bytes, in order, at most `chunkBytes` at a time.
 *
 * Slices, not `blob.stream()`: in Chromium a BYOB read of a Blob stream in a worker sometimes
 * never settles near the end of the file (2 runs in 30 of the 100,000-row browser test hung
 * that way), and the page waited for ever. A slice is one plain request for its bytes; each
 * asks the browser process once, so slices are bigger than the chunks handed on.
 */
export async function readBlob(
  blob: Blob,
  onChunk: (bytes: Uint8Array) => void,
  chunkBytes = READ_CHUNK_BYTES,
): Promise<void> {
  const sliceBytes = Math.max(chunkBytes, SLICE_BYTES);
  for (let offset = 0; offset < blob.size; offset += sliceBytes) {
    const slice = new Uint8Array(await blob.slice(offset, offset + sliceBytes).arrayBuffer());
    for (let at = 0; at < slice.length; at += chunkBytes) onChunk(slice.subarray(at, at + chunkBytes));
  }
}

const encoder = new TextEncoder();

/**
 * Text written out as a UTF-8 Blob through one reused buffer.
 * @example
 * const writer = new BlobWriter('text/csv;charset=utf-8');
 * writer.write(['a,b\n', '1,2\n']);
 * const blob = writer.finish();
 */
export class BlobWriter {
  private readonly buffer: Uint8Array<ArrayBuffer>;
  private used = 0;
  private readonly parts: Blob[] = [];
  private readonly type: string;

  constructor(type: string, bufferBytes = WRITE_BUFFER_BYTES) {
    this.type = type;
    // A character takes up to 4 bytes in UTF-8: a smaller buffer could never take one.
    this.buffer = new Uint8Array(Math.max(bufferBytes, 4));
  }

  /** Appends texts (lines with their line breaks, or any text). */
  write(texts: readonly string[]): void {
    for (const text of texts) this.add(text);
  }

  add(text: string): void {
    let rest = text;
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, this.buffer.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      // Full (or no room for the next character): the bytes so far become a part.
      this.flush();
      rest = rest.slice(read);
    }
  }

  private flush(): void {
    if (this.used === 0) return;
    // The Blob copies the bytes, so the buffer can take the next ones.
    this.parts.push(new Blob([this.buffer.subarray(0, this.used)]));
    this.used = 0;
  }

  /** Everything written, as one Blob. */
  finish(): Blob {
    this.flush();
    return new Blob(this.parts, { type: this.type });
  }
}
