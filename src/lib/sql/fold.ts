// How names and values are matched in SQL: as `normaliseName` (src/lib/aliases.ts) matches
// them for the CSV reader: trimmed, lowercase, accents removed, inner spaces collapsed. The
// TypeScript side folds with Unicode decomposition; SQL has no such function in every
// warehouse, so the same folding is written as a TRANSLATE table generated here from
// `normaliseName` itself, for the letters of Latin-1 and Latin Extended-A/B.
import { normaliseName } from '../aliases.ts';
import type { Dialect, Sql } from './dialects.ts';

/** What `String.prototype.trim` removes: the same characters are trimmed in SQL. */
export const TRIMMED =
  '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** A name or value as it is matched (see {@link normaliseName}). */
export const foldName = normaliseName;

function buildTranslateTable(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (let code = 0xc0; code <= 0x24f; code++) {
    const char = String.fromCharCode(code);
    if (char.toLowerCase() !== char) continue;
    const folded = foldName(char);
    if (folded !== char && folded.length === 1) {
      from += char;
      to += folded;
    }
  }
  // Combining marks (a decomposed "é" is "e" + U+0301) are deleted: they have no counterpart.
  for (let code = 0x300; code <= 0x36f; code++) from += String.fromCharCode(code);
  return { from, to };
}

const TABLE = buildTranslateTable();

/** The letters the SQL folding knows, for tests that must stay within what SQL can fold. */
export const FOLDED_LETTERS = [...TABLE.from].filter((c) => !/\p{M}/u.test(c));

/** The SQL of {@link foldName} for a text expression (NULL stays NULL). */
export function foldSql(dialect: Dialect, expr: Sql): Sql {
  const folded = dialect.stripAccents(`lower(${dialect.trimChars(expr, TRIMMED)})`, TABLE);
  return dialect.replaceAll(folded, `[${[...TRIMMED].map(dialect.regexChar).join('')}]+`, ' ');
}
