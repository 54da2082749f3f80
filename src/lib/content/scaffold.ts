import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import { ID_PATTERN } from '../../schemas/shared.ts';
import { getContentMessages } from '../i18n/content.ts';
import { suggestId } from './cross-checks.ts';

export const SCAFFOLD_KINDS = ['icp', 'persona', 'page'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

/** Folder under content/ for each kind. */
export const SCAFFOLD_FOLDERS: Record<ScaffoldKind, string> = { icp: 'icps', persona: 'personas', page: 'pages' };

/** A rule that fits the attribute's type and matches something, so the scaffold is valid. */
function exampleRule(attribute: Attribute): string {
  switch (attribute.type) {
    case 'number':
      return `atLeast: ${attribute.min ?? 0}`;
    case 'choice':
      return `in: [${attribute.options[0]!.id}]`;
    case 'choices':
      return `anyOf: [${attribute.options[0]!.id}]`;
    case 'boolean':
      return 'is: true';
  }
}

function title(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Text that starts with one of these is an example written by `npm run new`: the validator
 * refuses it until the author replaces it, so a scaffold never ships as if it were content.
 */
export const PLACEHOLDER_MARKERS = ['REPLACE ME', 'À REMPLACER'] as const;

/** True when `text` is (or starts with) a placeholder of `npm run new`. */
export function isPlaceholder(text: string): boolean {
  const start = text.trimStart().toUpperCase();
  return PLACEHOLDER_MARKERS.some((marker) => start.startsWith(marker));
}

/** The words of the templates, in the playbook's language. */
const WORDS = {
  en: {
    mark: 'REPLACE ME',
    summaryIcp: 'One sentence a rep can repeat about these companies.',
    statusHint: 'draft | active | retired: only active ICPs are scored',
    filtersHint: 'hard criteria: failing any one puts the account out',
    filterLabel: (label: string) => `${label}, the rule in words`,
    why: 'Why this filter exists.',
    signalsHint: 'soft criteria: the best positive points must total exactly 100',
    signalLabel: (label: string) => `${label}, the signal in words`,
    tiersHint: 'highest first; the last starts at 0',
    tier: 'Tier',
    icpBody: 'How we found this ICP, examples of customers, and what to avoid.',
    nameHint: 'a semi-fictional first name',
    role: 'their job role',
    rolesHint: 'champion | economic-buyer | decision-maker | user | influencer | blocker',
    icpsHint: 'ids of the ICPs where this person is found',
    summaryPersona: 'One line about this person.',
    personaBody: 'How to talk to this person: the first call, what they care about, what not to say.',
    description: 'One line shown in lists and search results.',
    pageBody: 'Write the page in Markdown.',
    company: 'your company',
    product: 'your product',
    tagline: 'what you sell, in one line',
    attributeA: { id: 'employees', label: 'Employees', unit: 'people', help: 'Headcount on the company page.' },
    attributeB: { id: 'region', label: 'Region', help: 'Where the headquarters are.', options: [['north', 'North'], ['south', 'South']] as const },
  },
  fr: {
    mark: 'À REMPLACER',
    summaryIcp: 'Une phrase qu’un commercial peut répéter sur ces entreprises.',
    statusHint: 'draft | active | retired : seuls les ICP actifs sont notés',
    filtersHint: 'critères éliminatoires : un seul échoue et le compte est exclu',
    filterLabel: (label: string) => `${label}, la règle en mots`,
    why: 'Pourquoi ce filtre existe.',
    signalsHint: 'critères de classement : le meilleur total de points positifs doit faire exactement 100',
    signalLabel: (label: string) => `${label}, le signal en mots`,
    tiersHint: 'du plus haut au plus bas ; le dernier commence à 0',
    tier: 'Priorité',
    icpBody: 'Comment nous avons trouvé cet ICP, des exemples de clients et ce qu’il faut éviter.',
    nameHint: 'un prénom semi-fictif',
    role: 'son poste',
    rolesHint: 'champion | economic-buyer | decision-maker | user | influencer | blocker',
    icpsHint: 'identifiants des ICP où l’on trouve cette personne',
    summaryPersona: 'Une ligne sur cette personne.',
    personaBody: 'Comment lui parler : le premier appel, ce qui compte pour elle, ce qu’il ne faut pas dire.',
    description: 'Une ligne montrée dans les listes et la recherche.',
    pageBody: 'Écrivez la page en Markdown.',
    company: 'votre entreprise',
    product: 'votre produit',
    tagline: 'ce que vous vendez, en une ligne',
    attributeA: { id: 'effectif', label: 'Effectif', unit: 'salariés', help: 'Nombre de salariés sur la fiche de l’entreprise.' },
    attributeB: { id: 'region', label: 'Région', help: 'Où se trouve le siège.', options: [['nord', 'Nord'], ['sud', 'Sud']] as const },
  },
} satisfies Record<Locale, unknown>;

/** `"REPLACE ME: text"`, quoted so that any text stays one YAML string. */
function placeholder(locale: Locale, text: string): string {
  return JSON.stringify(`${WORDS[locale].mark}${locale === 'fr' ? '\u202f' : ''}: ${unmark(text)}`);
}

/** A label without the placeholder mark, when an example label is reused in another example. */
function unmark(text: string): string {
  return isPlaceholder(text) ? text.trimStart().replace(/^[^:]*:\s*/, '') : text;
}

/**
 * The text of a new content file in the playbook's language, with comments that say what to
 * fill in. Its example texts start with "REPLACE ME" ("À REMPLACER"): the file has the right
 * shape, and the validator refuses it until every example is replaced.
 * @example scaffold('page', 'pricing-faq', { today: '2026-11-23', owner: 'Ana', attributes, icpIds: [], locale: 'en' })
 */
export function scaffold(
  kind: ScaffoldKind,
  id: string,
  context: { today: string; owner: string; attributes: readonly Attribute[]; icpIds: readonly string[]; locale?: Locale },
): string {
  const { today, owner, attributes, icpIds } = context;
  const locale = context.locale ?? 'en';
  const w = WORDS[locale];
  const p = (text: string) => placeholder(locale, text);
  if (kind === 'icp') {
    const [first, second = first] = attributes;
    if (!first || !second) throw new Error(getContentMessages(locale).new.noAttribute);
    return `---
title: ${p(title(id))}
summary: ${p(w.summaryIcp)}
status: draft # ${w.statusHint}
owner: ${owner}
reviewed: ${today}
filters: # ${w.filtersHint}
  - label: ${p(w.filterLabel(first.label))}
    attribute: ${first.id}
    ${exampleRule(first)}
    why: ${p(w.why)}
signals: # ${w.signalsHint}
  - label: ${p(w.signalLabel(second.label))}
    attribute: ${second.id}
    ${exampleRule(second)}
    points: 100
tiers: # ${w.tiersHint}
  - { label: ${w.tier} 1, min: 70 }
  - { label: ${w.tier} 2, min: 40 }
  - { label: ${w.tier} 3, min: 0 }
pains: []
jobs: []
triggers: []
disqualifiers: []
---
${w.mark}${locale === 'fr' ? '\u202f' : ''}: ${w.icpBody}
`;
  }
  if (kind === 'persona') {
    if (icpIds.length === 0) throw new Error(getContentMessages(locale).new.noIcp);
    return `---
name: ${p(title(id).split(' ')[0]!)} # ${w.nameHint}
role: ${p(w.role)}
buyingRole: champion # ${w.rolesHint}
icps: [${icpIds[0]}] # ${w.icpsHint}
summary: ${p(w.summaryPersona)}
owner: ${owner}
reviewed: ${today}
titles: []
goals: []
pains: []
objections: []
---
${w.mark}${locale === 'fr' ? '\u202f' : ''}: ${w.personaBody}
`;
  }
  return `---
title: ${p(title(id))}
description: ${p(w.description)}
owner: ${owner}
reviewed: ${today}
---
${w.mark}${locale === 'fr' ? '\u202f' : ''}: ${w.pageBody}
`;
}

/** The settings file of a new playbook. */
export function scaffoldSettings(locale: Locale): string {
  const w = WORDS[locale];
  return `company: ${placeholder(locale, w.company)}
product: ${placeholder(locale, w.product)}
tagline: ${placeholder(locale, w.tagline)}
locale: ${locale}
currency: EUR
reviewEveryDays: 90
`;
}

/** The attributes of a new playbook: one number and one choice, to rename and extend. */
export function scaffoldAttributes(locale: Locale): string {
  const { attributeA: a, attributeB: b } = WORDS[locale];
  return `- id: ${a.id}
  label: ${placeholder(locale, a.label)}
  type: number
  unit: ${a.unit}
  min: 0
  help: ${placeholder(locale, a.help)}

- id: ${b.id}
  label: ${placeholder(locale, b.label)}
  type: choice
  help: ${placeholder(locale, b.help)}
  options:
${b.options.map(([id, label]) => `    - { id: ${id}, label: ${placeholder(locale, label)} }`).join('\n')}
`;
}

/** The header of a known-accounts CSV for these attributes, with no account yet. */
export function scaffoldAccounts(attributes: readonly Attribute[]): string {
  return `${['company', 'outcome', 'expect', ...attributes.map((a) => a.id)].join(',')}\n`;
}

/** Why `id` cannot name a file (in the playbook's language), or undefined when it can. */
export function invalidId(id: string, locale: Locale = 'en'): string | undefined {
  return ID_PATTERN.test(id) ? undefined : getContentMessages(locale).new.badId(id, suggestId(id) || 'my-file');
}
