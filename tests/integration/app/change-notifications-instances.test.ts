/**
 * Change notifications with two instances sharing one state store (one set of subscriptions, both
 * refresh, the last one to stop removes them), and without the Graph permission (on demand, and
 * the log says why).
 */
import { LIST_NAMES } from '../../../src/ports/list-source';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AppServer } from '../../../app/server';
import { FileStateStore } from '../../../bot/state';
import { loadConfig } from '../../../src/config';
import { silentLogger, type Logger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { RECORD_PREFIX } from '../../../src/sharepoint/change-notifications';
import type { Snapshot } from '../../../src/snapshot';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { TEST_PUBLIC_URL, tenantEnv } from '../../fakes/fake-tenant';
import { capturedLogs, type LogRecord } from '../../fixtures/captured-logs';

const listening = (records: LogRecord[]) => (records.find((line) => line.msg === 'listening')?.url as string | undefined) ?? null;

describe('change notifications across instances', () => {
  const clock = new FixedClock(new Date());
  let graph: FakeGraph;
  let dataDir: string;
  let store: FileStateStore;
  const servers: AppServer[] = [];

  beforeEach(async () => {
    graph = await startFakeGraph({ now: () => clock.now() });
    graph.seed('balance', [
      { id: '1', fields: { Title: 'Förbättrad psykisk hälsa', EntryKey: 'mal-1', Section: 'Flera områden', EntryKind: 'Punkt', SortOrder: 1 } },
    ]);
    dataDir = mkdtempSync(join(tmpdir(), 'instances-'));
    store = new FileStateStore({ dir: dataDir }, { logger: silentLogger });
  });

  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    await graph.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(logger: Logger) {
    const config = loadConfig({
      ...tenantEnv(graph),
      PUBLIC_URL: TEST_PUBLIC_URL,
      CHANGE_NOTIFICATIONS: 'on',
      PORT: '0',
      DATA_DIR: dataDir,
      REFRESH_INTERVAL_SECONDS: '3600',
    });
    const server = await createServer(config, { clock, logger, stateStore: store });
    servers.push(server);
    await server.listen();
    return server;
  }

  it('share one subscription per list; the instance Graph calls tells the other, and both refresh', async () => {
    const a = capturedLogs('info');
    const b = capturedLogs('info');
    // The load balancer sends Graph's calls to the first instance.
    graph.subscriptions.deliverTo(TEST_PUBLIC_URL, () => listening(a.records));
    const first = await start(a.logger);
    const second = await start(b.logger);
    expect(graph.subscriptions.live()).toHaveLength(LIST_NAMES.length);
    expect(graph.graphRequests().filter((entry) => entry.method === 'POST' && entry.path.endsWith('/subscriptions'))).toHaveLength(LIST_NAMES.length);
    expect(second.changeNotifications?.subscriptions.isLive).toBe(true);

    await second.changeNotifications?.subscriptions.tick('marker'); // the marker as it is now
    const seenByFirst = new Promise<Snapshot>((resolve) => first.snapshots.onChange(resolve));
    const seenBySecond = new Promise<Snapshot>((resolve) => second.snapshots.onChange(resolve));
    graph.updateItem('balance', '1', { Title: 'Ändrad i SharePoint' });
    expect((await seenByFirst).view.entries[0]?.title).toBe('Ändrad i SharePoint');
    await graph.subscriptions.settled();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the marker is written
    await second.changeNotifications?.subscriptions.tick('marker');
    expect((await seenBySecond).view.entries[0]?.title).toBe('Ändrad i SharePoint');

    // The first stops: the second still needs the subscriptions.
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    expect(graph.subscriptions.live()).toHaveLength(LIST_NAMES.length);
    await second.close();
    servers.splice(servers.indexOf(second), 1);
    expect(graph.subscriptions.live()).toHaveLength(0);
    expect(await store.list(RECORD_PREFIX)).toEqual([]);
  });

  it('reads on demand when Graph refuses the subscription, and the log says why', async () => {
    const a = capturedLogs('info');
    graph.subscriptions.deliverTo(TEST_PUBLIC_URL, () => listening(a.records));
    graph.subscriptions.allowed = false;
    const server = await start(a.logger);
    expect(server.changeNotifications?.subscriptions.isLive).toBe(false);
    const line = a.records.find((entry) => entry.msg === 'change notifications not live; lists read on demand');
    expect(String(line?.reason)).toMatch(/403.*Sites\.ReadWrite\.All/);
    // One refused request, not one per list.
    expect(graph.graphRequests().filter((entry) => entry.path.endsWith('/subscriptions'))).toHaveLength(1);
    expect(graph.subscriptions.live()).toHaveLength(0);
  });
});
