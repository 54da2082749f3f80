// Issue 9's case: a French payroll playbook with twelve mistakes over six files (a tab, a
// swallowed list item, a translated expect column, a copied ICP title, a day/month/year date, an
// empty owner, a thousands comma inside { }, an option label and an accented name used as ids, a
// review date in the future, an unknown attribute, a points total of 95). One run reports all.
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/validate.ts';
import { runCli } from '../helpers/run-cli.ts';

const FIXTURE = 'test/fixtures/twelve-mistakes/content';

describe('npm run validate on twelve mistakes', () => {
  it('reports every one of them in one run', async () => {
    const result = await runCli(main, [], {
      env: { GITHUB_ACTIONS: '', ICP_CONTENT_DIR: FIXTURE, ICP_TODAY: '2026-11-23' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr.replaceAll(`${FIXTURE}/`, '')).toMatchInlineSnapshot(`
      "accounts/comptes-connus.csv:1:3  attendu  n’est pas une colonne lue par la vérification des comptes connus (vouliez-vous dire « expect » ?) : renommez-la expect, le tier attendu pour le compte, ou out
      icps/industrie-regionale.md:9:16  filters[0].attribute  attribut inconnu « efectif » (vouliez-vous dire « effectif » ?)
      icps/industrie-regionale.md:17:3  signals  le meilleur total de points positifs fait 95, pas 100 (Paie sur tableur 60 + Recrute un responsable RH 35) : changez les points pour que le meilleur compte possible obtienne exactement 100
      icps/pme-services.md:2:8  title  « PME de services en croissance » est aussi le titre de icps/industrie-regionale.md : donnez à chaque ICP son propre titre (un fichier copié garde le titre de l’original)
      icps/pme-services.md:6:11  reviewed  « 15/09/2026 » est écrit jour/mois/année : écrivez 2026-09-15 (les dates s’écrivent AAAA-MM-JJ)
      icps/pme-services.md:14:10  filters[1].in[0]  « Services aux entreprises » est le libellé de l’option « services-b2b » de « secteur » : écrivez son identifiant, services-b2b
      icps/pme-services.md:27:10  signals[2].in[0]  « Île-de-France » est le libellé de l’option « ile-de-france » de « region » : écrivez son identifiant, ile-de-france
      icps/pme-services.md:39:4  -  cette ligne commence par « - » mais elle est lue comme la fin du texte au-dessus (elle est plus indentée qu’un élément de liste) : indentez-la comme l’élément au-dessus pour en faire un élément à part
      icps/pme-services.md:44:23  market.tam.0  « 68,000 » est lu comme deux champs : entre { } une virgule sépare les champs, écrivez donc les nombres sans séparateur de milliers (68000)
      pages/guide-appel.md:4:7  owner  est vide : écrivez un texte après « owner: »
      personas/daf.md:8:11  reviewed  2062-09-15 est dans le futur (nous sommes le 2026-11-23) : écrivez le jour de votre dernière relecture, pour que le fichier apparaisse à revoir le moment venu
      personas/expert-comptable.md:11:1  -  une tabulation en 11:1 : indentez avec des espaces, jamais des tabulations (réglez votre éditeur pour insérer des espaces)

      12 problèmes dans le contenu : corrigez-les puis relancez npm run validate.
      "
    `);
  });
});
