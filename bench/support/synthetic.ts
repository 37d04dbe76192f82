/**
 * What the Graph-backed benchmarks share: how SharePoint resource units are counted, and the
 * synthetic balance-list items they load into the fake Graph.
 */
import type { SeedItem } from '../../tests/fakes/fake-graph';

/**
 * SharePoint resource units of one Graph call, as the throttling documentation counts them:
 * 1 for a delta call with a token and for a single-item read, 2 for other multi-item reads and
 * for writes; a `$batch` envelope costs nothing of its own (its requests are counted one by one).
 */
export function resourceUnits(method: string, path: string): number {
  if (path.endsWith('/$batch')) return 0;
  if (method !== 'GET') return 2;
  if (path.includes('/items/delta')) return /[?&]token=/.test(path) ? 1 : 2;
  if (/\/items(\?|$)/.test(path) || /\/lists\?/.test(path)) return 2;
  return 1;
}

/**
 * Item `n` of a synthetic balance list: every tenth an agreement (with the fields `agreement`
 * gives it), the rest items under "Flera områden", with status, groups, notes and follow-ups.
 */
export function syntheticBalanceItem(n: number, agreement: (n: number) => Record<string, unknown>): SeedItem {
  const isAgreement = n % 10 === 0;
  return {
    id: String(n),
    fields: {
      Title: isAgreement ? `Överenskommelse ${n} om samverkan kring vård och omsorg` : `Punkt ${n}: samverkan kring vård och omsorg i länet`,
      EntryKey: `post-${n}`,
      Section: isAgreement ? 'Överenskommelser och avtal rekommendationsbeslutade av SVOM' : 'Flera områden',
      EntryKind: isAgreement ? 'Avtal' : 'Punkt',
      SortOrder: n,
      EntryStatus: n % 3 === 0 ? 'Pågår' : undefined,
      PreparingGroups: ['Fredagsgruppen', 'L-IFO'],
      Notes: 'Följs upp i SVOM.',
      ...(n % 13 === 0 ? { NextFollowUp: '2022-09-22' } : {}),
      ...(isAgreement ? { RecommendingForums: ['SVOM'], ...agreement(n) } : {}),
    },
  };
}
