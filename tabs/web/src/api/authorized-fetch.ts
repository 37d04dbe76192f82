/**
 * The tab API's way of calling: JSON or file GETs on the page's origin, the Teams SSO token sent
 * once the API has asked for one (a 401) or from the start where the caller knows it will, and a
 * failed connection turned into the caller's own typed error.
 */

export interface AuthorizedFetchOptions {
  getToken: () => Promise<string | null>;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Send the token from the first call; a 401 is then the answer, not a cue to retry. */
  tokenFromStart?: boolean;
  /** Asked before each call: true sends the token with it (a 401 is still retried once). */
  tokenNow?: () => boolean;
  /** The error to throw when the request never got an answer (offline, blocked, DNS). */
  networkError: (message: string) => Error;
}

/**
 * A GET for `path` with `headers`, retried once with the token after a first 401. From then on
 * every call carries the token. `answered`, when given, stands in for the first request's answer.
 */
export type AuthorizedGet = (path: string, headers: Record<string, string>, answered?: Response | null, signal?: AbortSignal) => Promise<Response>;

/** Builds the GET the tab's API clients share; the 401 state lives as long as the returned function. */
export function authorizedFetch(options: AuthorizedFetchOptions): AuthorizedGet {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let needsToken = options.tokenFromStart ?? false;

  const request = async (path: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> => {
    const sent = { ...headers };
    if (needsToken || options.tokenNow?.() === true) {
      const token = await options.getToken();
      if (token) sent.Authorization = `Bearer ${token}`;
    }
    try {
      return await doFetch(
        `${options.baseUrl ?? ''}${path}`,
        signal ? { headers: sent, credentials: 'same-origin', signal } : { headers: sent, credentials: 'same-origin' },
      );
    } catch (error) {
      throw options.networkError(error instanceof Error ? error.message : String(error));
    }
  };

  return async (path, headers, answered, signal) => {
    let response = answered ?? (await request(path, headers, signal));
    if (response.status === 401 && !needsToken) {
      needsToken = true;
      response = await request(path, headers, signal);
    }
    return response;
  };
}
