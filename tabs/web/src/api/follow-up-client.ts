/**
 * Reads the forum's year from `GET /api/follow-up/:year` (JSON) and fetches its Word file from
 * `GET /api/follow-up/:year.docx`. In SharePoint mode the API wants the Teams SSO token, and a
 * plain link cannot carry it, so the Word file is fetched as a blob with the token and then saved.
 */
import type { FollowUpYear } from '../../../../src/domain/forum-year';
import type { CalendarDate } from '../../../../src/domain/types';
import type { SavedDocumentView } from '../../../../src/view-model';
import { authorizedFetch } from './authorized-fetch';
import { ApiError, readApiError, type ApiErrorCode } from './client';

/** The year's follow-up as the API answers it; `today` when the server adds it. */
export type FollowUpResponse = FollowUpYear & { today?: CalendarDate };

export interface FollowUpClient {
  load(year: number): Promise<FollowUpResponse>;
  /** The Word file of the year. */
  download(year: number): Promise<Blob>;
  /** A meeting's agenda or minutes as a Word file (`GET /api/meetings/:key/:kind.docx`). */
  downloadMeeting(key: string, kind: 'dagordning' | 'minnesanteckningar'): Promise<Blob>;
  /** Saves a document where the forum keeps them (`POST /api/documents`): the library, or the local folder. */
  saveDocument(request: SaveDocumentRequest): Promise<SavedDocumentView>;
}

export type SaveDocumentRequest = { kind: 'dagordning' | 'minnesanteckningar'; meeting: string } | { kind: 'uppfoljning'; year: number };

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

async function errorFrom(response: Response): Promise<FollowUpError> {
  const { code, message } = await readApiError(response, response.status === 401 ? 'unauthorized' : response.status === 400 ? 'invalid-year' : 'server');
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
  const authorizedGet = authorizedFetch({
    getToken: options.getToken,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    tokenNow: options.tokenFirst,
    networkError: (message) => new FollowUpError('network', 0, message),
  });

  const get = async (path: string, accept: string): Promise<Response> => {
    const response = await authorizedGet(path, { Accept: accept });
    if (!response.ok) throw await errorFrom(response);
    return response;
  };

  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  /** A POST with the token (in SharePoint mode from the start; otherwise after a 401). */
  const post = async (path: string, body: unknown): Promise<Response> => {
    const send = async (withToken: boolean) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
      const token = withToken ? await options.getToken() : null;
      if (token) headers.Authorization = `Bearer ${token}`;
      try {
        return await doFetch(`${options.baseUrl ?? ''}${path}`, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
      } catch (error) {
        throw new FollowUpError('network', 0, error instanceof Error ? error.message : String(error));
      }
    };
    const first = options.tokenFirst?.() === true;
    let response = await send(first);
    if (response.status === 401 && !first) response = await send(true);
    if (!response.ok) throw await errorFrom(response);
    return response;
  };

  return {
    async saveDocument(request) {
      return (await (await post('/api/documents', request)).json()) as SavedDocumentView;
    },
    async load(year) {
      const response = await get(`/api/follow-up/${year}`, 'application/json');
      return (await response.json()) as FollowUpResponse;
    },
    async download(year) {
      const response = await get(`/api/follow-up/${year}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      return response.blob();
    },
    async downloadMeeting(key, kind) {
      const response = await get(
        `/api/meetings/${encodeURIComponent(key)}/${kind}.docx`,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      return response.blob();
    },
  };
}
