// The closing line of `npm run score`, the same for the TypeScript and the DuckDB engines.
import { getFormatters } from '../../src/lib/format.ts';
import { scoreCliMessages } from '../../src/lib/i18n/score-cli.ts';
import type { Verdict } from '../../src/lib/scoring/types.ts';
import type { Locale } from '../../src/lib/i18n/locales.ts';

export interface ScoreRun {
  rows: number;
  verdicts: Record<Verdict, number>;
  /** The ICP asked for with --icp, else undefined (best fit of `icpIds`). */
  icpId: string | undefined;
  icpIds: readonly string[];
  /** `performance.now()` when the run started. */
  started: number;
  duckdb: boolean;
  /** The --out file, if any. */
  out: string | undefined;
}

/** `Scored 42 accounts (30 fit, 3 unknown, 9 out) against best fit of a, b in 0.1 s → out.csv.`, in the playbook's language. */
export function scoreSummary(locale: Locale, run: ScoreRun): string {
  const t = scoreCliMessages[locale];
  const { number } = getFormatters(locale);
  return t.summary({
    rows: number(run.rows),
    count: run.rows,
    fit: number(run.verdicts.fit),
    unknown: number(run.verdicts.unknown),
    out: number(run.verdicts.out),
    against: run.icpId ?? t.bestFitOf(run.icpIds.join(', ')),
    seconds: (performance.now() - run.started) / 1000,
    duckdb: run.duckdb,
    file: run.out,
  });
}
