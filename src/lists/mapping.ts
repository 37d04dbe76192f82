/**
 * Field mapping: list items in the SharePoint schema (`schema.ts`, `fields` keyed by internal
 * name) → the domain's entries, meetings and data-quality problems. The entries are read in
 * `entries-mapping.ts`, the meetings in `meetings-mapping.ts`, the sections in `sections-mapping.ts`;
 * this file puts the balance list together and reports what the store lacks.
 *
 * Both sources deliver items in this schema (Graph, and the local store), and everything in them
 * is untrusted: any field may be missing, of the wrong type or hold text SharePoint never offered.
 * Nothing here throws on bad data; every oddity becomes a `Problem` on its item, and the item is
 * kept wherever it can still be shown.
 */
import type { BalanceList, Problem } from '../domain/types';
import { FORUM_LIST_NAMES, type ForumListName, type ListData, type ListItem, type ListName } from '../ports/list-source';
import { builtInReading, listReading, mapEntries, withUndefinedSections } from './entries-mapping';
import { isRecord } from './item-reader';
import { mapMeetings } from './meetings-mapping';
import { LISTS } from './schema';
import { mapSections } from './sections-mapping';

export { mapEntry } from './entries-mapping';

/**
 * Turns the items of the lists into the balance list as the domain understands it.
 *
 * - Sections come from "Avsnitt SVOM" (`data.sections`); without items there, the 2022 list's
 *   five (`SECTION_CHOICES`), read exactly as before that list existed.
 * - Entries come out in document order: sections in their order, then
 *   depth-first by parent, siblings by SortOrder. Agreements (EntryKind "Avtal") carry their
 *   validity (ValidityText read together with ValidFrom/ValidTo), forums and revision fields.
 * - Meetings come out by date, then start time; a meeting without a date is left out (one known
 *   only to its year is no problem: the forum's year reads it).
 * - A list the store does not have (`data.missing`) is a `missing-list` warning; a schema column a
 *   list lacks on the site (`data.missingColumns`) a `missing-column` warning.
 * - Problems list every data-quality issue found (list, item id, title, column, code, value, an
 *   English message and the item's edit link), entries' problems in document order, then meetings'.
 *
 * Never throws on bad data: unknown choices become null, unreadable dates null, a missing key
 * `item-<id>`, a repeated key `<key>~<id>`, and an entry whose parent cannot be found is shown
 * at the top of its section.
 */
export function mapListData(data: ListData): BalanceList {
  const itemsOf = (value: unknown): ListItem[] => (Array.isArray(value) ? (value.filter(isRecord) as unknown as ListItem[]) : []);
  const sectionItems = itemsOf(data?.sections);
  const { sections, problems: sectionProblems } = mapSections(sectionItems);
  const reading = sectionItems.length > 0 ? listReading(sections) : builtInReading(sections);
  const { entries, problems: entryProblems } = mapEntries(
    itemsOf(data?.balance),
    reading,
    sections.map((section) => section.key),
  );
  const { meetings, problems: meetingProblems } = mapMeetings(itemsOf(data?.meetings));
  return {
    sections: withUndefinedSections(sections, entries),
    entries,
    meetings,
    problems: [...missingLists(data?.missing), ...missingColumns(data?.missingColumns), ...sectionProblems, ...entryProblems, ...meetingProblems],
  };
}

/** A warning per list the store does not have; everything else works without it. */
function missingLists(missing: unknown): Problem[] {
  if (!Array.isArray(missing)) return [];
  return missing
    .filter((list): list is ForumListName => (FORUM_LIST_NAMES as readonly unknown[]).includes(list))
    .map((list) => ({
      list,
      itemId: '',
      title: LISTS[list].displayName,
      field: null,
      code: 'missing-list' as const,
      value: list,
      message: `The list for ${list} does not exist on the site; create it with "npm run provision". Until then the forum's year has no ${list}.`,
      editUrl: '',
    }));
}

/** A warning per schema column a list lacks on the site; the column reads as empty, the rest as before. */
function missingColumns(missing: unknown): Problem[] {
  if (!Array.isArray(missing)) return [];
  return missing.flatMap((entry): Problem[] => {
    const { list, column } = (isRecord(entry) ? entry : {}) as { list?: unknown; column?: unknown };
    if (typeof list !== 'string' || !(list in LISTS) || typeof column !== 'string') return [];
    const definition = LISTS[list as ListName];
    const displayName = definition.columns.find((candidate) => candidate.name === column)?.displayName ?? column;
    return [
      {
        list: list as Problem['list'],
        itemId: '',
        title: definition.displayName,
        field: column,
        code: 'missing-column' as const,
        value: column,
        message: `The list "${definition.displayName}" has no column ${column} ("${displayName}") on the site, so its values read as empty; add it with "npm run provision".`,
        editUrl: '',
      },
    ];
  });
}
