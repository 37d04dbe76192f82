/**
 * The one implementation of "how long to wait before trying again" for every outgoing HTTP
 * caller (the Graph client, the Bot Connector's retry policy, the import's `$batch` writes):
 * reading Retry-After, capped exponential backoff, and jitter. Callers keep their own limits
 * (a bulk import may wait longer than a tab request), but not their own arithmetic.
 */

/** Limits of an exponential backoff: `baseDelayMs · 2^attempt`, never more than `maxDelayMs`. */
export interface Backoff {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Jitter as a range of factors the wait is multiplied by, chosen uniformly: `{ min: 1, max: 1.2 }`
 * adds up to 20 % and never waits less than asked (right for a Retry-After); `{ min: 0.5, max: 1.5 }`
 * spreads ±50 % around the backoff.
 */
export interface Jitter {
  min: number;
  max: number;
}

/**
 * Retry-After in milliseconds, as RFC 9110 allows it: delay seconds (`"3"`, also `"1.5"` as some
 * services send) or an HTTP date (`"Fri, 30 Dec 2022 10:00:30 GMT"`, measured from `now`).
 * Null when absent or unreadable, so the caller falls back to its backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only text naming a weekday or month is read as a date: Date.parse accepts bare numbers too.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The Retry-After of a header record whose names may have any case (a `$batch` answer's headers). */
export function retryAfterHeader(headers: Record<string, string> | undefined): string | null {
  return Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1] ?? null;
}

/** The wait before retry number `attempt` (0-based), without jitter: exponential and capped. */
export function backoffDelayMs(attempt: number, backoff: Backoff): number {
  return Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** attempt);
}

/** `ms` times a factor drawn from `jitter`, so many clients told to wait do not all return at once. */
export function withJitter(ms: number, jitter: Jitter, random: () => number): number {
  return Math.round(ms * (jitter.min + (jitter.max - jitter.min) * random()));
}
