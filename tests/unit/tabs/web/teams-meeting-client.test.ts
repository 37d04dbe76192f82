/**
 * @jest-environment node
 */
/**
 * Asking the app's server for the Teams meeting's details (`GET /api/teams-meeting/:meetingId`,
 * read by the bot): the answer, or a refusal for every way the call can fail, so the side panel
 * goes on to Teams.
 */
import { createTeamsMeetingClient } from '../../../../tabs/web/src/api/teams-meeting-client';

describe("the server's answer about the Teams meeting", () => {
  const ID = btoa('0#19:meeting_x@thread.v2#0');
  /** A stand-in for the page's fetch answering `respond`, recording what was asked. */
  const server = (respond: (url: string, init: RequestInit) => Promise<Response>) => {
    const seen: Array<{ url: string; authorization: string | null }> = [];
    const fetcher = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      seen.push({ url: String(input), authorization: new Headers(init.headers).get('Authorization') });
      return respond(String(input), init);
    }) as typeof fetch;
    return { fetcher, seen };
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  it('gives the scheduled start and join link, sending the token from the start in SharePoint mode and the id encoded', async () => {
    const { fetcher, seen } = server(async () =>
      json(200, { scheduledStart: '2022-11-16T23:30:00Z', joinUrl: 'https://teams.microsoft.com/meet/123456789', title: 'SVOM', type: 'Scheduled' }),
    );
    const client = createTeamsMeetingClient({ getToken: async () => 'token-1', tokenFirst: () => true, fetch: fetcher });
    expect(await client.details(`${ID}/+`)).toEqual({
      ok: true,
      scheduledStart: '2022-11-16T23:30:00Z',
      joinUrl: 'https://teams.microsoft.com/meet/123456789',
    });
    expect(seen).toEqual([{ url: `/api/teams-meeting/${encodeURIComponent(`${ID}/+`)}`, authorization: 'Bearer token-1' }]);
  });

  it('refuses with the status and code of an error answer, a page that is not JSON, no connection, and no answer in time', async () => {
    const refusing = server(async () => json(409, { error: { code: 'bot-not-installed', message: 'The bot is not installed …' } }));
    expect(await createTeamsMeetingClient({ getToken: async () => null, fetch: refusing.fetcher }).details(ID)).toEqual({
      ok: false,
      reason: 'server 409 bot-not-installed',
    });
    const proxy = server(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(await createTeamsMeetingClient({ getToken: async () => null, fetch: proxy.fetcher }).details(ID)).toEqual({ ok: false, reason: 'server 502' });
    const offline = server(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await createTeamsMeetingClient({ getToken: async () => null, fetch: offline.fetcher }).details(ID)).toEqual({
      ok: false,
      reason: 'server: Failed to fetch',
    });
    const silent = server(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    expect(await createTeamsMeetingClient({ getToken: async () => null, fetch: silent.fetcher, timeoutMs: 20 }).details(ID)).toEqual({
      ok: false,
      reason: 'server: no answer within 20 ms',
    });
  });
});
