/**
 * Search and filters over the balance list tree and the agreements.
 * A group stays visible when any entry in it matches; ancestors of a match are kept for context.
 */
import type { Entry } from '../../../../src/domain/types';
import type { AgreementView } from '../../../../src/view-model';
import type { Strings } from '../i18n/strings';
import type { SectionGroup, TreeNode } from './tree';
import type { UrlState } from './url-state';

export interface FilteredNode {
  entry: Entry;
  /** True when the entry itself matches (not only kept as the parent of a match). */
  matches: boolean;
  children: FilteredNode[];
}

export interface FilteredSection {
  section: SectionGroup['section'];
  roots: FilteredNode[];
}

const normalize = (value: string): string => value.toLocaleLowerCase('sv').normalize('NFC');

function searchable(entry: Entry, strings: Strings): string {
  const status = entry.status ? strings.entryStatus[entry.status] : '';
  return normalize([entry.title, entry.notes, entry.preparingGroups.join(' '), status, entry.nextFollowUp ?? ''].join('\n'));
}

/** Whether an entry passes the search text, status and group filters (the area is applied per group). */
export function entryMatches(entry: Entry, state: UrlState, strings: Strings): boolean {
  if (state.status === 'none' ? entry.status !== null : state.status !== null && entry.status !== state.status) return false;
  if (state.group !== null && !entry.preparingGroups.includes(state.group)) return false;
  if (state.q === '') return true;
  const haystack = searchable(entry, strings);
  return normalize(state.q)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function filterNode(node: TreeNode, state: UrlState, strings: Strings): FilteredNode | null {
  const children = node.children.map((child) => filterNode(child, state, strings)).filter((child): child is FilteredNode => child !== null);
  const matches = entryMatches(node.entry, state, strings);
  if (!matches && children.length === 0) return null;
  return { entry: node.entry, matches, children };
}

/** The tree narrowed to what matches; sections without matches are left out. */
export function filterTree(groups: SectionGroup[], state: UrlState, strings: Strings): FilteredSection[] {
  const result: FilteredSection[] = [];
  for (const group of groups) {
    const roots = group.roots
      .filter((root) => state.area === null || root.entry.key === state.area)
      .map((root) => filterNode(root, state, strings))
      .filter((root): root is FilteredNode => root !== null);
    if (roots.length > 0) result.push({ section: group.section, roots });
  }
  return result;
}

/** Entries that match in a filtered subtree (ancestors kept only for context do not count). */
export function countMatches(node: FilteredNode): number {
  return node.children.reduce((sum, child) => sum + countMatches(child), node.matches ? 1 : 0);
}

/** Matching entries listed under a group's heading: the count beside it, the heading itself left out. */
export function countBelow(node: FilteredNode): number {
  return node.children.reduce((sum, child) => sum + countMatches(child), 0);
}

export function agreementMatches(agreement: AgreementView, state: UrlState, strings: Strings): boolean {
  if (state.state !== null && agreement.status !== state.state) return false;
  if (state.group !== null && !agreement.preparingGroups.includes(state.group) && !(agreement.agreement?.recommendingForums ?? []).includes(state.group)) {
    return false;
  }
  if (state.q === '') return true;
  const haystack = normalize(
    [
      agreement.title,
      agreement.notes,
      agreement.preparingGroups.join(' '),
      (agreement.agreement?.recommendingForums ?? []).join(' '),
      agreement.agreement?.validity.text ?? '',
      strings.agreementState[agreement.status],
    ].join('\n'),
  );
  return normalize(state.q)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const STATE_RANK: Record<AgreementView['status'], number> = { expired: 0, expiring: 1, active: 2, unknown: 3 };

/** Sorts agreements by the chosen column; unknown dates always last, then by name. */
export function sortAgreements(agreements: AgreementView[], sort: UrlState['sort'], dir: UrlState['dir']): AgreementView[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: AgreementView, b: AgreementView) => a.title.localeCompare(b.title, 'sv');
  const nullsLast = <T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number | null => {
    if (a === null && b === null) return null;
    if (a === null) return 1;
    if (b === null) return -1;
    return compare(a, b) * sign;
  };
  return [...agreements].sort((a, b) => {
    let result: number | null;
    switch (sort) {
      case 'name':
        result = byName(a, b) * sign;
        break;
      case 'validTo':
        result = nullsLast(a.agreement?.validity.to ?? null, b.agreement?.validity.to ?? null, (x, y) => x.localeCompare(y));
        break;
      case 'daysLeft':
        result = nullsLast(a.daysLeft, b.daysLeft, (x, y) => x - y);
        break;
      case 'status':
        result = (STATE_RANK[a.status] - STATE_RANK[b.status]) * sign;
        break;
    }
    return result === null || result === 0 ? byName(a, b) : result;
  });
}
