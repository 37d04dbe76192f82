/**
 * The balance list's Section column takes any text (so a section added to "Avsnitt SVOM" needs no
 * new version), so the import checks it here: each balance row must name a section by heading or
 * key. The sections are those imported in the same run, else those on the site, else the 2022
 * list's five, exactly as the app reads them.
 */
import { fold } from '../lists/sections-mapping';
import { SECTION_CHOICES } from '../lists/schema';
import type { ImportTable, RowProblem } from './readers';
import type { Canonical } from './values';

/** A section as a row or an item names it: its heading and its key. */
export interface KnownSection {
  title: string;
  key: string;
}

const text = (value: Canonical | unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The sections of a sections table (rows that have a heading or a key). */
export function sectionsOfTable(table: ImportTable): KnownSection[] {
  return table.rows
    .map((row) => ({ title: text(row.values.Title), key: text(row.values.SectionKey) }))
    .filter((section) => section.title !== '' || section.key !== '');
}

/** The sections of list items (`fields.Title`, `fields.SectionKey`). */
export function sectionsOfItems(items: ReadonlyArray<{ fields: Record<string, unknown> }>): KnownSection[] {
  return items
    .map((item) => ({ title: text(item.fields.Title), key: text(item.fields.SectionKey) }))
    .filter((section) => section.title !== '' || section.key !== '');
}

/** The 2022 list's five, used when there is no list of sections. */
export const BUILT_IN_SECTIONS: KnownSection[] = SECTION_CHOICES.map(([title, key]) => ({ title, key }));

/** A problem for each row of a balance table whose Section names none of `sections` (case and spacing ignored). */
export function checkSections(table: ImportTable, sections: readonly KnownSection[], displayName: string): RowProblem[] {
  const known = new Set(sections.flatMap((section) => [section.title, section.key].filter((name) => name !== '').map(fold)));
  const names = sections.map((section) => section.title || section.key).join(', ');
  const problems: RowProblem[] = [];
  for (const row of table.rows) {
    const written = text(row.values.Section);
    if (written === '' || known.has(fold(written))) continue;
    problems.push({
      rowNumber: row.rowNumber,
      column: displayName,
      reason: `"${written}" is not one of the sections (${names}); add it to Avsnitt SVOM (or import it with the sections) first`,
    });
  }
  return problems;
}
