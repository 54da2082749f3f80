// `npm run score` as a user runs it: CSV in, CSV out, one-line errors, exit codes, no stack trace.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/score.ts';
import { runCli } from '../helpers/run-cli.ts';

const fixtures = 'test/fixtures/csv';
const content = join(fixtures, 'content');
const work = mkdtempSync(join(tmpdir(), 'icp-score-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run score` with these arguments, in process (test/cli/score.spawn.test.ts runs the real process). */
async function score(args: string[], options: { input?: string; content?: string; env?: Record<string, string> } = {}) {
  const result = await runCli(main, args, {
    env: { ...options.env, ICP_CONTENT_DIR: options.content ?? content },
    input: options.input ?? '',
  });
  // The summary line ends with the time taken: make it stable.
  const stderr = result.stderr.replace(/ in \d+\.\d s/g, ' in 0.0 s');
  return { status: result.status, stdout: result.stdout, stderr };
}

describe('npm run score', () => {
  it('writes the scored CSV to standard output and a summary to standard error', async () => {
    const { status, stdout, stderr } = await score([`${fixtures}/comma.csv`]);
    expect(status).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "company,employees,region,stack,hiring_revops,revenue,icp,verdict,score,best,tier,provisional_tier,reasons
      Acme,240,fr,hubspot,yes,12,core,fit,100,100,Tier 1,,
      Bolt,600,,salesforce,,,core,unknown,30,80,,Tier 3,Unknown: France or DACH (no value)
      Cargo,20,us,,no,,core,out,0,55,,,"Fails: 50 to 1,000 employees (seen 20 people); Fails: France or DACH (seen United States)"
      "
    `);
    expect(stderr).toMatchInlineSnapshot(`
      "Scored 3 accounts (1 fit, 1 unknown, 1 out) against best fit of core in 0.0 s.
      "
    `);
  });

  it('reads labels as headers, a semicolon delimiter, decimal commas and a BOM, and keeps them', async () => {
    const { status, stdout } = await score([`${fixtures}/semicolon-labels-bom.csv`]);
    expect(status).toBe(0);
    expect(stdout.startsWith('\uFEFF')).toBe(true);
    expect(stdout.slice(1)).toMatchInlineSnapshot(`
      "Société;Employees;Region;Tools in use;Hiring RevOps;Annual revenue;icp;verdict;score;best;tier;provisional_tier;reasons
      Atelier;1 200;France;"HubSpot;Salesforce";oui;12,5;core;out;80;80;;;Fails: 50 to 1,000 employees (seen 1,200 people)
      Brioche;150;dach;hubspot;NON;9,5;core;fit;40;40;Tier 2;;
      "
    `);
  });

  it('reads a tab-separated file', async () => {
    expect((await score([`${fixtures}/tab.csv`])).stdout).toMatchInlineSnapshot(`
      "company	employees	region	revenue	icp	verdict	score	best	tier	provisional_tier	reasons
      Acme	300	dach	10.5	core	fit	45	100	Tier 2		
      "
    `);
  });

  it('keeps quoted cells, embedded line breaks and doubled quotes intact', async () => {
    expect((await score([`${fixtures}/quotes.csv`])).stdout).toMatchInlineSnapshot(`
      "company,notes,employees,region,icp,verdict,score,best,tier,provisional_tier,reasons
      "Dyn, Inc","says ""hi""
      and more",300,fr,core,fit,20,100,Tier 3,,
      Echo,,80,dach,core,fit,0,80,Tier 3,,
      "
    `);
  });

  it('neutralises cells a spreadsheet would run as formulas, keeping negative numbers', async () => {
    expect((await score([`${fixtures}/formulas.csv`])).stdout).toMatchInlineSnapshot(`
      "company,employees,region,notes,icp,verdict,score,best,tier,provisional_tier,reasons
      "'=HYPERLINK(""http://evil.example"")",300,fr,'@SUM(A1),core,fit,20,100,Tier 3,,
      '+cmd,80,dach,-3,core,fit,0,80,Tier 3,,
      "
    `);
  });

  it('reports unreadable cells by file, row and column, and still scores every row', async () => {
    const { status, stdout, stderr } = await score([`${fixtures}/bad-cells.csv`]);
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(4);
    expect(stderr).toMatchInlineSnapshot(`
      "Values not recognised, by column (most frequent first; --verbose lists every cell):
        employees: lots × 1, -5 × 1
        region: Frnace × 1
        stack: zoho × 1
        hiring_revops: maybe × 1
        To read a value of a choice column, add it to an option's aliases in content/attributes.yaml (see docs/scoring.md); fix the others in the file.
      5 cells could not be read: those values were scored as unknown.
      Scored 3 accounts (0 fit, 3 unknown, 0 out) against best fit of core in 0.0 s.
      "
    `);
  });

  it('summarises unreadable values by column and distinct value, and lists every cell only with --verbose', async () => {
    const file = join(work, 'many-bad.csv');
    writeFileSync(file, `employees,region\n${'x,Mars\n'.repeat(40)}${'y,Venus\n'.repeat(20)}`);
    const { stderr } = await score([file]);
    expect(stderr.split('\n').slice(0, 4)).toEqual([
      'Values not recognised, by column (most frequent first; --verbose lists every cell):',
      '  employees: x × 40, y × 20',
      '  region: Mars × 40, Venus × 20',
      "  To read a value of a choice column, add it to an option's aliases in content/attributes.yaml (see docs/scoring.md); fix the others in the file.",
    ]);
    expect(stderr).toContain('120 cells could not be read: those values were scored as unknown.');
    const verbose = (await score([file, '--verbose'])).stderr.trim().split('\n');
    expect(verbose[0]).toBe(
      `${file}:2:1  employees  "x" is not a number: write digits, with . or , as decimal mark (for example 1200 or 38,5), or a range such as 51-200 or 10001+`,
    );
    expect(verbose.filter((line) => line.startsWith(file))).toHaveLength(120);
  });

  it('scores against one ICP of any status with --icp', async () => {
    const { status, stdout, stderr } = await score([`${fixtures}/comma.csv`, '--icp', 'legacy']);
    expect(status).toBe(0);
    expect(stdout.split('\n')[3]).toBe('Cargo,20,us,,no,,legacy,fit,0,100,Silver,,');
    expect(stderr).toContain('against legacy in');
  });

  it('writes to a file with --out and reads standard input with -', async () => {
    const out = join(work, 'scored.csv');
    const { status, stdout, stderr } = await score(['-', `--out=${out}`], { input: 'employees,region\n300,fr\n' });
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(
      'employees,region,icp,verdict,score,best,tier,provisional_tier,reasons\n300,fr,core,fit,20,100,Tier 3,,\n',
    );
    expect(stderr).toContain(`→ ${out}.`);
  });

  it('writes in the playbook language', async () => {
    const french = join(work, 'content-fr');
    cpSync(content, french, { recursive: true });
    writeFileSync(
      join(french, 'playbook.yaml'),
      readFileSync(join(content, 'playbook.yaml'), 'utf8').replace('locale: en', 'locale: fr'),
    );
    const { stdout } = await score(['-'], { input: 'employees;region\n20;fr\n', content: french });
    expect(stdout).toMatchInlineSnapshot(`
      "employees;region;icp;verdict;score;best;tier;provisional_tier;reasons
      20;fr;core;out;0;80;;;Échoue : 50 to 1,000 employees (vu : 20 people)
      "
    `);
  });

  describe('for a French playbook', () => {
    const french = join(work, 'content-fr-notices');
    cpSync(content, french, { recursive: true });
    writeFileSync(
      join(french, 'playbook.yaml'),
      readFileSync(join(content, 'playbook.yaml'), 'utf8').replace('locale: en', 'locale: fr'),
    );
    writeFileSync(
      join(french, 'attributes.yaml'),
      readFileSync(join(content, 'attributes.yaml'), 'utf8').replace(
        '  unit: M€\n',
        '  unit: M€\n  typical: [1, 500]\n',
      ),
    );

    it('prints its notices and summary in French: encoding, units, unreadable values, counts per verdict', async () => {
      // Windows-1252 (as Excel on Windows writes it), revenue in euros, and cells it cannot read.
      const rows = [
        'Société,employees,region,revenue',
        'Crème,lots,Frnace,12000000',
        'Brûlé,240,fr,8000000',
        'Été,20,us,9500000',
        'Noël,300,dach,7000000',
        'Aïoli,90,fr,15000000',
      ];
      const file = join(work, 'francais.csv');
      writeFileSync(file, Buffer.from(`${rows.join('\r\n')}\r\n`, 'latin1'));
      const { status, stdout, stderr } = await score([file], { content: french });
      expect(status).toBe(0);
      expect(stdout.split('\n')[0]).toBe(
        'Société,employees,region,revenue,icp,verdict,score,best,tier,provisional_tier,reasons',
      );
      expect(stderr.replaceAll(file, 'francais.csv').replace(/ en \d+,\d\u202fs/, ' en 0,0\u202fs'))
        .toMatchInlineSnapshot(`
        "francais.csv: Le fichier n'est pas en UTF-8 : lu en Windows-1252 (l'encodage d'Excel sous Windows). Le résultat est écrit en UTF-8.
        francais.csv:1:4  revenue : 5 nombres sur 5 sont hors de la plage plausible de Annual revenue (1–500 M€) ; ils semblent 1 000 000 fois trop grands, dans une autre unité (des euros plutôt que des M€ ?) : ajoutez \`scale: 0.000001\` à l'alias, par exemple - { column: revenue, scale: 0.000001 }
        Valeurs non reconnues, par colonne (les plus fréquentes d’abord ; --verbose liste chaque cellule) :
          employees : lots × 1
          region : Frnace × 1
          Pour lire une valeur d’une colonne à choix, ajoutez-la aux aliases d’une option dans content/attributes.yaml (voir docs/scoring.md) ; corrigez les autres dans le fichier.
        2 cellules illisibles : ces valeurs ont été notées comme inconnues.
        5 comptes notés (3 dans la cible — fit, 1 à confirmer — unknown, 1 hors cible — out) selon le meilleur ICP parmi core en 0,0 s.
        "
      `);
    });

    it('says its one-line errors in French', async () => {
      const unknownIcp = await score([`${fixtures}/comma.csv`, '--icp', 'cor'], { content: french });
      expect(unknownIcp.status).toBe(1);
      expect(unknownIcp.stderr).toBe(
        'ICP «\u202fcor\u202f» inconnu (vouliez-vous dire «\u202fcore\u202f»\u202f?)\u202f: les ICP sont core, legacy\n',
      );
      const missing = await score(['absent.csv'], { content: french });
      expect(missing.stderr).toBe('impossible de lire absent.csv\u202f: ce fichier n’existe pas\n');
      const option = await score(['--icps', 'core', 'a.csv'], { content: french });
      expect(option.stderr).toMatch(/^option «\u202f--icps\u202f» inconnue\u202f: utilisez --icp <id>/);
      const threads = await score([`${fixtures}/comma.csv`], { content: french, env: { ICP_SCORE_THREADS: 'deux' } });
      expect(threads.stderr).toBe(
        'ICP_SCORE_THREADS vaut «\u202fdeux\u202f»\u202f: indiquez combien de fils notent un gros fichier (un nombre entier, 1 ou plus), ou retirez la variable pour un fil par cœur\n',
      );
    });
  });

  describe.each([
    [
      'an unknown ICP',
      [`${fixtures}/comma.csv`, '--icp', 'cor'],
      'unknown ICP "cor" (did you mean "core"?): the ICPs are core, legacy',
    ],
    ['a missing file', ['missing.csv'], 'cannot read missing.csv: there is no such file'],
    ['a folder', [fixtures], `cannot read ${fixtures}: it is a folder, give a CSV file`],
    [
      'an unknown option',
      ['--icps', 'core', 'a.csv'],
      'unknown option "--icps": use --icp <id>, --out <file>, --only-keys, --keys <columns>, --verbose, --engine ts|duckdb or --help',
    ],
    [
      'no file',
      [],
      'no CSV file given. Usage: npm run --silent score -- <accounts.csv | accounts.parquet | -> [--icp <id>] [--out <file>] [--only-keys | --keys <columns>] [--verbose] [--engine ts|duckdb]',
    ],
    [
      'two files',
      ['a.csv', 'b.csv'],
      'one CSV file at a time, got 2 (a.csv, b.csv). Usage: npm run --silent score -- <accounts.csv | accounts.parquet | -> [--icp <id>] [--out <file>] [--only-keys | --keys <columns>] [--verbose] [--engine ts|duckdb]',
    ],
    [
      'a flag without its value',
      [`${fixtures}/comma.csv`, '--icp'],
      '--icp needs a value. Usage: npm run --silent score -- <accounts.csv | accounts.parquet | -> [--icp <id>] [--out <file>] [--only-keys | --keys <columns>] [--verbose] [--engine ts|duckdb]',
    ],
    [
      'a file without attribute columns',
      [`${fixtures}/no-attributes.csv`],
      `${fixtures}/no-attributes.csv: no column is named after an attribute: name the columns by attribute id or label (employees, revenue, region, stack, hiring_revops)`,
    ],
    [
      'an empty input',
      ['-'],
      'stdin: the file is empty: it needs a header row naming the columns, then one row per account',
    ],
  ])('with %s', (_name, args, message) => {
    it('fails with one line and exit code 1', async () => {
      const { status, stdout, stderr } = await score(args);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`${message}\n`);
    });
  });

  it.each([
    [
      'ICP_SCORE_THREADS',
      'two',
      'ICP_SCORE_THREADS is "two": write how many threads score a big file (a whole number, 1 or more), or unset it for one per core',
    ],
    [
      'ICP_SCORE_THREADS',
      '0',
      'ICP_SCORE_THREADS is "0": write how many threads score a big file (a whole number, 1 or more), or unset it for one per core',
    ],
    [
      'ICP_SCORE_PARALLEL_MIN_BYTES',
      '8MB',
      'ICP_SCORE_PARALLEL_MIN_BYTES is "8MB": write the size in bytes from which a file is scored on several threads (a whole number, 0 or more), or unset it for 8 MiB',
    ],
    ['ICP_TODAY', '23/11/2026', 'ICP_TODAY is "23/11/2026": write a date as YYYY-MM-DD, or unset it to use today'],
  ])(
    'refuses %s=%s in one line with exit code 1, instead of going on without it or reporting a crash',
    async (name, value, message) => {
      const { status, stdout, stderr } = await score([`${fixtures}/comma.csv`], { env: { [name]: value } });
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`${message}\n`);
    },
  );

  it('fails on invalid content by pointing at npm run validate', async () => {
    const broken = join(work, 'content-broken');
    cpSync(content, broken, { recursive: true });
    writeFileSync(
      join(broken, 'icps/core.md'),
      readFileSync(join(content, 'icps/core.md'), 'utf8').replace(
        'attribute: employees\n    between',
        'attribute: employes\n    between',
      ),
    );
    const { status, stderr } = await score([`${fixtures}/comma.csv`], { content: broken });
    expect(status).toBe(1);
    expect(stderr).toBe('content is invalid (1 problem): run npm run validate to see and fix it\n');
  });

  it('removes a partial --out file when it fails', async () => {
    const out = join(work, 'partial.csv');
    const { status } = await score([`${fixtures}/no-attributes.csv`, '--out', out]);
    expect(status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('prints its help', async () => {
    const { status, stdout } = await score(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('--icp <id>');
  });
  it('refuses to write over its own input, and keeps the input', async () => {
    const input = join(work, 'mine.csv');
    writeFileSync(input, readFileSync(`${fixtures}/comma.csv`));
    const { status, stderr } = await score([input, '--out', input]);
    expect(status).toBe(1);
    expect(stderr).toBe(
      `--out ${input} is the input file: write the result to another file, e.g. --out mine-scored.csv\n`,
    );
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(`${fixtures}/comma.csv`, 'utf8'));
  });

  it('says in one line when --out names a missing folder or a folder', async () => {
    const missing = await score([`${fixtures}/comma.csv`, '--out', join(work, 'nowhere', 'x.csv')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(
      `cannot write ${join(work, 'nowhere', 'x.csv')}: the folder ${join(work, 'nowhere')} does not exist\n`,
    );
    const folder = await score([`${fixtures}/comma.csv`, '--out', work]);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toMatch(/^cannot write .*: it is a folder, give a file name such as .*scored\.csv\n$/);
  });

  it('keeps an earlier result when a new run fails', async () => {
    const out = join(work, 'kept.csv');
    writeFileSync(out, 'earlier result\n');
    const { status } = await score(['-', '--out', out], { input: 'no,attribute,here\n1,2,3\n' });
    expect(status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('earlier result\n');
  });
  it('says in one line when the disk is full, and leaves a device in place', async () => {
    const { status, stderr } = await score([`${fixtures}/comma.csv`, '--out', '/dev/full']);
    expect(status).toBe(1);
    expect(stderr).toBe('cannot write the result: ENOSPC: no space left on device, write\n');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });
});
