/**
 * Fills the `{name}` placeholders of a UI string; a placeholder without a value is left as is.
 * @example fillTemplate('{passed} of {total} pass', { passed: 3, total: 4 }) // '3 of 4 pass'
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
