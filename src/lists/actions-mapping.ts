/**
 * Field mapping of "Uppdrag SVOM" → the domain's `Action`, with a problem for every bad value.
 * Untrusted input: nothing throws, no item is dropped while it can still be shown.
 */
import type { Action, PersonRef } from '../domain/actions';
import type { Problem } from '../domain/types';
import type { ListItem } from '../ports/list-source';
import { ACTION_STATUS_CHOICES } from './actions-schema';
import { GROUP_CHOICES } from './choices';
import { describeValue, isRecord, type ItemReader } from './item-reader';
import { readerFor } from './sections-mapping';

/**
 * A person column: Graph gives `<Name>LookupId` (text) and, when selected, `<Name>` (the display
 * name). A local file may name the person only. An id without a name is a person SharePoint no
 * longer knows (removed from the site's users); it is kept, with a problem.
 */
function readPerson(reader: ItemReader, fields: Record<string, unknown>, column: string): PersonRef | null {
  const rawId = fields[`${column}LookupId`];
  const lookupId = typeof rawId === 'number' || (typeof rawId === 'string' && rawId.trim() !== '') ? String(rawId).trim() : null;
  const rawName = fields[column];
  // Graph may give a multi-person shape ([{ LookupId, LookupValue }]) if the column was changed to allow several.
  const first = Array.isArray(rawName) ? (rawName.find(isRecord) ?? null) : null;
  const nameValue = first !== null ? first.LookupValue : rawName;
  if (nameValue !== undefined && nameValue !== null && typeof nameValue !== 'string') {
    reader.problem(column, 'invalid-field-type', nameValue, `${column} should be a person.`);
  }
  const name = typeof nameValue === 'string' ? nameValue.trim() : '';
  if (lookupId === null && name === '') return null;
  if (name === '') {
    reader.problem(column, 'unknown-person', `#${lookupId}`, `${column} names a person (user list id ${lookupId}) the site no longer knows.`);
  }
  return { name, lookupId: lookupId ?? (first !== null && first.LookupId !== undefined ? describeValue(first.LookupId) : null) };
}

/** Maps the actions' items. Keys missing or used twice are replaced (and reported), so every item shows. */
export function mapActions(list: readonly ListItem[]): { actions: Action[]; problems: Problem[] } {
  const actions: Action[] = [];
  const problems: Problem[] = [];
  const keys = new Set<string>();
  for (const item of list) {
    const { reader, problems: problemsOf } = readerFor('actions', item);
    const fields = isRecord(item.fields) ? item.fields : {};
    const title = reader.text('Title');
    reader.title = title;
    if (title === '') reader.problem('Title', 'missing-title', '', 'The action has no title.');
    let key = reader.text('ActionKey');
    if (key === '') {
      key = `action-${reader.id}`;
      reader.problem('ActionKey', 'missing-key', '', `The action has no ActionKey; it is shown as "${key}".`);
    } else if (keys.has(key)) {
      reader.problem(
        'ActionKey',
        'duplicate-key',
        key,
        `ActionKey "${describeValue(key)}" is used by another action too; this one is shown as "${key}~${reader.id}".`,
      );
      key = `${key}~${reader.id}`;
    }
    keys.add(key);
    const status = reader.choice('ActionStatus', ACTION_STATUS_CHOICES, false) ?? 'open';
    const doneOn = reader.date('DoneDate');
    actions.push({
      id: reader.id,
      key,
      title,
      errandKey: reader.optionalText('ErrandKey'),
      group: reader.multiChoice('ResponsibleGroup', GROUP_CHOICES).join(', '),
      person: readPerson(reader, fields, 'Responsible'),
      due: reader.date('DueDate'),
      status,
      doneOn,
      notes: reader.text('Notes', { multiline: true }),
      eTag: typeof item.eTag === 'string' ? item.eTag : '',
      editUrl: reader.editUrl,
    });
    problems.push(...problemsOf());
  }
  return { actions, problems };
}
