/**
 * A loopback fake of the Entra authority the bot gets its own Bot Connector tokens from
 * (client credentials), served over HTTPS: msal refuses an http authority. The certificate is
 * self-signed for 127.0.0.1 (see `makeLoopbackCertificate`); a process trusts it through
 * NODE_EXTRA_CA_CERTS, which Node reads only at start, so tests run the bot in a child process.
 *
 * Routes (`{tenant}` is any tenant name, e.g. botframework.com or a tenant id):
 * - GET  /{tenant}/v2.0/.well-known/openid-configuration
 * - POST /{tenant}/oauth2/v2.0/token   (grant_type=client_credentials, client_id, scope, and a client
 *   secret, a certificate assertion or a federated assertion, as the app registration allows)
 * - GET  /{tenant}/discovery/v2.0/keys
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { checkCertificateAssertion } from './certificate-assertion';
import { checkFederatedAssertion, isFederatedAssertion, type FederatedTrust } from './federated-trust';

/** Writes `key.pem` and `cert.pem` for 127.0.0.1 into `dir` (with the openssl command) and returns their paths. */
export function makeLoopbackCertificate(dir: string): { keyPath: string; certPath: string } {
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { keyPath, certPath };
}

export type TokenMode = 'valid' | 'expired' | 'refuse';

export interface FakeBotAuthority {
  /** `https://127.0.0.1:PORT` */
  origin: string;
  /** The public key the tokens are signed with (for the fake connector to check them). */
  publicKey: KeyLike;
  /** The `iss` of issued tokens. */
  issuer: string;
  /** valid: tokens for an hour; expired: tokens whose `exp` has passed (the answer still says an hour); refuse: 401 invalid_client. */
  mode: TokenMode;
  /** Token requests seen: client id and scope of each, and whether one was issued. */
  tokenRequests: Array<{ clientId: string; scope: string; issued: boolean }>;
  /** How each token request authenticated the app, in order. */
  clientAuthentications: Array<'secret' | 'certificate' | 'federated' | 'none'>;
  close(): Promise<void>;
}

/** The app registration the authority knows: its client id and the credentials it accepts. */
export interface FakeAppRegistration {
  keyPath: string;
  certPath: string;
  clientId: string;
  /** Accepted client secret (omit: none). */
  clientSecret?: string;
  /** Certificate (PEM, public part) accepted for certificate assertions. */
  certificatePem?: string;
  /** Federated identity credentials (a managed identity's tokens as client assertions). */
  federated?: FederatedTrust[];
}

type Refusal = { status: number; error: string; code: number; description: string };

async function checkClient(
  form: URLSearchParams,
  options: FakeAppRegistration,
  tokenUrl: string,
): Promise<{ auth: FakeBotAuthority['clientAuthentications'][number]; refusal: Refusal | null }> {
  const clientId = form.get('client_id') ?? '';
  if (clientId !== options.clientId) {
    return {
      auth: 'none',
      refusal: {
        status: 400,
        error: 'unauthorized_client',
        code: 700016,
        description: `Application with identifier '${clientId}' was not found in the directory.`,
      },
    };
  }
  const secret = form.get('client_secret');
  if (secret !== null) {
    const known = options.clientSecret !== undefined && secret === options.clientSecret;
    return { auth: 'secret', refusal: known ? null : { status: 401, error: 'invalid_client', code: 7000215, description: 'Invalid client secret provided.' } };
  }
  const assertion = form.get('client_assertion');
  if (assertion !== null && isFederatedAssertion(assertion, clientId))
    return { auth: 'federated', refusal: await checkFederatedAssertion(assertion, options.federated ?? []) };
  if (assertion !== null) {
    const refusal = checkCertificateAssertion(assertion, options.certificatePem ?? null, clientId, tokenUrl);
    return { auth: 'certificate', refusal: refusal ? { status: 401, error: 'invalid_client', ...refusal } : null };
  }
  return {
    auth: 'none',
    refusal: {
      status: 401,
      error: 'invalid_client',
      code: 7000218,
      description: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    },
  };
}

export async function startFakeBotAuthority(options: FakeAppRegistration): Promise<FakeBotAuthority> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = 'fake-bot-authority-key';
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const issuer = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';
  let origin = '';

  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const authority: FakeBotAuthority = {
    origin: '',
    publicKey,
    issuer,
    mode: 'valid',
    tokenRequests: [],
    clientAuthentications: [],
    close: async () => undefined,
  };

  const server = createServer({ key: readFileSync(options.keyPath), cert: readFileSync(options.certPath) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', origin);
        const match = /^\/([^/]+)\/(.*)$/.exec(url.pathname);
        const tenant = match?.[1] ?? '';
        const rest = match?.[2] ?? '';
        if (req.method === 'GET' && rest === 'v2.0/.well-known/openid-configuration') {
          json(res, 200, {
            issuer: `${origin}/${tenant}/v2.0`,
            token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
            authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
            jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
            response_types_supported: ['code', 'token'],
            subject_types_supported: ['pairwise'],
            id_token_signing_alg_values_supported: ['RS256'],
          });
          return;
        }
        if (req.method === 'GET' && rest === 'discovery/v2.0/keys') {
          json(res, 200, { keys: [jwk] });
          return;
        }
        if (req.method === 'POST' && rest === 'oauth2/v2.0/token') {
          const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
          const clientId = form.get('client_id') ?? '';
          const scope = form.get('scope') ?? '';
          const checked = await checkClient(form, options, `${origin}${url.pathname}`);
          authority.clientAuthentications.push(checked.auth);
          const refusal: Refusal | null =
            authority.mode === 'refuse'
              ? { status: 401, error: 'invalid_client', code: 7000215, description: 'Invalid client secret provided.' }
              : form.get('grant_type') !== 'client_credentials'
                ? { status: 400, error: 'unsupported_grant_type', code: 70003, description: 'The app requested an unsupported grant type.' }
                : checked.refusal;
          if (refusal) {
            authority.tokenRequests.push({ clientId, scope, issued: false });
            json(res, refusal.status, {
              error: refusal.error,
              error_description: `AADSTS${refusal.code}: ${refusal.description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
              error_codes: [refusal.code],
            });
            return;
          }
          const resource =
            scope
              .split(' ')
              .find((value) => value.endsWith('/.default'))
              ?.replace(/\/\.default$/, '') ?? '';
          const now = Math.floor(Date.now() / 1000);
          const exp = authority.mode === 'expired' ? now - 600 : now + 3600;
          const token = await new SignJWT({ appid: clientId, tid: tenant, ver: '1.0' })
            .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
            .setIssuer(issuer)
            .setAudience(resource)
            .setIssuedAt(now - 900)
            .setNotBefore(now - 900)
            .setExpirationTime(exp)
            .sign(privateKey);
          authority.tokenRequests.push({ clientId, scope, issued: true });
          json(res, 200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: token });
          return;
        }
        json(res, 404, { error: 'not_found' });
      })().catch((error: unknown) => json(res, 500, { error: 'server_error', error_description: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  authority.origin = origin;
  authority.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return authority;
}
