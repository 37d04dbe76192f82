/**
 * What the instances share about the lists' subscriptions, in the state store: one record per
 * list (its subscription, the secret `clientState`, who is creating or renewing it), the last
 * change an instance was told of, and each running instance's heartbeat.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ListName } from '../../ports/list-source';

export const RECORD_PREFIX = 'graph-subscriptions/list/';
export const CHANGED_KEY = 'graph-subscriptions/changed';
export const INSTANCE_PREFIX = 'graph-subscriptions/instance/';

export interface SubscriptionRecord {
  list: ListName;
  listId: string;
  /** `sites/{site-id}/lists/{list-id}` */
  resource: string;
  notificationUrl: string;
  /** Null while it is being created. */
  subscriptionId: string | null;
  /** Random per subscription; Graph sends it back with every notification. Never logged. */
  clientState: string;
  /** ISO instant; null while it is being created. */
  expiresAt: string | null;
  /** An instance creating or renewing it, until when: the others leave it alone meanwhile. */
  claim: { by: string; until: string } | null;
}

export interface ChangedMarker {
  at: string;
  by: string;
}

export interface InstanceHeartbeat {
  seenAt: string;
}

/** 32 random bytes, base64url: well under Graph's 128-character limit for `clientState`. */
export function newClientState(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares secrets in constant time. */
export function sameSecret(a: string, b: unknown): boolean {
  if (typeof b !== 'string') return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
