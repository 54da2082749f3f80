// A fixture playbook whose known accounts are drawn from a known "true" model of winning, so
// tests can check that calibration recovers which signals matter. Deterministic (seeded).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../scripts/lib/seeded-random.ts';

const PLAYBOOK = `company: Calibra
product: Calibra Ledger
locale: en
currency: EUR
`;

const ATTRIBUTES = `- id: employees
  label: Employees
  type: number
  min: 0
- id: region
  label: Region
  type: choice
  options:
    - { id: fr, label: France }
    - { id: de, label: Germany }
    - { id: uk, label: United Kingdom }
    - { id: us, label: United States }
- id: hiring
  label: Hiring finance roles
  type: boolean
- id: stack
  label: Tools in use
  type: choices
  options:
    - { id: hubspot, label: HubSpot }
    - { id: salesforce, label: Salesforce }
    - { id: sheets, label: Spreadsheets }
    - { id: clari, label: Clari }
- id: funded
  label: Raised in the last year
  type: boolean
- id: webinar
  label: Attended a webinar
  type: boolean
`;

const ICP = `---
title: European finance teams
summary: Finance teams of European companies that are growing.
owner: Test Owner
reviewed: 2026-10-01
filters:
  - label: Europe
    attribute: region
    in: [fr, de, uk]
  - label: 20 to 5,000 employees
    attribute: employees
    between: [20, 5000]
signals:
  - label: Hiring finance roles
    attribute: hiring
    is: true
    points: 15
  - label: Runs a CRM
    attribute: stack
    anyOf: [hubspot, salesforce]
    points: 15
  - label: Recently funded
    attribute: funded
    is: true
    points: 30
  - label: Came to a webinar
    attribute: webinar
    is: true
    points: 30
  - label: Size sweet spot
    attribute: employees
    levels:
      - { between: [200, 1000], points: 10 }
      - { between: [50, 199], points: 5 }
  - label: Uses Clari
    attribute: stack
    anyOf: [clari]
    points: -10
tiers:
  - { label: Tier 1, min: 60 }
  - { label: Tier 2, min: 30 }
  - { label: Tier 3, min: 0 }
---
Known accounts drawn from a known model.
`;

/** The true effects (log odds) used to draw outcomes: hiring and a CRM matter, the webinar does not. */
export const TRUE_EFFECTS = { base: -1.4, hiring: 2.0, crm: 1.7, funded: 0.3, webinar: 0, clari: -1.2 } as const;

/** Writes the fixture playbook with `rows` known accounts into `dir` (a content folder). */
export function writeKnownAccountsModel(dir: string, rows = 300, seed = 42): void {
  const { random, pick } = seededRandom(seed);
  mkdirSync(join(dir, 'icps'), { recursive: true });
  mkdirSync(join(dir, 'accounts'), { recursive: true });
  writeFileSync(join(dir, 'playbook.yaml'), PLAYBOOK);
  writeFileSync(join(dir, 'attributes.yaml'), ATTRIBUTES);
  writeFileSync(join(dir, 'icps', 'finance.md'), ICP);
  const lines = ['company,outcome,amount,opened,closed,employees,region,hiring,stack,funded,webinar'];
  for (let i = 0; i < rows; i++) {
    const hiring = random() < 0.45;
    const funded = random() < 0.4;
    const webinar = random() < 0.5;
    const tools = ['hubspot', 'salesforce', 'sheets', 'clari'].filter(() => random() < 0.3);
    const crm = tools.includes('hubspot') || tools.includes('salesforce');
    const clari = tools.includes('clari');
    const region = random() < 0.9 ? pick(['fr', 'de', 'uk']) : 'us';
    const employees = Math.round(20 + random() * 1500);
    const e = TRUE_EFFECTS;
    const logit =
      e.base +
      (hiring ? e.hiring : 0) +
      (crm ? e.crm : 0) +
      (funded ? e.funded : 0) +
      (webinar ? e.webinar : 0) +
      (clari ? e.clari : 0);
    const won = random() < 1 / (1 + Math.exp(-logit));
    const amount = Math.round((8000 + random() * 40000) / 100) * 100;
    const openedDay = 1 + Math.floor(random() * 200);
    const cycle = 20 + Math.floor(random() * 120);
    const date = (day: number) => new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
    lines.push(
      [
        `Account ${i + 1}`,
        won ? 'won' : 'lost',
        amount,
        date(openedDay),
        date(openedDay + cycle),
        employees,
        region,
        hiring,
        tools.join('|'),
        funded,
        webinar,
      ].join(','),
    );
  }
  writeFileSync(join(dir, 'accounts', 'known.csv'), `${lines.join('\n')}\n`);
}
