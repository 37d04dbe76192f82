/**
 * What an import would do: which rows create items, which update which items (and which columns),
 * which are already as in the file. Matching makes a re-import update instead of duplicating.
 */
import type { ListItem, ListName } from '../ports/list-source';
import { LISTS } from '../lists/schema';
import { ALTERNATE_MATCH_COLUMNS, MATCH_COLUMNS } from './layout';
import type { ImportRow, RowProblem } from './readers';
import { asReadBack, fromGraph, sameValue, type Canonical } from './values';

export interface PlannedCreate {
  rowNumber: number;
  key: string;
  values: Record<string, Canonical>;
}

export interface PlannedUpdate {
  rowNumber: number;
  key: string;
  itemId: string;
  eTag: string;
  /** The columns that change, with their new values. */
  values: Record<string, Canonical>;
  /** The same columns' values before, to put back if the import has to be undone. */
  before: Record<string, Canonical>;
}

export interface ImportPlan {
  list: ListName;
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
  problems: RowProblem[];
  /**
   * Columns the import leaves alone: Graph cannot write hyperlink columns, and a person column
   * takes a person chosen from the organisation, not a name (set them in SharePoint).
   */
  notWritten: Array<{ rowNumber: number; key: string; column: string }>;
}

function keyOf(names: readonly string[], values: Record<string, Canonical>): string | null {
  const parts = names.map((name) => values[name]);
  return parts.every((part) => typeof part === 'string' && part.trim() !== '') ? (parts as string[]).join(' / ') : null;
}

/** Every key an item or row can be matched on, the preferred first (none when no key column is filled in). */
export function matchKeys(list: ListName, values: Record<string, Canonical>): string[] {
  const alternate = ALTERNATE_MATCH_COLUMNS[list];
  const keys = [alternate ? keyOf(alternate, values) : null, keyOf(MATCH_COLUMNS[list], values)];
  return keys.filter((key): key is string => key !== null);
}

/** The match key of canonical values (the preferred one), or null when a key column is empty. */
export function matchKey(list: ListName, values: Record<string, Canonical>): string | null {
  return matchKeys(list, values)[0] ?? null;
}

/** The canonical values of an existing item, every schema column. */
export function canonicalItem(list: ListName, item: ListItem): Record<string, Canonical> {
  return Object.fromEntries(LISTS[list].columns.map((column) => [column.name, fromGraph(column, item.fields[column.name])]));
}

export function planImport(list: ListName, rows: ImportRow[], existing: ListItem[]): ImportPlan {
  const columns = LISTS[list].columns;
  const plan: ImportPlan = { list, creates: [], updates: [], unchanged: 0, problems: [], notWritten: [] };
  const byKey = new Map<string, ListItem>();
  for (const item of existing) {
    for (const key of matchKeys(list, canonicalItem(list, item))) if (!byKey.has(key)) byKey.set(key, item);
  }
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = matchKey(list, row.values);
    if (!key) {
      plan.problems.push({
        rowNumber: row.rowNumber,
        column: null,
        reason: `${MATCH_COLUMNS[list].map((name) => columns.find((c) => c.name === name)?.displayName ?? name).join(' and ')} must be filled in (rows are matched on it)`,
      });
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      plan.problems.push({ rowNumber: row.rowNumber, column: null, reason: `same key "${key}" as row ${earlier}` });
      continue;
    }
    seen.set(key, row.rowNumber);
    const item = matchKeys(list, row.values)
      .map((candidate) => byKey.get(candidate))
      .find((found) => found !== undefined);
    const current = item ? canonicalItem(list, item) : null;
    const missingRequired = columns.filter(
      (column) => column.required && (current ? column.name in row.values && row.values[column.name] === null : (row.values[column.name] ?? null) === null),
    );
    if (missingRequired.length > 0) {
      plan.problems.push({
        rowNumber: row.rowNumber,
        column: missingRequired[0]?.displayName ?? null,
        reason: `required: ${missingRequired.map((column) => column.displayName).join(', ')}`,
      });
      continue;
    }
    const values: Record<string, Canonical> = {};
    const before: Record<string, Canonical> = {};
    for (const column of columns) {
      if (!(column.name in row.values)) continue;
      const wanted = row.values[column.name] ?? null;
      const have = current ? (current[column.name] ?? null) : null;
      // Unchanged when the file holds what the list holds, as read from a file: an exported
      // cell then never counts as a change, and `--apply` never writes a value that is the same.
      if (sameValue(wanted, have) || (current !== null && sameValue(wanted, asReadBack(column, have)))) continue;
      if (column.type === 'hyperlink' || column.type === 'person') {
        plan.notWritten.push({ rowNumber: row.rowNumber, key, column: column.displayName });
        continue;
      }
      values[column.name] = wanted;
      before[column.name] = have;
    }
    if (!item) plan.creates.push({ rowNumber: row.rowNumber, key, values: Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)) });
    else if (Object.keys(values).length > 0) plan.updates.push({ rowNumber: row.rowNumber, key, itemId: item.id, eTag: item.eTag, values, before });
    else plan.unchanged += 1;
  }
  return plan;
}
