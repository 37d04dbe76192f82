/**
 * DNS rebinding: a page on another origin re-points its own name at 127.0.0.1 and calls the app
 * under that name. In local mode (and for the bot without MicrosoftAppId) every request whose Host
 * is not this machine or the PUBLIC_URL host is refused with 421 before any route; SharePoint
 * mode's tab and API are left to their sign-in. Requests are sent with node:http, since fetch
 * does not let a caller choose the Host header.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { createServer, type AppServer } from '../../../app/server';
import { startFakeTenant, type FakeTenant } from '../../fakes/fake-tenant';
import { capturedLogs } from '../../fixtures/captured-logs';

const SEED = join(__dirname, '..', '..', '..', 'data', 'balanslista-2022.json');
const clock = new FixedClock('2022-12-01T09:00:00Z');

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A request to `base` (its address and port) carrying `host` as the Host header. */
function call(base: string, path: string, host: string, method = 'GET', body?: string): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        hostname: url.hostname,
        port: url.port,
        path,
        method,
        headers: { host, 'accept-encoding': 'identity', ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('Host header in local mode', () => {
  let dataDir: string;
  let server: AppServer;
  let url: string;
  let port: string;
  const logs = capturedLogs('info');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'balanslistan-host-'));
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_FILE: SEED, PLAYGROUND: 'off', PUBLIC_URL: 'https://svom-tunnel.example.net' });
    server = await createServer(config, { clock, logger: logs.logger });
    ({ url } = await server.listen());
    port = new URL(url).port;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.8.9.10', '[::1]', 'svom-tunnel.example.net'])(
    'Host %s (with and without the port) is answered',
    async (name) => {
      for (const host of [`${name}:${port}`, name]) {
        expect((await call(url, '/api/balance-list', host)).status).toBe(200);
        expect((await call(url, '/healthz', host)).status).toBe(200);
      }
    },
  );

  test.each([
    `evil.example:3978`,
    'evil.example',
    '127.0.0.1.evil.example:3978',
    'localhost.evil.example',
    'svom-tunnel.example.net.evil.example',
    'localhost@evil.example',
    '0.0.0.0:3978',
  ])('a rebinding-style Host %s gets 421 on every route, before the route runs, and one English log line', async (host) => {
    logs.records.length = 0;
    const api = await call(url, '/api/balance-list', host);
    expect(api.status).toBe(421);
    expect(api.type).toMatch(/application\/json/);
    expect(JSON.parse(api.body)).toEqual({
      error: { code: 'wrong-host', message: 'Appen svarar bara på localhost eller svom-tunnel.example.net. Öppna den via den adressen.' },
    });
    expect(api.body).not.toMatch(/agreements|entries/);

    const page = await call(url, '/', host);
    expect(page.status).toBe(421);
    expect(page.type).toMatch(/text\/plain/);
    expect(page.body).toMatch(/^Appen svarar bara på localhost/);

    const bot = await call(url, '/api/messages', host, 'POST', JSON.stringify({ type: 'message' }));
    expect(bot.status).toBe(421);
    expect((await call(url, '/healthz', host)).status).toBe(421);

    const refused = logs.records.filter((entry) => entry.msg === 'refused a request for another host');
    expect(refused).toHaveLength(4);
    expect(refused[0]).toMatchObject({ level: 40, module: 'host-guard', host, path: '/api/balance-list', reason: expect.stringContaining('DNS rebinding') });
  });
});

describe('Host header in SharePoint mode', () => {
  let tenant: FakeTenant;
  let server: AppServer;
  let url: string;

  beforeAll(async () => {
    tenant = await startFakeTenant({ now: () => clock.now() });
    const config = loadConfig({ ...tenant.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', REFRESH_INTERVAL_SECONDS: '3600' });
    server = await createServer(config, { clock, logger: silentLogger });
    ({ url } = await server.listen());
  });
  afterAll(async () => {
    await server?.close();
    await tenant?.close();
  });

  test('the tab API is left to its sign-in: any Host gets 401 without a token, not 421', async () => {
    expect((await call(url, '/api/balance-list', 'balanslistan-prod.azurewebsites.net')).status).toBe(401);
  });

  test('the bot without MicrosoftAppId is still guarded', async () => {
    expect((await call(url, '/api/messages', 'evil.example:3978', 'POST', JSON.stringify({ type: 'message' }))).status).toBe(421);
  });
});
