// What scripts/score.ts needs to know about the DuckDB path without loading DuckDB itself
// (its native module takes a while to load: CSV scoring with the TypeScript engine never pays it).

/** Whether a file is Parquet (scored by DuckDB; the TypeScript scorer reads CSV). */
export function isParquet(path: string): boolean {
  return /\.parquet$/i.test(path);
}

/** A file DuckDB cannot read or write, or no attribute column: one line for the user. */
export class DuckDbInputError extends Error {
  override name = 'DuckDbInputError';
}
