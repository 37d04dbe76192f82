/**
 * The follow-up client: the year's JSON and Word file from /api/follow-up, the Teams token from the
 * first call in SharePoint mode or after a 401 otherwise, and a refused year as its own error.
 */
import { ApiError } from '../../../../tabs/web/src/api/client';
import { createFollowUpClient, FollowUpError } from '../../../../tabs/web/src/api/follow-up-client';
import { fakeFetch } from './doubles';

const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('createFollowUpClient', () => {
  it('reads the year and fetches its Word file, without a token where none is asked for', async () => {
    const { calls, fetch } = fakeFetch([
      json(200, { year: 2017, hasMeetings: true }),
      () => new Response('PK', { status: 200, headers: { 'Content-Type': DOCX } }),
    ]);
    const client = createFollowUpClient({ getToken: async () => 'never', fetch });
    expect(await client.load(2017)).toEqual({ year: 2017, hasMeetings: true });
    const file = await client.download(2017);
    expect(await file.text()).toBe('PK');
    expect(calls.map((call) => call.url)).toEqual(['/api/follow-up/2017', '/api/follow-up/2017.docx']);
    expect(calls[1]?.headers.Accept).toBe(DOCX);
    expect(calls.every((call) => call.headers.Authorization === undefined)).toBe(true);
  });

  it('sends the token from the first call in SharePoint mode', async () => {
    const { calls, fetch } = fakeFetch([() => new Response('PK', { status: 200 })]);
    const client = createFollowUpClient({ getToken: async () => 'sso', tokenFirst: () => true, fetch, baseUrl: 'https://tab.example' });
    await client.download(2022);
    expect(calls).toEqual([{ url: 'https://tab.example/api/follow-up/2022.docx', headers: { Accept: DOCX, Authorization: 'Bearer sso' } }]);
  });

  it('asks for a token after a 401 and sends it from then on', async () => {
    let asked = 0;
    const { calls, fetch } = fakeFetch([json(401, { error: { code: 'unauthorized', message: 'x' } }), json(200, { year: 2017 }), json(200, { year: 2018 })]);
    const client = createFollowUpClient({ getToken: async () => `token-${(asked += 1)}`, fetch });
    await client.load(2017);
    await client.load(2018);
    expect(calls.map((call) => call.headers.Authorization)).toEqual([undefined, 'Bearer token-1', 'Bearer token-2']);
  });

  it('turns a refused year, access errors and network failures into typed errors', async () => {
    const { fetch } = fakeFetch([
      json(400, { error: { code: 'invalid-year', message: 'Året måste anges med fyra siffror mellan 2000 och 2100.' } }),
      json(403, { error: { code: 'access-denied', message: 'Ingen behörighet' } }),
      json(503, { error: { code: 'auth-unavailable', message: 'x' } }),
      () => new Response('<html>proxy</html>', { status: 502 }),
    ]);
    const client = createFollowUpClient({ getToken: async () => null, fetch });
    await expect(client.load(1999)).rejects.toMatchObject({
      invalidYear: true,
      status: 400,
      message: 'Året måste anges med fyra siffror mellan 2000 och 2100.',
    });
    await expect(client.load(2017)).rejects.toMatchObject({ invalidYear: false, code: 'access-denied', status: 403 });
    await expect(client.download(2017)).rejects.toMatchObject({ code: 'sign-in-unavailable', status: 503 });
    await expect(client.load(2017)).rejects.toMatchObject({ code: 'server', status: 502 });
    const failure = await client.load(2017).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FollowUpError);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'network', status: 0 });
  });
});
