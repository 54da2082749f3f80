// One way to read a typed or exported number, shared by CSV scoring, the form and links.

const SPACES = /[\s\u00a0\u202f'’]+/g;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d*[.,]\d+$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const GROUPED_DOT = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const GROUPED_SPACE = /^[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;

function isDigits(text: string): boolean {
  if (text.length === 0 || text.length > 15) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * `1,200` or `1.200`: a thousand and two hundred in one country, one point two in another.
 * Neither reading is safe, so such a cell is refused with a message saying how to write it.
 */
export const AMBIGUOUS_NUMBER = /^[+-]?\d{1,3}[.,]\d{3}$/;

/**
 * Reads a number written the way people and spreadsheets write it, or `undefined` if it is not
 * one: in CSV cells, in the scoring form and in shared links alike. A single `.` or `,` is the
 * decimal mark (`38,5` and `38.5` are 38.5); thousands separators are read only in full groups
 * of three with a decimal part or several groups: `1 200`, `1,200.5`, `1.200,5`, `1'200`,
 * `1,200,000`. `1,200` alone is ambiguous and refused. No exponents.
 * @example parseNumberCell('1 200,5') // 1200.5
 */
export function parseNumberCell(text: string): number | undefined {
  if (isDigits(text)) return Number(text);
  let s = text.trim();
  if (INTEGER.test(s)) return Number(s);
  if (AMBIGUOUS_NUMBER.test(s)) return undefined;
  if (DECIMAL.test(s)) return Number(s.replace(',', '.'));
  s = s.replace(SPACES, ' ');
  if (GROUPED_SPACE.test(s)) return Number(s.replaceAll(' ', '').replace(',', '.'));
  if (GROUPED_COMMA.test(s)) return Number(s.replaceAll(',', ''));
  if (GROUPED_DOT.test(s)) return Number(s.replaceAll('.', '').replace(',', '.'));
  return undefined;
}

/**
 * A number as plain decimal digits, never in exponent form: `1e-7` → `0.0000001`,
 * `1.5e21` → `1500000000000000000000`. The same digits as `String(value)`, so it reads back to
 * the same number with {@link parseNumberCell}; used where people read and edit numbers
 * (links, the scoring form).
 * @example formatPlainNumber(1e-7) // '0.0000001'
 */
export function formatPlainNumber(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, fraction = '', exponentText] = match;
  const exponent = Number(exponentText);
  const digits = `${lead}${fraction}`;
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits}${'0'.repeat(Math.max(0, exponent - fraction.length))}`;
}
