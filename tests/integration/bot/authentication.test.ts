/**
 * With MicrosoftAppId set, every call to /api/messages must carry a Bot Framework token: none,
 * a badly signed one, one for another bot or one for another service URL is rejected with 401;
 * a token from the (fake) channel issuer is accepted. Without an app id, calls from loopback are
 * accepted anonymously.
 */
import { MemoryListSource } from '../../fakes/memory-list-source';
import { sampleTeam, startFakeBotConnector, type FakeBotConnector } from '../../fakes/fake-bot-connector';
import { sampleListData } from '../../fixtures/bot/list-items';
import { channelMessage } from '../../fixtures/bot/teams-activities';
import { startHarness, type Harness } from './harness';
import { capturedLogs } from '../../fixtures/captured-logs';

const APP_ID = '7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const TENANT = '8c2f4e1a-3b5d-4f6e-9a7b-1c2d3e4f5a6b';
const TEAM = sampleTeam();

describe('authenticated bot endpoint (SingleTenant app)', () => {
  let connector: FakeBotConnector;
  let harness: Harness;
  const { logger, records } = capturedLogs('info');

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    harness = await startHarness({
      source: new MemoryListSource(sampleListData()),
      connector,
      logger,
      env: { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: TENANT },
      endpoints: { openIdMetadataUrl: connector.issuer.openIdMetadataUrl, tokenIssuer: connector.issuer.tokenIssuer },
    });
  });
  afterAll(async () => {
    await harness?.close();
    await connector?.close();
  });

  // A typing indicator needs no answer, so the bot makes no outgoing (token-needing) call.
  const typing = () => ({ ...channelMessage({ serviceUrl: connector.serviceUrl, team: TEAM }, ''), type: 'typing' });

  test('a call without a token is rejected with 401', async () => {
    expect((await harness.send(typing())).status).toBe(401);
  });

  test('a token signed with an unknown key is rejected with 401', async () => {
    const token = await connector.issuer.signWithUnknownKey({ appId: APP_ID, serviceUrl: connector.serviceUrl });
    expect((await harness.send(typing(), { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  test('a token for another bot is rejected with 401', async () => {
    const token = await connector.issuer.signToken({ appId: '00000000-1111-2222-3333-444444444444', serviceUrl: connector.serviceUrl });
    expect((await harness.send(typing(), { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  test('a token issued for another service URL is rejected with 401', async () => {
    const token = await connector.issuer.signToken({ appId: APP_ID, serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    expect((await harness.send(typing(), { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  test('an expired token is rejected with 401', async () => {
    const token = await connector.issuer.signToken({ appId: APP_ID, serviceUrl: connector.serviceUrl, expiresInSeconds: -3600 });
    expect((await harness.send(typing(), { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  test('a body that is not an activity gets 400 before any token check, and no detail', async () => {
    for (const body of [{}, { type: '' }]) {
      const response = await harness.send(body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).not.toMatch(/validateAndFixActivity|at .*\.js|node_modules/);
    }
  });

  test('a refused call is one JSON log line with the reason, and the 401 body is short, with no library text', async () => {
    const cases: Array<[string | null, RegExp]> = [
      [null, /authorization|header/i],
      [await connector.issuer.signToken({ appId: APP_ID, serviceUrl: connector.serviceUrl, expiresInSeconds: -3600 }), /expired/i],
      [await connector.issuer.signToken({ appId: '00000000-1111-2222-3333-444444444444', serviceUrl: connector.serviceUrl }), /appid|audience/i],
    ];
    for (const [token, reason] of cases) {
      records.length = 0;
      const response = await harness.send(typing(), token ? { authorization: `Bearer ${token}` } : {});
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { code: 'unauthorized', message: 'A valid Bot Framework token is required.' } });
      const refused = records.filter((entry) => entry.msg === 'refused a bot call that is not authenticated');
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({ level: 40, module: 'bot-endpoint', type: 'typing', reason: expect.stringMatching(reason) });
      expect(String(refused[0]?.reason)).not.toMatch(/\n| {4}at /);
      expect(records.filter((entry) => entry.level >= 50)).toEqual([]);
    }
  });

  test('a valid channel token is accepted', async () => {
    const token = await connector.issuer.signToken({ appId: APP_ID, serviceUrl: connector.serviceUrl });
    const response = await harness.send(typing(), { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
  });
});

describe('anonymous bot endpoint (no app id, local mode)', () => {
  test('accepts unauthenticated calls from loopback', async () => {
    const harness = await startHarness({ source: new MemoryListSource(sampleListData()) });
    try {
      const response = await harness.send({ ...channelMessage({ serviceUrl: harness.connector.serviceUrl, team: TEAM }, ''), type: 'typing' });
      expect(response.status).toBe(200);
    } finally {
      await harness.close();
    }
  });
});
