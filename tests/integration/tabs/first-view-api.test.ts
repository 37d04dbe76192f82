/**
 * GET /api/first-view (SharePoint mode): the tab's page drawn on the server for the signed-in
 * user. It needs the same token and access check as the list API; it draws with the address,
 * locale and theme it is given; its answer is never stored by a cache; and a renderer that fails
 * gives a 503 the tab falls back from. Local mode has no such route: its page comes drawn.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { createGraphClients } from '../../../src/sharepoint/graph-client';
import { SnapshotService } from '../../../src/snapshot';
import { createTabApi } from '../../../tabs/api';
import { startFakeTenant, type FakeTenant } from '../../fakes/fake-tenant';
import { balanceItem, MemoryListSource } from '../../fakes/memory-list-source';
import { listen } from './loopback';

const NOW = '2025-03-10T09:00:00Z';
// A stand-in for the built server renderer (its own tests draw the real page): it says what it was asked.
const RENDERER = `exports.renderPage = async (r) => {
  if (r.search.includes('fail')) throw new Error('renderer broke');
  return {
    html: '<main data-search="' + r.search + '">' + r.view.entries.map((e) => '<p data-entry-key="' + e.key + '">' + e.title + '</p>').join('') + '</main>',
    styles: '<style data-make-styles-bucket="d">.f1{color:red}</style>',
    data: { etag: r.etag, view: r.view, checkedAt: r.now.toISOString(), locale: r.acceptLanguage || 'sv-SE', theme: r.theme || 'light' },
  };
};`;

describe('GET /api/first-view', () => {
  let tenant: FakeTenant;
  let server: Server;
  let url: string;
  let web: string;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'balanslistan-first-view-'));
    mkdirSync(join(web, 'dist'));
    mkdirSync(join(web, 'dist-ssr'));
    writeFileSync(join(web, 'dist-ssr', 'render-page.cjs'), RENDERER);
    tenant = await startFakeTenant({ now: () => clock.now() });
    const config = loadConfig({ ...tenant.env, LOG_LEVEL: 'silent' });
    const source = new MemoryListSource({
      balance: [balanceItem('1', { Title: 'Upphandling', EntryKey: 'upphandling', Section: 'Flera områden', EntryKind: 'Rubrik', SortOrder: 1 })],
      meetings: [],
    });
    const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
    const app = express();
    const graph = createGraphClients(config.graph!, { logger: silentLogger });
    app.use(createTabApi({ config, snapshots, source, clock, logger: silentLogger, graph, overrides: { webDist: join(web, 'dist') } }));
    ({ server, url } = await listen(app));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await tenant.close();
    rmSync(web, { recursive: true, force: true });
  });

  const ask = async (query: string, upn: string | null = 'anna@contoso.onmicrosoft.com') =>
    fetch(`${url}/api/first-view${query}`, { headers: upn ? { Authorization: `Bearer ${await tenant.entra.token(upn)}` } : {} });

  it('refuses a caller without a token with 401, and draws nothing', async () => {
    const response = await ask('?page=%3Fview%3Davtal', null);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('Upphandling');
  });

  it('refuses a user SharePoint refuses with 403', async () => {
    tenant.graph.denyUser('david@contoso.onmicrosoft.com');
    const response = await ask('', 'david@contoso.onmicrosoft.com');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('Upphandling');
  });

  it('draws the page for the address, locale and theme it is given, with the data it drew with, for no cache to keep', async () => {
    const response = await ask(`?${new URLSearchParams({ page: '?view=avtal&q=upp', locale: 'en-US', theme: 'dark' }).toString()}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('vary')).toContain('Authorization');
    const body = (await response.json()) as {
      html: string;
      styles: string;
      data: { etag: string; locale: string; theme: string; view: { entries: unknown[] } };
    };
    expect(body.html).toContain('data-search="?view=avtal&q=upp"');
    expect(body.html).toContain('<p data-entry-key="upphandling">Upphandling</p>');
    expect(body.styles).toContain('data-make-styles-bucket');
    expect(body.data).toMatchObject({ locale: 'en-US', theme: 'dark' });
    const list = await fetch(`${url}/api/balance-list`, { headers: { Authorization: `Bearer ${await tenant.entra.token('anna@contoso.onmicrosoft.com')}` } });
    expect(body.data.etag).toBe(list.headers.get('etag'));
  });

  it('passes on neither a locale nor a theme it does not know', async () => {
    const response = await ask(`?${new URLSearchParams({ page: '', locale: '"><script>', theme: 'neon' }).toString()}`);
    const body = (await response.json()) as { data: { locale: string; theme: string } };
    expect(body.data).toMatchObject({ locale: 'sv-SE', theme: 'light' });
  });

  it('answers 503 when the page cannot be drawn, so the tab asks for the list itself', async () => {
    const response = await ask('?page=%3Fq%3Dfail');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('first-view-unavailable');
  });

  it('refuses an address longer than any the tab makes', async () => {
    const response = await ask(`?page=${'x'.repeat(2100)}`);
    expect(response.status).toBe(400);
  });
});

describe('GET /api/first-view in local mode', () => {
  it('does not exist: the page itself comes drawn', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const clock = new FixedClock(NOW);
    const source = new MemoryListSource();
    const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
    const app = express();
    app.use(createTabApi({ config, snapshots, source, clock, logger: silentLogger }));
    const { server, url } = await listen(app);
    try {
      expect((await fetch(`${url}/api/first-view`)).status).toBe(404);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
