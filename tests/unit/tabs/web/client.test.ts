/**
 * The tab's API client: sends the last ETag, treats 304 as "unchanged", asks for the Teams token
 * after a 401 (or from the start when told to), and turns error bodies into typed errors.
 */
import { ApiError, createClient } from '../../../../tabs/web/src/api/client';
import { fakeFetch } from './doubles';

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('createClient', () => {
  it('sends If-None-Match after the first load and reports a 304 as unchanged', async () => {
    const { calls, fetch } = fakeFetch([json(200, { entries: [] }, { ETag: '"v1"' }), () => new Response(null, { status: 304 })]);
    const client = createClient({ getToken: async () => 'never', fetch });
    expect(await client.load()).toEqual({ changed: true, view: { entries: [] }, etag: '"v1"' });
    expect(await client.load()).toEqual({ changed: false });
    expect(calls[0]?.headers['If-None-Match']).toBeUndefined();
    expect(calls[1]?.headers['If-None-Match']).toBe('"v1"');
    expect(calls.every((call) => call.headers.Authorization === undefined)).toBe(true);
  });

  it('asks for a token after a 401 and sends it from then on', async () => {
    let asked = 0;
    const { calls, fetch } = fakeFetch([
      json(401, { error: { code: 'unauthorized', message: 'x' } }),
      json(200, {}, { ETag: '"a"' }),
      json(200, {}, { ETag: '"b"' }),
    ]);
    const client = createClient({ getToken: async () => `token-${(asked += 1)}`, fetch });
    await client.load();
    await client.load();
    expect(calls.map((call) => call.headers.Authorization)).toEqual([undefined, 'Bearer token-1', 'Bearer token-2']);
  });

  it('sends the token and the remembered ETag from the first call when told to (SharePoint mode in Teams)', async () => {
    const { calls, fetch } = fakeFetch([() => new Response(null, { status: 304 })]);
    const client = createClient({ getToken: async () => 'sso', fetch, etag: '"kept"', tokenFirst: true });
    expect(await client.load()).toEqual({ changed: false });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers).toMatchObject({ Authorization: 'Bearer sso', 'If-None-Match': '"kept"' });
  });

  it('turns error bodies into typed errors', async () => {
    const { fetch } = fakeFetch([
      json(401, {}),
      json(401, { error: { code: 'unauthorized', message: 'Inloggning krävs.' } }),
      json(403, { error: { code: 'consent-required', message: 'Godkänn' } }),
      () => new Response('<html>proxy error</html>', { status: 502 }),
      json(503, { error: { code: 'auth-unavailable', message: 'Inloggningen kan inte kontrolleras just nu.' } }),
      json(503, { error: { code: 'access-check-unavailable', message: 'Behörigheten kan inte kontrolleras just nu.' } }),
    ]);
    const client = createClient({ getToken: async () => null, fetch });
    await expect(client.load()).rejects.toMatchObject({ code: 'unauthorized', status: 401, message: 'Inloggning krävs.' });
    await expect(client.load()).rejects.toMatchObject({ code: 'consent-required', status: 403 });
    await expect(client.load()).rejects.toMatchObject({ code: 'server', status: 502 });
    await expect(client.load()).rejects.toMatchObject({ code: 'sign-in-unavailable', status: 503 });
    await expect(client.load()).rejects.toMatchObject({ code: 'sign-in-unavailable', status: 503 });
    await expect(client.load()).rejects.toBeInstanceOf(ApiError);
  });

  it('takes an answer already asked for as its first load, and asks itself from then on', async () => {
    const { calls, fetch } = fakeFetch([() => new Response(null, { status: 304 })]);
    const early = Promise.resolve(new Response(JSON.stringify({ entries: [1] }), { status: 200, headers: { ETag: '"early"' } }));
    const client = createClient({ getToken: async () => 'sso', fetch, tokenFirst: true, firstResponse: early });
    expect(await client.load()).toEqual({ changed: true, view: { entries: [1] }, etag: '"early"' });
    expect(calls).toHaveLength(0);
    expect(await client.load()).toEqual({ changed: false });
    expect(calls[0]?.headers).toMatchObject({ Authorization: 'Bearer sso', 'If-None-Match': '"early"' });
  });

  it('asks itself when the early request could not be made', async () => {
    const { calls, fetch } = fakeFetch([json(200, { entries: [] }, { ETag: '"v1"' })]);
    const client = createClient({ getToken: async () => 'sso', fetch, tokenFirst: true, firstResponse: Promise.resolve(null) });
    expect(await client.load()).toEqual({ changed: true, view: { entries: [] }, etag: '"v1"' });
    expect(calls).toHaveLength(1);
  });
});
