/**
 * The values a filter offers: only those some entry has, each with how many entries have it, so
 * a choice never leads to "Visar 0 av 85". Counts are over the whole list (not narrowed by the
 * other filters), so the choices and their numbers stay put while the reader combines them.
 */
import type { AgreementState, Entry, EntryStatus } from '../../../../src/domain/types';
import type { AgreementView } from '../../../../src/view-model';
import type { SectionGroup } from './tree';
import { AGREEMENT_STATES, ENTRY_STATUSES } from './url-state';

export interface Facet<T extends string = string> {
  value: T;
  count: number;
}

const bySwedish = (a: Facet, b: Facet): number => a.value.localeCompare(b.value, 'sv');

function tally(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Entry statuses in use, in the usual order, then "none" when some entries have no status. */
export function statusFacets(entries: Entry[]): Array<Facet<EntryStatus | 'none'>> {
  const counts = tally(entries.map((entry) => entry.status ?? 'none'));
  return [...ENTRY_STATUSES, 'none' as const].filter((status) => counts.has(status)).map((value) => ({ value, count: counts.get(value) ?? 0 }));
}

/** Preparing groups named by any entry (each entry counted once per group), Swedish-alphabetically. */
export function groupFacets(entries: Entry[]): Facet[] {
  const counts = tally(entries.flatMap((entry) => [...new Set(entry.preparingGroups.map((group) => group.trim()).filter(Boolean))]));
  return [...counts].map(([value, count]) => ({ value, count })).sort(bySwedish);
}

/** Agreement states in use, in the order of the filter (expired first). */
export function agreementStateFacets(agreements: AgreementView[]): Array<Facet<AgreementState>> {
  const counts = tally(agreements.map((item) => item.status));
  return AGREEMENT_STATES.filter((state) => counts.has(state)).map((value) => ({ value, count: counts.get(value) ?? 0 }));
}

/** Forums (preparing or recommending) named by any agreement, each agreement counted once per forum. */
export function forumFacets(agreements: AgreementView[]): Facet[] {
  const counts = tally(
    agreements.flatMap((item) => [
      ...new Set([...item.preparingGroups, ...(item.agreement?.recommendingForums ?? [])].map((forum) => forum.trim()).filter(Boolean)),
    ]),
  );
  return [...counts].map(([value, count]) => ({ value, count })).sort(bySwedish);
}

export interface AreaFacet extends Facet {
  /** A short label for the filter; the whole title can be a long sentence. */
  label: string;
}

/** Longest label the area filter shows before shortening at a word boundary. */
const AREA_LABEL_MAX = 48;

/** `title` cut at the last whole word within `max` characters, with an ellipsis when cut. */
export function shortLabel(title: string, max = AREA_LABEL_MAX): string {
  const text = title.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A dash or comma left at the end of the cut says nothing: trim it with the space.
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,–-]+$/, '')}…`;
}

/**
 * The areas per section: the top-level entries that have entries under them, with how many.
 * A heading with nothing under it (an introductory sentence) is no area to narrow the list to.
 */
export function areaFacets(tree: SectionGroup[], untitled: string): Array<{ section: SectionGroup['section']; areas: AreaFacet[] }> {
  const below = (node: SectionGroup['roots'][number]): number => node.children.reduce((sum, child) => sum + 1 + below(child), 0);
  return tree
    .map((section) => ({
      section: section.section,
      areas: section.roots
        .filter((root) => root.children.length > 0)
        .map((root) => ({ value: root.entry.key, count: below(root), label: shortLabel(root.entry.title || untitled) })),
    }))
    .filter((section) => section.areas.length > 0);
}
