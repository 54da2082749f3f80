// A small account model and ICP for scoring tests, parsed through the real schemas (so the
// tests see exactly what the content loader gives the engine).
import { AttributesSchema, type Attribute } from '../../src/schemas/attribute.ts';
import { IcpSchema, icpRuleIssues, type Icp, type IcpInput as IcpAuthoring } from '../../src/schemas/icp.ts';
import type { IcpData } from '../../src/lib/model/playbook-model.ts';

export const attributes: Attribute[] = AttributesSchema.parse([
  { id: 'employees', label: 'Employees', type: 'number', unit: 'people', min: 0 },
  { id: 'revenue', label: 'Revenue', type: 'number', unit: 'M€', min: 0 },
  {
    id: 'region',
    label: 'Region',
    type: 'choice',
    options: [
      { id: 'fr', label: 'France' },
      { id: 'dach', label: 'DACH' },
      { id: 'us', label: 'United States' },
    ],
  },
  {
    id: 'stack',
    label: 'Tools in use',
    type: 'choices',
    options: [
      { id: 'hubspot', label: 'HubSpot' },
      { id: 'salesforce', label: 'Salesforce' },
      { id: 'competitor-x', label: 'Competitor X' },
    ],
  },
  { id: 'hiring_revops', label: 'Hiring RevOps', type: 'boolean' },
]);

/** An ICP in the authoring shape, valid: best positive points total 100. */
export const icpInput: IcpAuthoring = {
  title: 'Mid-market SaaS',
  summary: 'European SaaS of 50 to 1,000 people.',
  status: 'active',
  owner: 'Camille Martin',
  reviewed: '2026-09-15',
  filters: [
    { label: '50 to 1,000 employees', attribute: 'employees', between: [50, 1000] },
    { label: 'France or DACH', attribute: 'region', in: ['fr', 'dach'] },
  ],
  signals: [
    { label: 'Runs HubSpot or Salesforce', attribute: 'stack', anyOf: ['hubspot', 'salesforce'], points: 30 },
    { label: 'Hiring RevOps', attribute: 'hiring_revops', is: true, points: 25 },
    {
      label: 'Company size sweet spot',
      attribute: 'employees',
      levels: [
        { between: [200, 500], points: 20 },
        { between: [100, 199], points: 10 },
      ],
    },
    { label: 'Revenue of 10 M€ or more', attribute: 'revenue', atLeast: 10, points: 25 },
    { label: 'Uses a competitor', attribute: 'stack', anyOf: ['competitor-x'], points: -15 },
  ],
  tiers: [
    { label: 'Tier 1', min: 70 },
    { label: 'Tier 2', min: 40 },
    { label: 'Tier 3', min: 0 },
  ],
};

/**
 * An ICP checked as the validator checks it: its fields by the schema, then the rules across
 * them. Throws with zod's message or the first rule's if it is not valid.
 */
export function parseIcp(input: IcpAuthoring): Icp {
  const data = IcpSchema.parse(input);
  const [issue] = icpRuleIssues(data);
  if (issue) throw new Error(`${issue.path.join('.')}: ${issue.message}`);
  return data;
}

/** Parses an ICP through the real schema and rules (see {@link parseIcp}). */
export function makeIcp(input: IcpAuthoring = icpInput, id = 'mid-market-saas'): { id: string; data: IcpData } {
  const { market, ...data } = parseIcp(input);
  return { id, data: market ? { ...data, market: { ...market, currency: market.currency ?? 'EUR' } } : data };
}

export const icp = makeIcp();
