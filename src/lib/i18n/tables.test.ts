// Every message table has the same keys in every language: a string added in English only (or
// French only) fails here, not in front of a user.
import { describe, expect, it } from 'vitest';
import { getContentMessages } from './content.ts';
import { getUiStrings } from './ui.ts';
import { scoringMessages } from './scoring.ts';
import { scoreCliMessages } from './score-cli.ts';
import { impactCliMessages } from './impact-cli.ts';
import { getSearchStrings } from './search.ts';
import { getSlideStrings } from './slides.ts';
import { getWidgetStrings } from './widget.ts';
import { validatorMessages } from './validator.ts';

/** Every key path of a nested table, with the arity of functions. */
function shape(table: unknown, prefix = ''): string[] {
  if (typeof table === 'function') return [`${prefix}(${table.length})`];
  if (table === null || typeof table !== 'object' || Array.isArray(table)) return [prefix];
  return Object.entries(table)
    .flatMap(([key, value]) => shape(value, prefix ? `${prefix}.${key}` : key))
    .sort();
}

describe.each([
  ['content tools (validate, new, dev panel)', getContentMessages('en'), getContentMessages('fr')],
  ['validator', validatorMessages.en, validatorMessages.fr],
  ['pages', getUiStrings('en'), getUiStrings('fr')],
  ['scoring', scoringMessages.en, scoringMessages.fr],
  ['npm run score', scoreCliMessages.en, scoreCliMessages.fr],
  ['npm run impact', impactCliMessages.en, impactCliMessages.fr],
  ['scoring widget', getWidgetStrings('en'), getWidgetStrings('fr')],
  ['search', getSearchStrings('en'), getSearchStrings('fr')],
  ['slides', getSlideStrings('en'), getSlideStrings('fr')],
])('the %s message table', (_name, en, fr) => {
  it('has the same keys in English and French', () => {
    expect(shape(fr)).toEqual(shape(en));
  });

  it('uses French typography in French: a narrow no-break space before : ; ? ! and « guillemets »', () => {
    const texts: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') texts.push(value);
      else if (typeof value === 'function')
        texts.push(String((value as (...a: string[]) => unknown)(...Array.from({ length: value.length }, () => 'X'))));
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(fr);
    // Before the punctuation: a letter, digit, closing quote or bracket directly, or an ordinary space.
    const wrong = texts.filter((text) =>
      /[\p{L}\d»)][;?!]|[\p{L}\d»)]:(\s|$)| [:;?!]|[“”]/u.test(
        text
          .replace(/https?:\/\/\S+/g, '')
          .replace(
            /\b[a-z]+: [a-z]+\b|\b(?:scale|column): [\w.]+|« [^»]*:[^»]* »/g,
            '',
          ) /* YAML written as-is: status: active, scale: 0.000001, column: Revenue, « owner: » */,
      ),
    );
    expect(wrong).toEqual([]);
  });
});
