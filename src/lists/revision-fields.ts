/**
 * The write direction of the revision columns: a domain revision status becomes the column's
 * choice text. Kept here, with the schema, so no caller writes SharePoint choice texts itself.
 */
import type { Entry, RevisionStatus } from '../domain/types';
import type { ListSource } from '../ports/list-source';
import { mapEntry } from './mapping';
import { REVISION_CHOICES } from './schema';

/** A change of an agreement's revision status, in the domain's words. */
export interface RevisionChange {
  status: RevisionStatus;
  /** Display name of the person who made the change. */
  by: string;
  /** When, as an ISO instant. */
  at: string;
}

/** The RevisionStatus column's text for `status` ("Revision påbörjad" for `started`). */
export function revisionChoiceText(status: RevisionStatus): string {
  const choice = REVISION_CHOICES.find(([, value]) => value === status);
  if (!choice) throw new Error(`No RevisionStatus choice for "${status}" in the list schema`);
  return choice[0];
}

/** The columns a revision change writes: status, who and when. */
export function revisionFields(change: RevisionChange): Record<string, unknown> {
  return { RevisionStatus: revisionChoiceText(change.status), RevisionUpdatedBy: change.by, RevisionUpdatedAt: change.at };
}

/**
 * Sets an agreement's revision status (with who and when) through `source.update`, only if its
 * eTag is still `eTag`. Returns the entry as it is after the write; throws like `update`
 * (`conflict` when someone changed the item meanwhile, `not-found` when it is gone).
 */
export async function setRevisionStatus(source: Pick<ListSource, 'update'>, id: string, change: RevisionChange, eTag: string): Promise<Entry> {
  return mapEntry(await source.update('balance', id, revisionFields(change), eTag));
}
