/**
 * The schema's columns as Graph `columnDefinition`s, and the comparison of a column that exists
 * on the site with the one the schema wants.
 */
import type { Column, ColumnType, PlainColumn } from '../lists/schema';

/** A column as Graph returns it (`GET /sites/{site}/lists/{list}/columns`), reduced to what we compare. */
export interface GraphColumn {
  id: string;
  name: string;
  displayName: string;
  description?: string;
  required?: boolean;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  hidden?: boolean;
  readOnly?: boolean;
  text?: { allowMultipleLines?: boolean; textType?: string; maxLength?: number };
  choice?: { allowTextEntry?: boolean; choices?: string[]; displayAs?: string };
  dateTime?: { format?: string; displayAs?: string };
  number?: Record<string, unknown>;
  boolean?: Record<string, unknown>;
  hyperlinkOrPicture?: { isPicture?: boolean };
  personOrGroup?: { allowMultipleSelection?: boolean; chooseFromType?: string; displayAs?: string };
  lookup?: Record<string, unknown>;
  calculated?: Record<string, unknown>;
  currency?: Record<string, unknown>;
}

/** The kind of a Graph column in the schema's terms, or what Graph calls it when the schema has no such kind. */
export function columnKind(column: GraphColumn): ColumnType | string {
  if (column.text) return column.text.allowMultipleLines ? 'note' : 'text';
  if (column.choice) return column.choice.displayAs === 'checkBoxes' ? 'multiChoice' : 'choice';
  if (column.dateTime) return column.dateTime.format === 'dateOnly' ? 'dateOnly' : 'dateTime';
  if (column.number) return 'number';
  if (column.boolean) return 'boolean';
  if (column.hyperlinkOrPicture) return column.hyperlinkOrPicture.isPicture ? 'picture' : 'hyperlink';
  if (column.personOrGroup) return column.personOrGroup.allowMultipleSelection === true ? 'personOrGroup (several)' : 'person';
  for (const facet of ['lookup', 'calculated', 'currency'] as const) if (column[facet]) return facet;
  return 'unknown';
}

/** The type facet of a schema column, as Graph wants it when creating the column. */
function facet(column: Column): Record<string, unknown> {
  switch (column.type) {
    case 'text':
      return { text: { allowMultipleLines: false, maxLength: 255 } };
    case 'note':
      return { text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6, appendChangesToExistingText: false } };
    case 'choice':
    case 'multiChoice':
      return {
        choice: {
          allowTextEntry: column.allowFillIn,
          choices: column.values.map(([text]) => text),
          displayAs: column.type === 'multiChoice' ? 'checkBoxes' : 'dropDownMenu',
        },
      };
    case 'dateOnly':
      return { dateTime: { format: 'dateOnly', displayAs: 'default' } };
    case 'dateTime':
      return { dateTime: { format: 'dateTime', displayAs: 'default' } };
    case 'number':
      return { number: { decimalPlaces: 'automatic', displayAs: 'number' } };
    case 'boolean':
      return { boolean: {} };
    case 'hyperlink':
      return { hyperlinkOrPicture: { isPicture: false } };
    case 'person':
      return { personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly', displayAs: 'nameWithPictureAndDetails' } };
  }
}

const isUnique = (column: Column): boolean => column.type !== 'choice' && column.type !== 'multiChoice' && (column as PlainColumn).unique === true;

/** The `columnDefinition` that creates `column`. */
export function columnDefinition(column: Column): Record<string, unknown> {
  const unique = isUnique(column);
  return {
    name: column.name,
    displayName: column.displayName,
    // What the secretariat reads under the field; the English purpose stays in docs/lists.md.
    description: column.hint,
    required: column.required,
    indexed: column.indexed || unique,
    ...(unique ? { enforceUniqueValues: true } : {}),
    ...facet(column),
  };
}

export type ColumnCheck =
  | { kind: 'same' }
  /** Same type, some settings differ: `patch` brings it up to date, `changes` says what. */
  | { kind: 'update'; patch: Record<string, unknown>; changes: string[] }
  /** Different type: never changed, reported. */
  | { kind: 'conflict'; expected: ColumnType; actual: string };

/**
 * Compares an existing column with the schema. Only ever adds: missing choices are added (others
 * kept), required/indexed/unique are switched on when the schema wants them; nothing is dropped.
 * The description becomes the Swedish hint when it is empty or still the English text earlier
 * versions wrote; one somebody wrote on the site is kept.
 */
export function checkColumn(wanted: Column, existing: GraphColumn): ColumnCheck {
  const actual = columnKind(existing);
  if (actual !== wanted.type) return { kind: 'conflict', expected: wanted.type, actual };
  const patch: Record<string, unknown> = {};
  const changes: string[] = [];
  const unique = isUnique(wanted);
  if (wanted.required && existing.required !== true) {
    patch.required = true;
    changes.push('required');
  }
  if ((wanted.indexed || unique) && existing.indexed !== true) {
    patch.indexed = true;
    changes.push('indexed');
  }
  if (unique && existing.enforceUniqueValues !== true) {
    patch.enforceUniqueValues = true;
    patch.indexed = true;
    changes.push('unique values');
  }
  const description = existing.description ?? '';
  if (description !== wanted.hint && (description.trim() === '' || description === wanted.description)) {
    patch.description = wanted.hint;
    changes.push('description in Swedish');
  }
  if (wanted.type === 'choice' || wanted.type === 'multiChoice') {
    const have = existing.choice?.choices ?? [];
    const missing = wanted.values.map(([text]) => text).filter((text) => !have.includes(text));
    const fillIn = wanted.allowFillIn && existing.choice?.allowTextEntry !== true;
    if (missing.length > 0 || fillIn) {
      patch.choice = { ...existing.choice, choices: [...have, ...missing], allowTextEntry: wanted.allowFillIn || existing.choice?.allowTextEntry === true };
      if (missing.length > 0) changes.push(`choices + ${missing.map((text) => `"${text}"`).join(', ')}`);
      if (fillIn) changes.push('fill-in values allowed');
    }
  }
  return changes.length === 0 ? { kind: 'same' } : { kind: 'update', patch, changes };
}
