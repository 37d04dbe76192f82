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
  const ref = await findList(client, siteId, options.lists[list]);
  if (!ref) throw new AppError('not-found', `The list "${options.lists[list]}" does not exist on the site: run \`npm run provision\` first.`);
  return ref.id;
}

/**
 * Plans the import of `tables` against the site and, with `apply`, writes it. Refuses to write
 * anything when any row of any table has a problem (fix the file first): all or nothing.
 */
export async function runImport(client: Client, options: SharePointOptions, tables: ImportTable[], run: ImportRunOptions): Promise<ImportListReport[]> {
  const siteId = await resolveSiteId(client, options);
  const reports: ImportListReport[] = [];
  for (const table of tables) {
    const id = await listId(client, siteId, options, table.list);
    const plan = planImport(table.list, table.rows, await readAllItems(client, siteId, id, table.list));
    reports.push({ table, plan, problems: [...table.problems, ...plan.problems].sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0)), applied: null });
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

/** Reads the lists for export. */
export async function runExport(client: Client, options: SharePointOptions, lists: ListName[]): Promise<ExportTable[]> {
  const siteId = await resolveSiteId(client, options);
  const tables: ExportTable[] = [];
  for (const list of lists) {
    const id = await listId(client, siteId, options, list);
    const items = await readAllItems(client, siteId, id, list);
    tables.push({ list, items: items.sort((a, b) => Number(a.id) - Number(b.id)) });
  }
  return tables;
}
