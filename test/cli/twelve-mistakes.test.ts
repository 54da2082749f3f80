// Issue 9's case: a French payroll playbook with twelve mistakes over six files (a tab, a
// swallowed list item, a translated expect column, a copied ICP title, a day/month/year date, an
// empty owner, a thousands comma inside { }, an option label and an accented name used as ids, a
// review date in the future, an unknown attribute, a points total of 95). One run reports all.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const FIXTURE = 'test/fixtures/twelve-mistakes/content';

describe('npm run validate on twelve mistakes', () => {
  it('reports every one of them in one run', () => {
    const result = spawnSync(process.execPath, ['scripts/validate.ts'], {
      env: { ...process.env, GITHUB_ACTIONS: '', ICP_CONTENT_DIR: FIXTURE, ICP_TODAY: '2026-11-23' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.replaceAll(`${FIXTURE}/`, '')).toMatchInlineSnapshot(`
      "accounts/comptes-connus.csv:1:3  attendu  is not a column the known-accounts check reads (did you mean "expect"?): rename it expect, the tier you expect for the account, or out
      icps/industrie-regionale.md:9:16  filters[0].attribute  unknown attribute "efectif" (did you mean "effectif"?)
      icps/industrie-regionale.md:17:3  signals  best positive points total 95, not 100 (Paie sur tableur 60 + Recrute un responsable RH 35): change points so the best possible account scores exactly 100
      icps/pme-services.md:2:8  title  "PME de services en croissance" is also the title of icps/industrie-regionale.md: give each ICP its own title (a copied file keeps the title of the original)
      icps/pme-services.md:6:11  reviewed  "15/09/2026" is written day/month/year: write 2026-09-15 (dates are YYYY-MM-DD)
      icps/pme-services.md:14:10  filters[1].in[0]  "Services aux entreprises" is the label of option "services-b2b" of "secteur": write its id, services-b2b
      icps/pme-services.md:27:10  signals[2].in[0]  "Île-de-France" is the label of option "ile-de-france" of "region": write its id, ile-de-france
      icps/pme-services.md:39:4  -  this line starts with "- " but is read as the end of the text above (it is indented deeper than a list item): indent it like the item above to make it an item of its own
      icps/pme-services.md:44:23  market.tam.0  "68,000" is read as two fields: inside { } a comma separates fields, so write numbers without thousands separators (68000)
      pages/guide-appel.md:4:7  owner  is empty: write text after "owner:"
      personas/daf.md:8:11  reviewed  2062-09-15 is in the future (today is 2026-11-23): write the day you last checked this file, so it shows as stale when it is due
      personas/expert-comptable.md:11:1  -  a tab at 11:1: indent with spaces, never tabs (set your editor to insert spaces)

      12 problems in content: fix them and run npm run validate again.
      "
    `);
  });
});
