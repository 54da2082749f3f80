// A seeded generator of HubSpot-shaped company exports, for tests and benchmarks: real HubSpot
// header names and value spellings, quoted commas and quotes, multi-line notes, phone numbers,
// number bands, about 12 % empty cells, a few formula payloads. Each account is written twice:
// as HubSpot exports it (read through the aliases of test/fixtures/crm/content/attributes.yaml)
// and with attribute ids and option ids, so both must score alike.
import { seededRandom } from './seeded-random.ts';

/** The HubSpot export's columns, in order. Attribute columns use the fixture's aliases. */
export const HUBSPOT_HEADER = [
  'Record ID',
  'Company name',
  'Company Domain Name',
  'Phone Number',
  'Number of Employees',
  'Annual Revenue',
  'Industry',
  'Country/Region',
  'City',
  'CRM in use',
  'Hiring RevOps (custom)',
  'Notes',
  'Create Date',
] as const;

/** The same accounts with attribute ids as headers (same order, same key columns). */
export const IDS_HEADER = [
  'Record ID',
  'Company name',
  'Company Domain Name',
  'Phone Number',
  'employees',
  'revenue',
  'industry',
  'region',
  'City',
  'stack',
  'hiring_revops',
  'Notes',
  'Create Date',
] as const;

/** Columns that are not attributes: they must come back unchanged (formulas aside). */
export const KEY_COLUMNS = [
  'Record ID',
  'Company name',
  'Company Domain Name',
  'Phone Number',
  'City',
  'Notes',
  'Create Date',
] as const;

// [HubSpot spelling, option id]: HubSpot exports labels, its API the internal names.
const INDUSTRIES: readonly (readonly [string, string])[] = [
  ['Computer Software', 'software'],
  ['COMPUTER_SOFTWARE', 'software'],
  ['Financial Services', 'fintech'],
  ['FINANCIAL_SERVICES', 'fintech'],
  ['Transportation/Trucking/Railroad', 'transport'],
  ['Retail', 'retail'],
  // No option reads these: unknown in both files (the HubSpot one says "value not recognised").
  ['Hospital & Health Care', ''],
  ['Mechanical or Industrial Engineering', ''],
];
const COUNTRIES: readonly (readonly [string, string])[] = [
  ['France', 'fr'],
  ['Germany', 'de'],
  ['Deutschland', 'de'],
  ['United States', 'us'],
  ['United Kingdom', 'uk'],
  ['États-Unis', 'us'],
  // No option reads it: unknown in both files.
  ['Suisse', ''],
];
const CRMS: readonly (readonly [string, string])[] = [
  ['HubSpot', 'hubspot'],
  ['Salesforce', 'salesforce'],
  ['SFDC', 'salesforce'],
  ['Pipedrive', 'pipedrive'],
];
const BANDS = ['1-10', '11-50', '51-200', '201-500', '501-1,000', '1,001-5,000', '5,001-10,000', '10,001+'];
const CITIES = ['Paris', 'Lyon', 'München', 'Köln', 'Zürich', 'Île-de-France', 'Saint-Étienne', 'Boston'];
const NAMES = [
  'Acme',
  'Société Générale des Eaux',
  'Dupont, Fils & Cie',
  '"Le Bon" Café',
  'Müller GmbH',
  'Ørsted-like',
  'L’Atelier',
];
const FORMULAS = [
  '=HYPERLINK("http://evil.example","Click")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  '-2+3',
];

/** One generated account: its cells in the HubSpot file and in the ids file. */
export interface CrmRow {
  hubspot: string[];
  ids: string[];
}

/**
 * `count` accounts from `seed`, the same every run.
 * @example generateCrmRows(20_000, 8) // [{ hubspot: ['1001', 'Acme 1', …], ids: ['1001', 'Acme 1', …] }, …]
 */
export function generateCrmRows(count: number, seed = 8): CrmRow[] {
  const { random, pick } = seededRandom(seed);
  const empty = () => random() < 0.12;
  const rows: CrmRow[] = [];
  for (let i = 1; i <= count; i++) {
    const formula = random() < 0.01;
    const name = formula ? pick(FORMULAS) : `${pick(NAMES)} ${i}`;
    const phone = empty()
      ? ''
      : `+33 1 ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))}`;
    const employees = empty() ? '' : random() < 0.3 ? pick(BANDS) : String(Math.floor(random() * random() * 8000));
    const euros = Math.floor(random() * random() * 200_000) * 1000 + 123;
    const revenue = empty() ? ['', ''] : [String(euros), String(euros * 0.000001)];
    const industry = empty() ? ['', ''] : pick(INDUSTRIES);
    const country = empty() ? ['', ''] : pick(COUNTRIES);
    const crms = empty() ? [] : Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(CRMS));
    const hiring = empty() ? ['', ''] : random() < 0.4 ? ['true', 'yes'] : ['false', 'no'];
    const notes =
      random() < 0.1 ? 'Met at the fair, "warm"\nFollow up in Q3, then again' : random() < 0.02 ? pick(FORMULAS) : '';
    const keys = [String(1000 + i), name, `company-${i}.example`, phone];
    const city = empty() ? '' : pick(CITIES);
    const date = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} 10:00`;
    rows.push({
      hubspot: [
        ...keys,
        employees,
        revenue[0]!,
        industry[0],
        country[0],
        city,
        crms.map((c) => c[0]).join(';'),
        hiring[0]!,
        notes,
        date,
      ],
      ids: [
        ...keys,
        employees,
        revenue[1]!,
        industry[1],
        country[1],
        city,
        crms.map((c) => c[1]).join('|'),
        hiring[1]!,
        notes,
        date,
      ],
    });
  }
  return rows;
}

/** A CSV cell as HubSpot writes it: quoted when it holds a comma, a quote or a line break. */
function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The rows as CSV text, HubSpot's way (`hubspot`) or with ids (`ids`); CRLF line ends like HubSpot. */
export function crmCsv(rows: readonly CrmRow[], form: 'hubspot' | 'ids'): string {
  const header = form === 'hubspot' ? HUBSPOT_HEADER : IDS_HEADER;
  const lines = [header.map(quote).join(',')];
  for (const row of rows) lines.push(row[form].map(quote).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Text as Windows-1252 bytes (what French Excel saves); throws on a character it cannot hold. */
export function encodeWindows1252(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1252');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = table.get(text[i]!);
    if (byte === undefined) throw new Error(`"${text[i]}" has no Windows-1252 byte`);
    bytes[i] = byte;
  }
  return bytes;
}
