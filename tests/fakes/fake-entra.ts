/**
 * A loopback fake of the parts of Entra ID that Teams SSO involves: the tenant's signing keys
 * (`/{tenant}/discovery/v2.0/keys`) and test tokens signed with them, shaped like the access
 * tokens Teams hands a tab (`aud` the App ID URI, `scp` access_as_user, `tid`, `oid`, v1 issuer).
 *
 * Every other path (the token endpoint for on-behalf-of, OpenID discovery) is passed on to
 * `upstream` (the fake Graph's identity endpoints), so the app can use this one origin as its
 * authority host.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';

export interface FakeEntraOptions {
  tenantId: string;
  /** The tab app's client id; tokens are for `api://<host>/<clientId>` unless told otherwise. */
  clientId: string;
  appIdUri: string;
  /** Origin to pass other requests to (e.g. the fake Graph's `authorityHost`). */
  upstream?: string;
  /** The time tokens are issued at (default now). */
  now?: () => Date;
}

export interface TokenOptions {
  /** Claims to add or replace; `undefined` removes a claim. */
  claims?: Record<string, unknown>;
  /** `untrusted` signs with a key the JWKS does not publish (same kid). */
  key?: 'trusted' | 'untrusted';
  /** Header `kid` (default the published key's). */
  kid?: string;
}

export interface FakeEntra {
  /** Use as AZURE_AUTHORITY_HOST: `http://127.0.0.1:PORT`. */
  readonly authorityHost: string;
  readonly tenantId: string;
  /** How many times the keys were fetched. */
  readonly keyRequests: number;
  /** A signed access token for the user `upn` (the fake Graph's on-behalf-of user name). */
  token(upn: string, options?: TokenOptions): Promise<string>;
  /** The claims `token()` would sign for `upn`, before options are applied. */
  claimsFor(upn: string): JWTPayload;
  /** An unsigned token (`alg: none`) with the claims of a valid one. */
  unsignedToken(upn: string): string;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startFakeEntra(options: FakeEntraOptions): Promise<FakeEntra> {
  const now = options.now ?? (() => new Date());
  const kid = randomUUID();
  const trusted = await generateKeyPair('RS256', { extractable: true });
  const untrusted = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid, use: 'sig', alg: 'RS256', kty: 'RSA' };
  let keyRequests = 0;
  let port = 0;

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (request.method === 'GET' && url.pathname === `/${options.tenantId}/discovery/v2.0/keys`) {
        keyRequests += 1;
        response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ keys: [publicJwk] }));
        return;
      }
      if (!options.upstream) {
        response.writeHead(404, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ error: 'not_found' }));
        return;
      }
      const body = await readBody(request);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && !['content-length', 'connection', 'host'].includes(name)) headers[name] = value;
      }
      const upstream = await fetch(`${options.upstream}${url.pathname}${url.search}`, {
        method: request.method ?? 'GET',
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      // Discovery documents name the upstream's host; the app must see this one's.
      const text = (await upstream.text()).split(new URL(options.upstream).host).join(`127.0.0.1:${port}`);
      response.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
      response.end(text);
    })().catch((error: unknown) => {
      response.writeHead(502, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  const claimsFor = (upn: string): JWTPayload => {
    const issuedAt = Math.floor(now().getTime() / 1000);
    return {
      aud: options.appIdUri,
      iss: `https://sts.windows.net/${options.tenantId}/`,
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + 3600,
      tid: options.tenantId,
      oid: randomUUIDFor(upn),
      upn,
      preferred_username: upn,
      name: upn.split('@')[0],
      scp: 'access_as_user',
      azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
      ver: '1.0',
    };
  };

  return {
    authorityHost: `http://127.0.0.1:${port}`,
    tenantId: options.tenantId,
    get keyRequests() {
      return keyRequests;
    },
    claimsFor,
    async token(upn, tokenOptions = {}) {
      const claims: Record<string, unknown> = { ...claimsFor(upn), ...(tokenOptions.claims ?? {}) };
      for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
      const key: KeyLike = tokenOptions.key === 'untrusted' ? untrusted.privateKey : trusted.privateKey;
      return new SignJWT(claims as JWTPayload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: tokenOptions.kid ?? kid }).sign(key);
    },
    unsignedToken(upn) {
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claimsFor(upn))}.`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A stable object id per user name, so the access cache sees the same user twice. */
function randomUUIDFor(name: string): string {
  let hash = 0n;
  for (const char of name) hash = (hash * 131n + BigInt(char.codePointAt(0) ?? 0)) % (1n << 122n);
  const hex = hash.toString(16).padStart(32, '0').slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
