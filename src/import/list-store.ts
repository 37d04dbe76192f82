/**
 * Where `npm run import` and `npm run export` read and write the lists: the SharePoint site
 * through Graph (`graph-store.ts`) or the local store of local mode (`local-store.ts`). The
 * reading, the plan, the checks and the file formats are the same for both.
 */
import type { Logger } from '../logger';
import type { ListItem, ListName } from '../ports/list-source';
import type { ImportPlan } from './plan';

export interface WriteOptions {
  logger: Logger;
  progress?: (line: string) => void;
}

/** What a write did. */
export interface ApplyResult {
  created: Array<{ key: string; itemId: string }>;
  updated: number;
  /** `$batch` calls made (writes, rollback excluded); null where the store writes without them. */
  batches: number | null;
}

export interface ListStore {
  /** What the store is, for the command's output ("the SharePoint site https://…", "the local store …/lists.json"). */
  readonly description: string;
  /** The list as a person finds it there ("Balanslista SVOM"). */
  listName(list: ListName): string;
  /** Every item of `list`, in id order; null when the store does not have the list. */
  items(list: ListName): Promise<ListItem[] | null>;
  /**
   * Writes `plan` to its list, all or nothing, and reads it back to verify. Throws
   * `ImportFailedError` (after putting back what it wrote) when it could not.
   */
  write(plan: ImportPlan, options: WriteOptions): Promise<ApplyResult>;
}

/** Numeric ids in numeric order, as both stores number their items. */
export function byId(a: ListItem, b: ListItem): number {
  return Number(a.id) - Number(b.id);
}
