/**
 * The reminder ledger: one durable record per (team, event) in the state store, where the event
 * key holds the rule, the item, the threshold and the date it depends on.
 *
 * A reminder is claimed with a conditional write before it is posted (create only if absent,
 * or replace only the version just read), so restarts, overlapping runs and several instances
 * never post it twice. After posting, the claim is settled: posted, released (a retryable
 * failure: the next run claims it again) or failed. A claim whose holder died is taken over once
 * its lease has run out.
 */
import type { DeliveryResult } from '../contracts';
import { AppError } from '../../src/errors';
import type { CalendarDate } from '../../src/domain/types';
import type { Logger } from '../../src/logger';
import type { Clock } from '../../src/ports/clock';
import type { StateStore } from '../../src/ports/state-store';
import type { EventKind, Outcome } from './types';

export type LedgerState = 'claimed' | 'posted' | 'released' | 'failed';

export interface LedgerRecord {
  teamId: string;
  eventKey: string;
  kind: EventKind;
  state: LedgerState;
  /** The run holding or last holding the claim, and when it claimed. */
  claimedBy: string | null;
  claimedAt: string | null;
  /** Delivery attempts so far. */
  attempts: number;
  /** Times posted (more than one only after a snooze). */
  posts: number;
  postedAt: string | null;
  activityId: string | null;
  /** The Stockholm date of the last attempt. */
  lastAttemptOn: CalendarDate | null;
  lastError: { kind: string; status: number | null; message: string } | null;
  /** "Påminn igen": post again on or after this date. */
  snoozedUntil: CalendarDate | null;
}

export type Verdict =
  | { action: 'claim'; reason: 'new' | 'retry' | 'snooze-over' | 'lease-expired' }
  | { action: 'skip'; outcome: Extract<Outcome, `skipped-${string}`>; detail: string };

export interface Claim {
  key: string;
  etag: string;
  record: LedgerRecord;
}

export interface LedgerOptions {
  /** Identifies this run in claims (instance and run id). */
  owner: string;
  /** A claim older than this is taken to be left by a crashed run. */
  leaseMs: number;
  /** Non-retryable failures are tried again once a day, this many times in all. */
  maxFailedAttempts: number;
}

function ledgerKey(teamId: string, eventKey: string): string {
  return `ledger/${teamId}/${eventKey}`;
}

/** Decides, from the record as read, whether an event may be claimed now. */
export function judge(record: LedgerRecord | null, today: CalendarDate, nowMs: number, options: LedgerOptions): Verdict {
  if (!record) return { action: 'claim', reason: 'new' };
  if (record.state === 'claimed') {
    const age = nowMs - Date.parse(record.claimedAt ?? '');
    // A claim with no readable time cannot be waited out: it is taken over like an expired one.
    if (age <= options.leaseMs)
      return { action: 'skip', outcome: 'skipped-in-progress', detail: `claimed by ${record.claimedBy ?? 'another run'} at ${record.claimedAt}` };
    return { action: 'claim', reason: 'lease-expired' };
  }
  if (record.snoozedUntil && today < record.snoozedUntil) {
    return { action: 'skip', outcome: 'skipped-snoozed', detail: `snoozed until ${record.snoozedUntil}` };
  }
  switch (record.state) {
    case 'posted':
      return record.snoozedUntil
        ? { action: 'claim', reason: 'snooze-over' }
        : { action: 'skip', outcome: 'skipped-already-posted', detail: `posted ${record.postedAt}` };
    case 'released':
      return { action: 'claim', reason: 'retry' };
    case 'failed':
      if (record.attempts < options.maxFailedAttempts && (record.lastAttemptOn ?? '') < today) return { action: 'claim', reason: 'retry' };
      return {
        action: 'skip',
        outcome: 'skipped-failed',
        detail: `failed ${record.attempts} time(s), last on ${record.lastAttemptOn}: ${record.lastError?.message ?? 'unknown error'}`,
      };
  }
}

function emptyRecord(teamId: string, eventKey: string, kind: EventKind): LedgerRecord {
  return {
    teamId,
    eventKey,
    kind,
    state: 'released',
    claimedBy: null,
    claimedAt: null,
    attempts: 0,
    posts: 0,
    postedAt: null,
    activityId: null,
    lastAttemptOn: null,
    lastError: null,
    snoozedUntil: null,
  };
}

export class Ledger {
  private readonly log: Logger;

  constructor(
    private readonly store: StateStore,
    private readonly options: LedgerOptions,
    private readonly deps: { clock: Clock; logger: Logger },
  ) {
    this.log = deps.logger.child({ module: 'ledger' });
  }

  async read(teamId: string, eventKey: string): Promise<LedgerRecord | null> {
    return (await this.store.get<LedgerRecord>(ledgerKey(teamId, eventKey)))?.value ?? null;
  }

  /** What a claim would do now, without writing anything (dry runs, quiet hours). */
  async inspect(teamId: string, eventKey: string, today: CalendarDate): Promise<Verdict> {
    return judge(await this.read(teamId, eventKey), today, this.deps.clock.now().getTime(), this.options);
  }

  /** Claims the event for this run, or says why not. Only the holder of a claim posts. */
  async claim(teamId: string, eventKey: string, kind: EventKind, today: CalendarDate): Promise<Claim | Extract<Verdict, { action: 'skip' }>> {
    const key = ledgerKey(teamId, eventKey);
    const current = await this.store.get<LedgerRecord>(key);
    const now = this.deps.clock.now();
    const verdict = judge(current?.value ?? null, today, now.getTime(), this.options);
    if (verdict.action === 'skip') return verdict;
    if (verdict.reason === 'lease-expired') {
      this.log.warn({ key, claimedBy: current?.value.claimedBy, claimedAt: current?.value.claimedAt }, 'taking over a claim left by a run that did not finish');
    }
    const record: LedgerRecord = {
      ...(current?.value ?? emptyRecord(teamId, eventKey, kind)),
      state: 'claimed',
      claimedBy: this.options.owner,
      claimedAt: now.toISOString(),
      snoozedUntil: null,
    };
    const etag = current ? await this.store.put(key, record, { ifMatch: current.etag }) : await this.store.put(key, record, { ifNoneMatch: true });
    if (etag) return { key, etag, record };
    // Someone else wrote first: tell what they did.
    const now2 = await this.read(teamId, eventKey);
    const after = judge(now2, today, now.getTime(), this.options);
    return after.action === 'skip' ? after : { action: 'skip', outcome: 'skipped-in-progress', detail: 'another run claimed it first' };
  }

  /** Records how the delivery went. A retryable failure or a gone team releases the claim. */
  async settle(claim: Claim, result: DeliveryResult, today: CalendarDate): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    const base = { ...claim.record, attempts: claim.record.attempts + 1, lastAttemptOn: today };
    const record: LedgerRecord = result.ok
      ? { ...base, state: 'posted', posts: claim.record.posts + 1, postedAt: now, activityId: result.activityId, lastError: null }
      : {
          ...base,
          state: result.kind === 'failed' ? 'failed' : 'released',
          lastError: { kind: result.kind, status: result.status, message: result.message.slice(0, 500) },
        };
    let etag: string | null = claim.etag;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (await this.store.put(claim.key, record, { ifMatch: etag })) return;
      // A snooze may have touched the record meanwhile: keep it, as long as the claim is still ours.
      const current = await this.store.get<LedgerRecord>(claim.key);
      if (!current || current.value.claimedBy !== claim.record.claimedBy || current.value.claimedAt !== claim.record.claimedAt) break;
      record.snoozedUntil = current.value.snoozedUntil;
      etag = current.etag;
    }
    // Only possible when the lease ran out while posting and another run took the claim over.
    this.log.warn({ key: claim.key, state: record.state }, 'ledger record changed while posting; the lease may be too short');
  }

  /**
   * Marks an event as waiting for the next run (a digest that met quiet hours), unless it has
   * a record already. Returns false when it had one.
   */
  async defer(teamId: string, eventKey: string, kind: EventKind, reason: string): Promise<boolean> {
    const record: LedgerRecord = { ...emptyRecord(teamId, eventKey, kind), lastError: { kind: 'deferred', status: null, message: reason } };
    return (await this.store.put(ledgerKey(teamId, eventKey), record, { ifNoneMatch: true })) !== null;
  }

  /** Sets "remind again on `until`" on an event the team has a record of. False when it has none. */
  async snooze(teamId: string, eventKey: string, until: CalendarDate): Promise<boolean> {
    const key = ledgerKey(teamId, eventKey);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await this.store.get<LedgerRecord>(key);
      if (!current) return false;
      if (await this.store.put(key, { ...current.value, snoozedUntil: until }, { ifMatch: current.etag })) return true;
    }
    throw new AppError('ledger-busy', `Could not snooze ${key}: the record kept changing`);
  }
}
