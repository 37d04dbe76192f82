/**
 * The list asked for before the app has loaded (SharePoint mode in Teams): sent with the SSO
 * token and the remembered ETag, and handed to the app once, only for the same user, tenant and
 * ETag; a failed token leaves the asking to the app.
 */
import { expectEarlyList, requestListEarly, takeEarlyList } from '../../../../tabs/web/src/teams/early-list';

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
    expectEarlyList(Promise.resolve(requestListEarly(ANNA, Promise.resolve('sso'), '"kept"')));
    const response = await takeEarlyList({ ...ANNA }, '"kept"');
    expect(response?.status).toBe(304);
    expect(sent).toEqual([{ url: '/api/balance-list', headers: { Accept: 'application/json', Authorization: 'Bearer sso', 'If-None-Match': '"kept"' } }]);
    expect(takeEarlyList(ANNA, '"kept"')).toBeNull();
  });

  it('waits for Teams when the app is quicker than the early request', async () => {
    let answer: (request: ReturnType<typeof requestListEarly>) => void = () => undefined;
    expectEarlyList(new Promise((resolve) => (answer = resolve)));
    const taken = takeEarlyList(ANNA, null);
    expect(taken).not.toBeNull();
    answer(requestListEarly(ANNA, Promise.resolve('sso'), null));
    expect((await taken)?.status).toBe(304);
  });

  it('is not handed to another user or tenant, nor for another ETag', async () => {
    for (const [account, etag] of [
      [{ userId: 'b2', tenantId: 't1' }, null],
      [{ userId: 'a1', tenantId: 't2' }, null],
      [ANNA, '"other"'],
    ] as const) {
      expectEarlyList(Promise.resolve(requestListEarly(ANNA, Promise.resolve('sso'), null)));
      expect(await takeEarlyList(account, etag)).toBeNull();
    }
    expectEarlyList(Promise.resolve(requestListEarly(ANNA, Promise.resolve('sso'), null)));
    expect(takeEarlyList(null, null)).toBeNull();
  });

  it('answers null (the app asks itself) when Teams gives no token or named nobody', async () => {
    expectEarlyList(Promise.resolve(requestListEarly(ANNA, Promise.reject(new Error('consent required')), null)));
    expect(await takeEarlyList(ANNA, null)).toBeNull();
    expectEarlyList(Promise.resolve(null));
    expect(await takeEarlyList(ANNA, null)).toBeNull();
    expect(sent).toEqual([]);
  });

  it('hands nothing over when nothing was asked for early', () => {
    expect(takeEarlyList(ANNA, null)).toBeNull();
  });
});
