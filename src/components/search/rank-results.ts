// Pure: re-ranks pagefind's best results so that pages where the query's words stand together
// come first. Pagefind scores each word on its own; a reader who types two words of a sentence
// ("snowflake roadmap") expects the page with that sentence, not the page that repeats one word.

/** What the ranking needs from one loaded pagefind result. */
export interface RankableResult {
  /** The page's indexed text; `content.split(/\s+/)[location]` is the word at a location. */
  content: string;
  /** Positions of the words that matched the query. */
  locations: readonly number[];
}

/** Words further apart than this do not count as standing together. */
const NEAR = 4;

const normalize = (word: string) => word.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Smallest distance between two matched words that are different words (so a word repeated
 * twice is no phrase); `Infinity` when fewer than two different words matched.
 * @example closestPair('one revenue forecast reconciled', [1, 2]) // 1
 */
export function closestPair(content: string, locations: readonly number[]): number {
  const words = content.split(/\s+/);
  const sorted = [...new Set(locations)].sort((a, b) => a - b);
  let best = Infinity;
  for (let i = 0; i < sorted.length; i += 1) {
    const a = normalize(words[sorted[i]!] ?? '');
    for (let j = i + 1; j < sorted.length && sorted[j]! - sorted[i]! < best; j += 1) {
      if (normalize(words[sorted[j]!] ?? '') !== a) best = sorted[j]! - sorted[i]!;
    }
  }
  return best;
}

/**
 * Orders results (given in pagefind's order) by how close the query's words stand: adjacent
 * first, then within a few words, then the rest; pagefind's order decides within each group.
 * A one-word query keeps pagefind's order.
 */
export function rankByProximity<T extends RankableResult>(results: readonly T[], queryWordCount: number): T[] {
  if (queryWordCount < 2) return [...results];
  const group = (result: T) => {
    const distance = closestPair(result.content, result.locations);
    return distance <= 1 ? 0 : distance <= NEAR ? 1 : 2;
  };
  return results
    .map((result, index) => ({ result, index, group: group(result) }))
    .sort((a, b) => a.group - b.group || a.index - b.index)
    .map(({ result }) => result);
}
