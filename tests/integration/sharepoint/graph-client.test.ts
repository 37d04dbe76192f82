import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ConfigError, SourceError } from '../../../src/errors';
import { silentLogger } from '../../../src/logger';
import { createGraphClient, toSourceError } from '../../../src/sharepoint/graph-client';
import { FAKE_LIST_NAMES, startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { balanceItems, graphOptions, harness } from './graph-harness';
import { capturedLogs } from '../../fixtures/captured-logs';

const CERTIFICATE = join(__dirname, '../../fixtures/graph/test-certificate.pem');
const ENCRYPTED_CERTIFICATE = join(__dirname, '../../fixtures/graph/test-certificate-encrypted.pem');

let fake: FakeGraph;
beforeEach(async () => {
  fake = await startFakeGraph({ certificatePem: readFileSync(CERTIFICATE, 'utf8') });
  fake.seed('balance', balanceItems(3));
});
afterEach(async () => {
  await fake.close();
});

const sitePath = '/sites/contoso.sharepoint.com:/sites/svom';
const statuses = () => fake.graphRequests().map((entry) => entry.status);

describe('authentication', () => {
  it('requests a token once and reuses it from the cache', async () => {
    const { client } = harness(fake);
    for (let index = 0; index < 5; index += 1) await client.api(sitePath).get();

    expect(fake.tokenRequests).toEqual([{ grantType: 'client_credentials', ok: true }]);
    expect(fake.requests.filter((entry) => entry.kind === 'identity')).toHaveLength(2); // discovery + token
    expect(fake.graphRequests()).toHaveLength(5);
  });

  it('fetches a new token once when Graph refuses the cached one (401)', async () => {
    const { client } = harness(fake);
    await client.api(sitePath).get();
    fake.expireTokens();

    await client.api(sitePath).get();

    expect(fake.tokenRequests).toHaveLength(2);
    expect(statuses()).toEqual([200, 401, 200]);
  });

  it('signs in with a certificate (PEM with key and certificate)', async () => {
    const { source } = harness(fake, { graph: { credential: { kind: 'certificate', path: CERTIFICATE, password: null } } });
    const read = await source.read();
    expect(read.data.balance).toHaveLength(3);
    expect(fake.tokenRequests).toEqual([{ grantType: 'client_credentials', ok: true }]);
  });

  it('reads an encrypted private key with its password, and says so when the password is missing', async () => {
    const { source } = harness(fake, { graph: { credential: { kind: 'certificate', path: ENCRYPTED_CERTIFICATE, password: 'hemligt' } } });
    expect((await source.read()).data.balance).toHaveLength(3);

    expect(() => harness(fake, { graph: { credential: { kind: 'certificate', path: ENCRYPTED_CERTIFICATE, password: null } } })).toThrow(ConfigError);
    expect(() => harness(fake, { graph: { credential: { kind: 'certificate', path: ENCRYPTED_CERTIFICATE, password: null } } })).toThrow(
      /AZURE_CLIENT_CERTIFICATE_PASSWORD/,
    );
    expect(() => harness(fake, { graph: { credential: { kind: 'certificate', path: '/nonexistent/cert.pem', password: null } } })).toThrow(
      /cannot read \/nonexistent\/cert\.pem/,
    );
  });

  it("reports a refused secret as an auth error with Entra's reason and without the secret", async () => {
    const { source } = harness(fake, { graph: { credential: { kind: 'secret', secret: 'wrong-secret-value' } } });

    const error = (await source.read().catch((caught: unknown) => caught)) as SourceError;

    expect(error).toBeInstanceOf(SourceError);
    expect(error.code).toBe('auth');
    expect(error.message).toContain('AADSTS7000215');
    expect(error.message).toContain('AZURE_CLIENT_ID');
    expect(error.message).not.toContain('wrong-secret-value');
    expect(fake.graphRequests()).toHaveLength(0);
  });

  it('never logs the token or the secret, even at trace level', async () => {
    const { logger, lines } = capturedLogs('trace');
    const { source } = harness(fake, { deps: { logger } });
    await source.read();
    fake.expireTokens();
    await source.read();

    const text = lines.join('\n');
    expect(text).toContain('Graph exchange');
    expect(text).not.toContain(fake.clientSecret);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    expect(text).not.toMatch(/Bearer /);
  });
});

describe('retry', () => {
  it('honours Retry-After in seconds on 429 and counts each attempt', async () => {
    const { client, sleeps } = harness(fake);
    fake.throttle(2, 3);

    await client.api(sitePath).get();

    expect(statuses()).toEqual([429, 429, 200]);
    expect(sleeps).toEqual([3000, 3000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const now = Date.parse('2022-12-30T10:00:00Z');
    const { client, sleeps } = harness(fake, { deps: { now: () => now } });
    fake.throttle(1, new Date(now + 7000).toUTCString());

    await client.api(sitePath).get();

    expect(sleeps).toEqual([7000]);
  });

  it('adds jitter on top of the wait, never less than asked', async () => {
    const { client, sleeps } = harness(fake, { deps: { random: () => 0.5 } });
    fake.throttle(1, 2);

    await client.api(sitePath).get();

    expect(sleeps).toEqual([2200]);
  });

  it('retries 503 with growing waits and gives up with a SourceError when it persists', async () => {
    const { source, sleeps } = harness(fake);
    fake.unavailable(50);

    await expect(source.read()).rejects.toMatchObject({ name: 'SourceError', code: 'unavailable', status: 503 });

    expect(statuses()).toEqual([503, 503, 503, 503, 503]);
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
  });

  it('retries 504 and succeeds', async () => {
    const { client } = harness(fake);
    fake.unavailable(1, 504);

    await client.api(sitePath).get();

    expect(statuses()).toEqual([504, 200]);
  });

  it('gives up at once when Retry-After is longer than the longest wait, and holds off until then', async () => {
    let now = Date.parse('2022-12-30T10:00:00Z');
    const { source, sleeps } = harness(fake, { deps: { now: () => now } });
    fake.throttle(1, 3600);

    await expect(source.read()).rejects.toMatchObject({ code: 'throttled', status: 429 });
    expect(statuses()).toEqual([429]);
    expect(sleeps).toEqual([]);

    await expect(source.read()).rejects.toMatchObject({ code: 'throttled' });
    expect(fake.graphRequests()).toHaveLength(1);

    now += 3_600_000;
    await expect(source.read()).resolves.toMatchObject({ changed: true });
  });

  it('sends a throttled request from a batch again on its own, after its Retry-After', async () => {
    const now = Date.parse('2022-12-30T10:00:00Z');
    const { source, sleeps } = harness(fake, { deps: { now: () => now } });
    fake.fail({ status: 429, retryAfter: 1, match: /\/items\/delta$/ });

    const read = await source.read();

    expect(read.data.balance).toHaveLength(3);
    expect(
      fake.batchedRequests
        .filter((entry) => entry.path.includes('/items/delta'))
        .map((entry) => entry.status)
        .sort(),
    ).toEqual([200, 200, 200, 200, 200, 429]);
    expect(sleeps).toEqual([1000]);
    expect(fake.graphRequests().filter((entry) => entry.method === 'GET' && entry.path.includes('/items/delta'))).toHaveLength(1);
  });
});

describe('time limit', () => {
  it('gives up on a Graph that accepts the connection but never answers, as a network error', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const client = createGraphClient(
        { ...graphOptions(fake), baseUrl: `http://127.0.0.1:${port}/v1.0` },
        { logger: silentLogger, tokens: { token: async () => 'test-token' }, timeoutMs: 100, sleep: async () => undefined },
      );
      const error = await client
        .api(sitePath)
        .get()
        .catch((caught: unknown) => caught);
      expect(toSourceError(error)).toMatchObject({ code: 'network' });
      expect((error as Error).message).toMatch(/Could not reach Microsoft Graph at 127\.0\.0\.1/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('errors an admin can act on', () => {
  it('403 names the Sites.Selected permission and the site', async () => {
    fake.setAccess('none');
    const { source } = harness(fake);

    const error = (await source.read().catch((caught: unknown) => caught)) as SourceError;

    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
    expect(error.message).toContain('Sites.Selected');
    expect(error.message).toContain('https://contoso.sharepoint.com/sites/svom');
    expect(error.message).toContain('read access');
  });

  it('404 names the site and the setting', async () => {
    const { source } = harness(fake, { sharePoint: { siteUrl: 'https://contoso.sharepoint.com/sites/finns-inte' } });

    const error = (await source.read().catch((caught: unknown) => caught)) as SourceError;

    expect(error).toMatchObject({ code: 'not-found', status: 404 });
    expect(error.message).toContain('https://contoso.sharepoint.com/sites/finns-inte');
    expect(error.message).toContain('SHAREPOINT_SITE_URL');
  });

  it('404 names the list and the setting', async () => {
    const { source } = harness(fake, { sharePoint: { lists: { ...FAKE_LIST_NAMES, balance: "Balanslista 'gammal'" } } });

    const error = (await source.read().catch((caught: unknown) => caught)) as SourceError;

    expect(error).toMatchObject({ code: 'not-found', status: 404 });
    expect(error.message).toContain('"Balanslista \'gammal\'"');
    expect(error.message).toContain('SHAREPOINT_BALANCE_LIST');
  });

  it('a network failure is a network error naming the host', async () => {
    const { source } = harness(fake);
    await source.read();
    fake.down();

    const error = (await source.read().catch((caught: unknown) => caught)) as SourceError;

    expect(error).toMatchObject({ code: 'network', status: null });
    expect(error.message).toContain(new URL(fake.baseUrl).host);
  });
});

describe('addressing', () => {
  it('finds the site by id and the lists by id', async () => {
    const { source } = harness(fake, {
      sharePoint: {
        siteUrl: null,
        siteId: fake.siteId,
        lists: { ...FAKE_LIST_NAMES, balance: fake.listInfo('balance').id, meetings: fake.listInfo('meetings').id },
      },
    });

    const read = await source.read();

    expect(read.data.balance).toHaveLength(3);
    expect(fake.graphRequests()[0]?.path).toContain(`/sites/${fake.siteId}`);
    expect(fake.batchedRequests.filter((entry) => /\/lists\/[0-9a-f-]{36}\?/.test(entry.path))).toHaveLength(2);
  });

  it('reports every exchange with its bytes', async () => {
    const { source, exchanges } = harness(fake);
    await source.read();

    const graph = exchanges.filter((entry) => entry.url.startsWith(fake.baseUrl));
    expect(graph.map((entry) => [entry.method, entry.status, entry.responseBytes])).toEqual(
      fake.graphRequests().map((entry) => [entry.method, entry.status, entry.responseBytes]),
    );
    expect(exchanges.filter((entry) => entry.url.includes('/oauth2/v2.0/token'))).toHaveLength(1);
    expect(graph.find((entry) => entry.method === 'POST')?.requestBytes).toBeGreaterThan(0);
  });

  it('rejects an http authority that is not loopback', () => {
    expect(() => harness(fake, { graph: { ...graphOptions(fake), authorityHost: 'http://login.example.com' } })).toThrow(/AZURE_AUTHORITY_HOST must use https/);
  });
});
