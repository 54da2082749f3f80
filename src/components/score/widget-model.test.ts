import { describe, expect, it } from 'vitest';
import { PersonaSchema, type Persona } from '../../schemas/persona.ts';
import { TierSchema } from '../../schemas/icp.ts';
import type { PersonaEntry } from '../../lib/model/playbook-model.ts';
import { whoToCall } from './widget-model.ts';

function persona(id: string, data: Partial<Persona> & Pick<Persona, 'buyingRole' | 'icps'>): PersonaEntry {
  const parsed = PersonaSchema.parse({
    name: id,
    role: `${id} role`,
    summary: 'One line.',
    owner: 'Camille',
    reviewed: '2026-11-01',
    ...data,
  });
  return { id, file: `content/personas/${id}.md`, data: parsed, body: '' };
}

const settings = { locale: 'en' } as Parameters<typeof whoToCall>[0]['settings'];

describe('whoToCall', () => {
  it('gives the champion, then the economic buyer, with their first objection and a link', () => {
    const personas = [
      persona('user', { buyingRole: 'user', icps: ['core'] }),
      persona('buyer', {
        buyingRole: 'economic-buyer',
        icps: ['core'],
        objections: [{ objection: 'Too expensive', answer: 'It pays back in a quarter.' }],
      }),
      persona('decider', { buyingRole: 'decision-maker', icps: ['core'] }),
      persona('champ', { buyingRole: 'champion', icps: ['core', 'other'] }),
    ];
    expect(whoToCall({ settings, personas }, 'core')).toEqual([
      { role: 'Champion', name: 'champ', title: 'champ role', href: '/personas/champ/', objection: undefined },
      {
        role: 'Economic buyer',
        name: 'buyer',
        title: 'buyer role',
        href: '/personas/buyer/',
        objection: { objection: 'Too expensive', answer: 'It pays back in a quarter.' },
      },
    ]);
  });

  it('falls back to the decision maker when the ICP has no economic buyer, and lists nobody for an ICP without personas', () => {
    const personas = [
      persona('decider', { buyingRole: 'decision-maker', icps: ['core'] }),
      persona('buyer', { buyingRole: 'economic-buyer', icps: ['other'] }),
    ];
    expect(whoToCall({ settings, personas }, 'core').map((c) => c.role)).toEqual(['Decision maker']);
    expect(whoToCall({ settings, personas }, 'none')).toEqual([]);
  });
});

describe('tier action', () => {
  it('is optional, trimmed, and never empty', () => {
    expect(TierSchema.parse({ label: 'Tier 1', min: 70 }).action).toBeUndefined();
    expect(TierSchema.parse({ label: 'Tier 1', min: 70, action: ' AE books a call. ' }).action).toBe(
      'AE books a call.',
    );
    expect(TierSchema.safeParse({ label: 'Tier 1', min: 70, action: '  ' }).success).toBe(false);
  });
});
