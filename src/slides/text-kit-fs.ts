// Node-only: text kits with the project's fonts and Twemoji. Templates use them on the build's
// main thread, which never loads satori or resvg (render-fs.ts): drawing is the workers'
// (pool-fs.ts). The content check uses one to find text the slides cannot draw.
import { createTextKit, type TextKit } from '../lib/slides/text-kit.ts';
import { twemoji } from './emoji-fs.ts';
import { loadFontMetrics, loadFonts } from './fonts-fs.ts';

/** A text kit for one render, with Inter's metrics and Twemoji. */
export function createNodeTextKit(): TextKit {
  return createTextKit({ fonts: loadFonts().metrics, emoji: twemoji });
}

/**
 * A text kit for the validator's `undrawable`: the regular weight only (every weight covers the
 * same characters), so `npm run validate` reads 5 fonts instead of 20.
 */
export function createCheckingTextKit(): TextKit {
  return createTextKit({ fonts: loadFontMetrics(), emoji: twemoji });
}
