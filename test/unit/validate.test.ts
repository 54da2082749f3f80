// One failure mode per test, each as an author would make it, with the exact report line
// (file:line:col  field  message) locked by an inline snapshot.
import { describe, expect, it } from 'vitest';
import { loadPlaybook } from '../../src/lib/content/load-playbook.ts';
import { editIcp, fixtureFiles, fixtureText, replaceOnce, report } from './fixtures.ts';

describe('the valid fixture', () => {
  it('loads with no problem and resolves the market bottom-up', () => {
    const { model, problems } = loadPlaybook(fixtureFiles());
    expect(problems).toEqual([]);
    expect(model?.icps.map((i) => i.id)).toEqual(['core']);
    expect(model?.icps[0]?.data.market).toMatchObject({
      currency: 'EUR',
      tam: { value: 10_000_000 },
      sam: { value: 2_000_000 },
      som: { value: 200_000, accounts: 20 },
    });
  });

  it('accepts a byte order mark and Windows line endings', () => {
    const icp = '\uFEFF' + fixtureText('content/icps/core.md').replace(/\n/g, '\r\n');
    expect(report({ 'content/icps/core.md': icp })).toEqual([]);
  });

  it('reads a value that ends in --- as part of the frontmatter', () => {
    const { model, problems } = loadPlaybook(fixtureFiles(editIcp('title: Core market', 'title: Before and after---')));
    expect(problems).toEqual([]);
    expect(model?.icps[0]?.data.title).toBe('Before and after---');
  });

  it('ignores files whose name starts with an underscore (drafts)', () => {
    expect(report({ 'content/icps/_idea.md': 'not even frontmatter' })).toEqual([]);
  });
});

describe('rules that read attributes', () => {
  it('names an unknown attribute and suggests the closest one', () => {
    expect(report(editIcp('attribute: employees\n    between', 'attribute: employes\n    between')))
      .toMatchInlineSnapshot(`
      [
        "content/icps/core.md:9:16  filters[0].attribute  unknown attribute "employes" (did you mean "employees"?)",
      ]
    `);
  });

  it('names an unknown option id and suggests the closest one', () => {
    expect(report(editIcp('in: [fr, de]', 'in: [fr, dee]'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:13:14  filters[1].in[1]  unknown option "dee" of "region" (did you mean "de"?)",
      ]
    `);
  });

  it('refuses a rule with no operator', () => {
    expect(report(editIcp('    in: [fr, de]\n', ''))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:11:5  filters[1]  has no operator: add exactly one of between, atLeast, atMost, in, notIn, anyOf, allOf, noneOf, is",
      ]
    `);
  });

  it('refuses a rule with two operators', () => {
    expect(report(editIcp('between: [50, 1000]', 'between: [50, 1000]\n    atLeast: 10'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:8:5  filters[0]  has 2 operators (between, atLeast): keep exactly one, or split it into several rules",
      ]
    `);
  });

  it('refuses an operator that does not fit the attribute type', () => {
    expect(report(editIcp('anyOf: [hubspot, salesforce]', 'in: [hubspot, salesforce]'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:17:5  signals[0].in  operator "in" is for choice attributes, but "stack" is a choices: use anyOf, allOf, noneOf",
      ]
    `);
  });

  it('refuses an empty range', () => {
    expect(report(editIcp('between: [50, 1000]', 'between: [1000, 50]'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:10:14  filters[0].between  [1000, 50] is empty: write the lower bound first, e.g. [50, 1000]",
      ]
    `);
  });

  it('names an unknown field and suggests the right one', () => {
    expect(report(editIcp('    points: 40', '    pionts: 40'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:15:5  signals[0].points  is missing: add points, a whole number from -100 to 100",
        "content/icps/core.md:18:5  signals[0].pionts  unknown field "pionts" (did you mean "points"?)",
      ]
    `);
  });
});

describe('points and tiers', () => {
  it('requires the best positive points to total exactly 100', () => {
    expect(report(editIcp('points: 40', 'points: 35'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:15:3  signals  best positive points total 95, not 100 (Runs HubSpot or Salesforce 35 + Hiring RevOps 30 + Size sweet spot 30): change points so the best possible account scores exactly 100",
      ]
    `);
  });

  it('refuses points that are not whole numbers from -100 to 100', () => {
    expect(report(editIcp('points: 30\n  - label: Size', 'points: 130\n  - label: Size'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:22:13  signals[1].points  must be at most 100",
      ]
    `);
  });

  it('requires tiers in strictly descending order', () => {
    expect(report(editIcp('{ label: Tier 2, min: 40 }', '{ label: Tier 2, min: 70 }'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:30:27  tiers[1].min  is 70, not below 70 of "Tier 1": list tiers highest first with strictly descending min",
      ]
    `);
  });

  it('requires the last tier to start at 0', () => {
    expect(report(editIcp('{ label: Tier 3, min: 0 }', '{ label: Tier 3, min: 10 }'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:31:27  tiers[2].min  is 10: the last tier must have min 0 so every account that passes the filters gets a tier",
      ]
    `);
  });
});

describe('market', () => {
  it('requires SOM ≤ SAM ≤ TAM', () => {
    expect(report(editIcp('sam: { accounts: 200 }', 'sam: { accounts: 2000 }'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:35:8  market.sam  is larger than tam (20,000,000 > 10,000,000): SAM is the part of TAM that passes the filters, so SOM ≤ SAM ≤ TAM",
      ]
    `);
  });

  it('refuses numbers that are not finite', () => {
    expect(report(editIcp('tam: { accounts: 1000, acv: 10000', 'tam: { accounts: 1000, acv: .inf')))
      .toMatchInlineSnapshot(`
      [
        "content/icps/core.md:34:31  market.tam.acv  must be a finite number, not Infinity: write a plain number",
      ]
    `);
  });

  it('asks for an ACV when a figure counts accounts only', () => {
    expect(report(editIcp('acv: 10000, ', ''))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:34:20  market.tam.accounts  needs an acv (average contract value) to become money: add acv here or on tam",
        "content/icps/core.md:35:20  market.sam.accounts  needs an acv (average contract value) to become money: add acv here or on tam",
      ]
    `);
  });
});

describe('files and references', () => {
  it('names a persona ICP reference that does not resolve', () => {
    const persona = replaceOnce(fixtureText('content/personas/champion.md'), 'icps: [core]', 'icps: [cor]');
    expect(report({ 'content/personas/champion.md': persona })).toMatchInlineSnapshot(`
      [
        "content/personas/champion.md:5:8  icps[0]  unknown ICP "cor" (did you mean "core"?)",
      ]
    `);
  });

  it('refuses duplicate attribute ids', () => {
    const attributes =
      fixtureText('content/attributes.yaml') + '- id: region\n  label: Region again\n  type: boolean\n';
    expect(report({ 'content/attributes.yaml': attributes })).toMatchInlineSnapshot(`
      [
        "content/attributes.yaml:21:7  [4].id  "region" is already the id of attribute 2 (line 6): ids must be unique, rename one",
      ]
    `);
  });

  it('refuses a file name that is not a valid id', () => {
    expect(report({ 'content/pages/Sales Plays.md': fixtureText('content/pages/guide.md') })).toMatchInlineSnapshot(`
      [
        "content/pages/Sales Plays.md:1:1  -  file name "Sales Plays" is not a valid id: use lowercase letters, digits and hyphens, e.g. rename it to sales-plays.md",
      ]
    `);
  });

  it('refuses two pages with the same id', () => {
    expect(report({ 'content/pages/guide.mdx': fixtureText('content/pages/guide.md') })).toMatchInlineSnapshot(`
      [
        "content/pages/guide.mdx:1:1  -  has the same id "guide" as content/pages/guide.md: rename one of them (ids are file names without extension)",
      ]
    `);
  });

  it('refuses a date that does not exist', () => {
    expect(report(editIcp('reviewed: 2026-09-15', 'reviewed: 2026-04-31'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:6:11  reviewed  is not a date that exists (check the day and month)",
      ]
    `);
  });

  it('refuses a value outside the allowed list and suggests the closest', () => {
    expect(report(editIcp('status: active', 'status: activ'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:4:9  status  "activ" is not allowed: use one of draft, active, retired (did you mean "active"?)",
      ]
    `);
  });

  it('names a missing required field', () => {
    expect(report(editIcp('owner: Camille Martin\n', ''))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:2:1  owner  is missing: add a line "owner: …" with text",
      ]
    `);
  });

  it('refuses text that is not UTF-8', () => {
    const latin1 = Uint8Array.from(
      [...fixtureText('content/pages/guide.md').replace('How', 'Caf\u00e9 how')].map((c) => c.charCodeAt(0)),
    );
    expect(report({ 'content/pages/guide.md': latin1 })).toMatchInlineSnapshot(`
      [
        "content/pages/guide.md:1:1  -  is not UTF-8 text: save the file with UTF-8 encoding in your editor",
      ]
    `);
  });

  it('points at a YAML syntax error', () => {
    expect(report(editIcp('summary: Mid-sized companies in France and Germany.', 'summary: [unclosed')))
      .toMatchInlineSnapshot(`
      [
        "content/icps/core.md:4:1  -  YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]. Check indentation, and quote values that contain ": " or start with a special character",
      ]
    `);
  });

  it('refuses a duplicated key', () => {
    expect(report(editIcp('status: active', 'status: active\nstatus: draft'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:5:1  -  YAML syntax: Map keys must be unique. Check indentation, and quote values that contain ": " or start with a special character",
      ]
    `);
  });

  it('asks for frontmatter when a Markdown file has none', () => {
    expect(report({ 'content/pages/guide.md': '# Guide\n\nNo frontmatter.' })).toMatchInlineSnapshot(`
      [
        "content/pages/guide.md:1:1  -  has no frontmatter: start the file with a line "---", the YAML fields, then another "---" line",
      ]
    `);
  });

  it('asks for playbook.yaml when it is missing', () => {
    expect(report({ 'content/playbook.yaml': null })).toMatchInlineSnapshot(`
      [
        "content/playbook.yaml:1:1  -  is missing: create it with at least company and product (see README, "playbook.yaml")",
      ]
    `);
  });

  it('reports every problem of every file in one run, sorted by file and line', () => {
    const lines = report({
      ...editIcp('attribute: employees\n    between', 'attribute: employes\n    between'),
      'content/personas/champion.md': replaceOnce(
        fixtureText('content/personas/champion.md'),
        'buyingRole: champion',
        'buyingRole: champ',
      ),
    });
    expect(lines.map((line) => line.split('  ')[0])).toEqual([
      'content/icps/core.md:9:16',
      'content/personas/champion.md:4:13',
    ]);
  });
});

describe('hostile input', () => {
  // Both are refused before the costly part (expanding aliases, parsing 5 MB): an unguarded
  // validator would hang or run out of memory here instead of giving the message.
  it('refuses a YAML alias bomb instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(97 + i))
          .join(',')}]`,
      );
    const lines = report({ 'content/attributes.yaml': bomb.join('\n') + '\n' });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/attributes.yaml:1:1  -  YAML aliases expand too much (more than 100): write the values out instead of using * aliases",
      ]
    `);
  });

  it('refuses a 5 MB file before parsing it', () => {
    const huge = 'company: Acme\nproduct: x\n' + '#'.repeat(5 * 1024 * 1024);
    const lines = report({ 'content/playbook.yaml': huge });
    expect(lines).toMatchInlineSnapshot(`
      [
        "content/playbook.yaml:1:1  -  file is 5.0 MB, over the 1 MB limit for content files: split it or remove what does not belong",
      ]
    `);
  });
});

describe('reporting every problem in one run', () => {
  it('reports an attribute typo and a points total together', () => {
    const icp = replaceOnce(
      replaceOnce(
        fixtureText('content/icps/core.md'),
        'attribute: employees\n    between',
        'attribute: employes\n    between',
      ),
      'points: 40',
      'points: 45',
    );
    expect(report({ 'content/icps/core.md': icp })).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:9:16  filters[0].attribute  unknown attribute "employes" (did you mean "employees"?)",
        "content/icps/core.md:15:3  signals  best positive points total 105, not 100 (Runs HubSpot or Salesforce 45 + Hiring RevOps 30 + Size sweet spot 30): change points so the best possible account scores exactly 100",
      ]
    `);
  });

  it('still checks the other attributes and the ICPs when one attribute is broken', () => {
    const attributes =
      replaceOnce(fixtureText('content/attributes.yaml'), '  unit: people', '  unti: people') +
      '- id: region\n  label: Again\n  type: boolean\n';
    const icp = replaceOnce(fixtureText('content/icps/core.md'), 'in: [fr, de]', 'in: [fr, dee]');
    expect(report({ 'content/attributes.yaml': attributes, 'content/icps/core.md': icp })).toMatchInlineSnapshot(`
      [
        "content/attributes.yaml:4:3  [0].unti  unknown field "unti" (did you mean "unit"?)",
        "content/attributes.yaml:21:7  [4].id  "region" is already the id of attribute 2 (line 6): ids must be unique, rename one",
        "content/icps/core.md:13:14  filters[1].in[1]  unknown option "dee" of "region" (did you mean "de"?)",
      ]
    `);
  });
});

describe('suggestions', () => {
  it('suggests the id that a typo starts', () => {
    const persona = replaceOnce(fixtureText('content/personas/champion.md'), 'icps: [core]', 'icps: [co]');
    expect(report({ 'content/personas/champion.md': persona })).toMatchInlineSnapshot(`
      [
        "content/personas/champion.md:5:8  icps[0]  unknown ICP "co" (did you mean "core"?)",
      ]
    `);
  });

  it('suggests the attribute type for a misspelt type', () => {
    const attributes = replaceOnce(fixtureText('content/attributes.yaml'), 'type: number', 'type: nubmer');
    expect(report({ 'content/attributes.yaml': attributes })).toMatchInlineSnapshot(`
      [
        "content/attributes.yaml:3:9  [0].type  "nubmer" is not a type: use number, choice, choices, boolean (did you mean "number"?)",
      ]
    `);
  });
});

describe('tiers', () => {
  it('refuses two tiers with the same label', () => {
    expect(report(editIcp('{ label: Tier 2, min: 40 }', '{ label: Tier 1, min: 40 }'))).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:30:14  tiers[1].label  "Tier 1" is already the label of tier 1: give each tier its own label (known accounts expect tiers by label)",
      ]
    `);
  });
});

describe("YAML slips, in the author's words", () => {
  it('names a tab in the indentation in one line', () => {
    const icp = replaceOnce(
      fixtureText('content/icps/core.md'),
      '  - label: France or Germany',
      '\t- label: France or Germany',
    );
    expect(report({ 'content/icps/core.md': icp })).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:11:1  -  a tab at 11:1: indent with spaces, never tabs (set your editor to insert spaces)",
      ]
    `);
  });

  it('reports a list item swallowed by the item above, and still checks the rest of the file', () => {
    const icp = replaceOnce(
      fixtureText('content/icps/core.md'),
      'tiers:',
      'pains:\n  - The forecast is rebuilt by hand.\n   - Nobody trusts the pipeline.\ntiers:',
    ).replace('attribute: employees\n    between', 'attribute: employes\n    between');
    expect(report({ 'content/icps/core.md': icp })).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:9:16  filters[0].attribute  unknown attribute "employes" (did you mean "employees"?)",
        "content/icps/core.md:30:4  -  this line starts with "- " but is read as the end of the text above (it is indented deeper than a list item): indent it like the item above to make it an item of its own",
      ]
    `);
  });

  it('reports only the first YAML syntax error of a file, and still checks the other files', () => {
    const persona = replaceOnce(
      fixtureText('content/personas/champion.md'),
      'icps: [core]',
      'icps: [core\nsummary: [a, b\nowner: x: y',
    );
    const lines = report({ 'content/personas/champion.md': persona, ...editIcp('points: 40', 'points: 45') });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^content\/icps\/core\.md:15:3 {2}signals {2}best positive points total 105/);
    expect(lines[1]).toMatch(
      /^content\/personas\/champion\.md:\d+:\d+ {2}- {2}YAML syntax: .*\(fix this one first: the \d+ other YAML errors? in this file usually follow from it\)$/,
    );
  });
});

describe('messages a marketer can act on', () => {
  it.each([
    [
      'a day/month/year date',
      'reviewed: 2026-09-15',
      'reviewed: 15/09/2026',
      'content/icps/core.md:6:11  reviewed  "15/09/2026" is written day/month/year: write 2026-09-15 (dates are YYYY-MM-DD)',
    ],
    [
      'an empty owner',
      'owner: Camille Martin',
      'owner:',
      'content/icps/core.md:5:7  owner  is empty: write text after "owner:"',
    ],
    [
      'a thousands comma inside { }',
      '{ accounts: 1000, acv',
      '{ accounts: 1,000, acv',
      'content/icps/core.md:34:22  market.tam.0  "1,000" is read as two fields: inside { } a comma separates fields, so write numbers without thousands separators (1000)',
    ],
    [
      'an option label instead of its id',
      'in: [fr, de]',
      'in: [France, de]',
      'content/icps/core.md:13:10  filters[1].in[0]  "France" is the label of option "fr" of "region": write its id, fr',
    ],
    [
      'a review date in the future',
      'reviewed: 2026-09-15',
      'reviewed: 2999-09-15',
      expect.stringMatching(
        /^content\/icps\/core\.md:6:11 {2}reviewed {2}2999-09-15 is in the future \(today is \d{4}-\d\d-\d\d\): write the day you last checked this file/,
      ),
    ],
  ])('%s', (_name, from, to, line) => {
    expect(report(editIcp(from, to))).toEqual([line]);
  });

  it('suggests the id of an accented option id', () => {
    const attributes = replaceOnce(fixtureText('content/attributes.yaml'), '{ id: fr,', '{ id: Île-de-France,');
    expect(report({ 'content/attributes.yaml': attributes })[0]).toMatchInlineSnapshot(
      `"content/attributes.yaml:10:13  [1].options[0].id  "Île-de-France" must use only lowercase letters, digits, hyphens and underscores (for example "hiring_revops"): write ile-de-france"`,
    );
  });

  it('refuses two ICPs with the same title, naming both files', () => {
    expect(report({ 'content/icps/copy.md': fixtureText('content/icps/core.md') })).toMatchInlineSnapshot(`
      [
        "content/icps/copy.md:2:8  title  "Core market" is also the title of content/icps/core.md: give each ICP its own title (a copied file keeps the title of the original)",
      ]
    `);
  });

  it('refuses two personas with the same name and role, naming both files', () => {
    expect(report({ 'content/personas/rita.md': fixtureText('content/personas/champion.md') })).toMatchInlineSnapshot(`
      [
        "content/personas/rita.md:2:7  name  "Rita, Head of RevOps" is also the name and role of content/personas/champion.md: change the name or the role so reps can tell the two personas apart",
      ]
    `);
  });

  it('checks the rules of an ICP whose other fields are broken', () => {
    const icp = replaceOnce(
      replaceOnce(fixtureText('content/icps/core.md'), 'summary: Mid-sized companies in France and Germany.\n', ''),
      'in: [fr, de]',
      'in: [fr, dee]',
    );
    expect(report({ 'content/icps/core.md': icp })).toMatchInlineSnapshot(`
      [
        "content/icps/core.md:2:1  summary  is missing: add a line "summary: …" with text",
        "content/icps/core.md:12:14  filters[1].in[1]  unknown option "dee" of "region" (did you mean "de"?)",
      ]
    `);
  });
});

describe('known accounts', () => {
  const csv = (header: string) => ({ 'content/accounts/known.csv': `${header}\nAcme,240,fr,Tier 1\n` });

  it('suggests expect for a misspelled or translated column', () => {
    expect(report(csv('company,employees,region,attendu'))).toMatchInlineSnapshot(`
      [
        "content/accounts/known.csv:1:4  attendu  is not a column the known-accounts check reads (did you mean "expect"?): rename it expect, the tier you expect for the account, or out",
      ]
    `);
    expect(report(csv('company,employees,region,expected'))[0]).toContain('(did you mean "expect"?)');
  });

  it('says nothing is checked when a file has neither expect nor outcome', () => {
    expect(report(csv('company,employees,region,tier_label'))).toMatchInlineSnapshot(`
      [
        "content/accounts/known.csv:1:1  -  has neither an expect nor an outcome column, so nothing in it is checked: add a column expect (the tier you expect, or out) and a column outcome (won, lost or open)",
      ]
    `);
  });

  it('checks the known accounts even when another file has a problem', () => {
    const lines = report({
      ...csv('company,employees,region,expect'),
      'content/pages/guide.md': replaceOnce(fixtureText('content/pages/guide.md'), 'owner: ', 'ownr: '),
    });
    expect(lines.some((line) => line.startsWith('content/accounts/known.csv:2:4  expect  expected "Tier 1"'))).toBe(
      true,
    );
    expect(lines.some((line) => line.startsWith('content/pages/guide.md'))).toBe(true);
  });
});
