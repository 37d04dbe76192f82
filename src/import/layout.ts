/**
 * The import/export layout: one sheet (XLSX) or file (CSV) per list, one row per item, one column
 * per schema column in the schema's order, headed by its Swedish display name. Imports also
 * accept the internal names as headers.
 */
import type { ListName } from '../ports/list-source';
import { LISTS, type Column } from '../lists/schema';

/** Sheet names in an XLSX workbook. */
export const SHEET_NAMES: Record<ListName, string> = { balance: 'Balanslista', meetings: 'Möten' };

/** The schema column a header names (display name or internal name, any case), or null. */
export function columnForHeader(list: ListName, header: string): Column | null {
  const wanted = header.trim().toLocaleLowerCase('sv');
  return LISTS[list].columns.find((column) => column.displayName.toLocaleLowerCase('sv') === wanted || column.name.toLowerCase() === wanted) ?? null;
}

/** Which list a set of headers belongs to: the one with its key column (Nyckel / Datum). */
export function listForHeaders(headers: string[]): ListName | null {
  if (headers.some((header) => columnForHeader('balance', header)?.name === 'EntryKey')) return 'balance';
  if (headers.some((header) => columnForHeader('meetings', header)?.name === 'MeetingDate')) return 'meetings';
  return null;
}

/** The list a sheet name stands for (`Balanslista`, `Möten`, the list's display name or `balance`/`meetings`). */
export function listForSheet(name: string): ListName | null {
  const wanted = name.trim().toLocaleLowerCase('sv');
  for (const list of ['balance', 'meetings'] as const) {
    if ([SHEET_NAMES[list], LISTS[list].displayName, list].some((candidate) => candidate.toLocaleLowerCase('sv') === wanted)) return list;
  }
  return null;
}

/** The key an item is matched on: EntryKey (balance), Title + MeetingDate (meetings). */
export const MATCH_COLUMNS: Record<ListName, string[]> = { balance: ['EntryKey'], meetings: ['Title', 'MeetingDate'] };
