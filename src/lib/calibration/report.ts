// `npm run calibrate` output: the evidence of every ICP as Markdown (for people and pull
// requests) or CSV (one row per criterion, for a spreadsheet).
import type { Locale } from '../i18n/locales.ts';
import { formatCsvRow } from '../csv/write.ts';
import { getFormatters } from '../format.ts';
import { calibrationMessages, type CalibrationMessages } from '../i18n/calibration.ts';
import type { BacktestResult } from './backtest.ts';
import type { IcpRefinement } from './evidence-model.ts';
import type { FilterEvidence } from './evidence.ts';
import { MIN_TOTAL, type Comparison } from './stats.ts';
import { suggestionYaml, type SuggestionReason } from './suggest.ts';

/** Why a backtest could not run. */
export type BacktestGap = keyof CalibrationMessages['report']['backtestNone'];

export interface IcpReport extends IcpRefinement {
  /** With `--suggest`. */
  showSuggestion: boolean;
  backtest?: (BacktestResult & { unreadable: number }) | { gap: BacktestGap } | undefined;
}

/** Finding of a comparison in words ("too few to conclude", "wins more often when it holds"). */
export function findingWords(comparison: Comparison, t: CalibrationMessages): string {
  switch (comparison.finding) {
    case 'too-few': {
      const smaller = Math.min(
        (comparison.holds?.won ?? 0) + (comparison.holds?.lost ?? 0),
        (comparison.fails?.won ?? 0) + (comparison.fails?.lost ?? 0),
      );
      return comparison.n >= MIN_TOTAL ? t.tooFewSide(smaller) : t.tooFew(comparison.n);
    }
    case 'better':
      return t.better;
    case 'worse':
      return t.worse;
    default:
      return t.noEffect;
  }
}

/** A filter's finding: "excludes no known account" when nothing fails it, else the comparison. */
export function filterFindingWords(
  filter: Pick<FilterEvidence, 'excludes' | 'comparison'>,
  t: CalibrationMessages,
): string {
  const { won, lost, open, none } = filter.excludes;
  return won + lost + open + none === 0 ? t.excludesNone : findingWords(filter.comparison, t);
}

/** `62 % (48–74 %; 13 won / 8 lost)`, or a dash when there is no decided account. */
export function rateWords(rate: Comparison['holds'], locale: Locale): string {
  const t = calibrationMessages[locale];
  if (!rate) return t.report.none;
  const { percent } = getFormatters(locale);
  return t.rateWith(percent(rate.rate), percent(rate.low), percent(rate.high), rate.won, rate.lost);
}

/** The lift as `×2.1`, or a dash. */
export function liftWords(lift: number | undefined, locale: Locale): string {
  return lift === undefined
    ? calibrationMessages[locale].report.none
    : `×${getFormatters(locale).number(Math.round(lift * 10) / 10)}`;
}

/** Why a level gets its suggested points, in words. */
export function reasonWords(reason: SuggestionReason, comparison: Comparison, locale: Locale): string {
  const t = calibrationMessages[locale];
  const { percent, number } = getFormatters(locale);
  const rate = (r: Comparison['holds']) => (r ? percent(r.rate) : t.report.none);
  switch (reason) {
    case 'effect':
      return t.reasonSuggested(
        rate(comparison.holds),
        rate(comparison.fails),
        number(Math.round(Math.exp(comparison.logOdds.value) * 10) / 10),
      );
    case 'no-effect':
      return t.reasonNoEffect(rate(comparison.holds), rate(comparison.fails));
    case 'too-few':
      return t.reasonTooFew;
    default:
      return t.reasonNeverFires;
  }
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const table = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');

function icpMarkdown(report: IcpReport, locale: Locale, currency: string): string {
  const t = calibrationMessages[locale];
  const r = t.report;
  const f = getFormatters(locale);
  const { evidence, icp } = report;
  const out: string[] = [r.icpHeading(icp.data.title), r.accounts(evidence.total, evidence.decided)];
  out.push(
    r.filters,
    table(
      r.filterColumns,
      evidence.filters.map((filter) => [
        filter.label,
        `${filter.keeps.won} / ${filter.keeps.lost}`,
        `${filter.excludes.won} / ${filter.excludes.lost}`,
        String(filter.unknown.won + filter.unknown.lost + filter.unknown.open + filter.unknown.none),
        [filterFindingWords(filter, t), filter.excludes.won > 0 ? t.excludesWon(filter.excludes.won) : '']
          .filter(Boolean)
          .join('; '),
      ]),
    ),
  );
  const signalRows = evidence.signals.flatMap((signal) => {
    const finding = signal.neverFires ? t.neverFires : findingWords(signal.comparison, t);
    const points = signal.levels.map((level) => f.points(level.points)).join(' / ');
    const rows = [
      [
        signal.label,
        points,
        `${signal.fired.won} / ${signal.fired.lost}`,
        rateWords(signal.comparison.holds, locale),
        rateWords(signal.comparison.fails, locale),
        liftWords(signal.comparison.lift, locale),
        finding,
      ],
    ];
    if (signal.graded) {
      for (const level of signal.levels) {
        rows.push([
          r.levelLabel(level.rule),
          f.points(level.points),
          `${level.fired.won} / ${level.fired.lost}`,
          rateWords(level.comparison.holds, locale),
          rateWords(level.comparison.fails, locale),
          liftWords(level.comparison.lift, locale),
          findingWords(level.comparison, t),
        ]);
      }
    }
    return rows;
  });
  out.push(r.signals, table(r.signalColumns, signalRows));
  // Amount and cycle columns only when the CSVs have them: a column of dashes says nothing.
  const keep = [true, true, true, evidence.hasAmounts, evidence.hasAmounts, evidence.hasCycles];
  const pick = <T>(row: readonly T[]) => row.filter((_, i) => keep[i]);
  out.push(
    r.value,
    table(
      pick(r.valueColumns),
      evidence.tiers.map((tier) => {
        const decided = tier.tally.won + tier.tally.lost;
        return pick([
          tier.label,
          `${tier.tally.won} / ${tier.tally.lost}`,
          decided > 0 ? f.percent(tier.tally.won / decided) : r.none,
          tier.averageWon === undefined ? r.none : f.money(tier.averageWon, currency),
          tier.wonWithAmount === 0 ? r.none : f.money(tier.totalWon, currency),
          tier.medianCycleDays === undefined ? r.none : r.cycleDays(f.number(Math.round(tier.medianCycleDays))),
        ]);
      }),
    ),
  );
  if (report.showSuggestion) out.push(r.suggestion, suggestionMarkdown(report, locale));
  if (report.backtest) {
    out.push(r.backtest);
    if ('gap' in report.backtest) out.push(r.backtestNone[report.backtest.gap]);
    else {
      const b = report.backtest;
      const lines = [
        r.backtestLine(
          b.tierLabel,
          rateWords(b.then, locale),
          rateWords(b.now, locale),
          b.accounts,
          b.versions,
          b.moved,
        ),
      ];
      if (b.beforeHistory > 0) lines.push(r.backtestBefore(b.beforeHistory));
      if (b.unreadable > 0) lines.push(r.backtestUnreadable(b.unreadable));
      out.push(lines.join(' '));
    }
  }
  return out.join('\n\n');
}

/** The suggestion as a table (today, suggested, why) followed by the YAML to paste. */
export function suggestionMarkdown(report: IcpRefinement, locale: Locale): string {
  const t = calibrationMessages[locale];
  const f = getFormatters(locale);
  const { suggestion, evidence, icp } = report;
  if (suggestion.status === 'none') return t.suggestionNone;
  if (suggestion.status === 'over-budget') return t.suggestionOverBudget(suggestion.kept);
  const rows = suggestion.signals.flatMap((signal, i) =>
    signal.levels.map((level, j) => [
      j === 0 ? signal.label : t.report.levelLabel(evidence.signals[i]!.levels[j]!.rule),
      f.points(level.current),
      f.points(level.suggested),
      reasonWords(level.reason, evidence.signals[i]!.levels[j]!.comparison, locale),
    ]),
  );
  return [
    t.suggestionLead,
    table(t.report.suggestionColumns, rows),
    `\`\`\`yaml\n${suggestionYaml(icp.data, suggestion)}\`\`\``,
  ].join('\n\n');
}

/** The whole Markdown report. */
export function calibrationMarkdown(reports: readonly IcpReport[], locale: Locale, currency: string): string {
  const t = calibrationMessages[locale].report;
  if (reports.length === 0) return `# ${t.title}\n\n${t.noAccounts}\n`;
  return `# ${t.title}\n\n${reports.map((report) => icpMarkdown(report, locale, currency)).join('\n\n')}\n`;
}

/** Columns of the CSV report, one row per filter, signal and level. */
export const CALIBRATION_CSV_COLUMNS = [
  'icp',
  'kind',
  'label',
  'rule',
  'points',
  'suggested_points',
  'won_holds',
  'lost_holds',
  'won_not',
  'lost_not',
  'win_rate_holds',
  'win_rate_holds_low',
  'win_rate_holds_high',
  'win_rate_not',
  'lift',
  'log_odds_ratio',
  'finding',
] as const;

/** The evidence as CSV (comma-separated, numbers with a `.`, rates from 0 to 1). */
export function calibrationCsv(reports: readonly IcpRefinement[]): string {
  const lines = [CALIBRATION_CSV_COLUMNS.join(',')];
  const n = (value: number | undefined) => (value === undefined ? '' : String(Math.round(value * 10_000) / 10_000));
  const row = (
    icp: string,
    kind: string,
    label: string,
    rule: string,
    points: string,
    suggested: string,
    c: Comparison,
    finding: string,
  ) =>
    formatCsvRow(
      [
        icp,
        kind,
        label,
        rule,
        points,
        suggested,
        ...[c.holds?.won ?? 0, c.holds?.lost ?? 0, c.fails?.won ?? 0, c.fails?.lost ?? 0].map(String),
        n(c.holds?.rate),
        n(c.holds?.low),
        n(c.holds?.high),
        n(c.fails?.rate),
        n(c.lift),
        n(c.logOdds.value),
        finding,
      ],
      ',',
    );
  for (const { icp, evidence, suggestion } of reports) {
    for (const filter of evidence.filters)
      lines.push(
        row(icp.id, 'filter', filter.label, filter.rule, '', '', filter.comparison, filter.comparison.finding),
      );
    evidence.signals.forEach((signal, i) => {
      const suggested = (j: number) =>
        suggestion.status === 'ok' ? String(suggestion.signals[i]!.levels[j]!.suggested) : '';
      signal.levels.forEach((level, j) => {
        const finding = signal.neverFires ? 'never-fires' : level.comparison.finding;
        lines.push(
          row(
            icp.id,
            signal.graded ? 'level' : 'signal',
            signal.label,
            level.rule,
            String(level.points),
            suggested(j),
            level.comparison,
            finding,
          ),
        );
      });
    });
  }
  return `${lines.join('\n')}\n`;
}
