/**
 * The app's credential end to end over HTTPS, as in production: settings read by loadConfig, the
 * token service a loopback Entra fake over HTTPS (its self-signed certificate trusted through
 * NODE_EXTRA_CA_CERTS, so the credential runs in a child process, run-credential.ts), and a fake
 * App Service managed identity endpoint. Each way gets tokens for Microsoft Graph and for the Bot
 * Connector; the failures an admin meets come back as one clear English error each.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLoopbackCertificate, startFakeBotAuthority, type FakeBotAuthority } from '../../fakes/fake-bot-authority';
import { startFakeManagedIdentity, type FakeManagedIdentity } from '../../fakes/fake-managed-identity';
import type { Outcome, Run } from './run-credential';

const TENANT = '8c2f4e1a-3b5d-4f6e-9a7b-1c2d3e4f5a6b';
const APP_ID = '7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const SECRET = 'fake-secret-for-the-https-authority';
const TRUSTED = { clientId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', principalId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' };
const UNTRUSTED = { clientId: '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f', principalId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e' };
const APP_CERTIFICATE = join(__dirname, '../../fixtures/graph/test-certificate.pem');

let dir: string;
let tls: { keyPath: string; certPath: string };
let authority: FakeBotAuthority;
let identity: FakeManagedIdentity;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credential-authority-'));
  tls = makeLoopbackCertificate(dir);
  identity = await startFakeManagedIdentity({ tenantId: TENANT, identities: [TRUSTED, UNTRUSTED] });
  authority = await startFakeBotAuthority({
    ...tls,
    clientId: APP_ID,
    clientSecret: SECRET,
    certificatePem: readFileSync(APP_CERTIFICATE, 'utf8'),
    federated: [identity.trustFor(TRUSTED.clientId)],
  });
});
afterAll(async () => {
  await authority.close();
  await identity.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  authority.tokenRequests.length = 0;
  authority.clientAuthentications.length = 0;
  identity.requests.length = 0;
});

/** Settings of a deployed app (one app registration for Graph and the bot) with `credential` on top. */
const settings = (credential: Record<string, string>): Record<string, string> => ({
  AZURE_TENANT_ID: TENANT,
  AZURE_CLIENT_ID: APP_ID,
  AZURE_AUTHORITY_HOST: authority.origin,
  SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/svom',
  MicrosoftAppId: APP_ID,
  MicrosoftAppTenantId: TENANT,
  ...credential,
});

function runCredential(runs: Run[], identityEnv: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string }): Promise<{ outcomes: Outcome[][]; log: string[] }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [require.resolve('tsx/cli'), join(__dirname, 'run-credential.ts'), JSON.stringify(runs)],
      { env: { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: tls.certPath, ...identityEnv }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`run-credential failed: ${stderr || error.message}`));
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as { outcomes: Outcome[][]; log: string[] });
      },
    );
  });
}

const platform = () => ({ IDENTITY_ENDPOINT: identity.endpoint, IDENTITY_HEADER: identity.header });
const managedIdentity = (clientId: string) => settings({ MANAGED_IDENTITY_CLIENT_ID: clientId, ...platform() });

test('each way gets tokens for Graph and the Bot Connector; a refused federated assertion says what to fix', async () => {
  const report = await runCredential(
    [
      { env: managedIdentity(TRUSTED.clientId), tokens: ['graph', 'bot'] },
      { env: settings({ AZURE_CLIENT_CERTIFICATE_PATH: APP_CERTIFICATE }), tokens: ['graph', 'bot'] },
      { env: settings({ AZURE_CLIENT_SECRET: SECRET }), tokens: ['graph', 'bot'] },
      { env: managedIdentity(UNTRUSTED.clientId), tokens: ['graph'] },
    ],
    platform(),
  );
  const issued = [
    { ok: true, audience: 'https://graph.microsoft.com' },
    { ok: true, audience: 'https://api.botframework.com' },
  ];
  expect(report.outcomes.slice(0, 3)).toEqual([issued, issued, issued]);
  expect(authority.clientAuthentications).toEqual(['federated', 'federated', 'certificate', 'certificate', 'secret', 'secret', 'federated']);
  // One managed identity token per identity: the bot's request reused the Graph one's.
  expect(identity.requests.map((request) => [request.clientId, request.resource, request.apiVersion])).toEqual([
    [TRUSTED.clientId, 'api://AzureADTokenExchange', '2019-08-01'],
    [UNTRUSTED.clientId, 'api://AzureADTokenExchange', '2019-08-01'],
  ]);

  const [refused] = report.outcomes[3] ?? [];
  expect(refused).toMatchObject({ ok: false, name: 'CredentialError', code: 'credential-refused', step: 'token-service', aadsts: 700213 });
  expect(refused).toHaveProperty(
    'message',
    expect.stringContaining(`AADSTS700213: No matching federated identity record found for presented assertion subject '${UNTRUSTED.principalId}'.`),
  );
  expect(refused).toHaveProperty('message', expect.stringContaining('What to fix: no federated credential has this subject'));

  const text = report.log.join('\n');
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(identity.header);
  expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
}, 90_000);

test('a managed identity endpoint that is down: a clear error, and nothing is asked of Entra ID', async () => {
  const closedPort = await new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  const endpoint = `http://127.0.0.1:${closedPort}/msi/token`;
  const report = await runCredential(
    [{ env: settings({ MANAGED_IDENTITY_CLIENT_ID: TRUSTED.clientId, IDENTITY_ENDPOINT: endpoint, IDENTITY_HEADER: 'x' }), tokens: ['graph', 'bot'] }],
    {
      IDENTITY_ENDPOINT: endpoint,
      IDENTITY_HEADER: 'x',
    },
  );
  const expected = {
    ok: false,
    name: 'CredentialError',
    code: 'credential-unavailable',
    step: 'managed-identity',
    aadsts: null,
    message: `Could not reach the managed identity endpoint ${endpoint} (IDENTITY_ENDPOINT) for a token of the managed identity ${TRUSTED.clientId} (connection refused). The app must run on Azure with that user-assigned identity attached; MANAGED_IDENTITY_CLIENT_ID names it.`,
  };
  expect(report.outcomes).toEqual([[expected, expected]]);
  expect(authority.tokenRequests).toEqual([]);
}, 90_000);
