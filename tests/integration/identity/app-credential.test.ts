/**
 * The app's credential against the loopback fakes: the fake Graph's Entra token service (secret,
 * certificate, federated assertions) and a fake App Service managed identity endpoint. msal's
 * managed identity client reads IDENTITY_ENDPOINT and IDENTITY_HEADER from the process
 * environment, and chooses the endpoint once per process, so this file points them at one fake
 * for all its tests (jest gives each test file its own copy of the environment).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientCredential, GraphOptions } from '../../../src/config';
import { createAppCredential, CredentialError, type AppCredential } from '../../../src/identity';
import { createLogger } from '../../../src/logger';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { graphOptions } from '../../fakes/fake-graph-options';
import { startFakeManagedIdentity, type FakeManagedIdentity } from '../../fakes/fake-managed-identity';
import type { FederatedTrust } from '../../fakes/federated-trust';
import { balanceItems, harness } from '../sharepoint/graph-harness';
import { capturedLogs } from '../../fixtures/captured-logs';

const CERTIFICATE = join(__dirname, '../../fixtures/graph/test-certificate.pem');
const IDENTITY = { clientId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', principalId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' };
const NOT_ATTACHED = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const BOT_SCOPE = 'https://api.botframework.com/.default';

let identity: FakeManagedIdentity;
let fake: FakeGraph | null = null;

beforeAll(async () => {
  identity = await startFakeManagedIdentity({ tenantId: '8c2f4e1a-3b5d-4f6e-9a7b-1c2d3e4f5a6b', identities: [IDENTITY] });
  process.env.IDENTITY_ENDPOINT = identity.endpoint;
  process.env.IDENTITY_HEADER = identity.header;
});
afterAll(async () => {
  await identity.close();
});
afterEach(async () => {
  await fake?.close();
  fake = null;
});

/** A fake Graph whose app registration trusts `federated`, and a collecting logger. */
async function setUp(federated: (trust: FederatedTrust) => FederatedTrust[] = (trust) => [trust]) {
  fake = await startFakeGraph({ certificatePem: readFileSync(CERTIFICATE, 'utf8'), federated: federated(identity.trustFor(IDENTITY.clientId)) });
  fake.seed('balance', balanceItems(2));
  const { lines, logger } = capturedLogs('trace');
  return { fake, lines, logger };
}

const managedIdentity = (managedIdentityClientId = IDENTITY.clientId): ClientCredential => ({
  kind: 'managed-identity',
  managedIdentityClientId,
  endpoint: identity.endpoint,
});

function credentialFor(graph: FakeGraph, credential: ClientCredential, logger = createLogger('silent')): { options: GraphOptions; credential: AppCredential } {
  const options = graphOptions(graph, { credential });
  return { options, credential: createAppCredential(options, { logger }) };
}

const scopeOf = (graph: FakeGraph) => `${new URL(graph.baseUrl).origin}/.default`;
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as CredentialError,
  );

describe('client secret and certificate', () => {
  it('gets a token by secret for any scope, keeps it until it expires, and asks anew when told', async () => {
    const { fake } = await setUp();
    const { credential } = credentialFor(fake, { kind: 'secret', secret: fake.clientSecret });
    await credential.token(scopeOf(fake));
    await credential.token(scopeOf(fake));
    await credential.token(BOT_SCOPE);
    await credential.token(scopeOf(fake), { fresh: true });
    expect(credential.kind).toBe('secret');
    expect(fake.tokenRequests).toEqual(Array(3).fill({ grantType: 'client_credentials', ok: true }));
  });

  it('gets a token with a certificate', async () => {
    const { fake } = await setUp();
    const { credential } = credentialFor(fake, { kind: 'certificate', path: CERTIFICATE, password: null });
    expect(await credential.token(scopeOf(fake))).toMatch(/\./);
    expect(fake.tokenRequests).toEqual([{ grantType: 'client_credentials', ok: true }]);
  });

  it('translates a refused secret into what to fix, without the secret', async () => {
    const { fake } = await setUp();
    const { credential } = credentialFor(fake, { kind: 'secret', secret: 'wrong-secret-value' });
    const error = await failureOf(credential.token(scopeOf(fake)));
    expect(error).toBeInstanceOf(CredentialError);
    expect(error).toMatchObject({ code: 'credential-refused', step: 'token-service', aadsts: 7000215 });
    expect(error?.message).toMatch(
      /^Entra ID \(https:\/\/127\.0\.0\.1:\d+\/[-0-9a-f]+\) refused an app-only token for http:\/\/127\.0\.0\.1:\d+\/\.default with the client secret of the app/,
    );
    expect(error?.message).toContain('AADSTS7000215: Invalid client secret provided.');
    expect(error?.message).toContain("What to fix: the client secret is wrong: use the secret's value (not its id)");
    expect(error?.message).not.toMatch(/Trace ID|wrong-secret-value/);
  });

  it('says the token service did not answer when nothing listens at the authority host', async () => {
    const { fake } = await setUp();
    const authorityHost = fake.authorityHost;
    await fake.close();
    const credential = createAppCredential(
      { tenantId: fake.tenantId, clientId: fake.clientId, authorityHost, credential: { kind: 'secret', secret: fake.clientSecret } },
      { logger: createLogger('silent') },
    );
    const error = await failureOf(credential.token(BOT_SCOPE));
    expect(error).toMatchObject({ code: 'credential-unavailable', step: 'token-service', aadsts: null });
    expect(error?.message).toMatch(
      /^Could not reach the token service https:\/\/127\.0\.0\.1:\d+\/[-0-9a-f]+ for an app-only token for https:\/\/api\.botframework\.com\/\.default \(connection refused\)\. Check AZURE_AUTHORITY_HOST/,
    );
  });
});

describe('user-assigned managed identity with a federated credential', () => {
  it("uses the identity's token for api://AzureADTokenExchange as the client assertion, for Graph and the Bot Connector", async () => {
    const { fake, lines, logger } = await setUp();
    identity.requests.length = 0;
    const { credential } = credentialFor(fake, managedIdentity(), logger);

    await credential.token(scopeOf(fake));
    await credential.token(BOT_SCOPE);
    await credential.token(scopeOf(fake));

    // One identity token (msal keeps it), two app tokens (one per resource), the third from the cache.
    expect(identity.requests).toEqual([{ clientId: IDENTITY.clientId, resource: 'api://AzureADTokenExchange', apiVersion: '2019-08-01', status: 200 }]);
    expect(fake.tokenRequests).toEqual(Array(2).fill({ grantType: 'client_credentials', ok: true }));
    const text = lines.join('\n');
    expect(text).toContain('"credential":"managed-identity"');
    expect(text).toContain(`"managedIdentityClientId":"${IDENTITY.clientId}"`);
    expect(text).not.toContain(identity.header);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  });

  it('reads SharePoint through Graph, and exchanges a user token on behalf of the user, with no secret', async () => {
    const { fake } = await setUp();
    const { source, client } = harness(fake, { graph: { credential: managedIdentity() } });
    expect((await source.read()).data.balance).toHaveLength(2);
    expect(client).toBeDefined();

    const { credential } = credentialFor(fake, managedIdentity());
    const userToken = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ upn: 'anna@contoso.se' })).toString('base64url')}.`;
    expect(await credential.onBehalfOf(userToken, `${scopeOf(fake).replace('/.default', '')}/Sites.Read.All`)).toMatch(/\./);
    expect(fake.tokenRequests.at(-1)).toEqual({ grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer', ok: true });
  });

  it("names the federated credential's fix when Entra refuses the assertion (AADSTS700213, wrong subject)", async () => {
    const { fake } = await setUp((trust) => [{ ...trust, subject: '00000000-0000-4000-8000-000000000000' }]);
    const { credential } = credentialFor(fake, managedIdentity());
    const error = await failureOf(credential.token(scopeOf(fake)));
    expect(error).toMatchObject({ code: 'credential-refused', step: 'token-service', aadsts: 700213 });
    expect(error?.message).toContain(`with the managed identity ${IDENTITY.clientId}, federated to the app ${fake.clientId}`);
    expect(error?.message).toContain(`AADSTS700213: No matching federated identity record found for presented assertion subject '${IDENTITY.principalId}'.`);
    expect(error?.message).toContain("subject the managed identity's object (principal) id and audience api://AzureADTokenExchange");
  });

  it('says so when the app registration trusts no such identity at all (AADSTS700211)', async () => {
    const { fake } = await setUp(() => []);
    const error = await failureOf(credentialFor(fake, managedIdentity()).credential.token(scopeOf(fake)));
    expect(error).toMatchObject({ code: 'credential-refused', aadsts: 700211 });
    expect(error?.message).toContain('What to fix: no federated credential has this issuer');
  });

  it('says which identity the endpoint does not know (not attached to the web app)', async () => {
    const { fake } = await setUp();
    const error = await failureOf(credentialFor(fake, managedIdentity(NOT_ATTACHED)).credential.token(scopeOf(fake)));
    expect(error).toBeInstanceOf(CredentialError);
    expect(error).toMatchObject({ code: 'credential-refused', step: 'managed-identity', aadsts: null });
    expect(error?.message).toBe(
      `The managed identity endpoint ${identity.endpoint} (IDENTITY_ENDPOINT) gave no token of the managed identity ${NOT_ATTACHED} for api://AzureADTokenExchange: Unable to load the proper Managed Identity. Check that MANAGED_IDENTITY_CLIENT_ID is the client id of a user-assigned identity attached to this app.`,
    );
    expect(fake.tokenRequests).toEqual([]);
  });

  it('reports an endpoint that keeps failing (500, after msal retried) without asking Entra ID', async () => {
    const { fake } = await setUp();
    identity.requests.length = 0;
    identity.mode = 'error';
    try {
      const error = await failureOf(credentialFor(fake, managedIdentity(NOT_ATTACHED.replace('9e8d', '1e8d'))).credential.token(scopeOf(fake)));
      expect(error).toMatchObject({ code: 'credential-refused', step: 'managed-identity' });
      expect(error?.message).toContain('An unexpected error occured while fetching the AAD Token.');
      expect(identity.requests.length).toBeGreaterThan(1);
      expect(fake.tokenRequests).toEqual([]);
    } finally {
      identity.mode = 'up';
    }
  });

  it('uses the identity directly when the app is the identity (a UserAssignedMSI bot)', async () => {
    const { fake } = await setUp();
    identity.requests.length = 0;
    const credential = createAppCredential(
      { tenantId: fake.tenantId, clientId: IDENTITY.clientId, authorityHost: fake.authorityHost, credential: managedIdentity() },
      { logger: createLogger('silent') },
    );
    await credential.token(BOT_SCOPE);
    expect(identity.requests).toEqual([{ clientId: IDENTITY.clientId, resource: 'https://api.botframework.com', apiVersion: '2019-08-01', status: 200 }]);
    expect(fake.tokenRequests).toEqual([]);
    await expect(credential.onBehalfOf('user-token', BOT_SCOPE)).rejects.toThrow(/is a managed identity, which cannot exchange a user's token/);
  });
});
