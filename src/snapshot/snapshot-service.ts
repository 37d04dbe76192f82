/**
 * Keeps the last good snapshot of the balance list and refreshes it from the list source:
 * on a timer whose pace follows demand (src/snapshot/cadence.ts), when the source says it changed
 * (file watching, Graph change notifications), and when asked.
 * When a read fails the last good snapshot is kept and marked stale, so the tab and the bot
 * go on working with what they had; the first successful read clears the mark.
 *
 * Demand: a tab's request (`noteDemand`) keeps the reads fast for `demandSeconds`, an open stream
 * (`holdDemand`) until it is released. A request that finds the snapshot older than the fast
 * interval is served at once and a read starts behind it; listeners (`onChange`) hear of the result.
 */
import { stockholmDateOf } from '../domain/dates';
import { DEFAULT_DUE_RULES } from '../domain/due';
import { dataQualityProblems, type ForumData } from '../domain/errands';
import type { BalanceList, CalendarDate } from '../domain/types';
import type { Logger } from '../logger';
import { systemTimers, type Clock, type Timers } from '../ports/clock';
import type { ListSource } from '../ports/list-source';
import { mapForumData } from '../lists/forum-year-mapping';
import { mapListData } from '../lists/mapping';
import { buildView, viewEtag } from './build-view';
import { DEFAULT_CADENCE, intervalMs, isDemanded, type Cadence, type DemandState } from './cadence';
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
  /** Timers for the refresh schedule (default: the process's own; benchmarks run a simulated day). */
  timers?: Timers;
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
  private inFlight: { startedAt: number; promise: Promise<Snapshot> } | null = null;
  /** The read queued behind the one in flight, shared by every caller that needs a newer one. */
  private queued: Promise<Snapshot> | null = null;
  /** When the last read started (epoch ms); the schedule counts from it. */
  private lastReadAt: number | null = null;
  private readonly listeners = new Set<(snapshot: Snapshot) => void>();
  private readonly timers: Timers;
  private cadence: Cadence | null = null;
  private readonly demand: DemandState = { holds: 0, lastDemandAt: null, notified: false };
  private cancelTimer: (() => void) | null = null;
  private stopWatching: (() => void) | null = null;

  constructor(private readonly options: SnapshotServiceOptions) {
    this.log = options.logger.child({ module: 'snapshot' });
    this.timers = options.timers ?? systemTimers;
  }

  async get(): Promise<Snapshot> {
    if (!this.snapshot) return this.refresh();
    // Days left and expiry status change at midnight in Stockholm, not only when the list does.
    if (this.snapshot.view.today !== this.today()) this.rebuild();
    return this.snapshot as Snapshot;
  }

  /**
   * A read that starts now or later: callers arriving together share one read, and a caller
   * arriving while an older read runs gets the one queued behind it (also shared), so a result
   * never predates the call.
   */
  refresh(): Promise<Snapshot> {
    const now = this.options.clock.now().getTime();
    if (!this.inFlight) return this.startRead(now);
    if (this.inFlight.startedAt >= now) return this.inFlight.promise;
    this.queued ??= this.inFlight.promise
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.refresh();
      });
    return this.queued;
  }

  onChange(listener: (snapshot: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A tab asked for the lists: reads stay fast for the demand window, and when the snapshot is
   * older than the fast interval a read starts now (the caller is served what there is meanwhile).
   */
  noteDemand(): void {
    const now = this.options.clock.now().getTime();
    this.demand.lastDemandAt = now;
    this.onDemandChanged(now);
  }

  /**
   * Keeps reads fast until the returned function is called (an open event stream). Calling the
   * release twice releases once.
   */
  holdDemand(): () => void {
    this.demand.holds += 1;
    this.onDemandChanged(this.options.clock.now().getTime());
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.demand.holds -= 1;
      // The last holder leaving counts as a request: the window keeps reads fast a while longer.
      if (this.demand.holds === 0) this.demand.lastDemandAt = this.options.clock.now().getTime();
    };
  }

  /** Whether somebody needs the lists now (a tab within the demand window, or an open stream). */
  isDemanded(): boolean {
    return isDemanded(this.demand, this.cadence ?? DEFAULT_CADENCE, this.options.clock.now().getTime());
  }

  /**
   * Whether the store's change notifications are live: while they are, the timer only keeps a
   * safety net (`Cadence.notifiedSeconds`, or `idleSeconds` while somebody looks).
   */
  setNotified(live: boolean): void {
    if (this.demand.notified === live) return;
    this.demand.notified = live;
    this.log.info({ notified: live }, live ? 'change notifications live: polling only as a safety net' : 'change notifications not live: polling on demand');
    this.schedule();
  }

  /**
   * Starts the schedule (`cadence`: the intervals; a number: one fixed interval in seconds), and
   * refreshes at once whenever the source reports a change itself.
   */
  start(cadence: Partial<Cadence> | number): void {
    this.stop();
    this.cadence =
      typeof cadence === 'number'
        ? { fastSeconds: cadence, idleSeconds: cadence, demandSeconds: DEFAULT_CADENCE.demandSeconds, notifiedSeconds: cadence }
        : { ...DEFAULT_CADENCE, ...cadence };
    this.stopWatching =
      this.options.source.watch?.(() => {
        this.refresh().catch(() => undefined); // failures are logged in read()
      }) ?? null;
    this.schedule();
  }

  /** Resolves once no read is running or queued (tests and benchmarks wait for the work a timer started). */
  async settled(): Promise<void> {
    while (this.inFlight || this.queued) await (this.queued ?? this.inFlight?.promise)?.catch(() => undefined);
  }

  stop(): void {
    this.cadence = null;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.stopWatching?.();
    this.stopWatching = null;
  }

  private onDemandChanged(now: number): void {
    const cadence = this.cadence ?? DEFAULT_CADENCE;
    const old = this.lastReadAt === null || now - this.lastReadAt >= cadence.fastSeconds * 1000;
    // Before start() (tests, the notify command) demand reads nothing by itself: get() loads.
    if (this.cadence && this.snapshot && old && !this.inFlight) this.refresh().catch(() => undefined);
    else this.schedule();
  }

  /** Sets the timer for the next read: the last read's start plus the interval demand calls for. */
  private schedule(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const cadence = this.cadence;
    if (!cadence) return;
    const now = this.options.clock.now().getTime();
    const due = (this.lastReadAt ?? now) + intervalMs(this.demand, cadence, now);
    this.cancelTimer = this.timers.after(due - now, () => {
      this.cancelTimer = null;
      const at = this.options.clock.now().getTime();
      // Demand may have ended since the timer was set: a longer interval may not be over yet.
      if (this.inFlight || (this.lastReadAt ?? at) + intervalMs(this.demand, cadence, at) > at) this.schedule();
      else this.refresh().catch(() => undefined);
    });
  }

  private startRead(now: number): Promise<Snapshot> {
    this.lastReadAt = now;
    const promise = this.read().finally(() => {
      this.inFlight = null;
      this.schedule();
    });
    this.inFlight = { startedAt: now, promise };
    return promise;
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
