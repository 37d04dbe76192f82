/**
 * A loopback fake of App Service's managed identity endpoint (the protocol behind IDENTITY_ENDPOINT
 * and IDENTITY_HEADER): `GET /msi/token?api-version=2019-08-01&resource=…&client_id=…` with the
 * header `X-IDENTITY-HEADER`. It knows the user-assigned identities attached to the "web app",
 * answers with App Service's body shapes (`expires_on` in epoch seconds as a string; 400 "Unable to
 * load the proper Managed Identity." for an identity that is not attached), and signs its tokens
 * with its own key, the way Entra ID signs a managed identity's token: issuer
 * `https://login.microsoftonline.com/{tenant}/v2.0`, subject the identity's object id. A fake
 * authority trusts them through `trustFor` (a federated credential).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPair, SignJWT, type KeyLike } from 'jose';
import type { FederatedTrust } from './federated-trust';

export interface FakeManagedIdentityOptions {
  tenantId: string;
  /** The user-assigned identities attached: client id and object (principal) id. */
  identities: Array<{ clientId: string; principalId: string }>;
}

export interface FakeManagedIdentity {
  /** Use as IDENTITY_ENDPOINT. */
  readonly endpoint: string;
  /** Use as IDENTITY_HEADER. */
  readonly header: string;
  /** The `iss` of its tokens. */
  readonly issuer: string;
  /** up: tokens; error: 500 for every request. */
  mode: 'up' | 'error';
  readonly requests: Array<{ clientId: string | null; resource: string | null; apiVersion: string | null; status: number }>;
  /** The federated credential an app registration needs to trust `clientId`'s tokens. */
  trustFor(clientId: string, overrides?: Partial<Omit<FederatedTrust, 'key'>>): FederatedTrust;
  close(): Promise<void>;
}

export async function startFakeManagedIdentity(options: FakeManagedIdentityOptions): Promise<FakeManagedIdentity> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = 'fake-managed-identity-key';
  const issuer = `https://login.microsoftonline.com/${options.tenantId}/v2.0`;
  const header = randomUUID();
  const requests: FakeManagedIdentity['requests'] = [];
  const state = { mode: 'up' as 'up' | 'error' };

  const reply = (response: ServerResponse, status: number, body: unknown, record: Omit<FakeManagedIdentity['requests'][number], 'status'>) => {
    requests.push({ ...record, status });
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };
  const appServiceError = (status: number, message: string) => ({ statusCode: status, message, correlationId: randomUUID() });

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const record = {
        clientId: url.searchParams.get('client_id'),
        resource: url.searchParams.get('resource'),
        apiVersion: url.searchParams.get('api-version'),
      };
      if (request.method !== 'GET' || url.pathname !== '/msi/token') return reply(response, 404, appServiceError(404, 'Not found.'), record);
      if (state.mode === 'error') return reply(response, 500, appServiceError(500, 'An unexpected error occured while fetching the AAD Token.'), record);
      if (request.headers['x-identity-header'] !== header) return reply(response, 401, appServiceError(401, 'Unauthorized.'), record);
      if (record.apiVersion !== '2019-08-01') return reply(response, 400, appServiceError(400, 'Invalid api-version.'), record);
      const identity = options.identities.find((candidate) => candidate.clientId === record.clientId);
      if (!identity || !record.resource) return reply(response, 400, appServiceError(400, 'Unable to load the proper Managed Identity.'), record);
      const now = Math.floor(Date.now() / 1000);
      const expiresOn = now + 24 * 3600;
      const token = await new SignJWT({ oid: identity.principalId, tid: options.tenantId, azp: identity.clientId, appid: identity.clientId, idtyp: 'app' })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
        .setIssuer(issuer)
        .setSubject(identity.principalId)
        .setAudience(record.resource)
        .setIssuedAt(now - 300)
        .setNotBefore(now - 300)
        .setExpirationTime(expiresOn)
        .sign(privateKey);
      reply(
        response,
        200,
        { access_token: token, expires_on: String(expiresOn), resource: record.resource, token_type: 'Bearer', client_id: identity.clientId },
        record,
      );
    })().catch((error: unknown) => reply(response, 500, appServiceError(500, String(error)), { clientId: null, resource: null, apiVersion: null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    endpoint: `http://127.0.0.1:${port}/msi/token`,
    header,
    issuer,
    get mode() {
      return state.mode;
    },
    set mode(value) {
      state.mode = value;
    },
    requests,
    trustFor(clientId, overrides = {}) {
      const identity = options.identities.find((candidate) => candidate.clientId === clientId);
      if (!identity) throw new Error(`no identity ${clientId} is attached to the fake`);
      return { issuer, subject: identity.principalId, audience: 'api://AzureADTokenExchange', key: publicKey as KeyLike, ...overrides };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
