// Reads just enough of an OpenType font (cmap, hmtx, hhea, head) to measure text: which code
// points it covers and how wide each glyph is. Pure: takes bytes, and for WOFF an `inflate`
// function (node:zlib in Node), so templates can fit text without importing a font library.

/** What slides need to know about one font file. */
export interface FontMetrics {
  /** Units per em, e.g. 2048 for Inter. */
  unitsPerEm: number;
  /** hhea ascender and descender (descender is negative), in font units. */
  ascender: number;
  descender: number;
  /** Advance width in font units of each covered code point. */
  advances: Map<number, number>;
}

/** Decompresses one zlib stream (a WOFF 1.0 table). */
export type Inflate = (bytes: Uint8Array) => Uint8Array;

type Tables = Map<string, Uint8Array>;

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );
}

function readSfntTables(bytes: Uint8Array): Tables {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numTables = view.getUint16(4);
  const tables: Tables = new Map();
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    tables.set(tag(view, record), bytes.subarray(offset, offset + length));
  }
  return tables;
}

function readWoffTables(bytes: Uint8Array, inflate: Inflate): Tables {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numTables = view.getUint16(12);
  const tables: Tables = new Map();
  for (let i = 0; i < numTables; i++) {
    const record = 44 + i * 20;
    const offset = view.getUint32(record + 4);
    const compLength = view.getUint32(record + 8);
    const origLength = view.getUint32(record + 12);
    const data = bytes.subarray(offset, offset + compLength);
    // WOFF stores a table uncompressed when compression would not make it smaller.
    tables.set(tag(view, record), compLength < origLength ? inflate(data) : data);
  }
  return tables;
}

function viewOf(table: Uint8Array | undefined, name: string): DataView {
  if (!table)
    throw new Error(
      `The font has no ${name} table: it cannot be measured. Use a TrueType/OpenType font (TTF, OTF or WOFF).`,
    );
  return new DataView(table.buffer, table.byteOffset, table.byteLength);
}

/** Code point → glyph id, from a format 4 or 12 cmap subtable (Unicode). */
function readCmap(cmap: DataView): Map<number, number> {
  const map = new Map<number, number>();
  const count = cmap.getUint16(2);
  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0; i < count; i++) {
    subtables.push({
      platform: cmap.getUint16(4 + i * 8),
      encoding: cmap.getUint16(6 + i * 8),
      offset: cmap.getUint32(8 + i * 8),
    });
  }
  const unicode = subtables.filter(
    (s) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10)),
  );
  // Format 12 covers everything beyond the BMP, so it wins when present.
  const byFormat = (format: number) => unicode.find((s) => cmap.getUint16(s.offset) === format);
  const table = byFormat(12) ?? byFormat(4);
  if (!table) return map;
  const o = table.offset;
  if (cmap.getUint16(o) === 12) {
    const groups = cmap.getUint32(o + 12);
    for (let g = 0; g < groups; g++) {
      const start = cmap.getUint32(o + 16 + g * 12);
      const end = cmap.getUint32(o + 20 + g * 12);
      const glyph = cmap.getUint32(o + 24 + g * 12);
      for (let cp = start; cp <= end; cp++) map.set(cp, glyph + (cp - start));
    }
    return map;
  }
  const segments = cmap.getUint16(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.getUint16(ends + s * 2);
    const start = cmap.getUint16(starts + s * 2);
    const delta = cmap.getInt16(deltas + s * 2);
    const rangeOffset = cmap.getUint16(rangeOffsets + s * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2;
        glyph = cmap.getUint16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(cp, glyph);
    }
  }
  return map;
}

/**
 * Measures a font from its bytes (TTF, OTF or WOFF 1.0; WOFF2 needs Brotli, so pass the `.woff`
 * sibling that font packages ship).
 * @example parseFontMetrics(readFileSync('inter-latin-400-normal.woff'), zlib.inflateSync)
 */
export function parseFontMetrics(bytes: Uint8Array, inflate?: Inflate): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = tag(view, 0);
  if (signature === 'wOF2')
    throw new Error('parseFontMetrics reads TTF, OTF or WOFF, not WOFF2: pass the .woff file of the same font.');
  let tables: Tables;
  if (signature === 'wOFF') {
    if (!inflate) throw new Error('parseFontMetrics needs an inflate function to read a WOFF font.');
    tables = readWoffTables(bytes, inflate);
  } else {
    tables = readSfntTables(bytes);
  }
  const head = viewOf(tables.get('head'), 'head');
  const hhea = viewOf(tables.get('hhea'), 'hhea');
  const hmtx = viewOf(tables.get('hmtx'), 'hmtx');
  const cmap = readCmap(viewOf(tables.get('cmap'), 'cmap'));
  const longMetrics = hhea.getUint16(34);
  const advanceOf = (glyph: number) => hmtx.getUint16(Math.min(glyph, longMetrics - 1) * 4);
  const advances = new Map<number, number>();
  for (const [cp, glyph] of cmap) advances.set(cp, advanceOf(glyph));
  return { unitsPerEm: head.getUint16(18), ascender: hhea.getInt16(4), descender: hhea.getInt16(6), advances };
}
