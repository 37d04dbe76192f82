/**
 * Graph change notifications on SharePoint lists, as the documentation describes them:
 * `POST /subscriptions` (resource `sites/{site-id}/lists/{list-id}`, change type `updated` only,
 * an https notification URL, at most 42,300 minutes ahead, the notification and lifecycle URLs
 * validated first with a `validationToken` answered as text/plain within 10 s), `PATCH` (renewal),
 * `DELETE`, `GET`; a subscription past its expiry is gone. Every change of an item posts a
 * notification to each subscription on its list; tests send lifecycle events themselves.
 */
import { randomUUID } from 'node:crypto';
import { graphError } from './errors';
import type { Route } from './graph-routes';
import type { FakeStore, StoredList } from './store';
import type { FakeReply } from './types';

/** Lists allow subscriptions up to this far ahead. */
export const LIST_MAX_MINUTES = 42_300;

export interface FakeSubscription {
  id: string;
  resource: string;
  listId: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expirationDateTime: string;
}

export interface Delivery {
  url: string;
  kind: 'validation' | 'notification' | 'lifecycle';
  subscriptionId: string | null;
  status: number;
  ms: number;
}

export interface SubscriptionOptions {
  store: FakeStore;
  now: () => Date;
  tenantId: string;
  applicationId: string;
}

const ok = (status: number, body?: unknown): FakeReply => ({ status, ...(body === undefined ? {} : { body }) });

export class FakeSubscriptions {
  readonly all = new Map<string, FakeSubscription>();
  readonly deliveries: Delivery[] = [];
  /** Whether the app holds the permission list subscriptions need (403 without it). */
  allowed = true;
  /** Milliseconds between a change and its notification (Graph's own delay). */
  delayMs = 0;
  private readonly inFlight = new Set<Promise<void>>();
  /** Maps the https origin Graph would call to the loopback server that stands behind it. */
  private readonly origins = new Map<string, string | (() => string | null)>();

  constructor(private readonly options: SubscriptionOptions) {
    options.store.onChange = (list) => this.listChanged(list);
  }

  /**
   * Graph's calls to `publicOrigin` (https) go to `localOrigin` (the app under test), or to
   * wherever the function says when the call is made (a server whose port is not known yet).
   */
  deliverTo(publicOrigin: string, localOrigin: string | (() => string | null)): void {
    this.origins.set(publicOrigin.replace(/\/+$/, ''), localOrigin);
  }

  /** Resolves once every notification sent so far has been answered. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** The live subscriptions (expired ones are dropped). */
  live(): FakeSubscription[] {
    const now = this.options.now().getTime();
    for (const [id, subscription] of this.all) if (Date.parse(subscription.expirationDateTime) <= now) this.all.delete(id);
    return [...this.all.values()];
  }

  /** Removes a subscription as Graph would on its own (no lifecycle event for lists). */
  drop(id: string): void {
    this.all.delete(id);
  }

  /** Posts a lifecycle event (`reauthorizationRequired`, `subscriptionRemoved`, `missed`) for a subscription. */
  lifecycle(id: string, event: string, clientState?: string): Promise<number> {
    const subscription = this.all.get(id);
    if (!subscription?.lifecycleNotificationUrl) throw new Error(`The fake Graph has no subscription ${id} with a lifecycle URL`);
    const item = {
      subscriptionId: id,
      subscriptionExpirationDateTime: subscription.expirationDateTime,
      tenantId: this.options.tenantId,
      clientState: clientState ?? subscription.clientState,
      lifecycleEvent: event,
    };
    return this.post(subscription.lifecycleNotificationUrl, 'lifecycle', id, { value: [item] });
  }

  /** Posts any payload to a subscription's notification URL (forgeries, duplicates, late ones). */
  send(id: string, overrides: Record<string, unknown> = {}): Promise<number> {
    const subscription = this.all.get(id);
    if (!subscription) throw new Error(`The fake Graph has no subscription ${id}`);
    return this.post(subscription.notificationUrl, 'notification', id, { value: [{ ...this.notificationOf(subscription), ...overrides }] });
  }

  routes(): Route[] {
    const route = (method: string, pattern: RegExp, handler: Route['handler']): Route => ({ method, pattern, names: ['id'], handler });
    return [
      route('POST', /^\/subscriptions$/, (request) => this.create(request.body as Record<string, unknown> | undefined)),
      route('GET', /^\/subscriptions$/, () => ok(200, { value: this.live().map((subscription) => this.json(subscription)) })),
      route('GET', /^\/subscriptions\/([^/]+)$/, (request) => {
        const found = this.find(request.params.id ?? '');
        return found ? ok(200, this.json(found)) : notFound(request.params.id ?? '');
      }),
      route('PATCH', /^\/subscriptions\/([^/]+)$/, (request) => this.renew(request.params.id ?? '', request.body as Record<string, unknown> | undefined)),
      route('DELETE', /^\/subscriptions\/([^/]+)$/, (request) => {
        const found = this.find(request.params.id ?? '');
        if (!found) return notFound(request.params.id ?? '');
        this.all.delete(found.id);
        return ok(204);
      }),
    ];
  }

  private find(id: string): FakeSubscription | null {
    return this.live().find((subscription) => subscription.id === id) ?? null;
  }

  private expiryProblem(text: unknown): FakeReply | null {
    const at = typeof text === 'string' ? Date.parse(text) : NaN;
    const now = this.options.now().getTime();
    if (Number.isNaN(at) || at <= now) return graphError(400, 'ExtensionError', 'Subscription expiration must be in the future.');
    if (at > now + LIST_MAX_MINUTES * 60_000)
      return graphError(400, 'ExtensionError', `Subscription expiration can only be ${LIST_MAX_MINUTES} minutes in the future.`);
    return null;
  }

  private async create(body: Record<string, unknown> | undefined): Promise<FakeReply> {
    if (!this.allowed) return graphError(403, 'ExtensionError', 'Operation: Create; Exception: [Status Code: Forbidden; Reason: Access denied.]');
    const resource = String(body?.resource ?? '').replace(/^\/+/, '');
    const match = /^sites\/([^/]+)\/lists\/([^/]+)$/.exec(resource);
    const list = match ? this.options.store.findList(match[2] ?? '') : null;
    if (!match || !list)
      return graphError(404, 'ExtensionError', `Operation: Create; Exception: [Status Code: NotFound; Reason: Resource not found (${resource})]`);
    if (body?.changeType !== 'updated') return graphError(400, 'ExtensionError', `Invalid 'changeType' attribute: '${String(body?.changeType)}'.`);
    const expiry = this.expiryProblem(body?.expirationDateTime);
    if (expiry) return expiry;
    const clientState = typeof body?.clientState === 'string' ? body.clientState : null;
    if (clientState !== null && clientState.length > 128) return graphError(400, 'ExtensionError', 'clientState must be at most 128 characters.');
    const notificationUrl = String(body?.notificationUrl ?? '');
    const lifecycleNotificationUrl = typeof body?.lifecycleNotificationUrl === 'string' ? body.lifecycleNotificationUrl : null;
    for (const url of [notificationUrl, lifecycleNotificationUrl]) {
      if (url === null) continue;
      if (!url.startsWith('https://')) return graphError(400, 'ValidationError', 'Subscription Notification URL must be https.');
      if (!(await this.validate(url))) {
        return graphError(
          400,
          'ValidationError',
          'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
        );
      }
    }
    const subscription: FakeSubscription = {
      id: randomUUID(),
      resource,
      listId: list.id,
      changeType: 'updated',
      notificationUrl,
      lifecycleNotificationUrl,
      clientState,
      expirationDateTime: new Date(Date.parse(String(body?.expirationDateTime))).toISOString(),
    };
    this.all.set(subscription.id, subscription);
    return ok(201, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity', ...this.json(subscription) });
  }

  private renew(id: string, body: Record<string, unknown> | undefined): FakeReply {
    const found = this.find(id);
    if (!found) return notFound(id);
    const expiry = this.expiryProblem(body?.expirationDateTime);
    if (expiry) return expiry;
    found.expirationDateTime = new Date(Date.parse(String(body?.expirationDateTime))).toISOString();
    return ok(200, this.json(found));
  }

  private json(subscription: FakeSubscription): Record<string, unknown> {
    return {
      id: subscription.id,
      resource: subscription.resource,
      applicationId: this.options.applicationId,
      changeType: subscription.changeType,
      clientState: subscription.clientState,
      notificationUrl: subscription.notificationUrl,
      lifecycleNotificationUrl: subscription.lifecycleNotificationUrl,
      expirationDateTime: subscription.expirationDateTime,
      creatorId: this.options.applicationId,
      latestSupportedTlsVersion: 'v1_2',
      notificationContentType: 'application/json',
    };
  }

  private notificationOf(subscription: FakeSubscription): Record<string, unknown> {
    return {
      subscriptionId: subscription.id,
      clientState: subscription.clientState,
      changeType: 'updated',
      resource: subscription.resource,
      subscriptionExpirationDateTime: subscription.expirationDateTime,
      tenantId: this.options.tenantId,
    };
  }

  private listChanged(list: StoredList): void {
    for (const subscription of this.live()) {
      if (subscription.listId !== list.id) continue;
      const send = () => void this.post(subscription.notificationUrl, 'notification', subscription.id, { value: [this.notificationOf(subscription)] });
      if (this.delayMs > 0) setTimeout(send, this.delayMs);
      else send();
    }
  }

  private target(url: string): string {
    const parsed = new URL(url);
    const target = this.origins.get(parsed.origin);
    const local = (typeof target === 'function' ? target() : target)?.replace(/\/+$/, '');
    if (!local) throw new Error(`The fake Graph does not know where ${parsed.origin} is: call deliverTo() first`);
    return `${local}${parsed.pathname}${parsed.search}`;
  }

  /** The validation request: the token back as text/plain, 200, within 10 s. */
  private async validate(url: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const started = Date.now();
    const separator = url.includes('?') ? '&' : '?';
    try {
      const response = await fetch(this.target(`${url}${separator}validationToken=${encodeURIComponent(token)}`), {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      this.deliveries.push({ url, kind: 'validation', subscriptionId: null, status: response.status, ms: Date.now() - started });
      return response.status === 200 && (response.headers.get('content-type') ?? '').startsWith('text/plain') && text === token;
    } catch {
      this.deliveries.push({ url, kind: 'validation', subscriptionId: null, status: 0, ms: Date.now() - started });
      return false;
    }
  }

  private post(url: string, kind: 'notification' | 'lifecycle', subscriptionId: string, payload: unknown): Promise<number> {
    const started = Date.now();
    const sent = (async () => {
      try {
        // Graph gives up on an answer after 3 s.
        const response = await fetch(this.target(url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(3_000),
        });
        await response.arrayBuffer();
        this.deliveries.push({ url, kind, subscriptionId, status: response.status, ms: Date.now() - started });
        return response.status;
      } catch {
        this.deliveries.push({ url, kind, subscriptionId, status: 0, ms: Date.now() - started });
        return 0;
      }
    })();
    const tracked = sent.then(() => undefined);
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return sent;
  }
}

function notFound(id: string): FakeReply {
  return graphError(404, 'ResourceNotFound', `The object was not found. Subscription '${id}' does not exist or has expired.`);
}
