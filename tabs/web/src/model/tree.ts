/**
 * The balance list as a tree: sections in the view's order (the list of sections, else the 2022
 * document's), each with its top-level
 * entries (goal areas, priority areas, headings) and their children in `order`.
 * Tolerates bad data: an unknown parent puts the entry at the top of its section, and a
 * cycle cannot loop.
 */
import type { SectionDefinition } from '../../../../src/domain/sections';
import type { Entry, Section } from '../../../../src/domain/types';

export const SECTION_ORDER: Section[] = ['goals', 'priorities', 'strategy', 'several', 'agreements'];

export interface TreeNode {
  entry: Entry;
  children: TreeNode[];
}

export interface SectionGroup {
  /** The section's key (`BalanceListView.sections`). */
  section: string;
  roots: TreeNode[];
}

const byOrder = (a: Entry, b: Entry): number => a.order - b.order;

/**
 * Builds the tree of `entries`; every entry appears exactly once. Sections come in the order of
 * `sections` (the view's), then the 2022 list's, then any other in the order first met.
 */
export function buildTree(entries: Entry[], sections: readonly SectionDefinition[] = []): SectionGroup[] {
  const byKey = new Map<string, Entry>();
  for (const entry of entries) if (entry.key && !byKey.has(entry.key)) byKey.set(entry.key, entry);
  const children = new Map<string, Entry[]>();
  const roots = new Map<string, Entry[]>();
  for (const entry of entries) {
    const parent = entry.parentKey ? byKey.get(entry.parentKey) : undefined;
    if (parent && parent !== entry) {
      const siblings = children.get(parent.key) ?? [];
      siblings.push(entry);
      children.set(parent.key, siblings);
    } else {
      const top = roots.get(entry.section) ?? [];
      top.push(entry);
      roots.set(entry.section, top);
    }
  }
  const placed = new Set<Entry>();
  const build = (entry: Entry): TreeNode => {
    placed.add(entry);
    const kids = (children.get(entry.key) ?? []).filter((child) => !placed.has(child)).sort(byOrder);
    return { entry, children: kids.map(build) };
  };
  const groups: SectionGroup[] = [];
  const order = new Set([...sections.map((section) => section.key), ...SECTION_ORDER, ...roots.keys()]);
  for (const section of order) {
    const top = (roots.get(section) ?? []).sort(byOrder);
    if (top.length > 0) groups.push({ section, roots: top.map(build) });
  }
  // Entries caught in a parent cycle were never reached from a root: show them at the top.
  const orphans = entries.filter((entry) => !placed.has(entry));
  for (const entry of orphans) {
    if (placed.has(entry)) continue;
    let group = groups.find((candidate) => candidate.section === entry.section);
    if (!group) {
      group = { section: entry.section, roots: [] };
      groups.push(group);
    }
    group.roots.push(build(entry));
  }
  return groups;
}

/** Number of entries in a subtree, the node included. */
export function countNodes(node: TreeNode): number {
  return node.children.reduce((sum, child) => sum + countNodes(child), 1);
}
