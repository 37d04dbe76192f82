/**
 * The one way the rest of the product reads the balance list, whichever store holds it.
 * Both adapters return items in the SharePoint list schema (`src/lists/schema.ts`),
 * so one field mapping turns either into domain objects.
 */

import type { Entry } from '../domain/types';

export type SourceKind = 'local' | 'sharepoint';

/** The balance list and the meetings: every site and file has them. */
export type CoreListName = 'balance' | 'meetings';

/** The forum's year: ärenden, the forum profile, the sections and the actions (uppdrag); older sites and files may lack them. */
export type ForumListName = 'errands' | 'forum' | 'sections' | 'actions';

export type ListName = CoreListName | ForumListName;

/** Every list, in the order they are read, provisioned, imported and documented. */
export const LIST_NAMES: readonly ListName[] = ['balance', 'meetings', 'errands', 'forum', 'sections', 'actions'];

/** The lists that may be missing (not provisioned yet, or a file from before the forum's year). */
export const FORUM_LIST_NAMES: readonly ForumListName[] = ['errands', 'forum', 'sections', 'actions'];

/** Where a person opens each list; a list the store does not have has no address. */
export type ListUrls = Record<CoreListName, string> & Partial<Record<ForumListName, string>>;

/** A list item as SharePoint returns it, reduced to what we use. */
export interface ListItem {
  /** The list item id (a decimal string in SharePoint). */
  id: string;
  /** The item's eTag, e.g. `"a1b2…,3"`; changes with every edit. */
  eTag: string;
  /** Where a person opens the item (its display or edit form). */
  webUrl: string;
  /** Last modification, ISO instant, when known. */
  lastModifiedDateTime: string | null;
  /** Column values keyed by internal name. Untrusted: anything may be missing or mistyped. */
  fields: Record<string, unknown>;
}

export interface ListData {
  balance: ListItem[];
  meetings: ListItem[];
  /** "Ärenden SVOM"; absent when the store has no such list. */
  errands?: ListItem[];
  /** "Forum SVOM" (one row); absent when the store has no such list. */
  forum?: ListItem[];
  /** "Avsnitt SVOM"; absent when the store has no such list (the 2022 list's five sections apply). */
  sections?: ListItem[];
  /** "Uppdrag SVOM": the actions meetings gave; absent when the store has no such list. */
  actions?: ListItem[];
  /**
   * Lists the store does not have (a site where they are not provisioned yet). Reported as
   * data-quality problems, never an error: everything else reads as before.
   */
  missing?: ForumListName[];
  /**
   * Schema columns a list on the site lacks (a list from before the column was added): read as
   * empty, reported as data-quality warnings; everything else reads as before.
   */
  missingColumns?: Array<{ list: ListName; column: string }>;
}

/** The result of one read. */
export interface SourceRead {
  data: ListData;
  /** False when the source knows nothing changed since its previous read. */
  changed: boolean;
}

export interface ListSource {
  readonly kind: SourceKind;
  /**
   * The current items of every list the store has. The first call loads everything; later calls are
   * incremental where the store allows (delta queries for SharePoint).
   * Throws a `SourceError` when the store cannot be read; callers keep their last good copy.
   */
  read(): Promise<SourceRead>;
  /** Where a person opens each list to edit it. */
  listUrls(): ListUrls;
  /**
   * Writes some columns of one item, only if its eTag is still `ifMatch` (optimistic concurrency).
   * Returns the item as it is after the write. Throws `SourceError` with code `conflict` (status 412)
   * when someone changed the item meanwhile, `not-found` (404) when it is gone.
   */
  update(list: ListName, itemId: string, fields: Record<string, unknown>, ifMatch: string): Promise<ListItem>;
  /**
   * One balance-list entry read from the store itself, not from any copy, with its current eTag;
   * null when there is no such item. For decisions that must not rest on an older read.
   */
  getEntry(id: string): Promise<Entry | null>;
  /** Calls `onChange` when the source learns of a change by itself (file watching). Returns a stop function. */
  watch?(onChange: () => void): () => void;
}
