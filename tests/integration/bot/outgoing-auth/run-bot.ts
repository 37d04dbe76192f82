/**
 * Child process of outgoing-auth.test.ts: Node reads NODE_EXTRA_CA_CERTS only when it starts,
 * so the bot that must trust the fake HTTPS authority runs here. It runs the notifier twice for
 * one team, with `MicrosoftAppId` set and the connector checking every bearer token:
 * first with the authority in the mode given as argv[2] (valid, expired, refuse), then, a day
 * later and after a restart (a new token cache), with valid tokens. argv[3] is how the bot proves
 * itself (see `Way`). Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeBotAuthority, type TokenMode } from '../../../fakes/fake-bot-authority';
import { startFakeBotConnector } from '../../../fakes/fake-bot-connector';
import { startFakeManagedIdentity } from '../../../fakes/fake-managed-identity';
import { MemoryListSource } from '../../../fakes/memory-list-source';
import { sampleListData } from '../../../fixtures/bot/list-items';
import { startHarness } from '../harness';
import { CHANNEL, installedTeam } from '../team-target';
import { capturedLogs } from '../../../fixtures/captured-logs';

const APP_ID = '7f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const APP_PASSWORD = 'fake-secret-for-the-fake-authority';
const TENANT = '8c2f4e1a-3b5d-4f6e-9a7b-1c2d3e4f5a6b';
const DAY_MS = 24 * 60 * 60 * 1000;
const CERTIFICATE = join(__dirname, '../../../fixtures/graph/test-certificate.pem');
const IDENTITY = { clientId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', principalId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' };

/**
 * How the bot proves itself: its client secret (MicrosoftAppPassword); the app's certificate or a
 * user-assigned managed identity federated to the app (the bot is the app of AZURE_CLIENT_ID, so
 * it uses AZURE_CLIENT_CREDENTIAL); or an Azure Bot of type UserAssignedMSI, whose app id is the
 * identity's and whose tokens come from the identity endpoint itself.
 */
export type Way = 'secret' | 'certificate' | 'managed-identity' | 'msi-bot';

async function main(mode: TokenMode, way: Way): Promise<void> {
  const keyPath = process.env.FAKE_AUTHORITY_KEY ?? '';
  const certPath = process.env.FAKE_AUTHORITY_CERT ?? '';
  const identity = await startFakeManagedIdentity({ tenantId: TENANT, identities: [IDENTITY] });
  // msal's managed identity client reads these from the environment.
  process.env.IDENTITY_ENDPOINT = identity.endpoint;
  process.env.IDENTITY_HEADER = identity.header;
  const authority = await startFakeBotAuthority({
    keyPath,
    certPath,
    clientId: APP_ID,
    clientSecret: APP_PASSWORD,
    certificatePem: readFileSync(CERTIFICATE, 'utf8'),
    federated: [identity.trustFor(IDENTITY.clientId)],
  });
  authority.mode = mode;
  const connector = await startFakeBotConnector();
  if (way === 'msi-bot') {
    const trust = identity.trustFor(IDENTITY.clientId);
    connector.checkTokens({ key: trust.key, issuer: identity.issuer, audience: 'https://api.botframework.com', appId: IDENTITY.clientId });
  } else {
    connector.checkTokens({ key: authority.publicKey, issuer: authority.issuer, audience: 'https://api.botframework.com', appId: APP_ID });
  }
  const tenantApp = {
    AZURE_TENANT_ID: TENANT,
    AZURE_CLIENT_ID: APP_ID,
    AZURE_AUTHORITY_HOST: authority.origin,
    SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/svom',
  };
  const env: Record<Way, Record<string, string>> = {
    secret: { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, MicrosoftAppTenantId: TENANT },
    certificate: {
      ...tenantApp,
      AZURE_CLIENT_CERTIFICATE_PATH: CERTIFICATE,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: APP_ID,
      MicrosoftAppTenantId: TENANT,
    },
    'managed-identity': {
      ...tenantApp,
      MANAGED_IDENTITY_CLIENT_ID: IDENTITY.clientId,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: APP_ID,
      MicrosoftAppTenantId: TENANT,
    },
    'msi-bot': { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: IDENTITY.clientId, MicrosoftAppTenantId: TENANT },
  };
  const { logger, lines } = capturedLogs('info');
  const harness = await startHarness({
    source: new MemoryListSource(sampleListData()),
    connector,
    logger,
    env: env[way],
    endpoints: {
      openIdMetadataUrl: connector.issuer.openIdMetadataUrl,
      tokenIssuer: connector.issuer.tokenIssuer,
      loginUrl: `${authority.origin}/botframework.com`,
    },
  });
  try {
    await harness.bot.registry.put(installedTeam(connector.serviceUrl, { tenantId: TENANT }));
    const first = await harness.bot.notifier.run();
    const firstRequests = connector.requests.length;
    authority.mode = 'valid';
    harness.clock.advance(DAY_MS);
    await harness.restart();
    const second = await harness.bot.notifier.run();
    process.stdout.write(
      `${JSON.stringify({
        first: first.counts,
        second: second.counts,
        firstRequests,
        requests: connector.requests.map((request) => ({ method: request.method, path: request.path, status: request.status, token: request.token ?? null })),
        tokenRequests: authority.tokenRequests,
        clientAuthentications: authority.clientAuthentications,
        identityRequests: identity.requests.map((request) => ({ clientId: request.clientId, resource: request.resource, status: request.status })),
        posts: connector.postsIn(CHANNEL).length,
        log: lines,
      })}\n`,
    );
  } finally {
    await harness.close();
    await connector.close();
    await authority.close();
    await identity.close();
  }
}

const mode = process.argv[2] as TokenMode;
main(mode, (process.argv[3] ?? 'secret') as Way).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
