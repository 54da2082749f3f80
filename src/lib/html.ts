// Markup escaped by construction: `html` escapes every value it is given, unless the value is
// itself markup made by `html`. Browser code builds its HTML with it, so a label, a CSV cell or a
// column name can never become markup by someone forgetting to escape it.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup made by {@link html}: another template inserts it as it is. */
export class Html {
  readonly markup: string;
  constructor(markup: string) {
    this.markup = markup;
  }
  toString(): string {
    return this.markup;
  }
}

/** What a template takes: text and numbers (escaped), markup, lists of them; nothing for false, null and undefined. */
export type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  if (value === false || value === null || value === undefined) return '';
  return escapeHtml(String(value));
}

/**
 * @example html`<li title="${title}">${label}</li>` // every value escaped
 * @example html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>` // markup kept
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let markup = strings[0]!;
  values.forEach((value, i) => {
    markup += render(value) + strings[i + 1]!;
  });
  return new Html(markup);
}
