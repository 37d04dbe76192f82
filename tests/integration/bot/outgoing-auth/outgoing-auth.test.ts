/**
 * Outgoing bot authentication, end to end: with MicrosoftAppId set, the bot gets its Bot
 * Connector token from an Entra authority (a loopback fake over HTTPS, its self-signed
 * certificate trusted through NODE_EXTRA_CA_CERTS) and the fake connector checks every call's
 * bearer token (signature, issuer, audience https://api.botframework.com, expiry, app id).
 * NODE_EXTRA_CA_CERTS is read only at process start, so the bot runs in a child process
 * (run-bot.ts), which reports what happened as one JSON line.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLoopbackCertificate } from '../../../fakes/fake-bot-authority';
import type { Way } from './run-bot';

interface ChildReport {
  clientAuthentications: string[];
  identityRequests: Array<{ clientId: string | null; resource: string | null; status: number }>;
  first: Record<string, number>;
  second: Record<string, number>;
  firstRequests: number;
  requests: Array<{ method: string; path: string; status: number; token: string | null }>;
  tokenRequests: Array<{ clientId: string; scope: string; issued: boolean }>;
  posts: number;
  log: string[];
}

const APP_ID = '7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
let dir: string;
let cert: { keyPath: string; certPath: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bot-authority-'));
  cert = makeLoopbackCertificate(dir);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function runBot(mode: 'valid' | 'expired' | 'refuse', way: Way = 'secret'): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [require.resolve('tsx/cli'), join(__dirname, 'run-bot.ts'), mode, way],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: cert.certPath, FAKE_AUTHORITY_KEY: cert.keyPath, FAKE_AUTHORITY_CERT: cert.certPath }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`run-bot ${mode} failed: ${stderr || error.message}`));
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as ChildReport);
      },
    );
  });
}

const entries = (report: ChildReport) => report.log.map((line) => JSON.parse(line) as Record<string, unknown>);

test('with MicrosoftAppId, every connector call carries a valid token for https://api.botframework.com', async () => {
  const report = await runBot('valid');
  expect(report.first).toEqual({ posted: 2 });
  expect(report.posts).toBe(2);
  expect(report.requests.length).toBeGreaterThanOrEqual(2);
  expect(report.requests.every((request) => request.token === 'valid')).toBe(true);
  // One token, from the app's own tenant, for the Bot Framework audience; msal reuses it.
  expect(report.tokenRequests).toEqual([{ clientId: APP_ID, scope: 'https://api.botframework.com/.default', issued: true }]);
});

test('an expired token: the connector refuses it, the posts count as failed with a clear log line, and a later run posts them', async () => {
  const report = await runBot('expired');
  expect(report.first).toEqual({ failed: 2 });
  const refused = report.requests.slice(0, report.firstRequests);
  expect(refused.length).toBeGreaterThan(0);
  expect(refused.every((request) => request.status === 401 && /exp/.test(request.token ?? ''))).toBe(true);
  const failed = entries(report).filter((entry) => entry.msg === 'delivery failed');
  expect(failed).toHaveLength(2);
  expect(failed[0]).toMatchObject({ status: 401, error: expect.stringContaining("the Bot Connector refused the bot's token (401") });
  // Nothing lost: the ledger kept them, and the next day's run (a fresh token) posts both.
  expect(report.second).toEqual({ posted: 2 });
  expect(report.posts).toBe(2);
});

test('a refused token request: nothing reaches the connector, the posts count as failed with a clear log line, and a later run posts them', async () => {
  const report = await runBot('refuse');
  expect(report.first).toEqual({ failed: 2 });
  expect(report.firstRequests).toBe(0);
  expect(report.tokenRequests.filter((request) => !request.issued).length).toBeGreaterThan(0);
  const failed = entries(report).filter((entry) => entry.msg === 'delivery failed');
  expect(failed).toHaveLength(2);
  expect(failed[0]).toMatchObject({ status: 0, error: expect.stringMatching(/^Could not get a Bot Framework token .*check MicrosoftAppId.*invalid_client/) });
  expect(report.log.join('\n')).not.toContain('fake-secret-for-the-fake-authority');
  expect(report.second).toEqual({ posted: 2 });
  expect(report.requests.every((request) => request.token === 'valid')).toBe(true);
});

describe('every way the bot can prove itself, through the app credential (src/identity)', () => {
  test("the app's certificate: a signed assertion, no secret", async () => {
    const report = await runBot('valid', 'certificate');
    expect(report.first).toEqual({ posted: 2 });
    expect(report.requests.every((request) => request.token === 'valid')).toBe(true);
    expect(report.clientAuthentications).toEqual(['certificate']);
    expect(report.tokenRequests).toEqual([{ clientId: APP_ID, scope: 'https://api.botframework.com/.default', issued: true }]);
  });

  test("a user-assigned managed identity federated to the app: the identity's token is the assertion", async () => {
    const report = await runBot('valid', 'managed-identity');
    expect(report.first).toEqual({ posted: 2 });
    expect(report.requests.every((request) => request.token === 'valid')).toBe(true);
    expect(report.clientAuthentications).toEqual(['federated']);
    expect(report.identityRequests[0]).toMatchObject({ clientId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', resource: 'api://AzureADTokenExchange', status: 200 });
  });

  test('an Azure Bot of type UserAssignedMSI: the Bot Connector token comes from the identity endpoint itself', async () => {
    const report = await runBot('valid', 'msi-bot');
    expect(report.first).toEqual({ posted: 2 });
    expect(report.requests.every((request) => request.token === 'valid')).toBe(true);
    expect(report.tokenRequests).toEqual([]);
    expect(report.identityRequests[0]).toMatchObject({
      clientId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
      resource: 'https://api.botframework.com',
      status: 200,
    });
  });
});
