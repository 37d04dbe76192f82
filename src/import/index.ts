/**
 * Import and export of the lists: the file readers and writer, the plan, and the runs that tie
 * them to the site (used by `npm run import` and `npm run export`).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { SharePointOptions } from '../config';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { ListName } from '../ports/list-source';
import { findList, resolveSiteId } from '../sharepoint/provision-site';
import { applyPlan, type ApplyDeps, type ApplyResult } from './apply';
import type { ExportTable } from './export';
import { readAllItems } from './graph-items';
import { planImport, type ImportPlan } from './plan';
import { BUILT_IN_SECTIONS, checkSections, sectionsOfItems, sectionsOfTable, type KnownSection } from './section-check';
import { LISTS } from '../lists/schema';
import type { ImportTable, RowProblem } from './readers';

export { readImportFile, type ImportTable, type ImportRow, type RowProblem } from './readers';
export { writeExport, toCsv, type ExportTable } from './export';
export { planImport, type ImportPlan } from './plan';
export { applyPlan, ImportFailedError, BATCH_SIZE } from './apply';

export interface ImportListReport {
  table: ImportTable;
  plan: ImportPlan;
  /** Unreadable rows of the file and rows the plan could not use. */
  problems: RowProblem[];
  /** Set when the plan was written. */
  applied: ApplyResult | null;
}

export interface ImportRunOptions {
  apply: boolean;
  logger: Logger;
  progress?: (line: string) => void;
  sleep?: ApplyDeps['sleep'];
}

async function listId(client: Client, siteId: string, options: SharePointOptions, list: ListName): Promise<string> {
  const id = await optionalListId(client, siteId, options, list);
  if (id === null) throw new AppError('not-found', `The list "${options.lists[list]}" does not exist on the site: run \`npm run provision\` first.`);
  return id;
}

async function optionalListId(client: Client, siteId: string, options: SharePointOptions, list: ListName): Promise<string | null> {
  return (await findList(client, siteId, options.lists[list]))?.id ?? null;
}

/** Row problems by row, then in the layout's column order (whole-row problems last). */
function byRowThenColumn(list: ListName): (a: RowProblem, b: RowProblem) => number {
  const position = new Map(LISTS[list].columns.map((column, index) => [column.displayName, index]));
  const rank = (problem: RowProblem) => (problem.column === null ? Number.MAX_SAFE_INTEGER : (position.get(problem.column) ?? Number.MAX_SAFE_INTEGER - 1));
  return (a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0) || rank(a) - rank(b);
}

/** The sections balance rows may name: imported with them, else on the site, else the 2022 list's five. */
async function knownSections(client: Client, siteId: string, options: SharePointOptions, tables: ImportTable[]): Promise<KnownSection[]> {
  const imported = tables.filter((table) => table.list === 'sections').flatMap(sectionsOfTable);
  const id = await optionalListId(client, siteId, options, 'sections');
  const onSite = id === null ? [] : sectionsOfItems(await readAllItems(client, siteId, id, 'sections'));
  const all = [...imported, ...onSite];
  return all.length > 0 ? all : BUILT_IN_SECTIONS;
}

/**
 * Plans the import of `tables` against the site and, with `apply`, writes it. Refuses to write
 * anything when any row of any table has a problem (fix the file first): all or nothing.
 */
export async function runImport(client: Client, options: SharePointOptions, tables: ImportTable[], run: ImportRunOptions): Promise<ImportListReport[]> {
  const siteId = await resolveSiteId(client, options);
  const reports: ImportListReport[] = [];
  const sections = tables.some((table) => table.list === 'balance') ? await knownSections(client, siteId, options, tables) : [];
  const sectionColumn = LISTS.balance.columns.find((column) => column.name === 'Section')?.displayName ?? 'Section';
  for (const table of tables) {
    const id = await listId(client, siteId, options, table.list);
    const plan = planImport(table.list, table.rows, await readAllItems(client, siteId, id, table.list));
    const sectionProblems = table.list === 'balance' ? checkSections(table, sections, sectionColumn) : [];
    const problems = [...table.problems, ...sectionProblems, ...plan.problems].sort(byRowThenColumn(table.list));
    reports.push({ table, plan, problems, applied: null });
  }
  if (!run.apply || reports.some((report) => report.problems.length > 0)) return reports;
  for (const report of reports) {
    if (report.plan.creates.length + report.plan.updates.length === 0) continue;
    run.progress?.(`Writing ${report.table.list}: ${report.plan.creates.length} new, ${report.plan.updates.length} changed`);
    const id = await listId(client, siteId, options, report.table.list);
    report.applied = await applyPlan(client, siteId, id, report.plan, { logger: run.logger, progress: run.progress, sleep: run.sleep });
  }
  return reports;
}

/**
 * Reads the lists for export. A list in `optional` that the site does not have (not provisioned
 * yet) is left out; any other missing list is an error.
 */
export async function runExport(
  client: Client,
  options: SharePointOptions,
  lists: ListName[],
  run: { optional?: readonly ListName[] } = {},
): Promise<ExportTable[]> {
  const siteId = await resolveSiteId(client, options);
  const tables: ExportTable[] = [];
  for (const list of lists) {
    const id = run.optional?.includes(list) ? await optionalListId(client, siteId, options, list) : await listId(client, siteId, options, list);
    if (id === null) continue;
    const items = await readAllItems(client, siteId, id, list);
    tables.push({ list, items: items.sort((a, b) => Number(a.id) - Number(b.id)) });
  }
  return tables;
}
