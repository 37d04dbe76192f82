/**
 * The balance list's Section column takes any text (so a section added to "Avsnitt SVOM" needs no
 * new version), so the import checks it here, with the app's own resolver (`sectionResolver`):
 * a row that writes Avsnitt must name a section by key, by current heading, or by the heading a
 * built-in key had in the 2022 list. The sections are those on the site with the imported
 * sections laid over them, read as the app reads them (the 2022 list's five when there are none).
 *
 * Only values the import would write are checked: a row whose Avsnitt is as on the site is left
 * alone, so an exported file always imports back (an unknown section already on the site is a
 * Datakvalitet problem, not the file's).
 */
import type { SectionDefinition } from '../domain/sections';
import type { ListItem } from '../ports/list-source';
import { mapSections, sectionResolver } from '../lists/sections-mapping';
import { LISTS } from '../lists/schema';
import type { ImportPlan } from './plan';
import type { ImportTable, RowProblem } from './readers';
import { toGraphFields } from './values';

/**
 * The sections as they will be once `imported` (a sections table, if the run has one) is written
 * over `onSite` (the items of "Avsnitt SVOM"; empty when the site has none): rows are laid over
 * the items with the same Avsnittsnyckel, other rows added.
 */
export function sectionsAfterImport(onSite: readonly ListItem[], imported: ImportTable | undefined): SectionDefinition[] {
  const items = onSite.map((item) => ({ ...item, fields: { ...item.fields } }));
  for (const row of imported?.rows ?? []) {
    const fields = toGraphFields(LISTS.sections.columns, row.values);
    const key = row.values.SectionKey;
    const existing = typeof key === 'string' ? items.find((item) => item.fields.SectionKey === key) : undefined;
    if (existing) Object.assign(existing.fields, fields);
    else items.push({ id: `row-${row.rowNumber}`, eTag: '', webUrl: '', lastModifiedDateTime: null, fields });
  }
  return mapSections(items).sections;
}

/** A problem for each planned create or update of a balance row that writes an Avsnitt no section answers to. */
export function checkSections(plan: ImportPlan, sections: readonly SectionDefinition[]): RowProblem[] {
  const resolve = sectionResolver(sections);
  const column = LISTS.balance.columns.find((candidate) => candidate.name === 'Section')?.displayName ?? 'Section';
  const names = sections.map((section) => `${section.name} (${section.key})`).join(', ');
  const problems: RowProblem[] = [];
  for (const change of [...plan.creates, ...plan.updates]) {
    const written = change.values.Section;
    if (typeof written !== 'string' || written.trim() === '' || resolve(written) !== null) continue;
    problems.push({
      rowNumber: change.rowNumber,
      column,
      reason: `"${written}" is not one of the sections (${names}); add it to ${LISTS.sections.displayName} (or import it with the sections) first`,
    });
  }
  return problems;
}
