/**
 * The tab API in tenant mode against loopback fakes: Teams SSO tokens signed by a local JWKS
 * (fake Entra), the on-behalf-of exchange and the list access check against the fake Graph.
 * Every bad token is refused with 401 and a logged reason, and none of them reaches Graph.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadConfig, type Config } from '../../../src/config';
import { FixedClock } from '../../../src/ports/clock';
import { createGraphClients } from '../../../src/sharepoint/graph-client';
import { SnapshotService } from '../../../src/snapshot';
import { createTabApi } from '../../../tabs/api';
import type { FakeEntra } from '../../fakes/fake-entra';
import type { FakeGraph } from '../../fakes/fake-graph';
import { startFakeTenant, type FakeTenant } from '../../fakes/fake-tenant';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { capturedLogs } from '../../fixtures/captured-logs';

const FOREIGN_TENANT = '11111111-2222-4333-8444-555555555555';
const NOW = '2025-03-10T09:00:00Z';

describe('tab API authentication in tenant mode', () => {
  let tenant: FakeTenant;
  let graph: FakeGraph;
  let entra: FakeEntra;
  let config: Config;
  let server: Server;
  let baseUrl: string;
  const { logger, records: logLines } = capturedLogs('info');
  const clock = new FixedClock(NOW);

  const call = (authorization?: string, path = '/api/balance-list') =>
    fetch(`${baseUrl}${path}`, { headers: authorization ? { Authorization: authorization } : {} });

  beforeAll(async () => {
    tenant = await startFakeTenant({ now: () => clock.now() });
    ({ graph, entra } = tenant);
    config = loadConfig({
      ...tenant.env,
      ACCESS_CHECK_TTL_SECONDS: '300',
      LOG_LEVEL: 'info',
    });
    const source = new MemoryListSource();
    const snapshots = new SnapshotService({ source, clock, logger, expiringWithinDays: 180 });
    const app = express();
    const graphClients = createGraphClients(config.graph!, { logger });
    app.use(createTabApi({ config, snapshots, source, clock, logger, graph: graphClients }));
    app.post('/api/messages', (_req, res) => {
      res.status(202).end();
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await tenant.close();
  });

  beforeEach(() => {
    graph.resetLog();
    logLines.length = 0;
  });

  it('takes the audiences from the configuration: the client id and the App ID URI', () => {
    expect(config.tabAuth?.audiences).toEqual([graph.clientId, `api://balanslistan.example.org/${graph.clientId}`]);
  });

  it('accepts a valid token, checks list access on behalf of the user, and caches the answer', async () => {
    const token = await entra.token('anna@contoso.onmicrosoft.com');
    const first = await call(`Bearer ${token}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toMatch(/^"/);
    const body = (await first.json()) as { entries: unknown[] };
    expect(Array.isArray(body.entries)).toBe(true);
    expect(graph.tokenRequests.some((request) => request.grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && request.ok)).toBe(true);
    const graphCalls = graph.graphRequests();
    expect(graphCalls.length).toBeGreaterThan(0);
    expect(graphCalls.every((request) => request.status === 200)).toBe(true);

    graph.resetLog();
    const second = await call(`Bearer ${token}`);
    expect(second.status).toBe(200);
    expect(graph.graphRequests()).toHaveLength(0);
  });

  it('gives handlers the typed user from the token', async () => {
    const token = await entra.token('bertil@contoso.onmicrosoft.com');
    const response = await call(`Bearer ${token}`, '/api/me');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      mode: 'sharepoint',
      user: { name: 'bertil', username: 'bertil@contoso.onmicrosoft.com', tenantId: graph.tenantId },
    });
  });

  it('accepts the v2 issuer with the client id as audience', async () => {
    const token = await entra.token('cecilia@contoso.onmicrosoft.com', {
      claims: { iss: `${entra.authorityHost}/${graph.tenantId}/v2.0`, aud: graph.clientId, ver: '2.0', upn: undefined },
    });
    expect((await call(`Bearer ${token}`)).status).toBe(200);
  });

  it('refuses a user SharePoint refuses, with 403 access-denied, and remembers it', async () => {
    graph.denyUser('david@contoso.onmicrosoft.com');
    const token = await entra.token('david@contoso.onmicrosoft.com');
    const response = await call(`Bearer ${token}`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'access-denied', message: expect.any(String) } });
    expect(graph.graphRequests().some((request) => request.status === 403)).toBe(true);

    graph.resetLog();
    graph.allowUser('david@contoso.onmicrosoft.com');
    expect((await call(`Bearer ${token}`)).status).toBe(403);
    expect(graph.graphRequests()).toHaveLength(0);

    // After the cache time the user is asked about again, and now allowed.
    clock.advance(301_000);
    const later = await entra.token('david@contoso.onmicrosoft.com');
    expect((await call(`Bearer ${later}`)).status).toBe(200);
    clock.set(NOW);
  });

  it('answers 403 consent-required when the user has not consented (AADSTS65001)', async () => {
    graph.setOnBehalfOf(() => ({
      ok: false,
      error: 'invalid_grant',
      description:
        'AADSTS65001: The user or administrator has not consented to use the application with ID and name. Send an interactive authorization request for this user and resource.',
    }));
    try {
      const token = await entra.token('erik@contoso.onmicrosoft.com');
      const response = await call(`Bearer ${token}`);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('consent-required');
      expect(graph.graphRequests()).toHaveLength(0);
    } finally {
      graph.setOnBehalfOf((assertion) => {
        const claims = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')) as { upn?: string; preferred_username?: string };
        return { ok: true, user: claims.upn ?? claims.preferred_username ?? 'unknown' };
      });
    }
  });

  const user = 'fredrik@contoso.onmicrosoft.com';
  const now = () => Math.floor(new Date(NOW).getTime() / 1000);
  const rejected: Array<[string, () => Promise<string | undefined>, string]> = [
    ['no Authorization header', async () => undefined, 'missing-token'],
    ['a garbage header', async () => 'Bearer !!not a token!!', 'malformed-header'],
    ['a Basic header', async () => 'Basic dXNlcjpwYXNz', 'malformed-header'],
    ['a token that is not a JWT', async () => 'Bearer abc.def', 'malformed-token'],
    ['a wrong signature', async () => `Bearer ${await entra.token(user, { key: 'untrusted' })}`, 'bad-signature'],
    ['alg none', async () => `Bearer ${entra.unsignedToken(user)}`, 'algorithm-not-allowed'],
    ['a wrong audience', async () => `Bearer ${await entra.token(user, { claims: { aud: 'api://someone-else.example.org/abc' } })}`, 'wrong-audience'],
    ['a wrong issuer', async () => `Bearer ${await entra.token(user, { claims: { iss: 'https://sts.evil.example/' } })}`, 'wrong-issuer'],
    [
      'a foreign tenant',
      async () => `Bearer ${await entra.token(user, { claims: { tid: FOREIGN_TENANT, iss: `https://sts.windows.net/${FOREIGN_TENANT}/` } })}`,
      'tenant-not-allowed',
    ],
    [
      'an issuer of another tenant than the token names',
      async () => `Bearer ${await entra.token(user, { claims: { iss: `https://sts.windows.net/${FOREIGN_TENANT}/` } })}`,
      'wrong-issuer',
    ],
    ['an expired token', async () => `Bearer ${await entra.token(user, { claims: { iat: now() - 7200, nbf: now() - 7200, exp: now() - 600 } })}`, 'expired'],
    [
      'a token not valid yet',
      async () => `Bearer ${await entra.token(user, { claims: { iat: now(), nbf: now() + 900, exp: now() + 4500 } })}`,
      'not-yet-valid',
    ],
    ['a token without access_as_user', async () => `Bearer ${await entra.token(user, { claims: { scp: 'User.Read' } })}`, 'missing-scope'],
    ['an app-only token (no scp)', async () => `Bearer ${await entra.token(user, { claims: { scp: undefined, roles: ['Sites.Read.All'] } })}`, 'missing-scope'],
    ['a token without oid', async () => `Bearer ${await entra.token(user, { claims: { oid: undefined } })}`, 'missing-claims'],
  ];

  it.each(rejected)('refuses %s with 401 and a logged reason, without reaching Graph', async (_name, header, reason) => {
    const response = await call(await header());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const logged = logLines.find((line) => line.msg === 'token rejected');
    expect(logged).toMatchObject({ module: 'tab-auth', reason });
    expect(graph.requests).toHaveLength(0);
    expect(JSON.stringify(logLines)).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}/);
  });

  it('tolerates two minutes of clock skew but no more', async () => {
    const skewed = await entra.token(user, { claims: { nbf: now() + 60, iat: now() + 60 } });
    expect((await call(`Bearer ${skewed}`)).status).toBe(200);
    const beyond = await entra.token(user, { claims: { iat: now() - 7200, nbf: now() - 7200, exp: now() - 180 } });
    expect((await call(`Bearer ${beyond}`)).status).toBe(401);
  });

  it('leaves other parts’ API paths alone (the bot authenticates its own)', async () => {
    const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST' });
    expect(response.status).toBe(202);
  });
});
