/**
 * Reads the forum's year from `GET /api/follow-up/:year` (JSON) and fetches its Word file from
 * `GET /api/follow-up/:year.docx`. In SharePoint mode the API wants the Teams SSO token, and a
 * plain link cannot carry it, so the Word file is fetched as a blob with the token and then saved.
 */
import type { FollowUpYear } from '../../../../src/domain/forum-year';
import type { CalendarDate } from '../../../../src/domain/types';
import { ApiError, type ApiErrorCode } from './client';

/** The year's follow-up as the API answers it; `today` when the server adds it. */
export type FollowUpResponse = FollowUpYear & { today?: CalendarDate };

export interface FollowUpClient {
  load(year: number): Promise<FollowUpResponse>;
  /** The Word file of the year. */
  download(year: number): Promise<Blob>;
}

/** Errors of the follow-up API besides the list API's: a year it does not answer for (400). */
export class FollowUpError extends ApiError {
  /** True when the API refused the year (400). */
  readonly invalidYear: boolean;

  constructor(code: ApiErrorCode | 'invalid-year', status: number, message: string) {
    super(code === 'invalid-year' ? 'server' : code, status, message);
    this.name = 'FollowUpError';
    this.invalidYear = code === 'invalid-year';
  }
}

const KNOWN: ApiErrorCode[] = ['unauthorized', 'consent-required', 'access-denied', 'source-unavailable'];
/** The API's codes for "the sign-in or access check cannot be done now", as one client code. */
const SIGN_IN_UNAVAILABLE = ['auth-unavailable', 'access-check-unavailable'];

async function errorFrom(response: Response): Promise<FollowUpError> {
  let code: ApiErrorCode | 'invalid-year' = response.status === 401 ? 'unauthorized' : response.status === 400 ? 'invalid-year' : 'server';
  let message = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code && (KNOWN as string[]).includes(body.error.code)) code = body.error.code as ApiErrorCode;
    else if (body.error?.code && SIGN_IN_UNAVAILABLE.includes(body.error.code)) code = 'sign-in-unavailable';
    if (body.error?.message) message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page): keep the status.
  }
  return new FollowUpError(code, response.status, message);
}

/**
 * A client for the follow-up API at `baseUrl` (the page's origin by default). The token is sent
 * from the first call when `tokenFirst` says the API needs one (SharePoint mode), and otherwise
 * after a 401, as the list client does.
 */
export function createFollowUpClient(options: {
  getToken: () => Promise<string | null>;
  tokenFirst?: () => boolean;
  baseUrl?: string;
  fetch?: typeof fetch;
}): FollowUpClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let needsToken = false;

  const request = async (path: string, accept: string): Promise<Response> => {
    const headers: Record<string, string> = { Accept: accept };
    if (needsToken || options.tokenFirst?.() === true) {
      const token = await options.getToken();
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    try {
      return await doFetch(`${options.baseUrl ?? ''}${path}`, { headers, credentials: 'same-origin' });
    } catch (error) {
      throw new FollowUpError('network', 0, error instanceof Error ? error.message : String(error));
    }
  };

  const get = async (path: string, accept: string): Promise<Response> => {
    let response = await request(path, accept);
    if (response.status === 401 && !needsToken) {
      needsToken = true;
      response = await request(path, accept);
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  };

  return {
    async load(year) {
      const response = await get(`/api/follow-up/${year}`, 'application/json');
      return (await response.json()) as FollowUpResponse;
    },
    async download(year) {
      const response = await get(`/api/follow-up/${year}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      return response.blob();
    },
  };
}
