/**
 * The list asked for before the app has loaded (SharePoint mode in Teams): sent with the SSO
 * token and the remembered ETag, and handed to the app once, only for the same user, tenant and
 * ETag; a failed token leaves the asking to the app.
 */
import { requestListEarly, takeEarlyList } from '../../../../tabs/web/src/teams/early-list';

const ANNA = { userId: 'a1', tenantId: 't1' };

type Sent = { url: string; headers: Record<string, string> };

describe('the early list request', () => {
  const realFetch = globalThis.fetch;
  let sent: Sent[];

  beforeEach(() => {
    sent = [];
    globalThis.fetch = (async (url: string, init?: RequestInit) => {
      sent.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
      return new Response(null, { status: 304 });
    }) as typeof fetch;
  });

  afterEach(() => {
    globalThis.fetch = realFetch;
    takeEarlyList(null, null);
  });

  it('sends the token and the remembered ETag, and hands the answer over once', async () => {
    requestListEarly(ANNA, Promise.resolve('sso'), '"kept"');
    const response = await takeEarlyList({ ...ANNA }, '"kept"');
    expect(response?.status).toBe(304);
    expect(sent).toEqual([{ url: '/api/balance-list', headers: { Accept: 'application/json', Authorization: 'Bearer sso', 'If-None-Match': '"kept"' } }]);
    expect(takeEarlyList(ANNA, '"kept"')).toBeNull();
  });

  it('is not handed to another user or tenant, nor for another ETag', () => {
    for (const [account, etag] of [
      [{ userId: 'b2', tenantId: 't1' }, null],
      [{ userId: 'a1', tenantId: 't2' }, null],
      [null, null],
      [ANNA, '"other"'],
    ] as const) {
      requestListEarly(ANNA, Promise.resolve('sso'), null);
      expect(takeEarlyList(account, etag)).toBeNull();
    }
  });

  it('answers null (the app asks itself) when Teams gives no token', async () => {
    requestListEarly(ANNA, Promise.reject(new Error('consent required')), null);
    expect(await takeEarlyList(ANNA, null)).toBeNull();
    expect(sent).toEqual([]);
  });
});
