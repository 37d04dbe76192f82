/**
 * SharePoint mode inside Teams: the list is asked for as soon as Teams has said who is signed in
 * and handed out the SSO token, while the app's code (React, Fluent UI) is still loading, instead
 * of after the app has drawn itself. The app takes the answer over for its first load, but only
 * for the same user and tenant and the same ETag it would have sent itself.
 */
import type { Account } from './host';

export interface EarlyListRequest {
  account: Account;
  /** The `If-None-Match` sent (the remembered list's ETag), or null. */
  etag: string | null;
  /** The API's answer, or null when the request could not be made (the app then asks itself). */
  response: Promise<Response | null>;
}

let early: EarlyListRequest | null = null;

/** Asks `GET /api/balance-list` for `account` with `token`; a failure leaves the asking to the app. */
export function requestListEarly(account: Account, token: Promise<string>, etag: string | null): void {
  const response = token
    .then((value) => {
      const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${value}` };
      if (etag) headers['If-None-Match'] = etag;
      return fetch('/api/balance-list', { headers, credentials: 'same-origin' });
    })
    .catch(() => null);
  early = { account, etag, response };
}

/**
 * The early answer for `account` asked with `etag`, once: the first load uses it, every later one
 * asks again. Null when there is none, or it was asked for someone else or with another ETag.
 */
export function takeEarlyList(account: Account | null, etag: string | null): Promise<Response | null> | null {
  const taken = early;
  early = null;
  if (!taken || !account || taken.account.userId !== account.userId || taken.account.tenantId !== account.tenantId || taken.etag !== etag) return null;
  return taken.response;
}
