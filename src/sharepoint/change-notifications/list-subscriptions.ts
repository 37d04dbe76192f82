/**
 * Keeps one Graph change-notification subscription per list (resource
 * `sites/{site-id}/lists/{list-id}`, change type `updated`, no resource data, with a lifecycle
 * URL), shared by every instance through the state store:
 *
 * - created by whichever instance first finds none (a claim in the record keeps the others out),
 *   with a random `clientState` kept in the record;
 * - renewed when less than `RENEW_BEFORE_MS` is left (lists allow under 30 days), and at once on
 *   `reauthorizationRequired`; created again when Graph no longer knows it (404 on renewal, missing
 *   from `GET /subscriptions`, `subscriptionRemoved`);
 * - removed on an orderly stop by the last instance running.
 *
 * A valid notification calls `onChange` (the caller reads the delta); the receiving instance also
 * writes a change marker that the other instances look at every `MARKER_POLL_MS`, so all refresh.
 * Without the permission, or when Graph cannot validate the URL, `onLive(false, reason)` says why
 * and the lists are read on demand; the keeper tries again every `RETRY_FAILED_MS`.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ChangeNotificationOptions } from '../../config';
import type { Logger } from '../../logger';
import type { Clock, Timers } from '../../ports/clock';
import type { ListName } from '../../ports/list-source';
import type { StateStore } from '../../ports/state-store';
import { toSourceError } from '../graph-errors';
import { answerValidation, judgeNotifications, type Judged } from './receiver';
import { CHANGED_KEY, INSTANCE_PREFIX, RECORD_PREFIX, newClientState, type ChangedMarker, type InstanceHeartbeat, type SubscriptionRecord } from './records';

const MINUTE = 60_000;
/** Asked for on creation and renewal: under the 42,300 minutes Graph allows for lists. */
export const LIFETIME_MS = 42_000 * MINUTE;
export const RENEW_BEFORE_MS = 3 * 24 * 60 * MINUTE;
/** Records checked and heartbeat written (state store only, no Graph request unless one is due). */
export const MAINTENANCE_MS = 15 * MINUTE;
/** `GET /subscriptions`: does Graph still know ours? */
export const VERIFY_MS = 6 * 60 * MINUTE;
/** After a refusal (permission, validation), the next attempt. */
export const RETRY_FAILED_MS = 6 * 60 * MINUTE;
/** How often an instance looks at the change marker other instances write. */
export const MARKER_POLL_MS = 15_000;
/** An instance whose heartbeat is older than this is taken to have stopped. */
export const ALIVE_MS = 3 * MAINTENANCE_MS;
const CLAIM_MS = 2 * MINUTE;
/** A notification must be answered within 3 s; an unknown id waits this long at most for the store. */
const LOOKUP_LIMIT_MS = 1500;

export interface SiteLists {
  siteId: string;
  lists: Array<{ name: ListName; id: string }>;
}

export interface ListSubscriptionDeps {
  client: Client;
  store: StateStore;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  options: ChangeNotificationOptions;
  /** The site and its lists (the list source's look-up, cached). */
  siteLists: () => Promise<SiteLists>;
  /** A list changed: read the delta (coalesced by the caller). */
  onChange: () => void;
  /** Whether notifications are live now, and why not. */
  onLive: (live: boolean, reason: string) => void;
}

/**
 * The body of `POST /subscriptions` for one list, as the app subscribes (and `npm run doctor --
 * --probe-subscriptions` probes): changes of items, basic notifications without resource data,
 * with a lifecycle URL and the record's secret `clientState`.
 */
export function subscriptionRequest(
  options: ChangeNotificationOptions,
  subscription: { resource: string; expiresAt: string; clientState: string },
): Record<string, string> {
  return {
    changeType: 'updated',
    notificationUrl: options.notificationUrl,
    lifecycleNotificationUrl: options.lifecycleNotificationUrl,
    resource: subscription.resource,
    expirationDateTime: subscription.expiresAt,
    clientState: subscription.clientState,
  };
}

export interface Answer {
  status: number;
  contentType?: string;
  body?: string;
}

type Outcome = 'ok' | 'busy' | { refused: string };

export class ListSubscriptions {
  readonly instanceId = randomUUID();
  private readonly log: Logger;
  private readonly known = new Map<string, SubscriptionRecord>();
  private readonly cancels = new Set<() => void>();
  private live = false;
  private refusedUntil = 0;
  private lastLookup = 0;
  private markerEtag: string | null | undefined = undefined;
  private markerTimer: { lastAt: number; pending: boolean } = { lastAt: 0, pending: false };
  private stopped = false;

  constructor(private readonly deps: ListSubscriptionDeps) {
    this.log = deps.logger.child({ module: 'change-notifications' });
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  /** Makes sure every list has a subscription, then keeps them (timers). */
  async start(): Promise<void> {
    this.stopped = false;
    // Timers first: a failing first attempt is tried again at the next upkeep.
    this.every(MAINTENANCE_MS, () => this.maintain());
    this.every(VERIFY_MS, () => this.verify());
    this.every(MARKER_POLL_MS, () => this.pollMarker());
    await this.maintain();
  }

  /** Whether every list has a subscription Graph accepted. */
  get isLive(): boolean {
    return this.live;
  }

  /** Runs one upkeep job now, as its timer would (tests). */
  tick(job: 'maintain' | 'verify' | 'marker'): Promise<void> {
    return job === 'maintain' ? this.maintain() : job === 'verify' ? this.verify() : this.pollMarker();
  }

  /** Stops the timers; the last instance running deletes the subscriptions and their records. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
    await this.deps.store
      .delete(`${INSTANCE_PREFIX}${this.instanceId}`)
      .catch((error: unknown) =>
        this.log.warn(
          { err: error instanceof Error ? error.message : String(error) },
          "could not remove this instance's heartbeat; the others count it gone once it is old",
        ),
      );
    const others = await this.liveInstances();
    if (others > 0) {
      this.log.info({ instances: others }, 'stopping; the subscriptions stay for the other instances');
      return;
    }
    for (const key of await this.deps.store.list(RECORD_PREFIX)) {
      const stored = await this.deps.store.get<SubscriptionRecord>(key);
      const id = stored?.value.subscriptionId;
      if (id) {
        try {
          await this.deps.client.api(`/subscriptions/${encodeURIComponent(id)}`).delete();
        } catch (error) {
          const mapped = toSourceError(error, { target: `subscription ${id}` });
          if (mapped.code !== 'not-found') this.log.warn({ list: stored.value.list, code: mapped.code }, 'could not remove the subscription');
        }
      }
      await this.deps.store.delete(key);
    }
    this.log.info('stopped; subscriptions removed');
    this.setLive(false, 'stopped');
  }

  /** Answers a request to the notification or lifecycle URL; acts on it after answering. */
  async receive(kind: 'notification' | 'lifecycle', request: { validationToken: string | null; body: unknown }): Promise<Answer> {
    if (request.validationToken !== null) {
      const answer = answerValidation(request.validationToken);
      this.log.info({ kind, status: answer.status }, 'validation request answered');
      return { status: answer.status, contentType: answer.contentType, body: answer.body };
    }
    const judged = await judgeNotifications(request.body, kind, (id) => this.find(id));
    this.report(kind, judged);
    if (judged.changed.length > 0) {
      this.deps.onChange();
      this.publishMarker();
    }
    for (const { record, event } of judged.lifecycle) void this.onLifecycle(record, event);
    return { status: judged.status };
  }

  private report(kind: string, judged: Judged): void {
    if (judged.rejected.length > 0) {
      this.log.warn({ kind, subscriptionIds: judged.rejected }, 'notification rejected: its clientState does not match the subscription (not from Graph?)');
    }
    if (judged.unknown.length > 0) this.log.info({ kind, subscriptionIds: judged.unknown }, 'notification for a subscription this app does not keep; ignored');
    if (judged.status === 400) this.log.warn({ kind }, 'request to the notification URL was not a notification collection');
    if (judged.changed.length > 0) this.log.debug({ lists: [...new Set(judged.changed.map((record) => record.list))] }, 'change notification');
  }

  private async onLifecycle(record: SubscriptionRecord, event: string): Promise<void> {
    this.log.info({ list: record.list, event }, 'lifecycle notification');
    try {
      if (event === 'missed') this.deps.onChange();
      else if (event === 'reauthorizationRequired') await this.ensure(record.list, record.listId, record.resource, { renewNow: true });
      else if (event === 'subscriptionRemoved') {
        await this.ensure(record.list, record.listId, record.resource, { gone: record.subscriptionId });
        this.deps.onChange();
      }
    } catch (error) {
      this.log.warn({ list: record.list, event, err: error instanceof Error ? error.message : String(error) }, 'could not act on the lifecycle notification');
    }
  }

  /** The record of a subscription; one look in the store (at most every 10 s) for an id not seen yet. */
  private async find(id: string): Promise<SubscriptionRecord | null> {
    const hit = [...this.known.values()].find((record) => record.subscriptionId === id);
    if (hit || this.now() - this.lastLookup < 10_000) return hit ?? null;
    this.lastLookup = this.now();
    const loaded = this.loadRecords();
    const limit = new Promise<void>((resolve) => this.deps.timers.after(LOOKUP_LIMIT_MS, resolve));
    await Promise.race([loaded, limit]);
    return [...this.known.values()].find((record) => record.subscriptionId === id) ?? null;
  }

  private async loadRecords(): Promise<void> {
    try {
      for (const key of await this.deps.store.list(RECORD_PREFIX)) {
        const stored = await this.deps.store.get<SubscriptionRecord>(key);
        if (stored) this.known.set(stored.value.listId, stored.value);
      }
    } catch (error) {
      this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not read the subscription records');
    }
  }

  private every(ms: number, work: () => Promise<void>): void {
    let cancel: () => void = () => undefined;
    const arm = (): void => {
      this.cancels.delete(cancel);
      cancel = this.deps.timers.after(ms, () => {
        if (this.stopped) return;
        void work()
          .catch((error: unknown) =>
            this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'subscription upkeep failed; trying again later'),
          )
          .finally(() => {
            if (!this.stopped) arm();
          });
      });
      this.cancels.add(cancel);
    };
    arm();
  }

  /** Reports the state: every change, and every refusal (each names its reason). */
  private setLive(live: boolean, reason: string): void {
    if (live && this.live) return;
    this.live = live;
    this.deps.onLive(live, reason);
  }

  /** Heartbeat, and every list's subscription present and not about to expire. */
  private async maintain(): Promise<void> {
    await this.deps.store.put<InstanceHeartbeat>(`${INSTANCE_PREFIX}${this.instanceId}`, { seenAt: new Date(this.now()).toISOString() });
    if (this.now() < this.refusedUntil) return;
    const site = await this.deps.siteLists();
    let refused: string | null = null;
    let busy = false;
    for (const list of site.lists) {
      const outcome = await this.ensure(list.name, list.id, `sites/${site.siteId}/lists/${list.id}`, {});
      if (outcome === 'busy') busy = true;
      else if (outcome !== 'ok') {
        // The same refusal would meet every other list: no more requests until the retry.
        refused = outcome.refused;
        break;
      }
    }
    if (refused !== null) {
      this.refusedUntil = this.now() + RETRY_FAILED_MS;
      this.setLive(false, refused);
    } else if (!busy) this.setLive(true, 'every list has a subscription');
    else if (this.live === false) {
      // Another instance is creating them: look again soon.
      const cancel = this.deps.timers.after(30_000, () => {
        this.cancels.delete(cancel);
        if (!this.stopped) void this.maintain().catch(() => undefined);
      });
      this.cancels.add(cancel);
    }
  }

  /** `GET /subscriptions`: a subscription Graph no longer has is created again. */
  private async verify(): Promise<void> {
    if (this.now() < this.refusedUntil) return;
    const answer = (await this.deps.client.api('/subscriptions').get()) as { value?: Array<{ id?: string }> };
    const ids = new Set((answer.value ?? []).map((subscription) => subscription.id));
    await this.loadRecords();
    for (const record of this.known.values()) {
      if (record.subscriptionId && !ids.has(record.subscriptionId) && record.claim === null) {
        this.log.warn({ list: record.list }, 'Graph no longer has the subscription; creating it again');
        await this.ensure(record.list, record.listId, record.resource, { gone: record.subscriptionId });
      }
    }
  }

  private async ensure(list: ListName, listId: string, resource: string, opts: { renewNow?: boolean; gone?: string | null }): Promise<Outcome> {
    const key = `${RECORD_PREFIX}${listId}`;
    const stored = await this.deps.store.get<SubscriptionRecord>(key);
    const record = stored?.value ?? null;
    const now = this.now();
    const usable =
      record !== null &&
      record.subscriptionId !== null &&
      record.subscriptionId !== opts.gone &&
      record.notificationUrl === this.deps.options.notificationUrl &&
      record.expiresAt !== null &&
      Date.parse(record.expiresAt) > now;
    if (record) this.known.set(listId, record);
    if (usable && !opts.renewNow && Date.parse(record.expiresAt as string) - now > RENEW_BEFORE_MS) return 'ok';
    if (record?.claim && record.claim.by !== this.instanceId && Date.parse(record.claim.until) > now) return 'busy';

    const claim = { by: this.instanceId, until: new Date(now + CLAIM_MS).toISOString() };
    const claimed: SubscriptionRecord = usable
      ? { ...record, claim }
      : {
          list,
          listId,
          resource,
          notificationUrl: this.deps.options.notificationUrl,
          subscriptionId: null,
          clientState: newClientState(),
          expiresAt: null,
          claim,
        };
    const etag = await this.deps.store.put(key, claimed, stored ? { ifMatch: stored.etag } : { ifNoneMatch: true });
    if (etag === null) return 'busy';
    // Known before Graph validates and notifies, so that the first notifications are accepted.
    this.known.set(listId, claimed);
    const expiresAt = new Date(now + LIFETIME_MS).toISOString();
    try {
      let done: SubscriptionRecord | null = null;
      if (usable) done = await this.renew(claimed, expiresAt);
      done ??= await this.create(usable ? { ...claimed, clientState: newClientState() } : claimed, expiresAt);
      await this.deps.store.put(key, done, { ifMatch: etag });
      this.known.set(listId, done);
      // A subscription for an address the app no longer has (PUBLIC_URL changed) is removed.
      if (record?.subscriptionId && record.subscriptionId !== done.subscriptionId && record.subscriptionId !== opts.gone) {
        await this.deps.client
          .api(`/subscriptions/${encodeURIComponent(record.subscriptionId)}`)
          .delete()
          .catch((error: unknown) =>
            this.log.warn(
              { list, code: toSourceError(error).code },
              'could not remove a subscription for an address the app no longer has; it expires by itself',
            ),
          );
      }
      return 'ok';
    } catch (error) {
      await this.deps.store
        .put(key, { ...(record ?? claimed), claim: null }, { ifMatch: etag })
        .catch((release: unknown) =>
          this.log.warn(
            { list, err: release instanceof Error ? release.message : String(release) },
            'could not release the claim on the subscription; it lapses by itself',
          ),
        );
      const mapped = toSourceError(error, { target: `the subscription on the list ${list}` });
      if (mapped.code === 'forbidden') {
        return {
          refused: `Graph refused the subscription on the list ${list} (403): list subscriptions need the application permission Sites.ReadWrite.All (docs/deployment.md)`,
        };
      }
      if (mapped.status === 400) {
        return {
          refused: `Graph refused the subscription on the list ${list} (400: ${mapped.message}); check that PUBLIC_URL reaches this app from the internet`,
        };
      }
      throw mapped;
    }
  }

  /** PATCH with a new expiry; null when Graph no longer has it (404). */
  private async renew(record: SubscriptionRecord, expiresAt: string): Promise<SubscriptionRecord | null> {
    try {
      const answer = (await this.deps.client
        .api(`/subscriptions/${encodeURIComponent(record.subscriptionId as string)}`)
        .patch({ expirationDateTime: expiresAt })) as { expirationDateTime?: string };
      this.log.info({ list: record.list, expiresAt: answer.expirationDateTime ?? expiresAt }, 'subscription renewed');
      return { ...record, expiresAt: answer.expirationDateTime ?? expiresAt, claim: null };
    } catch (error) {
      const mapped = toSourceError(error, { target: `the subscription on the list ${record.list}` });
      if (mapped.code !== 'not-found') throw error;
      this.log.warn({ list: record.list }, 'the subscription is gone (404 on renewal); creating it again');
      return null;
    }
  }

  private async create(record: SubscriptionRecord, expiresAt: string): Promise<SubscriptionRecord> {
    this.known.set(record.listId, record);
    const answer = (await this.deps.client
      .api('/subscriptions')
      .post(subscriptionRequest(this.deps.options, { resource: record.resource, expiresAt, clientState: record.clientState }))) as {
      id?: string;
      expirationDateTime?: string;
    };
    if (!answer.id) throw new Error('Graph created a subscription without an id');
    this.log.info({ list: record.list, expiresAt: answer.expirationDateTime ?? expiresAt }, 'subscription created');
    return { ...record, subscriptionId: answer.id, expiresAt: answer.expirationDateTime ?? expiresAt, claim: null };
  }

  /** Tells the other instances that a list changed (at most once a second; a burst writes twice). */
  private publishMarker(): void {
    const now = this.now();
    if (now - this.markerTimer.lastAt < 1000) {
      if (this.markerTimer.pending) return;
      this.markerTimer.pending = true;
      const cancel = this.deps.timers.after(1000, () => {
        this.cancels.delete(cancel);
        this.markerTimer.pending = false;
        this.publishMarker();
      });
      this.cancels.add(cancel);
      return;
    }
    this.markerTimer.lastAt = now;
    const marker: ChangedMarker = { at: new Date(now).toISOString(), by: this.instanceId };
    this.deps.store.put(CHANGED_KEY, marker).then(
      (etag) => {
        this.markerEtag = etag;
      },
      (error: unknown) => this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not tell the other instances of a change'),
    );
  }

  /** Another instance was told of a change: read it here too. */
  private async pollMarker(): Promise<void> {
    const stored = await this.deps.store.get<ChangedMarker>(CHANGED_KEY);
    const etag = stored?.etag ?? null;
    const first = this.markerEtag === undefined;
    if (etag === this.markerEtag) return;
    this.markerEtag = etag;
    if (!first && stored && stored.value.by !== this.instanceId) this.deps.onChange();
  }

  private async liveInstances(): Promise<number> {
    let count = 0;
    for (const key of await this.deps.store.list(INSTANCE_PREFIX)) {
      if (key === `${INSTANCE_PREFIX}${this.instanceId}`) continue;
      const beat = await this.deps.store.get<InstanceHeartbeat>(key);
      if (beat && this.now() - Date.parse(beat.value.seenAt) < ALIVE_MS) count += 1;
    }
    return count;
  }
}
