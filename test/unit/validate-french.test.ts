// A French playbook (test/fixtures/french-payroll, `locale: fr`) gets every validator message in
// French with French typography: the rules inside the schemas (points total, tiers, operators,
// market), the cross-file checks and the known-accounts check, not only the messages built
// outside zod. The same mistakes in English show that each message is translated, not copied.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/content-fs.ts';
import { loadPlaybook, type RawFile } from '../../src/lib/content/load-playbook.ts';
import { formatProblem } from '../../src/lib/model/problem.ts';
import { replaceOnce } from './fixtures.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/french-payroll');
const base = readContentFiles(join(FIXTURE, 'content'), FIXTURE);
const text = (path: string) => new TextDecoder().decode(base.find((f) => f.path === path)!.bytes);

/** The French fixture with `edits` applied: for each file, [from, to] pairs replaced once each. */
function files(edits: Record<string, [string, string][]>, locale: 'fr' | 'en' = 'fr'): RawFile[] {
  const changed = new Map(base.map((f) => [f.path, text(f.path)]));
  for (const [path, pairs] of Object.entries(edits)) {
    changed.set(
      path,
      pairs.reduce((t, [from, to]) => replaceOnce(t, from, to), changed.get(path) ?? ''),
    );
  }
  if (locale === 'en')
    changed.set('content/playbook.yaml', changed.get('content/playbook.yaml')!.replace('locale: fr', 'locale: en'));
  return [...changed].map(([path, content]) => ({ path, bytes: new TextEncoder().encode(content) }));
}

const report = (edits: Record<string, [string, string][]>, locale: 'fr' | 'en' = 'fr') =>
  loadPlaybook(files(edits, locale), 'content', { today: new Date('2026-11-23T00:00:00Z') }).problems.map(
    formatProblem,
  );

// One ICP and attributes.yaml with the mistakes whose messages were written inside the schemas.
const MISTAKES: Record<string, [string, string][]> = {
  'content/icps/pme-services.md': [
    ['summary: Sociétés', 'summary: "  "\nnote: Sociétés'],
    ['    between: [50, 500]', '    between: [500, 50]\n    atLeast: 10'],
    ['    anyOf: [expert-comptable]\n    points: 40', '    in: [expert-comptable]\n    points: 40'],
    ['    in: [ile-de-france]\n    points: 25', '    in: [ile-de-france]\n    points: 20'],
    ['{ label: Priorité 2, min: 30 }', '{ label: Priorité 2, min: 70 }'],
    ['{ label: Priorité 3, min: 0 }', '{ label: Priorité 1, min: 5 }'],
    ['sam: { accounts: 21000,', 'sam: { accounts: 99000,'],
    ['market:\n', 'pmf: { referralShare: 1.5 }\nmarket:\n'],
  ],
  'content/attributes.yaml': [
    ['  min: 0\n', '  min: 10\n  max: 5\n'],
    ['{ id: commerce, label: Commerce }', '{ id: industrie, label: Commerce }'],
  ],
  'content/playbook.yaml': [
    ['currency: EUR', 'currency: EURO\nrepository: ftp://git.example.com/paie'],
    ['reviewEveryDays: 120', 'reviewEveryDays: 1.5'],
  ],
};

describe('a French playbook with mistakes in its schemas and rules', () => {
  const french = report(MISTAKES);
  const english = report(MISTAKES, 'en');

  it('gets each message in French', () => {
    expect(french).toMatchInlineSnapshot(`
      [
        "content/attributes.yaml:6:8  [0].max  vaut 5, moins que min 10 : inversez-les",
        "content/attributes.yaml:23:13  [2].options[2].id  l’option « industrie » apparaît deux fois dans « secteur » : les identifiants d’option doivent être uniques",
        "content/icps/pme-services.md:3:10  summary  ne doit pas être vide",
        "content/icps/pme-services.md:4:1  note  champ inconnu « note » : les champs permis ici sont title, summary, status, owner, reviewed, filters, signals, tiers, pains, jobs, triggers, disqualifiers, value, pmf, market",
        "content/icps/pme-services.md:9:5  filters[0]  a 2 opérateurs (between, atLeast) : gardez-en exactement un, ou découpez la règle en plusieurs",
        "content/icps/pme-services.md:16:24  filters[1].in[1]  « commerce » est le libellé de l’option « industrie » de « secteur » : écrivez son identifiant, industrie",
        "content/icps/pme-services.md:19:3  signals  le meilleur total de points positifs fait 95, pas 100 (Paie chez l'expert-comptable 40 + Recrute un responsable RH 35 + En Île-de-France 20) : changez les points pour que le meilleur compte possible obtienne exactement 100",
        "content/icps/pme-services.md:21:5  signals[0].in  l’opérateur « in » est pour les attributs de type choice, or « logiciel_paie » est de type choices : utilisez anyOf, allOf, noneOf",
        "content/icps/pme-services.md:37:31  tiers[1].min  vaut 70, pas moins que 60 de « Priorité 1 » : listez les tiers du plus haut au plus bas, avec des min strictement décroissants",
        "content/icps/pme-services.md:38:14  tiers[2].label  « Priorité 1 » est déjà le libellé du tier 1 : donnez à chaque tier son propre libellé (les comptes connus attendent les tiers par leur libellé)",
        "content/icps/pme-services.md:38:31  tiers[2].min  vaut 5 : le dernier tier doit avoir min 0 pour que chaque compte qui passe les filtres ait un tier",
        "content/icps/pme-services.md:44:23  pmf.referralShare  doit être compris entre 0 et 1 (0,34 veut dire 34 %)",
        "content/icps/pme-services.md:48:8  market.sam  est plus grand que tam (891 000 000 > 612 000 000) : le SAM est la part du TAM qui passe les filtres, donc SOM ≤ SAM ≤ TAM",
        "content/playbook.yaml:7:11  currency  n’est pas un code de devise ISO 4217 : utilisez par exemple EUR, USD ou GBP",
        "content/playbook.yaml:8:13  repository  doit être une adresse http(s), par exemple https://github.com/acme/playbook",
        "content/playbook.yaml:9:18  reviewEveryDays  doit être un nombre entier de jours",
      ]
    `);
  });

  it('gets no message left in English: each differs from the English one at the same place', () => {
    expect(french.length).toBe(english.length);
    const place = (line: string) => line.split('  ').slice(0, 2).join('  ');
    expect(french.map(place)).toEqual(english.map(place));
    const same = french.filter((line, i) => line === english[i]);
    expect(same).toEqual([]);
  });

  it('uses French typography: a narrow no-break space before : ; ? ! and « guillemets »', () => {
    const messages = french.map((line) => line.split('  ').slice(2).join('  '));
    const wrong = messages.filter((m) =>
      /[\p{L}\d»)][;?!]|[\p{L}\d»)]:\s| [:;?!]|"/u.test(m.replace(/https?:\/\/\S+|ftp:\/\/\S+/g, '')),
    );
    expect(wrong).toEqual([]);
  });
});

describe('a French playbook whose known accounts disagree with the ICPs', () => {
  const csv = 'content/accounts/comptes-connus.csv';
  const edits: Record<string, [string, string][]> = {
    [csv]: [
      ['Atelier Morel,won,Priorité 1,', 'Atelier Morel,won,Priorité 2,'],
      ['Boulangeries Vannier,lost,out,', 'Boulangeries Vannier,gagné,Priorité 1,'],
      ['Forges du Jura,won,Priorité 1,400', 'Forges du Jura,won,Priorité 9,quatre cents'],
    ],
  };

  it('says in French where each account landed and why', () => {
    expect(report(edits)).toMatchInlineSnapshot(`
      [
        "content/accounts/comptes-connus.csv:2:3  expect  attendu « Priorité 2 », obtenu « Priorité 1 » (score 100 sur pme-services) : un changement de filtres ou de points a déplacé ce compte connu ; corrigez la ligne si ses valeurs sont fausses, ou mettez expect à jour si le nouveau résultat est juste",
        "content/accounts/comptes-connus.csv:3:2  outcome  « gagné » n’est pas un résultat : écrivez won, lost ou open, ou laissez la cellule vide",
        "content/accounts/comptes-connus.csv:3:3  expect  attendu « Priorité 1 », obtenu « out » (meilleur ICP industrie-regionale : Échoue : Effectif entre 100 et 1 000 salariés (vu : 30 salariés) ; Échoue : Secteur est Industrie (vu : Commerce)) : un changement de filtres ou de points a déplacé ce compte connu ; corrigez la ligne si ses valeurs sont fausses, ou mettez expect à jour si le nouveau résultat est juste",
        "content/accounts/comptes-connus.csv:4:3  expect  « Priorité 9 » n’est pas un tier d’un ICP actif : écrivez out ou l’un de Priorité 1, Priorité 2, Priorité 3",
        "content/accounts/comptes-connus.csv:4:4  effectif  « quatre cents » n'est pas un nombre : écrivez des chiffres, avec . ou , comme séparateur décimal (par exemple 1200 ou 38,5), ou une tranche comme 51-200 ou 10001+",
      ]
    `);
  });

  it('says the same in English for an English playbook, so each message is a translation', () => {
    const french = report(edits);
    const english = report(edits, 'en');
    expect(english).toHaveLength(french.length);
    expect(english.filter((line, i) => line === french[i])).toEqual([]);
  });
});

describe('a French playbook with a YAML slip', () => {
  it('gives the reason in French, from the yaml library’s error code, and keeps its words in English', () => {
    const slip = {
      'content/icps/pme-services.md': [['owner: Claire Dubois', 'owner: Claire Dubois\nowner: Marc Petit']] as [
        string,
        string,
      ][],
    };
    // (The known accounts of that ICP then land elsewhere: reported too, in French.)
    expect(report(slip)).toContain(
      'content/icps/pme-services.md:6:1  -  syntaxe YAML\u202f: ce champ est écrit deux fois au même niveau. Vérifiez l’indentation, et mettez entre guillemets les valeurs qui contiennent « : » ou commencent par un caractère spécial',
    );
    expect(report(slip, 'en')).toContainEqual(
      expect.stringMatching(/^content\/icps\/pme-services\.md:6:1 {2}- {2}YAML syntax: Map keys must be unique\. /),
    );
  });
});
