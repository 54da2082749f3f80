// Evidence and suggested points for every ICP of a playbook, from its known accounts.
import type { Attribute } from '../../schemas/attribute.ts';
import type { Locale } from '../i18n/locales.ts';
import type { AccountsFile, IcpEntry } from '../model/playbook-model.ts';
import { readKnownAccounts, type KnownAccount } from './known-accounts.ts';
import { icpEvidence, type IcpEvidence } from './evidence.ts';
import { suggestPoints, type PointsSuggestion } from './suggest.ts';

export interface IcpRefinement {
  icp: IcpEntry;
  evidence: IcpEvidence;
  suggestion: PointsSuggestion;
  /** The known accounts behind the evidence. */
  rows: readonly KnownAccount[];
}

/** Every row of every known-accounts CSV (rows with unreadable cells count, those values unknown). */
export function knownAccountRows(model: {
  attributes: Attribute[];
  accounts: readonly AccountsFile[];
}): KnownAccount[] {
  return model.accounts.flatMap((source) => readKnownAccounts(source, model.attributes).rows);
}

/**
 * For each ICP (every status), what its known accounts say and the points they suggest; empty
 * when the playbook has no known account.
 */
export function refineIcps(
  model: { attributes: Attribute[]; icps: readonly IcpEntry[]; accounts: readonly AccountsFile[] },
  locale: Locale,
  outLabel: string,
): Map<string, IcpRefinement> {
  const rows = knownAccountRows(model);
  const result = new Map<string, IcpRefinement>();
  if (rows.length === 0) return result;
  for (const icp of model.icps) {
    const evidence = icpEvidence(icp, rows, model.attributes, locale, outLabel);
    result.set(icp.id, { icp, evidence, suggestion: suggestPoints(icp.data, evidence), rows });
  }
  return result;
}
