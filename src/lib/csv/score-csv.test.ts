import { describe, expect, it } from 'vitest';
import { attributes, icp, icpInput, makeIcp } from '../../../test/helpers/scoring-fixtures.ts';
import type { Locale } from '../i18n/locales.ts';
import { scoreBestFit } from '../scoring/score-account.ts';
import type { CellProblem } from './accounts.ts';
import { parseCsv } from './parse.ts';
import { CsvInputError, CsvScorer, encodeLines, OUTPUT_COLUMNS } from './score-csv.ts';

const strict = makeIcp(
  { ...icpInput, title: 'France only', filters: [{ label: 'France only', attribute: 'region', in: ['fr'] }] },
  'france-only',
);
const retired = makeIcp({ ...icpInput, title: 'Retired', status: 'retired' }, 'retired');
const icps = [icp, strict, retired];

function score(text: string, options: { icpId?: string; locale?: Locale; chunk?: number } = {}) {
  const problems: CellProblem[] = [];
  const scorer = new CsvScorer({
    attributes,
    icps,
    locale: options.locale ?? 'en',
    icpId: options.icpId,
    onProblem: (p) => problems.push(p),
  });
  let out = '';
  const size = options.chunk ?? text.length;
  for (let i = 0; i < text.length; i += size) out += scorer.push(text.slice(i, i + size));
  out += scorer.end();
  return { out, problems, scorer };
}

const SAMPLE = [
  'company,employees,region,stack,hiring_revops,revenue',
  'Acme,240,fr,hubspot,yes,12',
  'Bolt,600,,salesforce,,',
  'Cargo,20,us,,no,',
  '"Dyn, Inc",300,dach,competitor-x|hubspot,true,50',
].join('\n');

describe('CsvScorer', () => {
  it('keeps the input columns and adds icp, verdict, score, best, tier and reasons', () => {
    expect(score(SAMPLE).out).toMatchInlineSnapshot(`
      "company,employees,region,stack,hiring_revops,revenue,icp,verdict,score,best,tier,provisional_tier,reasons
      Acme,240,fr,hubspot,yes,12,mid-market-saas,fit,100,100,Tier 1,,
      Bolt,600,,salesforce,,,mid-market-saas,unknown,30,80,,Tier 3,Unknown: France or DACH (no value)
      Cargo,20,us,,no,,mid-market-saas,out,0,55,,,"Fails: 50 to 1,000 employees (seen 20 people); Fails: France or DACH (seen United States)"
      "Dyn, Inc",300,dach,competitor-x|hubspot,true,50,mid-market-saas,fit,85,85,Tier 1,,
      "
    `);
  });

  it('agrees with scoreBestFit, the engine behind the widget', () => {
    const { records } = parseCsv(score(SAMPLE).out);
    const accounts = [
      { employees: 240, region: 'fr', stack: ['hubspot'], hiring_revops: true, revenue: 12 },
      { employees: 600, stack: ['salesforce'] },
      { employees: 20, region: 'us', hiring_revops: false },
      { employees: 300, region: 'dach', stack: ['competitor-x', 'hubspot'], hiring_revops: true, revenue: 50 },
    ];
    accounts.forEach((account, i) => {
      const { best } = scoreBestFit(account, icps, attributes, 'en');
      const cells = records[i + 1]!.cells.slice(-OUTPUT_COLUMNS.length);
      // The engine's tier covers fit and unknown; the file splits it into tier (fit) and provisional_tier (unknown).
      const tier = best!.tier?.label ?? '';
      expect(cells.slice(0, 6)).toEqual([
        best!.icpId,
        best!.verdict,
        String(best!.score),
        String(best!.best),
        best!.verdict === 'fit' ? tier : '',
        best!.verdict === 'unknown' ? tier : '',
      ]);
    });
  });

  it('gives the same output whatever the chunk size', () => {
    const whole = score(SAMPLE).out;
    for (const chunk of [1, 2, 7, 64]) expect(score(SAMPLE, { chunk }).out).toBe(whole);
  });

  it('keeps the delimiter and the byte order mark of the input', () => {
    const { out } = score('\uFEFFcompany;employees;revenue\r\nAcme;1 200;12,5\r\n');
    expect(out).toMatchInlineSnapshot(`
      "﻿company;employees;revenue;icp;verdict;score;best;tier;provisional_tier;reasons
      Acme;1 200;12,5;france-only;unknown;25;80;;Tier 3;Unknown: France only (no value)
      "
    `);
    expect(out.startsWith('\uFEFF')).toBe(true);
  });

  it('quotes several reasons in a ; file, so they stay in one cell', () => {
    const { out } = score('company;employees;region\nAcme;20;us\n');
    const [header, row] = parseCsv(out).records.map((record) => record.cells);
    expect(row).toHaveLength(header!.length);
    expect(row!.at(-1)).toMatch(/^Fails: .*; Fails: /);
  });

  it('neutralises input cells that a spreadsheet would run as formulas, but not negative numbers', () => {
    const { out } = score('company,employees\n=HYPERLINK("http://x"),-3\n@evil,80\n', { icpId: 'mid-market-saas' });
    expect(out.split('\n').slice(1, 3)).toMatchInlineSnapshot(`
      [
        ""'=HYPERLINK(""http://x"")",-3,mid-market-saas,unknown,0,100,,Tier 3,"Unknown: 50 to 1,000 employees (value not recognised: -3); Unknown: France or DACH (no value)"",
        "'@evil,80,mid-market-saas,unknown,0,80,,Tier 3,Unknown: France or DACH (no value)",
      ]
    `);
  });

  it('reports unreadable cells and still scores the row with them unknown', () => {
    const { out, problems, scorer } = score('company,employees,region\nAcme,many,fr\nBolt,"1,2,3",mars\n', {
      icpId: 'mid-market-saas',
    });
    expect(problems.map((p) => `${p.row}:${p.column}  ${p.header}  ${p.message}`)).toMatchInlineSnapshot(`
      [
        "2:2  employees  "many" is not a number: write digits, with . or , as decimal mark (for example 1200 or 38,5), or a range such as 51-200 or 10001+",
        "3:2  employees  "1,2,3" is not a number: write digits, with . or , as decimal mark (for example 1200 or 38,5), or a range such as 51-200 or 10001+",
        "3:3  region  "mars" is not an option of Region: write an option id or label: fr, dach, us",
      ]
    `);
    expect(scorer.rows).toBe(2);
    expect(scorer.problems).toBe(3);
    expect(out.split('\n')[1]).toMatchInlineSnapshot(
      `"Acme,many,fr,mid-market-saas,unknown,0,100,,Tier 3,"Unknown: 50 to 1,000 employees (value not recognised: many)""`,
    );
  });

  it('pads short rows and cuts long ones, reporting the extra cells', () => {
    const { out, problems } = score('company,employees\nAcme\nBolt,80,extra\n');
    expect(
      out
        .split('\n')
        .slice(1, 3)
        .map((l) => l.split(',').slice(0, 3).join(',')),
    ).toEqual(['Acme,,mid-market-saas', 'Bolt,80,mid-market-saas']);
    expect(problems.map((p) => [p.row, p.column, p.value])).toEqual([[3, 3, 'extra']]);
  });

  it('scores against one ICP of any status with icpId', () => {
    const { out } = score('employees,region\n300,us\n', { icpId: 'retired' });
    expect(out.split('\n')[1]).toMatch(/^300,us,retired,out,/);
  });

  it('writes reasons in the playbook language', () => {
    const { out } = score('employees,region\n20,fr\n', { locale: 'fr', icpId: 'mid-market-saas' });
    expect(out.split('\n')[1]).toMatchInlineSnapshot(
      `"20,fr,mid-market-saas,out,0,80,,,"Échoue : 50 to 1,000 employees (vu : 20 people)""`,
    );
  });

  it.each([
    ['an empty file', '', {}, 'the file is empty: it needs a header row naming the columns, then one row per account'],
    [
      'a header without attribute columns',
      'company,domain\nAcme,acme.com\n',
      {},
      'no column is named after an attribute: name the columns by attribute id or label (employees, revenue, region, stack, hiring_revops)',
    ],
    [
      'an unknown ICP',
      'employees\n1\n',
      { icpId: 'nope' },
      'unknown ICP "nope": the ICPs are mid-market-saas, france-only, retired',
    ],
  ] as const)('refuses %s with one message', (_name, text, options, message) => {
    expect(() => score(text, options)).toThrowError(new CsvInputError(message));
  });
});

describe('CsvScorer onRow', () => {
  it('reports each row with the values of its output line and the input cells as written', () => {
    const text = `${SAMPLE}\n=cmd,=1+1,fr,,yes,\n`;
    const rows: {
      cells: string[];
      line: number;
      icp: string;
      verdict: string;
      score: number;
      best: number;
      tier: string;
      reasons: string;
    }[] = [];
    const scorer = new CsvScorer({
      attributes,
      icps,
      locale: 'en',
      onRow: (row) => rows.push({ ...row, cells: [...row.cells] }),
    });
    const out = scorer.push(text.slice(0, 70)) + scorer.push(text.slice(70)) + scorer.end();
    expect(scorer.header).toEqual(['company', 'employees', 'region', 'stack', 'hiring_revops', 'revenue']);
    const lines = out.split('\n').slice(1, -1);
    expect(rows).toHaveLength(lines.length);
    const records = parseCsv(out).records.slice(1);
    rows.forEach((row, i) => {
      const cells = records[i]!.cells;
      const [icpId, verdict, points, best, tier, provisional] = cells.slice(-OUTPUT_COLUMNS.length);
      expect([row.icp, row.verdict, String(row.score), String(row.best), row.tier]).toEqual([
        icpId,
        verdict,
        points,
        best,
        tier || provisional,
      ]);
      // The reasons cell exactly as the line ends with it, quotes included.
      expect(lines[i]!.endsWith(`,${row.reasons}`)).toBe(true);
    });
    expect(rows[2]!.reasons).toBe(
      '"Fails: 50 to 1,000 employees (seen 20 people); Fails: France or DACH (seen United States)"',
    );
    expect(rows[3]!.cells[0]).toBe('Dyn, Inc');
    // The table shows what was written; the file gets the neutralised cell.
    expect(rows[4]!.cells.slice(0, 2)).toEqual(['=cmd', '=1+1']);
    expect(lines[4]!.startsWith("'=cmd,")).toBe(true);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('gives the same lines unjoined', () => {
    const scorer = new CsvScorer({ attributes, icps, locale: 'en' });
    expect(
      [...scorer.pushLines(SAMPLE.slice(0, 40)), ...scorer.pushLines(SAMPLE.slice(40)), ...scorer.endLines()].join(''),
    ).toBe(score(SAMPLE).out);
  });
});

describe('encodeLines', () => {
  it.each([
    ['ASCII only', ['a,b\n', 'c,d\n']],
    ['accents, euro signs and emoji that outgrow the first guess', ['€€€€€€€€€€\n', 'Société;😀😀😀;x\n', '']],
    ['nothing', []],
  ])('encodes %s as UTF-8, like TextEncoder on the joined text', (_name, lines) => {
    expect(encodeLines(lines)).toEqual(new TextEncoder().encode(lines.join('')));
  });
});

describe('CsvScorer bytes', () => {
  it('gives the same output as text and as UTF-8 bytes', () => {
    const text = SAMPLE.replace('Acme', 'Société €');
    const scorer = new CsvScorer({ attributes, icps, locale: 'en' });
    const bytes = [scorer.pushBytes(text.slice(0, 50)), scorer.pushBytes(text.slice(50)), scorer.endBytes()];
    expect(new TextDecoder().decode(Buffer.concat(bytes))).toBe(score(text).out);
  });
});

describe('CsvScorer encoding', () => {
  it('refuses text with NUL characters (bytes not decoded by CsvDecoder) as binary', () => {
    const utf16AsUtf8 = new TextDecoder('utf-8').decode(
      new Uint8Array([0xff, 0xfe, ...[...'company,employees\n'].flatMap((c) => [c.charCodeAt(0), 0])]),
    );
    const scorer = new CsvScorer({ attributes, icps, locale: 'en', onProblem: () => {} });
    expect(() => scorer.push(utf16AsUtf8)).toThrow(
      new CsvInputError(
        'the file is binary, not text (it holds NUL or control bytes): export the data as CSV, e.g. "CSV UTF-8" in your spreadsheet, and try again',
      ),
    );
  });
});

describe('CsvScorer keep (re-import-safe output)', () => {
  const input =
    'Record ID,company,employees,Phone Number,region\n1,"Acme, ""Inc""",240,+33 1 10 30 99 64,fr\n2,=HYPERLINK("x"),12,-2+3,dach\n';
  const run = (keep: 'keys' | string[]) => {
    const scorer = new CsvScorer({ attributes, icps: [icp], locale: 'en', keep });
    return scorer.push(input) + scorer.end();
  };

  it('writes only the non-attribute columns and the results, phone numbers unchanged, formulas neutralised', () => {
    expect(run('keys')).toMatchInlineSnapshot(`
      "Record ID,company,Phone Number,icp,verdict,score,best,tier,provisional_tier,reasons
      1,"Acme, ""Inc""",+33 1 10 30 99 64,mid-market-saas,fit,20,100,Tier 3,,
      2,"'=HYPERLINK(""x"")",'-2+3,mid-market-saas,out,0,80,,,"Fails: 50 to 1,000 employees (seen 12 people)"
      "
    `);
  });

  it('writes the named columns in the order given, and names a missing one', () => {
    expect(run(['record id', 'REGION']).split('\n')[1]).toBe('1,fr,mid-market-saas,fit,20,100,Tier 3,,');
    expect(() => run(['Nope'])).toThrow(
      new CsvInputError(
        'there is no column "Nope" to keep: the columns are Record ID, company, employees, Phone Number, region',
      ),
    );
  });
});
