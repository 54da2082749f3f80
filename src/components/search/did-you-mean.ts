// Pure: "did you mean" for a search with a typo, from the words the index itself holds. Pagefind
// has no list of its words, but it matches prefixes and says where each match sits in a page's
// text: searching the first letters of a typed word gives the index's words that start alike.

/** Lower case, accents removed, only letters and digits: how words are compared. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words of a page's indexed text at the given match locations, as written in the page. */
export function wordsAt(content: string, locations: readonly number[]): string[] {
  const words = content.split(/\s+/);
  return locations.map((at) => (words[at] ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
}

/**
 * Edit distance with transpositions (optimal string alignment), stopping early once it exceeds
 * `limit` (then returns `limit + 1`).
 * @example editDistance('comptble', 'comptable', 2) // 1
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Words shorter than this are left alone: too many short words are one letter apart. */
export const MIN_WORD = 4;

/** How far a typed word may be from an index word: one edit for short words, two for longer. */
export function allowedEdits(word: string): number {
  return word.length <= 5 ? 1 : 2;
}

/**
 * The index word closest to `typed` (as written in the page), or undefined when `typed` is
 * one of the index's words or the start of one, or nothing is close enough. Ties go to the most frequent word.
 * @example suggestWord('comptble', ['comptable', 'comptables', 'compte']) // 'comptable'
 */
export function suggestWord(typed: string, indexWords: readonly string[]): string | undefined {
  const folded = foldWord(typed);
  if (folded.length < MIN_WORD) return undefined;
  const counts = new Map<string, { word: string; count: number }>();
  for (const word of indexWords) {
    const key = foldWord(word);
    if (key === '') continue;
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { word: word.toLocaleLowerCase(), count: 1 });
  }
  // The word, or the start of one (a reader still typing "compt"): pagefind finds it already.
  for (const key of counts.keys()) if (key.startsWith(folded)) return undefined;
  const limit = allowedEdits(folded);
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [key, { word, count }] of counts) {
    const distance = editDistance(folded, key, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count))
      best = { word, distance, count };
  }
  return best?.word;
}

/**
 * The prefixes to ask the index for, to find words close to `typed`: its first three letters,
 * then its first two (a typo may sit in the third letter).
 */
export function probePrefixes(typed: string): string[] {
  const folded = foldWord(typed);
  if (folded.length < MIN_WORD) return [];
  return [folded.slice(0, 3), folded.slice(0, 2)];
}
