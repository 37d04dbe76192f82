/**
 * Document order of the balance list: sections in the order of the printed list, and within a
 * section the entries depth-first, siblings by their order. Entries whose parent cannot be used
 * are lifted to the top of their section so that nothing disappears from view.
 */
import { SECTION_ORDER } from './sections';
import type { Entry } from './types';

/** Swedish alphabetical order (å, ä, ö after z); one collator, as creating one per comparison is slow. */
const titleOrder = new Intl.Collator('sv');

export { SECTION_ORDER };

/** Why an entry could not stay under the parent it names. */
export type OrphanReason = 'unknown-parent' | 'other-section' | 'cycle';

export interface Orphan {
  /** The entry as placed: at the top of its section, `parentKey` null. */
  entry: Entry;
  /** The parent key it named. */
  parentKey: string;
  reason: OrphanReason;
}

export interface ArrangedEntries {
  /** Every entry once, in document order; orphans have `parentKey` null. */
  entries: Entry[];
  orphans: Orphan[];
}

function compareSiblings(a: Entry, b: Entry): number {
  return a.order - b.order || titleOrder.compare(a.title, b.title) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Puts entries in document order: sections in `sectionOrder` (the 2022 list's by default; a
 * section not in it comes after, in the order first met), then depth-first tree order with
 * siblings by `order` (then title and key, so ties are stable).
 *
 * Keys must be unique (the field mapping makes them so). An entry whose parent is missing, sits in
 * another section, or is part of a parent cycle is returned as an orphan: it is placed at the top of
 * its section (before the section's regular top-level entries) with `parentKey` null, and its own
 * children stay under it. For a cycle, one entry of the cycle is lifted (the first by key).
 */
export function arrangeEntries(input: readonly Entry[], sectionOrder: readonly string[] = SECTION_ORDER): ArrangedEntries {
  const byKey = new Map(input.map((entry) => [entry.key, entry]));
  const orphans: Orphan[] = [];
  const lifted = new Map<string, Entry>();

  const lift = (entry: Entry, reason: OrphanReason): void => {
    const placed: Entry = { ...entry, parentKey: null };
    lifted.set(entry.key, placed);
    orphans.push({ entry: placed, parentKey: entry.parentKey ?? '', reason });
  };

  for (const entry of input) {
    if (entry.parentKey === null) continue;
    const parent = byKey.get(entry.parentKey);
    if (parent === undefined) lift(entry, 'unknown-parent');
    else if (parent.section !== entry.section) lift(entry, 'other-section');
  }

  const current = (entry: Entry): Entry => lifted.get(entry.key) ?? entry;
  const children = new Map<string | null, Entry[]>();
  for (const original of input) {
    const entry = current(original);
    const siblings = children.get(entry.parentKey) ?? [];
    siblings.push(entry);
    children.set(entry.parentKey, siblings);
  }
  for (const siblings of children.values()) siblings.sort(compareSiblings);

  // Whatever is not reachable from a top-level entry hangs in a cycle: lift one entry per cycle.
  const reached = new Set<string>();
  const mark = (entry: Entry): void => {
    const stack = [entry];
    while (stack.length > 0) {
      const next = stack.pop() as Entry;
      if (reached.has(next.key)) continue;
      reached.add(next.key);
      stack.push(...(children.get(next.key) ?? []));
    }
  };
  for (const root of children.get(null) ?? []) mark(root);
  const unreached = input.filter((entry) => !reached.has(entry.key)).sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const entry of unreached) {
    if (reached.has(entry.key)) continue;
    lift(entry, 'cycle');
    const placed = current(entry);
    const siblings = children.get(entry.parentKey) ?? [];
    children.set(
      entry.parentKey,
      siblings.filter((sibling) => sibling.key !== entry.key),
    );
    const tops = children.get(null) ?? [];
    tops.push(placed);
    children.set(null, tops.sort(compareSiblings));
    mark(placed);
  }

  const orphanKeys = new Set(orphans.map((orphan) => orphan.entry.key));
  const ordered: Entry[] = [];
  const walk = (entry: Entry): void => {
    const stack = [entry];
    while (stack.length > 0) {
      const next = stack.pop() as Entry;
      ordered.push(next);
      stack.push(...[...(children.get(next.key) ?? [])].reverse());
    }
  };
  const roots = children.get(null) ?? [];
  const order = [...new Set([...sectionOrder, ...roots.map((root) => root.section)])];
  for (const section of order) {
    const inSection = roots.filter((root) => root.section === section);
    for (const root of inSection.filter((candidate) => orphanKeys.has(candidate.key))) walk(root);
    for (const root of inSection.filter((candidate) => !orphanKeys.has(candidate.key))) walk(root);
  }
  return { entries: ordered, orphans };
}
