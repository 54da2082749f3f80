import { vm } from './validator.ts';

function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** How many edits a typo of this length may have and still be recognised. */
function tolerance(length: number): number {
  if (length <= 3) return 1;
  if (length <= 6) return 2;
  return Math.floor(length / 3) + 1;
}

/**
 * The closest known word to a typo, if it is close enough to be what the author meant. A word
 * that starts a known id (`uk` for `uk-ie`, `mid-market` for `mid-market-saas`) is taken first.
 * @example closest('employes', ['employees', 'region']) // 'employees'
 */
export function closest(word: string, known: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const candidates = [...known];
  const prefixed = candidates
    .filter(
      (candidate) => lower.length >= 2 && candidate.toLowerCase().startsWith(lower) && candidate.length > lower.length,
    )
    .sort((a, b) => a.length - b.length);
  if (prefixed[0] !== undefined) return prefixed[0];
  let best: string | undefined;
  let bestDistance = tolerance(lower.length) + 1;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const match = closest(word, known);
  return match === undefined ? '' : vm().didYouMean(match);
}
