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

/** Asks `GET /api/balance-list` for `account` with `token`; a failure leaves the asking to the app. */
export function requestListEarly(account: Account, token: Promise<string>, etag: string | null): EarlyListRequest {
  const response = token
    .then((value) => {
      const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${value}` };
      if (etag) headers['If-None-Match'] = etag;
      return fetch('/api/balance-list', { headers, credentials: 'same-origin' });
    })
    .catch(() => null);
  return { account, etag, response };
}

let pending: Promise<EarlyListRequest | null> | null = null;

/**
 * Announces the early request (settling once Teams has answered, with null when nothing was
 * asked), so the app waits for it instead of asking a second time when its code is quicker.
 */
export function expectEarlyList(request: Promise<EarlyListRequest | null>): void {
  pending = request.catch(() => null);
}

/**
 * The early answer for `account` asked with `etag`, once: the first load uses it, every later one
 * asks again. It settles with null when there was none, or it was asked for someone else or with
 * another ETag; null at once when none was announced.
 */
export function takeEarlyList(account: Account | null, etag: string | null): Promise<Response | null> | null {
  const taken = pending;
  pending = null;
  if (!taken || !account) return null;
  return taken.then((early) => {
    if (!early || early.account.userId !== account.userId || early.account.tenantId !== account.tenantId || early.etag !== etag) return null;
    return early.response;
  });
}
