import type { Locale } from '../i18n/locales.ts';
import { getFormatters } from '../format.ts';
import { impactMessages, type ImpactMessages } from '../i18n/impact.ts';
import type { IcpInput } from '../scoring/score-account.ts';
import type { IcpCounts, Movements } from './movements.ts';
import type { RuleChanges } from './rule-changes.ts';

/** GitHub's limit for a pull request comment, in characters: the report stays under it by default. */
export const COMMENT_LIMIT = 65_536;

/** A population of accounts followed across the change. */
export interface Population {
  /** The file name, shown in headings; undefined for the known accounts. */
  name?: string | undefined;
  movements: Movements;
  /** Cells that could not be read on either side (scored as unknown). */
  unreadable: number;
}

export interface ImpactReportInput {
  locale: Locale;
  /** The git ref compared with, as the user wrote it. */
  base: string;
  rules: RuleChanges;
  /** The known accounts (content/accounts/*.csv), undefined when there are none. */
  known?: Population | undefined;
  /** Populations from `--accounts` files. */
  samples: readonly Population[];
  /** Active ICPs after the change, for the tiers no score can reach. */
  icps: readonly IcpInput[];
  /** Most characters of the report (default {@link COMMENT_LIMIT}). */
  maxChars?: number | undefined;
}

/** Every score from 0 to 100 that some combination of signals gives (each signal at one of its levels, or 0). */
export function reachableScores(icp: IcpInput): Set<number> {
  let sums = new Set([0]);
  for (const signal of icp.data.signals) {
    const next = new Set<number>();
    for (const sum of sums) {
      next.add(sum);
      for (const level of signal.levels) next.add(sum + level.points);
    }
    sums = next;
  }
  return new Set([...sums].map((sum) => Math.min(100, Math.max(0, sum))));
}

/** Tiers of the active ICPs whose score range no combination of signals reaches. */
function unreachableTiers(icps: readonly IcpInput[], t: ImpactMessages): string[] {
  const lines: string[] = [];
  for (const icp of icps) {
    if (icp.data.status !== 'active') continue;
    const scores = [...reachableScores(icp)];
    icp.data.tiers.forEach((tier, i) => {
      const ceiling = i === 0 ? 100 : icp.data.tiers[i - 1]!.min - 1;
      if (!scores.some((score) => score >= tier.min && score <= ceiling))
        lines.push(t.unreachableTier(t.q(tier.label), t.q(icp.data.title)));
    });
  }
  return lines;
}

/** Warnings from how a population lands after the change (and before it, for "any more"). */
function populationWarnings(population: Population, t: ImpactMessages, locale: Locale): string[] {
  const { movements } = population;
  if (movements.total === 0) return [];
  const { number } = getFormatters(locale);
  const who = population.name === undefined ? t.knownPopulation : `\`${population.name}\``;
  const lines: string[] = [];
  for (const after of movements.after) {
    const before: IcpCounts | undefined = movements.before.find((counts) => counts.id === after.id);
    after.tierLabels.forEach((label, i) => {
      const j = before?.tierLabels.indexOf(label) ?? -1;
      const was = j === -1 ? 0 : before!.tiers[j]!;
      if (after.tiers[i] === 0 && was > 0) lines.push(t.emptyTier(t.q(label), t.q(after.title), who, number(was)));
    });
    after.filterLabels.forEach((label, i) => {
      if (after.filterFails[i] === movements.total) lines.push(t.filterExcludesAll(t.q(label), t.q(after.title), who));
    });
    after.signalLabels.forEach((label, i) => {
      if (after.signalFires[i] === 0) lines.push(t.signalNeverFires(t.q(label), t.q(after.title), who));
    });
  }
  return lines;
}

/** A table cell: pipes escaped, one line. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

function matrixLines(movements: Movements, t: ImpactMessages, locale: Locale): string[] {
  const { number } = getFormatters(locale);
  // Only the landings some account has, before or after: a 12-tier playbook stays readable.
  const used = movements.labels.map(
    (_, i) => movements.matrix[i]!.some((n) => n > 0) || movements.matrix.some((row) => row[i]! > 0),
  );
  const labels = movements.labels.filter((_, i) => used[i]);
  const index = movements.labels.map((_, i) => i).filter((i) => used[i]);
  return [
    t.matrixHeading,
    '',
    `| ${cell(t.matrixCorner)} | ${labels.map(cell).join(' | ')} |`,
    `| --- |${labels.map(() => ' ---: |').join('')}`,
    ...index.map(
      (i) =>
        `| ${cell(movements.labels[i]!)} | ${index.map((j) => (movements.matrix[i]![j]! === 0 ? '·' : number(movements.matrix[i]![j]!))).join(' | ')} |`,
    ),
  ];
}

interface Rendered {
  text: string;
  /** Rows left out of move tables. */
  hidden: number;
}

function populationLines(
  population: Population,
  t: ImpactMessages,
  locale: Locale,
  rowCap: number,
  limit: number,
): { lines: string[]; hidden: number } {
  const { number } = getFormatters(locale);
  const { movements } = population;
  const lines: string[] = [
    population.name === undefined
      ? t.knownHeading(number(movements.total))
      : t.sampleHeading(`\`${population.name}\``, number(movements.total)),
    '',
  ];
  if (population.unreadable > 0) lines.push(t.unreadable(number(population.unreadable)), '');
  let hidden = 0;
  if (movements.moved === 0) {
    lines.push(t.noMoves, '');
  } else {
    lines.push(
      t.movesSummary(number(movements.moved), number(movements.up), number(movements.down), number(movements.sideways)),
      '',
    );
    if (population.name !== undefined) lines.push(t.topMovers(number(movements.moves.length)), '');
    const shown = movements.moves.slice(0, rowCap);
    lines.push(t.movesHeader, '| --- | --- | --- | --- |');
    for (const move of shown) {
      const after = move.unmet === undefined ? move.after : `${move.after} — ${t.expected(move.unmet)}`;
      lines.push(`| ${cell(move.name)} | ${cell(move.before)} | ${cell(after)} | ${cell(move.why)} |`);
    }
    hidden = movements.moves.length - shown.length;
    if (hidden > 0) lines.push('', t.truncated(number(hidden), number(limit)));
    lines.push('');
  }
  lines.push(...matrixLines(movements, t, locale), '');
  return { lines, hidden };
}

function verdictLine(input: ImpactReportInput, warnings: number, t: ImpactMessages): string {
  const { number } = getFormatters(input.locale);
  const parts: string[] = [];
  const known = input.known?.movements;
  if (known && known.moved > 0) {
    parts.push(t.knownMoves(number(known.moved), number(known.up), number(known.down), number(known.sideways)));
    if (known.unmet > 0) parts.push(t.unmetCount(number(known.unmet)));
  } else if (known && known.total > 0) {
    parts.push(t.knownStill(number(known.total)));
  }
  for (const sample of input.samples) {
    if (sample.movements.moved > 0)
      parts.push(t.sampleMoves(number(sample.movements.moved), number(sample.movements.total), `\`${sample.name}\``));
  }
  parts.push(...input.rules.headline);
  const ruleLines = input.rules.icps.reduce((sum, icp) => sum + icp.lines.length, 0);
  if (input.rules.headline.length === 0 && ruleLines > 0) parts.push(t.ruleChangeCount(number(ruleLines)));
  if (warnings > 0) parts.push(t.warningCount(number(warnings)));
  if (
    parts.length === 0 ||
    (ruleLines === 0 &&
      input.rules.other.length === 0 &&
      !(known && known.moved > 0) &&
      warnings === 0 &&
      input.samples.every((s) => s.movements.moved === 0))
  ) {
    return `**${t.noEffect}**`;
  }
  const line = parts.join(t.separator);
  return `**${line.charAt(0).toUpperCase()}${line.slice(1)}.**`;
}

function render(input: ImpactReportInput, rowCap: number, limit: number): Rendered {
  const t = impactMessages[input.locale];
  const warnings = [
    ...unreachableTiers(input.icps, t),
    ...(input.known ? populationWarnings(input.known, t, input.locale) : []),
    ...input.samples.flatMap((sample) => populationWarnings(sample, t, input.locale)),
  ];
  const lines: string[] = [t.title(input.base), '', verdictLine(input, warnings.length, t), ''];
  lines.push(t.ruleChanges, '');
  if (input.rules.icps.length === 0) lines.push(t.noRuleChanges, '');
  for (const icp of input.rules.icps)
    lines.push(t.icpHeading(icp.title, icp.id), '', ...icp.lines.map((line) => `- ${line}`), '');
  if (input.rules.other.length > 0) lines.push(t.otherChanges, '', ...input.rules.other.map((line) => `- ${line}`), '');
  let hidden = 0;
  if (input.known) {
    const known = populationLines(input.known, t, input.locale, rowCap, limit);
    lines.push(...known.lines);
    hidden += known.hidden;
  } else {
    lines.push(t.noKnownAccounts, '');
  }
  for (const sample of input.samples) {
    const part = populationLines(sample, t, input.locale, rowCap, limit);
    lines.push(...part.lines);
    hidden += part.hidden;
  }
  if (warnings.length > 0) lines.push(t.warnings, '', ...warnings.map((line) => `- ⚠️ ${line}`), '');
  return { text: `${lines.join('\n').trimEnd()}\n`, hidden };
}

/**
 * The impact report in Markdown: the verdict line first, rule changes in words, the accounts
 * that move with why, tier transition matrices and warnings. Kept under `maxChars` by showing
 * fewer move rows (with a count of those left out), then by cutting; the same input always
 * gives the same text.
 */
export function renderImpactReport(input: ImpactReportInput): string {
  const limit = input.maxChars ?? COMMENT_LIMIT;
  const full = render(input, Infinity, limit);
  if (full.text.length <= limit) return full.text;
  // The largest number of rows per table that fits.
  const most = Math.max(
    input.known?.movements.moves.length ?? 0,
    ...input.samples.map((s) => s.movements.moves.length),
  );
  let low = 0;
  let high = most;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (render(input, middle, limit).text.length <= limit) low = middle;
    else high = middle - 1;
  }
  const fitted = render(input, low, limit).text;
  if (fitted.length <= limit) return fitted;
  const t = impactMessages[input.locale];
  const { number } = getFormatters(input.locale);
  // Rule changes alone exceed the limit: cut, and say how much is missing.
  const room = limit - 200;
  return `${fitted.slice(0, room)}\n\n${t.cut(number(fitted.length - room))}\n`;
}
