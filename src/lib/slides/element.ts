// The element tree satori draws, as plain objects: `{ type, props: { style, children } }`.
// Templates build it with these helpers instead of JSX, so they stay plain TypeScript.
import type { FittedText } from './fit-text.ts';
import type { TextStyle } from './text-kit.ts';

/** CSS properties as satori reads them (camelCase; numbers are pixels). */
export type Style = Record<string, string | number>;

/** One node of the tree. */
export interface SlideElement {
  type: string;
  props: { style?: Style; children?: SlideChild | SlideChild[]; [attribute: string]: unknown };
}

export type SlideChild = SlideElement | string;

/** A flex box (satori lays out every `div` with flexbox); widths include padding and border. */
export function box(style: Style, ...children: SlideChild[]): SlideElement {
  return { type: 'div', props: { style: { display: 'flex', boxSizing: 'border-box', ...style }, children } };
}

/**
 * Names a part of an image (`data-region`): tests check that every glyph stays inside the
 * region it belongs to, and satori ignores the attribute.
 */
export function region(name: string, element: SlideElement): SlideElement {
  return { ...element, props: { ...element.props, 'data-region': name } };
}

/**
 * Fitted text as one element: the lines joined by newlines, in `white-space: pre`, so satori
 * breaks exactly where the fitting did and never wraps again (one node per text also lays out
 * about a third faster than one node per line).
 */
export function textLines(fitted: FittedText, style: TextStyle, extra: Style = {}): SlideElement {
  return box(
    {
      flexShrink: 0,
      height: fitted.height,
      lineHeight: `${fitted.lineHeight}px`,
      fontSize: fitted.fontSize,
      fontWeight: style.fontWeight,
      letterSpacing: style.letterSpacing ?? 0,
      color: style.color,
      whiteSpace: 'pre',
      ...extra,
    },
    fitted.lines.join('\n'),
  );
}
