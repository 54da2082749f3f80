// Node-only: the text kit of a render with the project's fonts and Twemoji. Templates use it on
// the build's main thread, which never loads satori or resvg (render-fs.ts): drawing is the
// workers' (pool-fs.ts).
import { createTextKit, type TextKit } from '../lib/slides/text-kit.ts';
import { twemoji } from './emoji-fs.ts';
import { loadFonts } from './fonts-fs.ts';

/** A text kit for one render, with Inter's metrics and Twemoji. */
export function createNodeTextKit(): TextKit {
  return createTextKit({ fonts: loadFonts().metrics, emoji: twemoji });
}
