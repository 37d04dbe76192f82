/**
 * The whole server in SharePoint mode, logging at trace level, through the things that log the
 * most (start-up, reads, a Graph outage, refused tab tokens, refused bot calls, wrong and right
 * notify secrets): no secret, password or bearer token ever reaches the log.
 */
import { loadConfig } from '../../../src/config';
import { FixedClock } from '../../../src/ports/clock';
import { createServer, type AppServer } from '../../../app/server';
import type { FakeEntra } from '../../fakes/fake-entra';
import type { FakeGraph } from '../../fakes/fake-graph';
import { startFakeTenant, type FakeTenant } from '../../fakes/fake-tenant';
import { capturedLogs } from '../../fixtures/captured-logs';

const APP_PASSWORD = 'bot-password-Q9x7Lm2Vd8';
const NOTIFY_SECRET = 'notify-secret-Zt4Kp8Wq1Rn6';

describe('secrets in the server log', () => {
  let tenant: FakeTenant;
  let graph: FakeGraph;
  let entra: FakeEntra;
  let server: AppServer;
  let url: string;
  const { logger, lines } = capturedLogs('trace');

  beforeAll(async () => {
    const clock = new FixedClock('2022-12-01T09:00:00Z');
    tenant = await startFakeTenant({ now: () => clock.now() });
    ({ graph, entra } = tenant);
    graph.seed('balance', [{ id: '1', fields: { Title: 'Punkt', EntryKey: 'punkt-1', Section: 'Flera områden', EntryKind: 'Punkt', SortOrder: 1 } }]);
    const config = loadConfig({
      ...tenant.env,
      PORT: '0',
      HOST: '127.0.0.1',
      REFRESH_INTERVAL_SECONDS: '3600',
      MicrosoftAppId: '7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      MicrosoftAppPassword: APP_PASSWORD,
      MicrosoftAppTenantId: graph.tenantId,
      NOTIFY_SECRET,
      DIGEST_SCHEDULE: 'off',
    });
    server = await createServer(config, { clock, logger });
    ({ url } = await server.listen());
  });

  afterAll(async () => {
    await server?.close();
    await tenant?.close();
  });

  it('holds no secret after start-up, Graph refusing access, refused calls and a notify run', async () => {
    const userToken = await entra.token('anna@contoso.onmicrosoft.com');
    await fetch(`${url}/api/balance-list`, { headers: { Authorization: `Bearer ${userToken}` } });
    await fetch(`${url}/api/balance-list`, { headers: { Authorization: `Bearer ${userToken}x` } });
    graph.fail({ status: 403, count: 10 });
    await server.snapshots.refresh();
    await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'typing',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        channelId: 'msteams',
        conversation: { id: 'x' },
        from: { id: 'y' },
        recipient: { id: 'z' },
      }),
    });
    expect((await fetch(`${url}/api/notify`, { method: 'POST', headers: { Authorization: `Bearer ${NOTIFY_SECRET}-wrong` } })).status).toBe(401);
    const run = await fetch(`${url}/api/notify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${NOTIFY_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ dryRun: true }),
    });
    expect([200, 503]).toContain(run.status);

    const log = lines.join('\n');
    expect(log).toContain('notify request with a wrong or missing secret');
    for (const secret of [graph.clientSecret, APP_PASSWORD, NOTIFY_SECRET, userToken, userToken.split('.')[2] as string]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/Bearer [A-Za-z0-9._-]{20,}/);
  });
});
