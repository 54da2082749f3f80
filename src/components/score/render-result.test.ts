import { describe, expect, it } from 'vitest';
import { attributes, icpInput, makeIcp } from '../../../test/helpers/scoring-fixtures.ts';
import { getWidgetStrings } from '../../lib/i18n/widget.ts';
import { scoreAccount } from '../../lib/scoring/score-account.ts';
import type { Account } from '../../lib/scoring/types.ts';
import { announcement, renderList, renderSingle, resultState, type RenderContext } from './render-result.ts';

const icp = makeIcp({
  ...icpInput,
  tiers: [
    { label: 'Tier 1', min: 70, action: 'AE books a call within 5 days.' },
    { label: 'Tier 2', min: 40 },
    { label: 'Tier 3', min: 0 },
  ],
});
const context: RenderContext = {
  attributes,
  locale: 'en',
  strings: getWidgetStrings('en'),
  titles: { [icp.id]: icp.data.title },
  subheadLevel: 3,
  contacts: {
    [icp.id]: [
      {
        role: 'Champion',
        name: 'Rita',
        title: 'Head of RevOps',
        href: '/personas/rita/',
        objection: { objection: 'We have dashboards', answer: 'They do not forecast.' },
      },
    ],
  },
};
const score = (account: Account) => scoreAccount(account, icp, attributes, 'en');

describe('what a result claims', () => {
  it('claims nothing before any answer', () => {
    const result = score({});
    expect(resultState(result)).toBe('empty');
    const html = renderSingle(result, context);
    expect(html).toContain('No answer yet');
    expect(html).not.toContain('sw-tier');
    expect(html).not.toContain('sw-score');
    expect(announcement(result, context)).toBe('No answer yet');
  });

  it('shows a provisional tier for unknown', () => {
    const result = score({ region: 'fr' });
    expect(resultState(result)).toBe('unknown');
    expect(renderSingle(result, context)).toContain(
      '<span class="sw-tier sw-tier--provisional">Tier 3</span><span class="sw-tier__note">if confirmed</span>',
    );
    expect(announcement(result, context)).toBe('Unknown · Tier 3 if confirmed · 0 of 100');
  });

  it('names the failed filter for out, with no "up to" and no tier', () => {
    const result = score({ region: 'us', stack: ['hubspot'] });
    const html = renderSingle(result, context);
    expect(html).toContain('Kept out by “France or DACH”.');
    expect(html).not.toContain('sw-score__best');
    expect(html).not.toContain('up to 100');
    expect(announcement(result, context)).toBe('Out · 30 of 100');
  });

  it('shows the tier, its action and who to call for fit, and the account once in a list', () => {
    const result = score({ employees: 300, region: 'fr', stack: ['hubspot'], hiring_revops: true, revenue: 20 });
    expect(result.verdict).toBe('fit');
    const html = renderSingle(result, { ...context, account: { name: 'Acme <SAS>', domain: 'acme.fr' } });
    expect(html).toContain('<p class="sw-account" data-account>Acme &lt;SAS&gt; (acme.fr)</p>');
    expect(html).toContain('<p class="sw-action">AE books a call within 5 days.</p>');
    expect(html).toContain('<a href="/personas/rita/">Rita, Head of RevOps</a>');
    expect(html).toContain('We have dashboards');
    expect(html).not.toContain('style=');
    const list = renderList([result], { ...context, account: { name: 'Acme' } }, new Set([icp.id]));
    expect(list.match(/data-account/g)).toHaveLength(1);
  });
});
