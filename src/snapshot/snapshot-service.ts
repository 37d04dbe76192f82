/**
 * Keeps the last good snapshot of the balance list and refreshes it from the list source:
 * on a timer, when the source says it changed (file watching), and on demand.
 * When a read fails the last good snapshot is kept and marked stale, so the tab and the bot
 * go on working with what they had; the first successful read clears the mark.
 */
import { stockholmDateOf } from '../domain/dates';
import { DEFAULT_DUE_RULES } from '../domain/due';
import { dataQualityProblems, type ForumData } from '../domain/errands';
import type { BalanceList, CalendarDate } from '../domain/types';
import type { Logger } from '../logger';
import type { Clock } from '../ports/clock';
import type { ListSource } from '../ports/list-source';
import { mapForumData } from '../lists/errands-mapping';
import { mapListData } from '../lists/mapping';
import { buildView, viewEtag } from './build-view';
import type { Snapshot, SnapshotProvider } from './types';

export interface SnapshotServiceOptions {
  source: ListSource;
  clock: Clock;
  logger: Logger;
  /** An agreement counts as expiring this many days before its last day. */
  expiringWithinDays: number;
  /** Meetings this many days ahead are upcoming (`MEETING_WITHIN_DAYS`; default 120). */
  meetingWithinDays?: number;
  /** The demo clock's date (`TODAY`), told to the tab; null or absent when the clock is real. */
  demoDate?: CalendarDate | null;
}

function errorSummary(error: unknown): { code: string; status: number | null; message: string } {
  const record = error as { code?: unknown; status?: unknown; message?: unknown };
  return {
    code: typeof record?.code === 'string' ? record.code : 'unknown',
    status: typeof record?.status === 'number' ? record.status : null,
    message: error instanceof Error ? error.message : String(error),
  };
}

export class SnapshotService implements SnapshotProvider {
  private readonly log: Logger;
  private list: BalanceList | null = null;
  private forum: ForumData | null = null;
  private snapshot: Snapshot | null = null;
  private refreshedAt: string | null = null;
  private staleSince: string | null = null;
  private inFlight: Promise<Snapshot> | null = null;
  private readonly listeners = new Set<(snapshot: Snapshot) => void>();
  private timer: NodeJS.Timeout | null = null;
  private stopWatching: (() => void) | null = null;

  constructor(private readonly options: SnapshotServiceOptions) {
    this.log = options.logger.child({ module: 'snapshot' });
  }

  async get(): Promise<Snapshot> {
    if (!this.snapshot) return this.refresh();
    // Days left and expiry status change at midnight in Stockholm, not only when the list does.
    if (this.snapshot.view.today !== this.today()) this.rebuild();
    return this.snapshot as Snapshot;
  }

  refresh(): Promise<Snapshot> {
    // One read at a time: callers arriving meanwhile share its result.
    this.inFlight ??= this.read().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  onChange(listener: (snapshot: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Refreshes every `intervalSeconds`, and at once whenever the source reports a change itself. */
  start(intervalSeconds: number): void {
    this.stop();
    const tick = (): void => {
      this.refresh().catch(() => undefined); // failures are logged in read()
    };
    this.timer = setInterval(tick, intervalSeconds * 1000);
    this.timer.unref();
    this.stopWatching = this.options.source.watch?.(tick) ?? null;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopWatching?.();
    this.stopWatching = null;
  }

  private today(): string {
    return stockholmDateOf(this.options.clock.now());
  }

  private async read(): Promise<Snapshot> {
    const startedAt = this.options.clock.now().toISOString();
    try {
      const result = await this.options.source.read();
      if (result.changed || !this.list) {
        this.list = mapListData(result.data);
        this.forum = mapForumData(result.data, this.list);
      }
      this.refreshedAt = startedAt;
      if (this.staleSince) this.log.info({ staleSince: this.staleSince }, 'list source readable again; snapshot is fresh');
      this.staleSince = null;
    } catch (error) {
      const summary = errorSummary(error);
      if (!this.list) {
        this.log.error(summary, 'first read of the list source failed; nothing to serve yet');
        throw error;
      }
      if (!this.staleSince) this.staleSince = startedAt;
      this.log.warn({ ...summary, staleSince: this.staleSince }, 'list source read failed; serving the last good snapshot');
    }
    return this.rebuild();
  }

  private rebuild(): Snapshot {
    const list = this.list as BalanceList;
    const forum = this.forum as ForumData;
    const now = this.options.clock.now();
    const view = buildView(list, {
      source: this.options.source.kind,
      today: stockholmDateOf(now),
      expiringWithinDays: this.options.expiringWithinDays,
      meetingWithinDays: this.options.meetingWithinDays ?? DEFAULT_DUE_RULES.meetingWithinDays,
      demoDate: this.options.demoDate ?? null,
      lists: this.options.source.listUrls(),
      generatedAt: now.toISOString(),
      refreshedAt: this.refreshedAt ?? now.toISOString(),
      staleSince: this.staleSince,
      errands: forum.errands,
      actions: forum.actions,
      problems: dataQualityProblems(forum),
    });
    const previous = this.snapshot;
    this.snapshot = { list, forum, view, etag: viewEtag(view) };
    if (previous?.etag !== this.snapshot.etag) {
      if (previous) this.log.info({ etag: this.snapshot.etag, stale: view.stale }, 'balance list snapshot changed');
      for (const listener of this.listeners) {
        try {
          listener(this.snapshot);
        } catch (error) {
          this.log.error(errorSummary(error), 'snapshot listener failed');
        }
      }
    }
    return this.snapshot;
  }
}
