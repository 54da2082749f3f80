import type { Attribute } from '../../schemas/attribute.ts';
import { ID_PATTERN } from '../../schemas/shared.ts';

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
 * The text of a new, valid content file, with comments that say what to fill in.
 * @example scaffold('page', 'pricing-faq', { today: '2026-11-23', attributes, icpIds: [] })
 */
export function scaffold(kind: ScaffoldKind, id: string, context: { today: string; owner: string; attributes: readonly Attribute[]; icpIds: readonly string[] }): string {
  const { today, owner, attributes, icpIds } = context;
  if (kind === 'icp') {
    const [first, second = first] = attributes;
    if (!first || !second) throw new Error('attributes.yaml has no attribute: add one before creating an ICP');
    return `---
title: ${title(id)}
summary: One sentence a rep can repeat about these companies.
status: draft # draft | active | retired: only active ICPs are scored
owner: ${owner}
reviewed: ${today}
filters: # hard criteria: failing any one puts the account out
  - label: ${first.label} (replace with the rule in words)
    attribute: ${first.id}
    ${exampleRule(first)}
    why: Why this filter exists.
signals: # soft criteria: the best positive points must total exactly 100
  - label: ${second.label} (replace with the signal in words)
    attribute: ${second.id}
    ${exampleRule(second)}
    points: 100
tiers: # highest first; the last starts at 0
  - { label: Tier 1, min: 70 }
  - { label: Tier 2, min: 40 }
  - { label: Tier 3, min: 0 }
pains: []
jobs: []
triggers: []
disqualifiers: []
---
How we found this ICP, examples of customers, and what to avoid.
`;
  }
  if (kind === 'persona') {
    if (icpIds.length === 0) throw new Error('content/icps/ is empty: create an ICP first (npm run new -- icp <id>)');
    return `---
name: ${title(id).split(' ')[0]} # a semi-fictional first name
role: Their job role
buyingRole: champion # champion | economic-buyer | decision-maker | user | influencer | blocker
icps: [${icpIds[0]}] # ids of the ICPs where this person is found
summary: One line about this person.
owner: ${owner}
reviewed: ${today}
titles: []
goals: []
pains: []
objections: []
---
How to talk to this person: the first call, what they care about, what not to say.
`;
  }
  return `---
title: ${title(id)}
description: One line shown in lists and search results.
owner: ${owner}
reviewed: ${today}
---
Write the page in Markdown.
`;
}

/** Why `id` cannot name a file, or undefined when it can. */
export function invalidId(id: string): string | undefined {
  return ID_PATTERN.test(id) ? undefined : `"${id}" is not a valid id: use lowercase letters, digits and hyphens, e.g. ${id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'my-file'}`;
}
