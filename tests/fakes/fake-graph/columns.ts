/**
 * The columns the fake's lists report (`GET …/columns`, `$expand=columns`), in Graph's
 * columnDefinition shape: a generic list's system columns and Title, and what SharePoint reports
 * for a schema column, written here independently of the provisioning code.
 */
import { randomUUID } from 'node:crypto';
import type { Column } from '../../../src/lists/schema';

export type ColumnJson = Record<string, unknown> & { id: string; name: string; displayName: string };

/** The system columns every generic list reports (a few, as Graph lists them). */
export function systemColumns(): ColumnJson[] {
  const base = { columnGroup: '_Hidden', description: '', enforceUniqueValues: false, hidden: false, indexed: false, readOnly: true, required: false };
  return [
    {
      ...base,
      id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
      name: 'ID',
      displayName: 'ID',
      number: { decimalPlaces: 'none', displayAs: 'number', maximum: 1.7976931348623157e308, minimum: -1.7976931348623157e308 },
    },
    { ...base, id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', name: 'Modified', displayName: 'Ändrad', dateTime: { displayAs: 'default', format: 'dateTime' } },
    { ...base, id: '8c06beca-0777-48f7-91c7-6da68bc07b69', name: 'Created', displayName: 'Skapad', dateTime: { displayAs: 'default', format: 'dateTime' } },
    {
      ...base,
      id: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
      name: 'Author',
      displayName: 'Skapad av',
      personOrGroup: { allowMultipleSelection: false, displayAs: 'nameWithPresence', chooseFromType: 'peopleOnly' },
    },
    {
      ...base,
      id: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2',
      name: 'Editor',
      displayName: 'Ändrad av',
      personOrGroup: { allowMultipleSelection: false, displayAs: 'nameWithPresence', chooseFromType: 'peopleOnly' },
    },
    { ...base, id: '67df98f4-9dec-48ff-a553-29bece9c5bf4', name: 'Attachments', displayName: 'Bifogade filer', boolean: {} },
  ];
}

export function titleColumn(): ColumnJson {
  return {
    columnGroup: 'Custom Columns',
    description: '',
    displayName: 'Rubrik',
    enforceUniqueValues: false,
    hidden: false,
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd248',
    indexed: false,
    name: 'Title',
    readOnly: false,
    required: true,
    text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  };
}

/** What SharePoint reports for a schema column: written here independently of the provisioning code. */
export function reported(column: Column): ColumnJson {
  const json: ColumnJson = {
    columnGroup: 'Custom Columns',
    // As this app's provisioning writes it: the Swedish hint.
    description: column.hint,
    displayName: column.displayName,
    enforceUniqueValues: 'unique' in column && column.unique === true,
    hidden: false,
    id: randomUUID(),
    indexed: column.indexed,
    name: column.name,
    readOnly: false,
    required: column.required,
  };
  if (column.type === 'text') json.text = { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 };
  if (column.type === 'note')
    json.text = { allowMultipleLines: true, appendChangesToExistingText: false, linesForEditing: 6, maxLength: 63999, textType: 'plain' };
  if (column.type === 'choice' || column.type === 'multiChoice') {
    json.choice = {
      allowTextEntry: column.allowFillIn,
      choices: column.values.map(([text]) => text),
      displayAs: column.type === 'multiChoice' ? 'checkBoxes' : 'dropDownMenu',
    };
  }
  if (column.type === 'dateOnly') json.dateTime = { displayAs: 'default', format: 'dateOnly' };
  if (column.type === 'dateTime') json.dateTime = { displayAs: 'default', format: 'dateTime' };
  if (column.type === 'number')
    json.number = { decimalPlaces: 'automatic', displayAs: 'number', maximum: 1.7976931348623157e308, minimum: -1.7976931348623157e308 };
  if (column.type === 'boolean') json.boolean = {};
  if (column.type === 'hyperlink') json.hyperlinkOrPicture = { isPicture: false };
  if (column.type === 'person') json.personOrGroup = { allowMultipleSelection: false, chooseFromType: 'peopleOnly', displayAs: 'nameWithPictureAndDetails' };
  return json;
}

/** The columns a list the fake made from the schema reports: system columns, Title, then the schema's. */
export function schemaColumns(columns: readonly Column[]): ColumnJson[] {
  const title = columns.find((column) => column.name === 'Title');
  return [...systemColumns(), { ...titleColumn(), description: title?.hint ?? '' }, ...columns.filter((column) => column.name !== 'Title').map(reported)];
}
