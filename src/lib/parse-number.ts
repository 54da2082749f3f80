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
  if (INTEGER.test(s)) return exact(s);
  if (AMBIGUOUS_NUMBER.test(s)) return undefined;
  if (DECIMAL.test(s)) return exact(s.replace(',', '.'));
  s = s.replace(SPACES, ' ');
  if (GROUPED_SPACE.test(s)) return exact(s.replaceAll(' ', '').replace(',', '.'));
  if (GROUPED_COMMA.test(s)) return exact(s.replaceAll(',', ''));
  if (GROUPED_DOT.test(s)) return exact(s.replaceAll('.', '').replace(',', '.'));
  return undefined;
}

/**
 * The number written as plain digits (`-12345.5`), or undefined when JavaScript cannot hold it
 * exactly: 400 digits never become Infinity, and `12345678901234567` is not silently rounded.
 * Whole numbers beyond 2^53 that are held exactly (`1500000000000000000000`) are kept. See
 * {@link isTooLong} for the message.
 */
function exact(digits: string): number | undefined {
  const value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  if (Math.abs(value) <= Number.MAX_SAFE_INTEGER) return value;
  if (digits.includes('.')) return undefined;
  return BigInt(digits.replace(/^\+/, '')) === BigInt(value) ? value : undefined;
}

/** Whether a cell is a number with more digits than can be read exactly (16 or more before the decimal mark). */
export function isTooLong(text: string): boolean {
  return (
    /^[+-]?\d[\d\s\u00a0\u202f'’.,]*$/.test(text.trim()) &&
    /\d{16}/.test(text.replace(/[\s\u00a0\u202f'’.,]/g, '').replace(/^[+-]?0+/, ''))
  );
}

// `51-200`, `1,001 – 5,000`, `10001+`: unsigned bounds around a hyphen, en dash or em dash.
const RANGE = /^(\d[\d\s\u00a0\u202f'’.,]*?)\s*[-\u2013\u2014]\s*(\d[\d\s\u00a0\u202f'’.,]*)$/;
const OPEN_RANGE = /^(\d[\d\s\u00a0\u202f'’.,]*?)\s*\+$/;
// In a band, `1,001` is a thousand and one: bands are counts, never three-decimal numbers.
const THOUSANDS = /^\d{1,3}[.,]\d{3}$/;

function rangeBound(text: string): number | undefined {
  return THOUSANDS.test(text) ? Number(text.replace(/[.,]/, '')) : parseNumberCell(text);
}

/**
 * Reads a band as CRMs and LinkedIn export headcounts: `51-200`, `1,001-5,000`, `10001+` (also
 * with an en dash, and spaces). Returns inclusive bounds (`max` Infinity for `10001+`), or
 * `undefined` if the text is not a band or its bounds are in the wrong order. In a band, one
 * group of three digits after `,` or `.` is a thousands group: `1,001` is 1001.
 * @example parseNumberRange('1,001-5,000') // { min: 1001, max: 5000 }
 */
export function parseNumberRange(text: string): { min: number; max: number } | undefined {
  const s = text.trim();
  const open = OPEN_RANGE.exec(s);
  if (open) {
    const min = rangeBound(open[1]!);
    return min === undefined ? undefined : { min, max: Infinity };
  }
  const match = RANGE.exec(s);
  if (!match) return undefined;
  const min = rangeBound(match[1]!);
  const max = rangeBound(match[2]!);
  if (min === undefined || max === undefined || min > max) return undefined;
  return { min, max };
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
