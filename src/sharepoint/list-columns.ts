/**
 * A list's columns as the site has them, read with the list look-up (`$expand=columns`), and
 * compared with the schema: which of the schema's columns the app may `$select`, which are
 * missing, and which exist with another type or other choice values than the app reads.
 */
import type { ListName } from '../ports/list-source';
import { LISTS, type Column } from '../lists/schema';
import { columnKind, type GraphColumn } from './provision-columns';

/**
 * The `$expand` that brings a list's columns with its look-up: only what the comparison needs
 * (the type facets and the choices), not descriptions, validation or defaults.
 */
export const COLUMNS_EXPAND =
  'columns($select=id,name,displayName,hidden,readOnly,required,indexed,enforceUniqueValues,text,choice,dateTime,number,boolean,hyperlinkOrPicture,personOrGroup,lookup,calculated,currency)';

/** One way a site's column differs from what the app reads. */
export type ColumnDifference =
  | { kind: 'missing'; column: Column }
  | { kind: 'type'; column: Column; actual: string }
  /** Choices the schema has and the site lacks (the app writes or expects them), and choices the site has that the app cannot read. */
  | { kind: 'choices'; column: Column; lacking: string[]; unknown: string[] };

/**
 * The `$select` names of the schema's columns of `list` that exist on the site (all of them when
 * the site's columns are unknown); a person column is named twice (see `selectFields`).
 */
export function presentFields(list: ListName, siteColumns: readonly GraphColumn[] | null): string[] {
  const present = siteColumns === null ? null : new Set(siteColumns.map((column) => column.name));
  return LISTS[list].columns
    .filter((column) => present === null || present.has(column.name))
    .flatMap((column) => (column.type === 'person' ? [column.name, `${column.name}LookupId`] : [column.name]));
}

/** The schema's columns of `list` that the site lacks (none when the site's columns are unknown). */
export function missingColumns(list: ListName, siteColumns: readonly GraphColumn[] | null): Column[] {
  if (siteColumns === null) return [];
  const present = new Set(siteColumns.map((column) => column.name));
  return LISTS[list].columns.filter((column) => !present.has(column.name));
}

/**
 * Every difference between the schema's columns of `list` and the site's: missing, of another
 * type, or with other choice values. Choices the site has beyond the schema's matter only where
 * the schema allows no fill-in values (elsewhere the app reads any text).
 */
export function compareColumns(list: ListName, siteColumns: readonly GraphColumn[]): ColumnDifference[] {
  const byName = new Map(siteColumns.map((column) => [column.name, column]));
  const differences: ColumnDifference[] = [];
  for (const column of LISTS[list].columns) {
    const found = byName.get(column.name);
    if (!found) {
      differences.push({ kind: 'missing', column });
      continue;
    }
    const actual = columnKind(found);
    if (actual !== column.type) {
      differences.push({ kind: 'type', column, actual });
      continue;
    }
    if (column.type !== 'choice' && column.type !== 'multiChoice') continue;
    const have = found.choice?.choices ?? [];
    const wanted = column.values.map(([text]) => text);
    const lacking = wanted.filter((text) => !have.includes(text));
    const unknown = column.allowFillIn ? [] : have.filter((text) => !wanted.includes(text));
    if (lacking.length > 0 || unknown.length > 0) differences.push({ kind: 'choices', column, lacking, unknown });
  }
  return differences;
}
