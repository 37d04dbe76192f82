/**
 * Reads `GET /api/balance-list` with the last ETag, so an unchanged list costs a 304 and no body.
 * Sends the Teams SSO token once the API has asked for one.
 */
import type { BalanceListView } from '../../../../src/view-model';
import { authorizedFetch } from './authorized-fetch';
import { watchChanges, type ChangeStreamHandlers } from './change-stream';

/** Error codes the tab API answers with (`{ error: { code, message } }`), plus the client's own. */
export type ApiErrorCode =
  | 'unauthorized'
  | 'consent-required'
  | 'access-denied'
  | 'source-unavailable'
  /** The server cannot check the sign-in or the user's access right now (503 from the API). */
  | 'sign-in-unavailable'
  | 'network'
  | 'server';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type LoadResult = { changed: true; view: BalanceListView; etag: string | null } | { changed: false };

export interface BalanceListClient {
  load(): Promise<LoadResult>;
  /** The ETag of the list last loaded (null before the first). */
  etag?(): string | null;
  /**
   * Listens to the server's change stream (`GET /api/events`) with the same sign-in; returns the
   * function that stops listening. Absent where there is no stream (the server-side render).
   */
  watch?(handlers: ChangeStreamHandlers): () => void;
}

const KNOWN: ApiErrorCode[] = ['unauthorized', 'consent-required', 'access-denied', 'source-unavailable'];
/** The API's codes for "the sign-in or access check cannot be done now", as one client code. */
const SIGN_IN_UNAVAILABLE = ['auth-unavailable', 'access-check-unavailable'];

/**
 * The code and message of an API error answer (`{ error: { code, message } }`); `fallback` when
 * the body names no code the client knows, or is not JSON at all (a proxy's error page).
 */
export async function readApiError<C extends string>(response: Response, fallback: C): Promise<{ code: ApiErrorCode | C; message: string }> {
  let code: ApiErrorCode | C = fallback;
  let message = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code && (KNOWN as string[]).includes(body.error.code)) code = body.error.code as ApiErrorCode;
    else if (body.error?.code && SIGN_IN_UNAVAILABLE.includes(body.error.code)) code = 'sign-in-unavailable';
    if (body.error?.message) message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page): keep the status.
  }
  return { code, message };
}

async function errorFrom(response: Response): Promise<ApiError> {
  const { code, message } = await readApiError(response, response.status === 401 ? 'unauthorized' : 'server');
  return new ApiError(code, response.status, message);
}

/**
 * A client for the tab API at `baseUrl` (the page's origin by default).
 * `getToken` is asked for a token after the first 401 (or from the start with `tokenFirst`), and
 * before every call from then on.
 */
export function createClient(options: {
  getToken: () => Promise<string | null>;
  baseUrl?: string;
  fetch?: typeof fetch;
  etag?: string | null;
  /** Inside Teams in SharePoint mode the API always wants a token: send it from the first call. */
  tokenFirst?: boolean;
  /**
   * The answer to a request already made as this client's first would be (same user, same ETag;
   * teams/early-list.ts): the first load uses it instead of asking again. Null: ask after all.
   */
  firstResponse?: Promise<Response | null> | null;
}): BalanceListClient {
  const get = authorizedFetch({
    getToken: options.getToken,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    tokenFromStart: options.tokenFirst,
    networkError: (message) => new ApiError('network', 0, message),
  });
  // The ETag of the list the page came with, if any: the first poll is then a 304.
  let etag: string | null = options.etag ?? null;
  let early = options.firstResponse ?? null;

  return {
    async load() {
      const answered = early ? await early : null;
      early = null;
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (etag) headers['If-None-Match'] = etag;
      const response = await get('/api/balance-list', headers, answered);
      if (response.status === 304) return { changed: false };
      if (!response.ok) throw await errorFrom(response);
      const view = (await response.json()) as BalanceListView;
      etag = response.headers.get('ETag');
      return { changed: true, view, etag };
    },
    etag: () => etag,
    watch: (handlers) => watchChanges({ ...handlers, open: (signal) => get('/api/events', { Accept: 'text/event-stream' }, null, signal) }),
  };
}
