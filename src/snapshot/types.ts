/**
 * The server's cached view of the balance list: what the tab API serves and the bot reads.
 */
import type { ForumData } from '../domain/errands';
import type { BalanceList } from '../domain/types';
import type { BalanceListView } from '../view-model';

export interface Snapshot {
  /** The list as the domain understands it (entries, meetings, problems). */
  list: BalanceList;
  /**
   * The same lists read for the forum's year: sections as data, meetings with partial dates,
   * ärenden and the forum profile (src/lists/forum-year-mapping.ts). `buildForumYear(forum, year)`
   * makes a year's follow-up from it.
   */
  forum: ForumData;
  /** The JSON the tab API returns. */
  view: BalanceListView;
  /**
   * Strong ETag of the view's content (quoted), ignoring `generatedAt` and `refreshedAt`,
   * so an unchanged list answers 304 however often it is polled.
   */
  etag: string;
}

/** Keeps the last good snapshot and refreshes it from the list source. */
export interface SnapshotProvider {
  /** The last good snapshot; loads it first when none has been loaded yet (throws `SourceError` then). */
  get(): Promise<Snapshot>;
  /**
   * Reads the source (incrementally) in a read that starts now or later, so the result never
   * predates the call; callers arriving together share it. On failure keeps the last good
   * snapshot, marked stale.
   */
  refresh(): Promise<Snapshot>;
  /**
   * Calls `listener` whenever the content changes, with the new snapshot (its `etag` is what the
   * tab's `If-None-Match` and an event stream carry). Returns an unsubscribe function.
   */
  onChange(listener: (snapshot: Snapshot) => void): () => void;
  /**
   * A tab asked for the lists: reads stay fast (`REFRESH_INTERVAL_SECONDS`) for
   * `DEMAND_WINDOW_SECONDS`. When the snapshot is older than the fast interval a read starts
   * behind the request; serve the current snapshot meanwhile, `onChange` tells of the result.
   */
  noteDemand(): void;
  /**
   * Keeps reads fast while something needs them continuously (an open event stream) until the
   * returned release is called; releasing twice releases once. Releasing starts the demand window.
   */
  holdDemand(): () => void;
}
