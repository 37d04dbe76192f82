/**
 * The tab's on-behalf-of access check goes through the app's one Graph pipeline: a 429 with
 * Retry-After is waited out and retried like any other Graph call, and logged the same way.
 */
import { loadConfig, type Config } from '../../../src/config';
import { FixedClock } from '../../../src/ports/clock';
import type { ListName } from '../../../src/ports/list-source';
import { createGraphClients, type GraphRequestInfo } from '../../../src/sharepoint/graph-client';
import { GraphAccessChecker } from '../../../tabs/api/auth/access-check';
import type { TabUser } from '../../../tabs/api/auth/token-validator';
import { startFakeTenant, type FakeTenant } from '../../fakes/fake-tenant';
import { capturedLogs } from '../../fixtures/captured-logs';

const NOW = '2025-03-10T09:00:00Z';

describe('on-behalf-of access check through the Graph pipeline', () => {
  let tenant: FakeTenant;
  let config: Config;
  const clock = new FixedClock(NOW);
  const { logger, records: logLines } = capturedLogs('debug');

  beforeAll(async () => {
    tenant = await startFakeTenant({ now: () => clock.now() });
    config = loadConfig({ ...tenant.env, LOG_LEVEL: 'debug' });
  });

  afterAll(async () => {
    await tenant.close();
  });

  beforeEach(() => {
    tenant.graph.resetLog();
    logLines.length = 0;
  });

  async function checker(): Promise<{ check: GraphAccessChecker; sleeps: number[]; exchanges: GraphRequestInfo[]; user: TabUser }> {
    const sleeps: number[] = [];
    const exchanges: GraphRequestInfo[] = [];
    // The pipeline's clock moves only when it "sleeps", so waits are recorded, never spent.
    let now = Date.parse(NOW);
    const graph = createGraphClients(config.graph!, {
      logger,
      onRequest: (info) => exchanges.push(info),
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
      now: () => now,
      random: () => 0,
    });
    const check = new GraphAccessChecker({ graph, sharePoint: config.sharePoint!, ttlSeconds: 300, clock, logger });
    const token = await tenant.entra.token('anna@contoso.onmicrosoft.com');
    return {
      check,
      sleeps,
      exchanges,
      user: {
        oid: 'anna-oid',
        tenantId: tenant.graph.tenantId,
        name: 'anna',
        username: 'anna@contoso.onmicrosoft.com',
        token,
        expiresAt: new Date(Date.parse(NOW) + 3600_000),
      },
    };
  }

  it('waits out a 429 with Retry-After, retries, and allows the user', async () => {
    const { check, sleeps, user } = await checker();
    tenant.graph.throttle(1, 2);

    await expect(check.check(user)).resolves.toEqual({ kind: 'allowed' });

    const statuses = tenant.graph.graphRequests().map((request) => request.status);
    expect(statuses[0]).toBe(429);
    expect(statuses.slice(1).every((status) => status === 200)).toBe(true);
    expect(sleeps).toEqual([2000]);
  });

  it('logs its Graph requests like every other Graph call, and counts them', async () => {
    const { check, exchanges, user } = await checker();
    tenant.graph.throttle(1, 1);

    await check.check(user);

    const retry = logLines.find((line) => line.msg === 'Graph asked to retry later; waiting');
    expect(retry).toMatchObject({ module: 'graph', status: 429, retryAfterMs: 1000 });
    const graphExchanges = logLines.filter((line) => line.msg === 'Graph exchange');
    expect(graphExchanges.map((line) => line.status)).toEqual(tenant.graph.graphRequests().map((request) => request.status));
    expect(graphExchanges.every((line) => line.module === 'graph')).toBe(true);
    // The on-behalf-of exchange itself is counted with the Graph calls.
    expect(exchanges.some((info) => info.url.includes('/oauth2/v2.0/token') && info.status === 200)).toBe(true);
    expect(JSON.stringify(logLines)).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}/);
  });

  it('asks for every list the app serves: a user the ärenden list is not shared with is denied', async () => {
    const { user } = await checker();
    const graph = createGraphClients(config.graph!, { logger });
    const served = async () => ['balance', 'meetings', 'errands'] as ListName[];
    const check = new GraphAccessChecker({ graph, sharePoint: config.sharePoint!, servedLists: served, ttlSeconds: 300, clock, logger });
    tenant.graph.denyUserOnList('anna@contoso.onmicrosoft.com', config.sharePoint!.lists.errands);
    try {
      await expect(check.check(user)).resolves.toMatchObject({ kind: 'denied' });
      // The same user, asked only for the two lists the app served before the forum's year, is allowed.
      const before = new GraphAccessChecker({ graph, sharePoint: config.sharePoint!, ttlSeconds: 300, clock, logger });
      await expect(before.check(user)).resolves.toEqual({ kind: 'allowed' });
    } finally {
      tenant.graph.allowUser('anna@contoso.onmicrosoft.com');
    }
  });

  it('answers "unavailable" when Graph keeps throttling beyond what the pipeline waits', async () => {
    const { check, sleeps, user } = await checker();
    tenant.graph.throttle(1, 3600);

    await expect(check.check(user)).rejects.toMatchObject({ name: 'AccessCheckUnavailable' });
    expect(sleeps).toEqual([]);
  });
});
