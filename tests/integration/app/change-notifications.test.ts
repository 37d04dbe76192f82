/**
 * Graph change notifications end to end against the fake Graph: subscriptions created with the
 * validation handshake, notifications acknowledged at once and read by delta (a burst coalesced),
 * forged and unknown notifications, renewal and expiry on a fake clock, a 404 on renewal,
 * lifecycle events, a notification during throttling, duplicates, and removal on stop.
 */
import { LIST_NAMES } from '../../../src/ports/list-source';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AppServer } from '../../../app/server';
import { FileStateStore } from '../../../bot/state';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { RECORD_PREFIX, type SubscriptionRecord } from '../../../src/sharepoint/change-notifications';
import type { Snapshot } from '../../../src/snapshot';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { TEST_PUBLIC_URL, tenantEnv } from '../../fakes/fake-tenant';
import { capturedLogs } from '../../fixtures/captured-logs';

const DAY = 24 * 60 * 60 * 1000;
const deltaBatches = (graph: FakeGraph) => graph.graphRequests().filter((entry) => entry.path.endsWith('/$batch')).length;

function waitFor<T>(check: () => T | null | undefined | false, ms = 5000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      const value = check();
      if (value) resolve(value);
      else if (Date.now() - started > ms) reject(new Error('timed out waiting'));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

describe('Graph change notifications', () => {
  const clock = new FixedClock(new Date());
  let graph: FakeGraph;
  let server: AppServer;
  let store: FileStateStore;
  let dataDir: string;
  const { logger, records: lines } = capturedLogs('info');

  const records = async () =>
    Promise.all((await store.list(RECORD_PREFIX)).map(async (key) => (await store.get<SubscriptionRecord>(key))?.value as SubscriptionRecord));
  const nextChange = () =>
    new Promise<Snapshot>((resolve) => {
      const stop = server.snapshots.onChange((snapshot) => {
        stop();
        resolve(snapshot);
      });
    });
  const subscriptions = () => {
    if (!server.changeNotifications) throw new Error('change notifications are not running');
    return server.changeNotifications.subscriptions;
  };

  beforeAll(async () => {
    graph = await startFakeGraph({ now: () => clock.now() });
    graph.seed('balance', [
      { id: '1', fields: { Title: 'Förbättrad psykisk hälsa', EntryKey: 'mal-1', Section: 'Flera områden', EntryKind: 'Punkt', SortOrder: 1 } },
    ]);
    dataDir = mkdtempSync(join(tmpdir(), 'notifications-'));
    store = new FileStateStore({ dir: dataDir }, { logger: silentLogger });
    const config = loadConfig({
      ...tenantEnv(graph),
      PUBLIC_URL: TEST_PUBLIC_URL,
      CHANGE_NOTIFICATIONS: 'on',
      PORT: '0',
      DATA_DIR: dataDir,
      REFRESH_INTERVAL_SECONDS: '3600',
    });
    server = await createServer(config, { clock, logger, stateStore: store });
    // Graph calls the public https address; behind it stands this server.
    graph.subscriptions.deliverTo(TEST_PUBLIC_URL, () => (lines.find((line) => line.msg === 'listening')?.url as string | undefined) ?? null);
    await server.listen();
  });

  afterAll(async () => {
    await server?.close();
    await graph?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('subscribes to each list after answering the validation with the token as text/plain', async () => {
    const live = graph.subscriptions.live();
    const site = graph.siteId;
    expect(live).toHaveLength(LIST_NAMES.length);
    for (const subscription of live) {
      expect(subscription.resource).toBe(`sites/${site}/lists/${subscription.listId}`);
      expect(subscription.changeType).toBe('updated');
      expect(subscription.notificationUrl).toBe(`${TEST_PUBLIC_URL}/api/graph/notifications`);
      expect(subscription.lifecycleNotificationUrl).toBe(`${TEST_PUBLIC_URL}/api/graph/lifecycle`);
      expect(Date.parse(subscription.expirationDateTime) - clock.now().getTime()).toBeLessThan(42_300 * 60_000);
    }
    const validations = graph.subscriptions.deliveries.filter((delivery) => delivery.kind === 'validation');
    expect(validations).toHaveLength(2 * LIST_NAMES.length);
    expect(validations.every((delivery) => delivery.status === 200 && delivery.ms < 10_000)).toBe(true);
    const kept = await records();
    expect(new Set(kept.map((record) => record.clientState)).size).toBe(LIST_NAMES.length);
    expect(kept.every((record) => record.clientState.length >= 40 && record.claim === null)).toBe(true);
    expect(subscriptions().isLive).toBe(true);
    expect(lines.some((line) => line.msg?.toString().startsWith('change notifications live'))).toBe(true);
    // The clientState is a secret: never in the log.
    expect(JSON.stringify(lines)).not.toContain(kept[0]?.clientState);
  });

  it('acknowledges a notification with 202 within 3 s and reads the change by delta', async () => {
    await graph.subscriptions.settled();
    graph.resetLog();
    const changed = nextChange();
    graph.updateItem('balance', '1', { Title: 'Ändrad i SharePoint' });
    const snapshot = await changed;
    expect(snapshot.view.entries[0]?.title).toBe('Ändrad i SharePoint');
    await graph.subscriptions.settled();
    const notification = graph.subscriptions.deliveries.filter((delivery) => delivery.kind === 'notification').at(-1);
    expect(notification).toMatchObject({ status: 202 });
    expect(notification?.ms).toBeLessThan(3000);
    expect(deltaBatches(graph)).toBe(1);
  });

  it('reads a burst of 100 edits in two delta requests', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the last burst is over
    graph.resetLog();
    for (let n = 1; n <= 100; n += 1) {
      graph.updateItem('balance', '1', { Title: `Ändring ${n}` });
      if (n % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await graph.subscriptions.settled();
    // The burst's last read comes when it has been quiet for a second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await server.snapshots.get()).view.entries[0]?.title).toBe('Ändring 100');
    expect(deltaBatches(graph)).toBeLessThanOrEqual(3);
  });

  it('rejects and logs a notification with a wrong clientState, and ignores one for an unknown subscription', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    graph.resetLog();
    const [subscription] = graph.subscriptions.live();
    const forged = await graph.subscriptions.send(subscription?.id ?? '', { clientState: 'guessed' });
    expect(forged).toBe(403);
    expect(
      lines.some((line) => String(line.msg).startsWith('notification rejected') && JSON.stringify(line.subscriptionIds).includes(subscription?.id ?? '?')),
    ).toBe(true);
    const unknown = await graph.subscriptions.send(subscription?.id ?? '', { subscriptionId: '00000000-0000-0000-0000-000000000000' });
    expect(unknown).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deltaBatches(graph)).toBe(0);
  });

  it('reads once for a duplicated notification and does nothing new for a late one', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    graph.resetLog();
    const balance = graph.subscriptions.live().find((subscription) => subscription.listId === graph.listInfo('balance').id);
    await Promise.all([graph.subscriptions.send(balance?.id ?? ''), graph.subscriptions.send(balance?.id ?? '')]);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(deltaBatches(graph)).toBeLessThanOrEqual(2);
    const etag = (await server.snapshots.get()).etag;
    expect(await graph.subscriptions.send(balance?.id ?? '')).toBe(202);
    await server.snapshots.refresh();
    expect((await server.snapshots.get()).etag).toBe(etag);
  });

  it('acknowledges a notification at once while Graph throttles, and reads the change after the wait', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    graph.throttle(1, 1);
    const changed = nextChange();
    graph.updateItem('balance', '1', { Title: 'Ändrad under strypning' });
    await graph.subscriptions.settled();
    expect(graph.subscriptions.deliveries.at(-1)).toMatchObject({ kind: 'notification', status: 202 });
    expect((await changed).view.entries[0]?.title).toBe('Ändrad under strypning');
  });

  it('renews every subscription when less than three days are left, on the fake clock', async () => {
    const before = await records();
    clock.advance(27 * DAY);
    graph.resetLog();
    await subscriptions().tick('maintain');
    // (The app's token expired with the clock's jump: one 401 and a new token first.)
    const patches = graph.graphRequests().filter((entry) => entry.method === 'PATCH' && entry.path.includes('/subscriptions/') && entry.status === 200);
    expect(patches).toHaveLength(LIST_NAMES.length);
    const after = await records();
    for (const record of after) {
      const old = before.find((candidate) => candidate.listId === record.listId);
      expect(record.subscriptionId).toBe(old?.subscriptionId);
      expect(Date.parse(record.expiresAt ?? '')).toBeGreaterThan(clock.now().getTime() + 20 * DAY);
    }
    expect(graph.subscriptions.live()).toHaveLength(LIST_NAMES.length);
  });

  it('creates a subscription again when renewal answers 404, or Graph no longer lists it', async () => {
    const [first, second] = await records();
    graph.subscriptions.drop(first?.subscriptionId ?? '');
    await subscriptions().tick('verify');
    const afterVerify = await records();
    const recreated = afterVerify.find((record) => record.listId === first?.listId);
    expect(recreated?.subscriptionId).not.toBe(first?.subscriptionId);
    expect(recreated?.clientState).not.toBe(first?.clientState);

    graph.subscriptions.drop(second?.subscriptionId ?? '');
    clock.advance(27 * DAY);
    await subscriptions().tick('maintain');
    const renewed = (await records()).find((record) => record.listId === second?.listId);
    expect(renewed?.subscriptionId).not.toBe(second?.subscriptionId);
    expect(graph.subscriptions.live()).toHaveLength(LIST_NAMES.length);
  });

  it('creates them again after they expired unrenewed', async () => {
    clock.advance(40 * DAY);
    expect(graph.subscriptions.live()).toHaveLength(0);
    await subscriptions().tick('maintain');
    expect(graph.subscriptions.live()).toHaveLength(LIST_NAMES.length);
    expect(subscriptions().isLive).toBe(true);
  });

  it('renews on reauthorizationRequired and creates again on subscriptionRemoved', async () => {
    const [subscription] = graph.subscriptions.live();
    graph.resetLog();
    expect(await graph.subscriptions.lifecycle(subscription?.id ?? '', 'reauthorizationRequired')).toBe(202);
    await waitFor(() => graph.graphRequests().some((entry) => entry.method === 'PATCH' && entry.path.includes(subscription?.id ?? '?')));
    const other = graph.subscriptions.live().find((candidate) => candidate.id !== subscription?.id);
    expect(await graph.subscriptions.lifecycle(other?.id ?? '', 'subscriptionRemoved')).toBe(202);
    await waitFor(() => graph.subscriptions.live().length === LIST_NAMES.length + 1 || null);
    const kept = await records();
    expect(kept.some((record) => record.subscriptionId === other?.id)).toBe(false);
  });

  it('removes its subscriptions on an orderly stop', async () => {
    await server.close();
    expect(graph.subscriptions.live().filter((subscription) => subscription.notificationUrl.startsWith(TEST_PUBLIC_URL)).length).toBeLessThanOrEqual(1);
    expect(await store.list(RECORD_PREFIX)).toEqual([]);
  });
});
