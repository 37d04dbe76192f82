/**
 * The import/export layout: one sheet (XLSX) or file (CSV) per list, one row per item, one column
 * per schema column in the schema's order, headed by its Swedish display name. Imports also
 * accept the internal names as headers.
 */
import { LIST_NAMES, type ListName } from '../ports/list-source';
import { LISTS, type Column } from '../lists/schema';

/** Sheet names in an XLSX workbook. */
export const SHEET_NAMES: Record<ListName, string> = {
  balance: 'Balanslista',
  meetings: 'Möten',
  errands: 'Ärenden',
  forum: 'Forum',
  sections: 'Avsnitt',
  actions: 'Uppdrag',
};

/** The schema column a header names (display name or internal name, any case), or null. */
export function columnForHeader(list: ListName, header: string): Column | null {
  const wanted = header.trim().toLocaleLowerCase('sv');
  return LISTS[list].columns.find((column) => column.displayName.toLocaleLowerCase('sv') === wanted || column.name.toLowerCase() === wanted) ?? null;
}

/** Columns only one list has, by which its file is known (checked in this order). */
const SIGNATURES: ReadonlyArray<readonly [ListName, readonly string[]]> = [
  ['actions', ['ActionKey', 'Responsible', 'DoneDate']],
  ['errands', ['ErrandKey', 'EntryKeys', 'ErrandKind']],
  ['sections', ['SectionKey', 'SectionKind', 'Period']],
  ['forum', ['ShortName', 'RepresentationMunicipalities', 'RepresentationRegion', 'PlannedMeetingsPerYear']],
];

/**
 * Which list a set of headers belongs to: the forum's year's lists by a column only they have
 * (Ärendenyckel, Avsnittsnyckel, Förkortning, ...), else the one with its key column (Nyckel / Datum).
 */
export function listForHeaders(headers: string[]): ListName | null {
  for (const [list, names] of SIGNATURES) {
    if (headers.some((header) => names.includes(columnForHeader(list, header)?.name ?? ''))) return list;
  }
  if (headers.some((header) => columnForHeader('balance', header)?.name === 'EntryKey')) return 'balance';
  if (headers.some((header) => columnForHeader('meetings', header)?.name === 'MeetingDate')) return 'meetings';
  return null;
}

/** The list a sheet name stands for (`Balanslista`, `Möten`, `Ärenden`, ..., the list's display name or `balance`/`meetings`/...). */
export function listForSheet(name: string): ListName | null {
  const wanted = name.trim().toLocaleLowerCase('sv');
  for (const list of LIST_NAMES) {
    if ([SHEET_NAMES[list], LISTS[list].displayName, list].some((candidate) => candidate.toLocaleLowerCase('sv') === wanted)) return list;
  }
  return null;
}

/**
 * The key an item is matched on: EntryKey (balance), Title + MeetingDate (meetings; a meeting with
 * a MeetingKey is matched on that first, see `ALTERNATE_MATCH_COLUMNS`), ErrandKey
 * (ärenden), SectionKey (sections), ActionKey (actions), and the forum's name (its one row).
 */
export const MATCH_COLUMNS: Record<ListName, string[]> = {
  balance: ['EntryKey'],
  meetings: ['Title', 'MeetingDate'],
  errands: ['ErrandKey'],
  forum: ['Title'],
  sections: ['SectionKey'],
  actions: ['ActionKey'],
};

/**
 * A key tried before `MATCH_COLUMNS` when a row has it: meetings known only to the month or year
 * (no MeetingDate) are matched on their MeetingKey.
 */
export const ALTERNATE_MATCH_COLUMNS: Partial<Record<ListName, string[]>> = { meetings: ['MeetingKey'] };
