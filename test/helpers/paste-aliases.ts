// What a user does with the "Save this mapping" lines of /score/: merges each entry into the
// attribute (and option) with the same id in attributes.yaml, keeping everything else as written.
import { isMap, isSeq, parse, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';

interface Entry {
  id: string;
  aliases?: string[];
  options?: { id: string; aliases?: string[] }[];
}

function byId(list: YAMLSeq, id: string): YAMLMap {
  const found = list.items.find((item): item is YAMLMap => isMap(item) && item.get('id') === id);
  if (!found) throw new Error(`No entry with id "${id}" to paste aliases into`);
  return found;
}

function appendAliases(node: YAMLMap, aliases: readonly string[] | undefined): void {
  if (!aliases || aliases.length === 0) return;
  const existing = node.get('aliases');
  if (isSeq(existing)) for (const alias of aliases) existing.add(alias);
  else node.set('aliases', [...aliases]);
}

/** attributes.yaml with the saved lines pasted in. Throws if the lines name an id the file lacks. */
export function pasteAliases(attributesYaml: string, snippet: string): string {
  const doc = parseDocument(attributesYaml);
  const attributes = doc.contents;
  if (!isSeq(attributes)) throw new Error('attributes.yaml is not a list');
  for (const entry of parse(snippet) as Entry[]) {
    const attribute = byId(attributes, entry.id);
    appendAliases(attribute, entry.aliases);
    const options = attribute.get('options');
    for (const option of entry.options ?? []) {
      if (!isSeq(options)) throw new Error(`Attribute "${entry.id}" has no options`);
      appendAliases(byId(options, option.id), option.aliases);
    }
  }
  return doc.toString();
}
