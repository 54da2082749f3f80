// Text the pages and images can show: control characters, lengths per slot, and characters the
// slides cannot draw, each a problem at file:line naming the character or the length.
import { describe, expect, it } from 'vitest';
import { loadPlaybook } from '../../src/lib/content/load-playbook.ts';
import { formatProblem } from '../../src/lib/model/problem.ts';
import { SLOT_LIMITS } from '../../src/lib/content/text-checks.ts';
import { createNodeTextKit } from '../../src/slides/text-kit-fs.ts';
import { editIcp, fixtureFiles, fixtureText, replaceOnce } from './fixtures.ts';

const kit = createNodeTextKit();
/** The report with the slides' own coverage check, as `npm run validate` runs it. */
const report = (changes: Record<string, string>) =>
  loadPlaybook(fixtureFiles(changes), 'content', { undrawable: (text) => kit.undrawable(text) }).problems.map(
    formatProblem,
  );
const editPersona = (from: string, to: string) => ({
  'content/personas/champion.md': replaceOnce(fixtureText('content/personas/champion.md'), from, to),
});

describe('control characters', () => {
  it.each([
    ['NUL', '\u0000', 'U+0000'],
    ['BEL', '\u0007', 'U+0007'],
    ['ESC', '\u001b', 'U+001B'],
    ['DEL', '\u007f', 'U+007F'],
    ['a C1 control', '\u0085', 'U+0085'],
  ])('refuses %s typed in a title, at its line and column', (_, char, name) => {
    expect(report(editIcp('title: Core market', `title: Core${char} market`))).toEqual([
      `content/icps/core.md:2:12  -  contains the control character ${name}, invisible in most editors and never meant for a page: delete it`,
    ]);
  });

  it('refuses one in the Markdown body, which would reach the HTML', () => {
    expect(report(editIcp('Body.', 'Body with a \u001b[31m colour code.'))).toEqual([
      'content/icps/core.md:38:13  -  contains the control character U+001B, invisible in most editors and never meant for a page: delete it',
    ]);
  });

  it('refuses one written as a YAML escape, at the value', () => {
    expect(
      report(editIcp('summary: Mid-sized companies in France and Germany.', 'summary: "Mid-sized \\a companies"')),
    ).toEqual([
      'content/icps/core.md:3:10  summary  contains the control character U+0007, invisible in most editors and never meant for a page: delete it',
    ]);
  });

  it('accepts tabs and Windows line endings in the body', () => {
    expect(report(editIcp('Body.', 'Body\twith a tab.\r\nAnd CRLF.'))).toEqual([]);
  });
});

describe('text lengths, one cap per slot', () => {
  it('refuses a title longer than a title can show, with the fix', () => {
    const title = 'Core market '.repeat(11);
    expect(report(editIcp('title: Core market', `title: ${title}`))).toEqual([
      `content/icps/core.md:2:8  title  is ${[...title.trim()].length} characters long, over the ${SLOT_LIMITS.title} allowed for a title (slides cut it after two lines): shorten it and put the detail in the summary or the body`,
    ]);
  });

  it('refuses a 900 KB title in one problem, before anything draws it', () => {
    const problems = report(editIcp('title: Core market', `title: ${'x'.repeat(900_000)}`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^content\/icps\/core\.md:2:8 {2}title {2}is 900000 characters long, over the 120 allowed/,
    );
  });

  it.each([
    [
      'a filter label',
      '  - label: 50 to 1,000 employees',
      `  - label: ${'y'.repeat(SLOT_LIMITS.label + 1)}`,
      'filters[0].label',
      'a label (two lines on the slide)',
    ],
    [
      'a signal label',
      '  - label: Hiring RevOps',
      `  - label: ${'y'.repeat(SLOT_LIMITS.label + 1)}`,
      'signals[1].label',
      'a label (two lines on the slide)',
    ],
    [
      'a tier label',
      '{ label: Tier 1, min: 70 }',
      `{ label: ${'T'.repeat(SLOT_LIMITS.tier + 1)}, min: 70 }`,
      'tiers[0].label',
      'a tier name (one line in its chip)',
    ],
  ])('refuses %s over its cap', (_, from, to, field, slot) => {
    const problems = report(editIcp(from, to));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`  ${field}  is `);
    expect(problems[0]).toContain(`allowed for ${slot}:`);
  });

  it('caps every other frontmatter text too', () => {
    const problems = report(
      editPersona('summary: Owns the CRM.', `summary: Owns the CRM.\ngoals:\n  - ${'g'.repeat(SLOT_LIMITS.text + 1)}`),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^content\/personas\/champion\.md:\d+:5 {2}goals\[0\] {2}is 2001 characters long, over the 2000 allowed for a frontmatter field/,
      ),
    ]);
  });

  it('counts characters as people do: an emoji or an accented letter is one', () => {
    expect(report(editIcp('title: Core market', `title: ${'🇫🇷'.repeat(SLOT_LIMITS.title)}`))).toEqual([]);
  });

  it('says it in French in a French playbook', () => {
    const playbook = fixtureText('content/playbook.yaml').replace('locale: en', 'locale: fr');
    const problems = report({
      'content/playbook.yaml': playbook,
      ...editIcp('title: Core market', `title: ${'x'.repeat(130)}`),
    });
    expect(problems).toEqual([
      'content/icps/core.md:2:8  title  fait 130\u202Fcaractères, au-delà des 120 admis pour un titre (les diapositives le coupent après deux lignes)\u202F: raccourcissez-le et mettez le détail dans le résumé ou le corps',
    ]);
  });
});

describe('characters the slides cannot draw', () => {
  it('names each character no font, emoji image or drawn symbol covers', () => {
    expect(report(editIcp('title: Core market', 'title: Core market 日本'))).toEqual([
      'content/icps/core.md:2:8  title  contains "日" (U+65E5), which slides and link previews cannot draw (their fonts cover Latin, Greek, Cyrillic and Vietnamese letters, plus emoji): remove it or write it in a covered script',
      'content/icps/core.md:2:8  title  contains "本" (U+672C), which slides and link previews cannot draw (their fonts cover Latin, Greek, Cyrillic and Vietnamese letters, plus emoji): remove it or write it in a covered script',
    ]);
  });

  it('names a letter with more combining marks than slides stack', () => {
    expect(report(editIcp('  - label: Hiring RevOps', '  - label: "Hiring Rev\\u0301\\u0300\\u0303Ops"'))).toEqual([
      'content/icps/core.md:19:12  signals[1].label  has a letter with 3 combining marks ("v\u0301\u0300\u0303"), which slides cannot stack legibly: keep at most 2 marks per letter',
    ]);
  });

  it('names an emoji Twemoji does not have, in a persona name', () => {
    expect(report(editPersona('name: Rita', 'name: Rita \u{1F6D8}'))).toEqual([
      expect.stringMatching(
        /^content\/personas\/champion\.md:2:7 {2}name {2}contains "\u{1F6D8}" \(U\+1F6D8\), which slides/u,
      ),
    ]);
  });

  it('refuses a label with only invisible characters', () => {
    expect(report(editIcp('  - label: Hiring RevOps', '  - label: "\\u200B"'))).toEqual([
      'content/icps/core.md:19:12  signals[1].label  has no visible character (only U+200B): write the text',
    ]);
  });

  it('accepts what the slides draw: French, Greek, emoji and their sequences, symbols, joiners', () => {
    expect(
      report(editIcp('title: Core market', 'title: "Cœur « ≥ 200 » Ωμέγα 🚀 👩\\u200D💻 🇫🇷 wid\\u200Cth"')),
    ).toEqual([]);
  });

  it('leaves text only the pages show to the browser (a Markdown body in Japanese is fine)', () => {
    expect(report(editIcp('Body.', '日本の製造業向けの説明。'))).toEqual([]);
  });
});
