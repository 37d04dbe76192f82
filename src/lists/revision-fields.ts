/**
 * The write direction of the revision columns: a domain revision status becomes the column's
 * choice text. Kept here, with the schema, so no caller writes SharePoint choice texts itself.
 */
import type { RevisionStatus } from '../domain/types';
import type { RevisionChange } from '../ports/list-source';
import { REVISION_CHOICES } from './schema';

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
