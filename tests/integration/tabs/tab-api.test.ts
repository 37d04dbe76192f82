/**
 * The tab API in local mode: no token needed, the balance list with its ETag and 304s,
 * security headers on pages and API, the web app's routes, and a plain 503 when it is not built.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { loadConfig } from '../../../src/config';
import { SourceError } from '../../../src/errors';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import type { ListItem } from '../../../src/ports/list-source';
import { SnapshotService } from '../../../src/snapshot';
import { createTabApi } from '../../../tabs/api';
import { FRAME_ANCESTORS } from '../../../tabs/api/security-headers';
import { MemoryListSource } from '../../fakes/memory-list-source';

const item = (id: string, fields: Record<string, unknown>): ListItem => ({
  id,
  eTag: `"e${id},1"`,
  webUrl: `memory://balance/${id}`,
  lastModifiedDateTime: '2025-01-01T00:00:00Z',
  fields: { Section: 'Flera områden', EntryKind: 'Rubrik', SortOrder: Number(id), ...fields },
});

async function start(webDist: string) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: webDist });
  const clock = new FixedClock('2025-03-10T09:00:00Z');
  const source = new MemoryListSource({ balance: [item('1', { Title: 'Upphandling', EntryKey: 'upphandling' })], meetings: [] });
  const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
  const app = express();
  app.use(createTabApi({ config, snapshots, source, clock, logger: silentLogger, overrides: { webDist } }));
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, source };
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('tab API in local mode', () => {
  let dist: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    dist = join(mkdtempSync(join(tmpdir(), 'balanslistan-web-')), 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    // A stand-in for the built server renderer (tabs/web/dist-ssr), which has its own tests: it
    // draws the titles it is given, so the page's assembly can be checked here.
    mkdirSync(join(dist, '..', 'dist-ssr'));
    writeFileSync(
      join(dist, '..', 'dist-ssr', 'render-page.cjs'),
      `exports.renderPage = async (r) => ({
        html: '<div class="app-root">' + r.view.entries.map((e) => '<p data-group-key="' + e.key + '">' + e.title + '</p>').join('') + '</div>',
        styles: '<style data-make-styles-bucket="d">.f1{color:red}</style>',
        language: (r.acceptLanguage || '').startsWith('en') ? 'en' : 'sv',
        data: { etag: r.etag, view: r.view, checkedAt: r.now.toISOString(), locale: r.acceptLanguage || 'sv-SE', theme: 'light' },
      });`,
    );
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html lang="sv"><head><title>Balanslistan</title><link rel="stylesheet" crossorigin href="/assets/index-abc123.css"></head><body><div id="root"></div></body>',
    );
    writeFileSync(join(dist, 'assets', 'index-abc123.css'), '.tab-page{margin:0}');
    writeFileSync(join(dist, 'auth-end.html'), '<!doctype html><title>auth end</title>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    ({ server, url } = await start(dist));
  });

  afterAll(async () => {
    await stop(server);
    rmSync(join(dist, '..'), { recursive: true, force: true });
  });

  it('serves the balance list without a token, with an ETag, and 304 when unchanged', async () => {
    const first = await fetch(`${url}/api/balance-list`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"/);
    const view = (await first.json()) as { source: string; entries: Array<{ title: string }> };
    expect(view.source).toBe('local');
    expect(view.entries.map((entry) => entry.title)).toEqual(['Upphandling']);

    const again = await fetch(`${url}/api/balance-list`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const other = await fetch(`${url}/api/balance-list`, { headers: { 'If-None-Match': '"something-else"' } });
    expect(other.status).toBe(200);
  });

  it('says who is calling: nobody in local mode', async () => {
    expect(await (await fetch(`${url}/api/me`)).json()).toEqual({ mode: 'local', user: null });
  });

  it('sends a CSP that lets only Teams and Microsoft 365 frame the tab and allows no inline script', async () => {
    const response = await fetch(`${url}/tab`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    expect(ancestors).toEqual(FRAME_ANCESTORS);
    expect(ancestors).toEqual(expect.arrayContaining(['https://teams.microsoft.com', 'https://*.cloud.microsoft']));
    expect(
      ancestors.every((host) => /^https:\/\/(\*\.)?[a-z0-9.-]*(microsoft|office|office365|microsoft365)\.com$|^https:\/\/\*\.cloud\.microsoft$/.test(host)),
    ).toBe(true);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${url}/api/balance-list`)).headers.get('content-security-policy')).toBe(csp);
  });

  it.each(['/', '/tab', '/tab/anything', '/config', '/personal'])('answers %s with the app page, never cached', async (path) => {
    const response = await fetch(`${url}${path}?view=avtal`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('puts the first view and the list into the tab page (local mode), with the stylesheet inline and no inline script', async () => {
    const response = await fetch(`${url}/tab`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toMatch(/<div id="root"><div class="app-root">.*data-group-key="upphandling".*Upphandling/s);
    expect(html).toContain('<style>.tab-page{margin:0}</style>');
    // Fluent UI's styles for the drawn page go into the head.
    expect(html).toMatch(/<style data-make-styles-bucket="d">\.f1\{color:red\}<\/style><\/head>/);
    const block = /<script type="application\/json" id="initial-data">(.*?)<\/script><\/body>/s.exec(html)?.[1];
    expect(JSON.parse(block ?? 'null')).toMatchObject({ etag: expect.any(String), view: { entries: [expect.objectContaining({ title: 'Upphandling' })] } });
    // The only scripts are that data block (never run) and none other.
    expect(html.match(/<script/g)).toHaveLength(1);
    // The configuration page stays as built.
    expect(await (await fetch(`${url}/config`)).text()).not.toContain('initial-data');
  });

  it('gives the page the language it is drawn in, before any script runs', async () => {
    expect(await (await fetch(`${url}/tab`)).text()).toMatch(/^<!doctype html><html lang="sv">/);
    const english = await (await fetch(`${url}/tab`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } })).text();
    expect(english).toMatch(/^<!doctype html><html lang="en">/);
  });

  it('serves hashed assets for a year and the consent landing page', async () => {
    const asset = await fetch(`${url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await (await fetch(`${url}/auth/end?code=x`)).text()).toContain('auth end');
  });

  it('has no consent page in local mode', async () => {
    expect((await fetch(`${url}/auth/start`, { redirect: 'manual' })).status).toBe(404);
  });

  it('answers 503 with a plain explanation when the web app is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'balanslistan-noweb-'));
    const bare = await start(empty);
    try {
      const response = await fetch(`${bare.url}/tab`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(await response.text()).toContain('npm run build');
      expect((await fetch(`${bare.url}/api/balance-list`)).status).toBe(200);
    } finally {
      await stop(bare.server);
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('answers 503 source-unavailable when the list cannot be read at all', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'balanslistan-fail-'));
    const failing = await start(empty);
    failing.source.failure = new SourceError('unavailable', 'down', 503);
    try {
      const response = await fetch(`${failing.url}/api/balance-list`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('source-unavailable');
    } finally {
      await stop(failing.server);
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
