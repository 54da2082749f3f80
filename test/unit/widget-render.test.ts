// The widget's result panel for an ICP with many signals: it is redrawn on every keystroke, so
// only the first rows are drawn until the rep asks for all of them.
import { describe, expect, it } from 'vitest';
import { renderSingle, SIGNAL_ROWS, type RenderContext } from '../../src/components/score/render-result.ts';
import { loadPlaybook } from '../../src/lib/content/load-playbook.ts';
import { getWidgetStrings } from '../../src/lib/i18n/widget.ts';
import { scoreAccount } from '../../src/lib/scoring/score-account.ts';
import { editIcp, fixtureFiles } from './fixtures.ts';

/** The fixture ICP with `count` signals (100 points in all), scored for 250 employees. */
function render(count: number, allSignals: string[] = []) {
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `  - label: Band ${i + 1}\n    attribute: employees\n    between: [${i * 10}, ${i * 10 + 9}]\n    points: ${i === 0 ? 100 : -1}`,
  );
  const changes = editIcp(
    'signals:\n',
    `signals:\n${rows.join('\n')}\n  - label: Old signals\n    attribute: hiring_revops\n    is: true\n    points: -1\n_old:\n`,
  );
  const text = changes['content/icps/core.md']!.replace(/_old:\n[\s\S]*?\ntiers:/, 'tiers:');
  const { model, problems } = loadPlaybook(fixtureFiles({ 'content/icps/core.md': text }));
  expect(problems).toEqual([]);
  const context: RenderContext = {
    attributes: model!.attributes,
    locale: 'en',
    strings: getWidgetStrings('en'),
    titles: {},
    subheadLevel: 4,
    allSignals: new Set(allSignals),
  };
  const html = renderSingle(scoreAccount({ employees: 250 }, model!.icps[0]!, model!.attributes, 'en'), context);
  return { rows: html.match(/<tr class=/g)?.length ?? 0, html };
}

describe('signal rows in the widget', () => {
  it('draws every row of a short list, with no button', () => {
    const { rows, html } = render(SIGNAL_ROWS - 2);
    expect(rows).toBe(SIGNAL_ROWS - 1);
    expect(html).not.toContain('data-all-signals');
  });

  it(`draws the first ${SIGNAL_ROWS} rows of a long list and a button that says how many more`, () => {
    const { rows, html } = render(120);
    expect(rows).toBe(SIGNAL_ROWS);
    expect(html).toContain(
      '<button type="button" class="sw-more__button" data-all-signals="core">Show all 121 signals (71 more)</button>',
    );
  });

  it('draws them all once the rep asked', () => {
    const { rows, html } = render(120, ['core']);
    expect(rows).toBe(121);
    expect(html).not.toContain('data-all-signals');
  });
});
