/**
 * The versions of the local store's items, kept as SharePoint keeps them: each item carries an
 * eTag (`"<hash of its fields>,<version>"`) and a modification time. An item edited by hand in
 * the file (its fields no longer match its eTag) is one version on; a write checks the eTag it
 * was given against the item's, and moves the item one version on.
 */
import { SourceError } from '../errors';
import { FORUM_LIST_NAMES, type ListName } from '../ports/list-source';
import { eTagMatches, fieldsTag, formatETag, parseETag } from './etag';
import type { StoredItem, StoredLists } from './list-file';

/** An item with the eTag and modification time the store vouches for. */
export interface Resolved extends StoredItem {
  eTag: string;
  lastModifiedDateTime: string | null;
  version: number;
}

/**
 * The eTag and modification time of a stored item. When its fields no longer match its stored
 * eTag (a person edited the file by hand, or added the item without one), the version goes up
 * and the file's modification time stands in for the item's.
 */
export function resolveItem(item: StoredItem, fileModified: string): Resolved {
  const tag = fieldsTag(item.fields);
  const stored = parseETag(item.eTag);
  if (stored && stored.tag === tag) {
    return { ...item, eTag: formatETag(tag, stored.version), lastModifiedDateTime: item.lastModifiedDateTime ?? fileModified, version: stored.version };
  }
  const version = (stored?.version ?? 0) + 1;
  return { ...item, eTag: formatETag(tag, version), lastModifiedDateTime: fileModified, version };
}

/** A new item's first version (a seeded one), modified `at`. */
export function firstVersion(item: StoredItem, at: Date): StoredItem {
  return { id: item.id, eTag: formatETag(fieldsTag(item.fields), 1), lastModifiedDateTime: at.toISOString(), fields: item.fields };
}

/** `current` with `fields` written over it (null removes a column), one version on, modified `at`. */
export function changedItem(current: Resolved, fields: Record<string, unknown>, at: Date): Resolved {
  const next: Record<string, unknown> = { ...current.fields };
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) delete next[name];
    else next[name] = value;
  }
  const version = current.version + 1;
  return { id: current.id, eTag: formatETag(fieldsTag(next), version), lastModifiedDateTime: at.toISOString(), fields: next, version };
}

/** Throws `conflict` (412) when `ifMatch` is not the item's eTag any more. */
export function checkETag(list: ListName, current: Resolved, ifMatch: string): void {
  if (!eTagMatches(ifMatch, current.eTag)) {
    throw new SourceError(
      'conflict',
      `Item ${current.id} of the local ${list} list was changed by someone else (it is now ${current.eTag}, not ${ifMatch}); read it again`,
      412,
    );
  }
}

function storedForm(item: Resolved): StoredItem {
  return { id: item.id, eTag: item.eTag, lastModifiedDateTime: item.lastModifiedDateTime, fields: item.fields };
}

/** The lists in the file's form; a list the file did not have stays out. */
export function storedLists(lists: Partial<Record<ListName, Resolved[]>>): StoredLists {
  const stored: StoredLists = { balance: (lists.balance ?? []).map(storedForm), meetings: (lists.meetings ?? []).map(storedForm) };
  for (const list of FORUM_LIST_NAMES) {
    const items = lists[list];
    if (items !== undefined) stored[list] = items.map(storedForm);
  }
  return stored;
}
