/**
 * The server end to end in SharePoint mode against the loopback fake of Graph: the whole seed
 * list read through Graph, refreshes that cost one delta request when nothing changed, edits
 * reflected, and the last good snapshot served stale when Graph goes away.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { createServer, type AppServer } from '../../../app/server';
import type { BalanceListView } from '../../../src/view-model';
import type { FakeEntra } from '../../fakes/fake-entra';
import type { FakeGraph, SeedItem } from '../../fakes/fake-graph';
import { startFakeTenant, type FakeTenant } from '../../fakes/fake-tenant';

const SEED = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'data', 'balanslista-2022.json'), 'utf8')) as {
  balance: SeedItem[];
  meetings: SeedItem[];
};

describe('server in SharePoint mode', () => {
  let tenant: FakeTenant;
  let graph: FakeGraph;
  let entra: FakeEntra;
  let server: AppServer;
  let url: string;
  let headers: Record<string, string>;
  const clock = new FixedClock('2022-12-01T09:00:00Z');

  beforeAll(async () => {
    tenant = await startFakeTenant({ now: () => clock.now() });
    ({ graph, entra } = tenant);
    graph.seedAll(SEED);
    headers = { Authorization: `Bearer ${await entra.token('anna@contoso.onmicrosoft.com')}` };
    const config = loadConfig({ ...tenant.env, PORT: '0', LOG_LEVEL: 'silent', REFRESH_INTERVAL_SECONDS: '3600' });
    server = await createServer(config, { clock, logger: silentLogger });
    ({ url } = await server.listen());
  });

  afterAll(async () => {
    await server?.close();
    await tenant?.close();
  });

  it('serves the whole list read through Graph, with Stockholm dates', async () => {
    const view = (await server.snapshots.get()).view;
    expect(view.source).toBe('sharepoint');
    expect(view.entries.length + view.agreements.length).toBe(SEED.balance.length);
    expect(view.meetings.map((meeting) => meeting.date)).toContain('2022-02-26');
    const homeCare = view.agreements.find((agreement) => agreement.agreement?.validity.text === 't.o.m. 2022-12-31');
    expect(homeCare).toMatchObject({ status: 'expiring', daysLeft: 30 });
    expect(homeCare?.editUrl).toMatch(/^https:\/\/contoso\.sharepoint\.com\//);
    expect(view.lists.balance).toMatch(/^https:\/\//);
  });

  it('costs one Graph request to refresh when nothing changed', async () => {
    graph.resetLog();
    const before = await server.snapshots.get();
    const after = await server.snapshots.refresh();
    expect(after.etag).toBe(before.etag);
    const requests = graph.graphRequests();
    // Both lists' delta links travel in one $batch.
    expect(requests).toHaveLength(1);
    expect(graph.batchedRequests.every((request) => /delta/.test(request.path))).toBe(true);
  });

  it('reflects an edit made in SharePoint on the next refresh', async () => {
    const etag = (await fetch(`${url}/api/balance-list`, { headers })).headers.get('etag') ?? '';
    const first = SEED.balance[0];
    const item = graph.getItem('balance', String(first?.id));
    if (!item) throw new Error('seed item missing in the fake');
    graph.updateItem('balance', item.id, { Title: 'Ny rubrik från SharePoint' });
    await server.snapshots.refresh();
    const response = await fetch(`${url}/api/balance-list`, { headers: { ...headers, 'If-None-Match': etag } });
    expect(response.status).toBe(200);
    const view = (await response.json()) as BalanceListView;
    expect([...view.entries, ...view.agreements].map((entry) => entry.title)).toContain('Ny rubrik från SharePoint');
  });

  it('refuses the API without a Teams SSO token', async () => {
    expect((await fetch(`${url}/api/balance-list`)).status).toBe(401);
  });

  it('keeps serving the last good snapshot, marked stale, while Graph is down', async () => {
    graph.down();
    clock.advance(60_000);
    await server.snapshots.refresh();
    const response = await fetch(`${url}/api/balance-list`, { headers });
    expect(response.status).toBe(200);
    const view = (await response.json()) as BalanceListView;
    expect(view.stale).toBe(true);
    expect(view.staleSince).toBe(clock.now().toISOString());
    expect(view.agreements).toHaveLength(5);
    expect((await (await fetch(`${url}/healthz`)).json()) as { status: string }).toMatchObject({ status: 'stale' });
    graph.up();
    clock.advance(60_000);
    await server.snapshots.refresh();
    expect((await server.snapshots.get()).view.stale).toBe(false);
  });
});
