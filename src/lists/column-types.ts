/**
 * The shapes of a list definition: columns, their types and choices. Apart from `schema.ts` so
 * that every list's definition (`schema.ts`, `forum-year-schema.ts`) can use them without a cycle.
 */
import type { ListName } from '../ports/list-source';

/**
 * `person` is a SharePoint person column (one person, people only). Graph returns it under
 * `fields` as `<Name>LookupId` (the person's id in the site's user list, as text) and, when the
 * column is named in `$select`, `<Name>` with the person's display name.
 */
export type ColumnType = 'text' | 'note' | 'choice' | 'multiChoice' | 'dateOnly' | 'dateTime' | 'number' | 'boolean' | 'hyperlink' | 'person';

interface ColumnBase {
  /** Internal name, as Graph returns it under `fields`. */
  name: string;
  /** Display name in SharePoint (Swedish). */
  displayName: string;
  type: ColumnType;
  required: boolean;
  /** Indexed in SharePoint (needed for filtering large lists). */
  indexed: boolean;
  /** What the column is for, in English (the reference in docs/lists.md). */
  description: string;
  /**
   * What the secretariat reads under the field in SharePoint's form, in Swedish: provisioning
   * writes it as the column's description.
   */
  hint: string;
}

export interface PlainColumn extends ColumnBase {
  type: Exclude<ColumnType, 'choice' | 'multiChoice'>;
  /** Values must be unique across the list. */
  unique?: boolean;
}

export interface ChoiceColumn<T extends string = string> extends ColumnBase {
  type: 'choice' | 'multiChoice';
  /** Swedish display text → domain value. The order is the order shown in SharePoint. */
  values: ReadonlyArray<readonly [text: string, value: T]>;
  /** Whether SharePoint accepts values outside `values` ("fill-in"). */
  allowFillIn: boolean;
}

export type Column = PlainColumn | ChoiceColumn;

/** A column, optional and not indexed unless `extra` (which brings its Swedish `hint`) says otherwise. */
export const plainColumn = (
  name: string,
  displayName: string,
  type: PlainColumn['type'],
  description: string,
  extra: Partial<PlainColumn> & Pick<PlainColumn, 'hint'>,
): PlainColumn => ({
  name,
  displayName,
  type,
  required: false,
  indexed: false,
  description,
  ...extra,
});

/** A single-choice column, optional, not indexed and without fill-in unless `extra` (which brings its `hint`) says otherwise. */
export const choiceColumn = (
  name: string,
  displayName: string,
  values: ChoiceColumn['values'],
  description: string,
  extra: Partial<Omit<ChoiceColumn, 'values'>> & Pick<ChoiceColumn, 'hint'>,
): ChoiceColumn => ({
  name,
  displayName,
  type: 'choice',
  required: false,
  indexed: false,
  allowFillIn: false,
  values,
  description,
  ...extra,
});

export interface ListDefinition {
  list: ListName;
  /** Default display name of the list on the site (overridable by configuration). */
  displayName: string;
  description: string;
  columns: Column[];
}
