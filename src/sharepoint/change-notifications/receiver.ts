/**
 * What Graph posts to the notification and lifecycle URLs, judged without waiting on Graph:
 * the validation request (the token back as text/plain), change notifications (clientState checked
 * against the subscription's record) and lifecycle events. The caller answers at once with the
 * returned status and acts on the valid items afterwards.
 */
import type { SubscriptionRecord } from './records';
import { sameSecret } from './records';

/** Graph's validation tokens are short; anything much longer is not Graph's. */
const MAX_TOKEN = 1024;

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

export interface Judged {
  /** Status and body to answer with. */
  status: number;
  contentType?: string;
  body?: string;
  /** Valid change notifications, by subscription. */
  changed: SubscriptionRecord[];
  /** Valid lifecycle events. */
  lifecycle: Array<{ record: SubscriptionRecord; event: LifecycleEvent }>;
  /** Subscription ids no record knows (logged, acknowledged). */
  unknown: string[];
  /** Subscription ids whose clientState was wrong (logged, rejected). */
  rejected: string[];
}

interface RawNotification {
  subscriptionId?: unknown;
  clientState?: unknown;
  lifecycleEvent?: unknown;
}

const LIFECYCLE_EVENTS = new Set<string>(['reauthorizationRequired', 'subscriptionRemoved', 'missed']);

const empty = (status: number, extra: Partial<Judged> = {}): Judged => ({ status, changed: [], lifecycle: [], unknown: [], rejected: [], ...extra });

/** The validation request: answered with the token, decoded, as plain text. */
export function answerValidation(token: string): Judged {
  if (token.length === 0 || token.length > MAX_TOKEN) return empty(400, { contentType: 'text/plain; charset=utf-8', body: 'Bad validation token' });
  return empty(200, { contentType: 'text/plain; charset=utf-8', body: token });
}

/**
 * Judges a notification payload (`{ value: [...] }`). `find` gives the record of a subscription id
 * (null when unknown). 202 when anything is valid or unknown (Graph must not send it again), 403
 * when every item carried a wrong clientState, 400 when the body is not a notification collection.
 */
export async function judgeNotifications(
  body: unknown,
  kind: 'notification' | 'lifecycle',
  find: (subscriptionId: string) => Promise<SubscriptionRecord | null>,
): Promise<Judged> {
  const items = (body as { value?: unknown } | null)?.value;
  if (!Array.isArray(items) || items.length === 0) return empty(400);
  const judged = empty(202);
  for (const raw of items as RawNotification[]) {
    const id = typeof raw?.subscriptionId === 'string' ? raw.subscriptionId : '';
    const record = id ? await find(id) : null;
    if (!record) {
      judged.unknown.push(id || '(none)');
      continue;
    }
    if (!sameSecret(record.clientState, raw.clientState)) {
      judged.rejected.push(id);
      continue;
    }
    const event = typeof raw.lifecycleEvent === 'string' ? raw.lifecycleEvent : null;
    if (kind === 'lifecycle' && event !== null && LIFECYCLE_EVENTS.has(event)) judged.lifecycle.push({ record, event: event as LifecycleEvent });
    else if (kind === 'notification') judged.changed.push(record);
  }
  const anyAccepted = judged.changed.length + judged.lifecycle.length + judged.unknown.length > 0;
  if (!anyAccepted && judged.rejected.length > 0) judged.status = 403;
  return judged;
}
