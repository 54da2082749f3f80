// Node-only: an element tree → SVG (satori, with the project's fonts and the tree's images) →
// PNG (resvg draws the pixels, encodePng writes them). Runs in the drawing workers and, for
// tests and one-off renders, in the calling thread.
import { crc32, deflateSync } from 'node:zlib';
import satori from 'satori';
// Before resvg loads: its allocator's setting (see the module).
import './native-memory-fs.ts';
import { Resvg } from '@resvg/resvg-js';
import type { SlideElement } from '../lib/slides/element.ts';
import type { TextKit } from '../lib/slides/text-kit.ts';
import { IMAGE_PIXELS, type Size } from '../lib/slides/theme.ts';
import { loadFonts } from './fonts-fs.ts';

const rasterImages = new Map<string, string>();

/**
 * A PNG data URI for an SVG data URI. resvg draws an embedded SVG image through a layer as large
 * as the canvas (about 20 ms each on a 1920 × 1080 slide) but a PNG image in well under 1 ms.
 */
export function rasterImage(uri: string): string {
  let png = rasterImages.get(uri);
  if (!png) {
    const svg = Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');
    png = `data:image/png;base64,${new Resvg(svg, { fitTo: { mode: 'width', value: IMAGE_PIXELS } }).render().asPng().toString('base64')}`;
    rasterImages.set(uri, png);
  }
  return png;
}

type SatoriOptions = Parameters<typeof satori>[1];

/**
 * Draws a tree to SVG with satori, the project's fonts and `images` (emoji, symbols: the text
 * kit's `images()`) as PNGs, ready for {@link rasterize}. `extra` adds satori options (tests
 * pass `onNodeDetected` and `loadAdditionalAsset` to inspect the layout).
 */
export async function drawSvgWithImages(
  tree: SlideElement,
  size: Size,
  images: Record<string, string>,
  extra: Pick<SatoriOptions, 'onNodeDetected' | 'loadAdditionalAsset'> = {},
): Promise<string> {
  const rasters = Object.fromEntries(Object.entries(images).map(([grapheme, uri]) => [grapheme, rasterImage(uri)]));
  // satori's types want a React node; the plain { type, props } tree is what it reads.
  return satori(tree, { ...size, fonts: loadFonts().satori, graphemeImages: rasters, ...extra });
}

/** {@link drawSvgWithImages} with the images of a text kit. */
export function drawSvg(
  tree: SlideElement,
  size: Size,
  kit: TextKit,
  extra: Pick<SatoriOptions, 'onNodeDetected' | 'loadAdditionalAsset'> = {},
): Promise<string> {
  return drawSvgWithImages(tree, size, kit.images(), extra);
}

/** The SVG from {@link drawSvgWithImages} with its emoji and symbols as vector images again (the SVG download). */
export function vectorImages(svg: string, images: Record<string, string>): string {
  let out = svg;
  for (const uri of Object.values(images)) out = out.replaceAll(rasterImage(uri), uri);
  return out;
}

/**
 * SVG → PNG: resvg draws the pixels (system fonts are never read: text is already outlines), on
 * white so every pixel is opaque, and {@link encodePng} writes them.
 */
export function rasterize(svg: string, width?: number): Buffer {
  const fitTo = width ? ({ mode: 'width', value: width } as const) : ({ mode: 'original' } as const);
  const image = new Resvg(svg, { fitTo, background: '#ffffff', font: { loadSystemFonts: false } }).render();
  return encodePng(image.width, image.height, image.pixels);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

let scratch = Buffer.alloc(0);

/**
 * Opaque RGBA pixels → PNG, with no row filter and deflate level 3. Slides are flat colours,
 * which deflate well without filtering (row filters made them larger, measured); level 3 gives
 * files about 10 % smaller than resvg's own `asPng()` and level 1 about the same size.
 * `npm run bench:slides` compares the two encoders on the same pixels. The pixels must be
 * opaque: resvg gives premultiplied colours, which equal straight ones only at full alpha.
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const stride = width * 4;
  const source = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  // One scratch buffer per thread (deflateSync is done with it before the next image): 8 MB
  // per slide left to the garbage collector adds up over a build.
  const size = (stride + 1) * height;
  if (scratch.length < size) scratch = Buffer.alloc(size);
  const rows = scratch.subarray(0, size);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type: 0, none.
    rows[y * (stride + 1)] = 0;
    source.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 3 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An image drawn: its SVG download (vector emoji), its PNG, and the time each step took. */
export interface DrawnImage {
  svg: string;
  png: Buffer;
  /** Wall clock and CPU time of this thread, in milliseconds. */
  svgMs: number;
  pngMs: number;
  svgCpuMs: number;
  pngCpuMs: number;
}

const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;

/** Draws a tree to SVG and PNG in this thread. */
export async function drawImage(tree: SlideElement, size: Size, images: Record<string, string>): Promise<DrawnImage> {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const forPng = await drawSvgWithImages(tree, size, images);
  const drawn = performance.now();
  const cpu1 = process.cpuUsage();
  const png = rasterize(forPng);
  const done = performance.now();
  const cpu2 = process.cpuUsage();
  return {
    svg: vectorImages(forPng, images),
    png,
    svgMs: drawn - started,
    pngMs: done - drawn,
    svgCpuMs: cpuMs(cpu0, cpu1),
    pngCpuMs: cpuMs(cpu1, cpu2),
  };
}
