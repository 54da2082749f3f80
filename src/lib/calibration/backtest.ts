// Backtest: each known account with a `closed` date scored with the ICP as it was on that date
// (from Git history) and with today's, so a team sees whether its changes helped.
import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import type { IcpEntry } from '../model/playbook-model.ts';
import { compileIcp, evaluate } from '../scoring/compile.ts';
import type { KnownAccount } from './known-accounts.ts';
import { winRate, type Rate } from './stats.ts';

/** The ICP as it was from `since` (the date of a commit that changed it) on. */
export interface IcpVersion {
  since: string;
  /** Short commit id, for the report. */
  commit: string;
  icp: IcpEntry;
}

/** Won and lost accounts of the first tier, then and now. */
export interface BacktestResult {
  /** Known accounts with a `closed` date and an ICP version in force on that date. */
  accounts: number;
  /** Won or lost accounts with a closed date before the ICP's first version in Git. */
  beforeHistory: number;
  tierLabel: string;
  /** The first tier's win rate with the ICP as it was when each deal closed. */
  then?: Rate | undefined;
  /** The same accounts with today's ICP. */
  now?: Rate | undefined;
  /** Accounts whose tier differs between then and now. */
  moved: number;
  /** Distinct versions used. */
  versions: number;
}

/** The version in force on `date` (the latest whose `since` is not after it), if any. */
export function versionOn(versions: readonly IcpVersion[], date: string): IcpVersion | undefined {
  let found: IcpVersion | undefined;
  for (const version of versions)
    if (version.since <= date && (!found || version.since >= found.since)) found = version;
  return found;
}

/**
 * Scores each won or lost known account with a `closed` date against the ICP version in force
 * on that date and against today's ICP, and compares the win rate of the first tier.
 */
export function backtest(
  today: IcpEntry,
  versions: readonly IcpVersion[],
  rows: readonly KnownAccount[],
  attributes: readonly Attribute[],
  locale: Locale,
): BacktestResult {
  const now = compileIcp(today, attributes, locale);
  const compiled = new Map(versions.map((v) => [v, compileIcp(v.icp, attributes, locale)]));
  const decided = rows.filter((row) => row.closed !== undefined && (row.outcome === 'won' || row.outcome === 'lost'));
  const thenTally = { won: 0, lost: 0 };
  const nowTally = { won: 0, lost: 0 };
  const used = new Set<IcpVersion>();
  let accounts = 0;
  let beforeHistory = 0;
  let moved = 0;
  for (const row of decided) {
    const version = versionOn(versions, row.closed!);
    if (!version) {
      beforeHistory++;
      continue;
    }
    used.add(version);
    accounts++;
    const before = evaluate(compiled.get(version)!, row.account);
    const after = evaluate(now, row.account);
    const label = (icp: IcpEntry, tier: number) => (tier === -1 ? undefined : icp.data.tiers[tier]!.label);
    if (label(version.icp, before.tier) !== label(today, after.tier)) moved++;
    if (before.tier === 0) thenTally[row.outcome as 'won' | 'lost']++;
    if (after.tier === 0) nowTally[row.outcome as 'won' | 'lost']++;
  }
  return {
    accounts,
    beforeHistory,
    tierLabel: today.data.tiers[0]!.label,
    then: winRate(thenTally.won, thenTally.lost),
    now: winRate(nowTally.won, nowTally.lost),
    moved,
    versions: used.size,
  };
}
