// Aliases in attributes.yaml: a column name or a value belongs to one attribute or option only,
// and the report names both places.
import { describe, expect, it } from 'vitest';
import { fixtureText, replaceOnce, report } from './fixtures.ts';

const ATTRIBUTES = 'content/attributes.yaml';

function editAttributes(from: string, to: string): Record<string, string> {
  return { [ATTRIBUTES]: replaceOnce(fixtureText(ATTRIBUTES), from, to) };
}

describe('aliases in attributes.yaml', () => {
  it('accepts column aliases, a scaled alias on a number, option aliases and a typical range', () => {
    const changes = editAttributes(
      '  unit: people\n  min: 0\n',
      '  unit: people\n  min: 0\n  typical: [1, 100000]\n  aliases: [Number of Employees, { column: Headcount (thousands), scale: 1000 }]\n',
    );
    const text = replaceOnce(
      changes[ATTRIBUTES]!,
      '{ id: de, label: Germany }',
      '{ id: de, label: Germany, aliases: [Deutschland, DE-DE] }',
    );
    expect(report({ [ATTRIBUTES]: text })).toEqual([]);
  });

  it('refuses a column alias that is another attribute’s label, ignoring case and accents, naming both places', () => {
    expect(report(editAttributes('  unit: people\n', '  unit: people\n  aliases: [Employés, " RÉGION "]\n')))
      .toMatchInlineSnapshot(`
      [
        "content/attributes.yaml:5:23  [0].aliases[1]  "RÉGION" already names attribute "region" ("region" at content/attributes.yaml:7:7): a column name (id, label or alias, ignoring case and accents) may belong to one attribute only, remove or change one",
      ]
    `);
  });

  it('refuses a value claimed by two options of one attribute', () => {
    expect(report(editAttributes('{ id: de, label: Germany }', '{ id: de, label: Germany, aliases: [france] }')))
      .toMatchInlineSnapshot(`
      [
        "content/attributes.yaml:11:43  [1].options[1].aliases[0]  "france" already names option "fr" ("France" at content/attributes.yaml:10:24): a value (id, label or alias, ignoring case and accents) may belong to one option only, remove or change one",
      ]
    `);
  });

  it('allows the same value in options of two different attributes', () => {
    const text = replaceOnce(
      fixtureText(ATTRIBUTES),
      '{ id: hubspot, label: HubSpot }',
      '{ id: hubspot, label: HubSpot, aliases: [France] }',
    );
    expect(report({ [ATTRIBUTES]: text })).toEqual([]);
  });

  it('refuses a scale on a choice attribute', () => {
    expect(report(editAttributes('  label: Region\n', '  label: Region\n  aliases: [{ column: Pays, scale: 2 }]\n')))
      .toMatchInlineSnapshot(`
      [
        "content/attributes.yaml:8:13  [1].aliases[0]  { column, scale } is only for number attributes: write the column name alone",
      ]
    `);
  });

  it('refuses a typical range written backwards', () => {
    expect(report(editAttributes('  min: 0\n', '  min: 0\n  typical: [5000, 1]\n'))).toMatchInlineSnapshot(`
      [
        "content/attributes.yaml:6:12  [0].typical  [5000, 1] is empty: write the lower bound first, e.g. [1, 5000]",
      ]
    `);
  });
});
