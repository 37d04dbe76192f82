/**
 * The fake Graph itself: the shapes other tests rely on (token grants, paging, delta links,
 * error bodies, date-only columns) checked with plain HTTP.
 */
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';

let fake: FakeGraph;
beforeEach(async () => {
  fake = await startFakeGraph();
});
afterEach(async () => {
  await fake.close();
});

const unsignedJwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.x`;

async function token(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${fake.authorityHost}/${fake.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function appToken(): Promise<string> {
  const answer = await token({
    grant_type: 'client_credentials',
    client_id: fake.clientId,
    client_secret: fake.clientSecret,
    scope: 'https://graph.microsoft.com/.default',
  });
  return answer.body.access_token as string;
}

async function get(path: string, bearer: string): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(path.startsWith('http') ? path : `${fake.baseUrl}${path}`, { headers: { Authorization: `Bearer ${bearer}` } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const itemsPath = () => `/sites/${fake.siteId}/lists/${fake.listInfo('balance').id}/items`;

describe('fake Graph', () => {
  it('issues on-behalf-of tokens through a hook, and denies chosen users', async () => {
    fake.seed('balance', [{ fields: { Title: 'A' } }]);
    const obo = (user: string) =>
      token({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        client_id: fake.clientId,
        client_secret: fake.clientSecret,
        assertion: unsignedJwt({ upn: user }),
        requested_token_use: 'on_behalf_of',
        scope: 'https://graph.microsoft.com/Sites.Read.All',
      });

    const anna = await obo('anna@contoso.se');
    expect(anna.status).toBe(200);
    expect((await get(itemsPath(), anna.body.access_token as string)).status).toBe(200);

    fake.denyUser('bo@contoso.se');
    const bo = await obo('bo@contoso.se');
    expect((await get(itemsPath(), bo.body.access_token as string)).body).toMatchObject({ error: { code: 'accessDenied' } });

    fake.setOnBehalfOf(() => ({ ok: false, error: 'invalid_grant', description: 'AADSTS50013: Assertion failed signature validation.' }));
    const refused = await obo('anna@contoso.se');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
  });

  it('refuses Graph calls without a valid token', async () => {
    expect((await get(itemsPath(), 'not-a-token')).body).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    expect((await get(itemsPath(), 'not-a-token')).status).toBe(401);
  });

  it('pages items with $top and $skiptoken, and returns date-only columns as UTC instants', async () => {
    fake.seed(
      'balance',
      Array.from({ length: 5 }, (_, index) => ({ fields: { Title: `T${index}`, NextFollowUp: index % 2 ? '2022-12-31' : '2022-06-15' } })),
    );
    const bearer = await appToken();

    const first = await get(`${itemsPath()}?$expand=fields($select=Title,NextFollowUp)&$top=3`, bearer);
    const next = first.body['@odata.nextLink'] as string;
    expect(next).toContain('$skiptoken=');
    const second = await get(next, bearer);

    const all = [
      ...(first.body.value as Array<{ id: string; fields: Record<string, unknown> }>),
      ...(second.body.value as Array<{ id: string; fields: Record<string, unknown> }>),
    ];
    expect(all.map((item) => item.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(second.body['@odata.nextLink']).toBeUndefined();
    expect(all[0]?.fields).toEqual({ '@odata.etag': expect.any(String), Title: 'T0', NextFollowUp: '2022-06-14T22:00:00Z' });
    expect(all[1]?.fields.NextFollowUp).toBe('2022-12-30T23:00:00Z');
  });

  it('answers token=latest with an empty page and a delta link, and then only the changes', async () => {
    fake.seed('balance', [{ fields: { Title: 'A' } }, { fields: { Title: 'B' } }]);
    const bearer = await appToken();

    const latest = await get(`${itemsPath()}/delta?token=latest`, bearer);
    expect(latest.body.value).toEqual([]);
    fake.updateItem('balance', '1', { Title: 'A2' });
    fake.deleteItem('balance', '2');
    const changes = await get(latest.body['@odata.deltaLink'] as string, bearer);

    expect(changes.body.value).toEqual([
      expect.objectContaining({ id: '1', eTag: fake.getItem('balance', '1')?.eTag }),
      expect.objectContaining({ id: '2', deleted: { state: 'deleted' } }),
    ]);
  });

  it('answers an expired delta token with 410 resyncRequired and a Location to start over', async () => {
    const bearer = await appToken();
    const latest = await get(`${itemsPath()}/delta?token=latest`, bearer);
    fake.expireDeltaTokens();

    const gone = await get(latest.body['@odata.deltaLink'] as string, bearer);

    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ error: { code: 'resyncRequired', innerError: { code: 'resyncChangesApplyDifferences' } } });
    expect(gone.headers.get('location')).toBe(`${fake.baseUrl}${itemsPath()}/delta`);
  });

  it("answers 429 with Retry-After and Graph's error body", async () => {
    const bearer = await appToken();
    fake.throttle(1, 5);

    const throttled = await get(itemsPath(), bearer);

    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('5');
    expect(throttled.body).toMatchObject({ error: { code: 'TooManyRequests', innerError: { 'request-id': expect.any(String) } } });
    expect((await get(itemsPath(), bearer)).status).toBe(200);
  });

  it('lets other tests add endpoints that take precedence', async () => {
    const bearer = await appToken();
    fake.route('GET', '/sites/:site/lists/:list/columns', (request) => ({ status: 200, body: { value: [{ name: request.params.list }] } }));

    const answer = await get(`/sites/${fake.siteId}/lists/abc/columns`, bearer);

    expect(answer.body).toEqual({ value: [{ name: 'abc' }] });
    expect(fake.graphRequests().at(-1)).toMatchObject({ method: 'GET', status: 200 });
  });
});
