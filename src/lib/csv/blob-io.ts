// Big files in and out of a Web Worker without big strings and without a new buffer per chunk:
// a 100 MB CSV read as 64 KB chunks into one reused buffer, and the scored CSV written as UTF-8
// into one reused buffer that becomes a Blob part each time it fills. The browser keeps Blob
// data outside the page's JavaScript heap, so what the worker holds stays small and short-lived:
// memory that the garbage collector frees at once instead of letting it pile up.

/** Bytes read at a time: under V8's 128 KB limit for objects in the young generation, once decoded. */
export const READ_CHUNK_BYTES = 64 * 1024;
/** Bytes of output gathered before they become a Blob part. */
export const WRITE_BUFFER_BYTES = 1024 * 1024;

/**
 * Calls `onChunk` with the blob's bytes, in order. The bytes are only valid during the call:
 * the same buffer is read into again (when the stream allows it), so copy what you keep.
 */
export async function readBlob(
  blob: Blob,
  onChunk: (bytes: Uint8Array) => void,
  chunkBytes = READ_CHUNK_BYTES,
): Promise<void> {
  const stream = blob.stream();
  let byob: ReadableStreamBYOBReader | undefined;
  try {
    byob = stream.getReader({ mode: 'byob' });
  } catch {
    // Not a byte stream in this browser: take the chunks it makes.
  }
  if (!byob) {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onChunk(value);
    }
  }
  let buffer = new ArrayBuffer(chunkBytes);
  for (;;) {
    const { done, value } = await byob.read(new Uint8Array(buffer));
    if (done || !value) return;
    onChunk(value);
    // The read took the buffer over and hands it back under a new name: the same memory.
    buffer = value.buffer;
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
