/**
 * Import and export of the lists: the file readers and writer, the plan, and the runs that tie
 * them to a store, the SharePoint site or the local store (used by `npm run import` and
 * `npm run export`).
 */
import { AppError } from '../errors';
import type { ListItem, ListName } from '../ports/list-source';
import { LISTS } from '../lists/schema';
import { sectionResolver } from '../lists/sections-mapping';
import type { ExportTable } from './export';
import type { ApplyResult, ListStore, WriteOptions } from './list-store';
import { planImport, type ImportPlan } from './plan';
import type { ImportTable, RowProblem } from './readers';
import { checkSections, sectionsAfterImport } from './section-check';

export { ImportFileError, readImportFile, type ImportTable, type ImportRow, type RowProblem } from './readers';
export { writeExport, toCsv, type ExportTable } from './export';
export { planImport, type ImportPlan } from './plan';
export { applyPlan } from './apply';
export { BATCH_SIZE } from './batch-writes';
export { ImportFailedError } from './undo';
export { graphStore } from './graph-store';
export { localStore } from './local-store';
export type { ApplyResult, ListStore, WriteOptions } from './list-store';

export interface ImportListReport {
  table: ImportTable;
  plan: ImportPlan;
  /** Unreadable rows of the file and rows the plan could not use. */
  problems: RowProblem[];
  /** Set when the plan was written. */
  applied: ApplyResult | null;
}

export interface ImportRunOptions extends WriteOptions {
  apply: boolean;
}

async function itemsOf(store: ListStore, list: ListName): Promise<ListItem[]> {
  const items = await store.items(list);
  if (items === null) throw new AppError('not-found', `The list "${store.listName(list)}" does not exist on the site: run \`npm run provision\` first.`);
  return items;
}

/** Row problems by row, then in the layout's column order (whole-row problems last). */
function byRowThenColumn(list: ListName): (a: RowProblem, b: RowProblem) => number {
  const position = new Map(LISTS[list].columns.map((column, index) => [column.displayName, index]));
  const rank = (problem: RowProblem) => (problem.column === null ? Number.MAX_SAFE_INTEGER : (position.get(problem.column) ?? Number.MAX_SAFE_INTEGER - 1));
  return (a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0) || rank(a) - rank(b);
}

/**
 * Plans the import of `tables` into `store` and, with `apply`, writes it. Refuses to write
 * anything when any row of any table has a problem (fix the file first): all or nothing. A list
 * whose plan changes nothing is not written to at all.
 */
export async function runImport(store: ListStore, tables: ImportTable[], run: ImportRunOptions): Promise<ImportListReport[]> {
  const reports: ImportListReport[] = [];
  const sections = tables.some((table) => table.list === 'balance')
    ? sectionsAfterImport(
        (await store.items('sections')) ?? [],
        tables.find((table) => table.list === 'sections'),
      )
    : [];
  for (const table of tables) {
    const plan = planImport(table.list, table.rows, await itemsOf(store, table.list));
    const sectionProblems = table.list === 'balance' ? checkSections(plan, sections) : [];
    const problems = [...table.problems, ...sectionProblems, ...plan.problems].sort(byRowThenColumn(table.list));
    reports.push({ table, plan, problems, applied: null });
  }
  if (!run.apply || reports.some((report) => report.problems.length > 0)) return reports;
  for (const report of reports) {
    if (report.plan.creates.length + report.plan.updates.length === 0) continue;
    run.progress?.(`Writing ${report.table.list}: ${report.plan.creates.length} new, ${report.plan.updates.length} changed`);
    report.applied = await store.write(report.plan, run);
  }
  return reports;
}

/** A balance item the export wrote whose Avsnitt names no section: the app shows it in Datakvalitet. */
export interface ExportWarning {
  list: ListName;
  itemId: string;
  message: string;
}

export interface ExportRun {
  tables: ExportTable[];
  warnings: ExportWarning[];
}

/**
 * Reads the lists for export. A list in `optional` that the store does not have (not provisioned
 * yet) is left out; any other missing list is an error. Balance items whose Avsnitt the app cannot
 * place (the same resolver as the app and the import) are exported as they are, with a warning.
 */
export async function runExport(store: ListStore, lists: ListName[], run: { optional?: readonly ListName[] } = {}): Promise<ExportRun> {
  const tables: ExportTable[] = [];
  for (const list of lists) {
    const items = run.optional?.includes(list) ? await store.items(list) : await itemsOf(store, list);
    if (items !== null) tables.push({ list, items });
  }
  const balance = tables.find((table) => table.list === 'balance');
  if (balance === undefined) return { tables, warnings: [] };
  const sectionItems = tables.find((table) => table.list === 'sections')?.items ?? (await store.items('sections')) ?? [];
  const resolve = sectionResolver(sectionsAfterImport(sectionItems, undefined));
  const warnings: ExportWarning[] = [];
  for (const item of balance.items) {
    const written = item.fields.Section;
    if (typeof written === 'string' && written.trim() !== '' && resolve(written) !== null) continue;
    warnings.push({
      list: 'balance',
      itemId: item.id,
      message: `item ${item.id} (${String(item.fields.EntryKey ?? '')}): Avsnitt "${typeof written === 'string' ? written : ''}" names no section; exported as it is (see Datakvalitet)`,
    });
  }
  return { tables, warnings };
}
