/**
 * GET /api/events, the tab's change stream: in SharePoint mode it needs the same token and access
 * check as the list API; it names the snapshot's ETag at once and again on every change (local
 * mode: the local file's change); it sends keep-alive comments; and it ends at the token's expiry
 * and when the server stops.
 */
import type { Server } from 'node:http';
import express from 'express';
import { loadConfig, type Config } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { createGraphClients } from '../../../src/sharepoint/graph-client';
import { SnapshotService } from '../../../src/snapshot';
import { createTabApi } from '../../../tabs/api';
import { startFakeTenant, type FakeTenant } from '../../fakes/fake-tenant';
import { balanceItem, MemoryListSource } from '../../fakes/memory-list-source';
import { etagOf, readStream } from './events-stream';
import { listen, stop } from './loopback';

const NOW = '2025-03-10T09:00:00Z';
const KEEP_ALIVE_MS = 150;

const entry = (id: string, title: string) =>
  balanceItem(id, { Title: title, EntryKey: `k${id}`, Section: 'Flera områden', EntryKind: 'Rubrik', SortOrder: Number(id) });

describe('the change stream in SharePoint mode', () => {
  let tenant: FakeTenant;
  let config: Config;
  let server: Server;
  let url: string;
  let source: MemoryListSource;
  let snapshots: SnapshotService;
  const clock = new FixedClock(NOW);
  const stopping = new AbortController();

  beforeAll(async () => {
    tenant = await startFakeTenant({ now: () => clock.now() });
    config = loadConfig({ ...tenant.env, LOG_LEVEL: 'silent' });
    source = new MemoryListSource({ balance: [entry('1', 'Upphandling')], meetings: [] });
    snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
    const app = express();
    const graph = createGraphClients(config.graph!, { logger: silentLogger });
    app.use(
      createTabApi({
        config,
        snapshots,
        source,
        clock,
        logger: silentLogger,
        graph,
        stopping: stopping.signal,
        overrides: { eventsKeepAliveMs: KEEP_ALIVE_MS },
      }),
    );
    ({ server, url } = await listen(app));
  });

  afterAll(async () => {
    await stop(server);
    await tenant.close();
  });

  const open = (token?: string) => fetch(`${url}/api/events`, { headers: token ? { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } : {} });

  it('refuses a caller without a token with 401 and sends no stream', async () => {
    const response = await open();
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('refuses a token signed with a key Entra does not publish', async () => {
    const response = await open(await tenant.entra.token('anna@contoso.onmicrosoft.com', { key: 'untrusted' }));
    expect(response.status).toBe(401);
  });

  it('refuses a user SharePoint refuses, with 403, before any event', async () => {
    tenant.graph.denyUser('erik@contoso.onmicrosoft.com');
    const response = await open(await tenant.entra.token('erik@contoso.onmicrosoft.com'));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('access-denied');
  });

  it('names the current ETag at once, then the new one when the list changes', async () => {
    const before = (await snapshots.get()).etag;
    const response = await open(await tenant.entra.token('anna@contoso.onmicrosoft.com'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const stream = readStream(response);
    try {
      expect(await stream.waitFor((frame) => frame.startsWith('retry: '))).toBe('retry: 2000');
      expect(etagOf(await stream.waitFor((frame) => etagOf(frame) !== null))).toBe(before);
      const seen = stream.frames.length;
      source.edit('balance', '1', { Title: 'Upphandling av hjälpmedel' });
      const after = (await snapshots.refresh()).etag;
      expect(after).not.toBe(before);
      expect(etagOf(await stream.waitFor((frame) => etagOf(frame) !== null, seen))).toBe(after);
      // The ETag it names is the one the list API answers with.
      const list = await fetch(`${url}/api/balance-list`, { headers: { Authorization: `Bearer ${await tenant.entra.token('anna@contoso.onmicrosoft.com')}` } });
      expect(list.headers.get('etag')).toBe(after);
    } finally {
      await stream.cancel();
    }
  });

  it('sends nothing when a refresh finds the list unchanged, only keep-alive comments', async () => {
    const response = await open(await tenant.entra.token('anna@contoso.onmicrosoft.com'));
    const stream = readStream(response);
    try {
      await stream.waitFor((frame) => etagOf(frame) !== null);
      const seen = stream.frames.length;
      await snapshots.refresh();
      await stream.waitFor((frame) => frame === ': keep-alive', seen);
      await stream.waitFor((frame) => frame === ': keep-alive', stream.frames.length);
      expect(stream.frames.slice(seen).every((frame) => frame === ': keep-alive')).toBe(true);
    } finally {
      await stream.cancel();
    }
  });

  it('ends the stream when the token expires, so the tab comes back with a fresh one and is checked again', async () => {
    const expiresAt = Math.floor(clock.now().getTime() / 1000) + 1;
    const response = await open(await tenant.entra.token('anna@contoso.onmicrosoft.com', { claims: { exp: expiresAt } }));
    expect(response.status).toBe(200);
    const stream = readStream(response);
    await stream.ended;
    expect(stream.frames.some((frame) => etagOf(frame) !== null)).toBe(true);
  });

  it('keeps the lists read fast while a stream is open, and lets them slow down once it has closed', async () => {
    const stream = readStream(await open(await tenant.entra.token('anna@contoso.onmicrosoft.com')));
    await stream.waitFor((frame) => etagOf(frame) !== null);
    // Far beyond the demand window a tab's request opens: the open stream alone holds it.
    clock.advance(3600_000);
    expect(snapshots.isDemanded()).toBe(true);
    await stream.cancel();
    // Once the server has seen the stream close, the window runs out like after a request.
    for (;;) {
      clock.advance((config.refresh.demandSeconds + 1) * 1000);
      if (!snapshots.isDemanded()) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });

  it('ends every open stream when the server stops', async () => {
    const first = readStream(await open(await tenant.entra.token('anna@contoso.onmicrosoft.com')));
    const second = readStream(await open(await tenant.entra.token('bertil@contoso.onmicrosoft.com')));
    await first.waitFor((frame) => etagOf(frame) !== null);
    await second.waitFor((frame) => etagOf(frame) !== null);
    stopping.abort();
    await Promise.all([first.ended, second.ended]);
  });
});

describe('the change stream in local mode', () => {
  it('names the new ETag when the local file changes, without a token', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const clock = new FixedClock(NOW);
    const source = new MemoryListSource({ balance: [entry('1', 'Upphandling')], meetings: [] });
    const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
    const changed = new Promise<string>((resolve) => snapshots.onChange((snapshot) => resolve(snapshot.etag)));
    await snapshots.refresh();
    // The file watcher: the local source tells the snapshot service, which reads it again.
    snapshots.start(3600);
    const app = express();
    app.use(createTabApi({ config, snapshots, source, clock, logger: silentLogger }));
    const { server, url } = await listen(app);
    try {
      const first = await changed;
      const stream = readStream(await fetch(`${url}/api/events`));
      await stream.waitFor((frame) => etagOf(frame) === first);
      const seen = stream.frames.length;
      source.edit('balance', '1', { Title: 'Upphandling (ändrad i filen)' });
      const next = etagOf(await stream.waitFor((frame) => etagOf(frame) !== null, seen));
      expect(next).not.toBe(first);
      expect(next).toBe((await snapshots.get()).etag);
      await stream.cancel();
    } finally {
      snapshots.stop();
      await stop(server);
    }
  });
});
