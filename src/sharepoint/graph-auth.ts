/**
 * App-only tokens for Microsoft Graph: an msal-node ConfidentialClientApplication with a client
 * secret or a certificate (PEM file holding the private key and the certificate), for the
 * authority `${authorityHost}/${tenantId}`. msal keeps the token in its in-memory cache and
 * fetches a new one shortly before it expires.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication, LogLevel, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import type { GraphOptions } from '../config';
import { ConfigError } from '../errors';
import type { Logger } from '../logger';
import { isLoopbackHost } from '../loopback';
import type { GraphRequestInfo } from './graph-request-info';

export interface TokenSource {
  /** A bearer token for Graph; `fresh` skips the cache (after Graph refused a cached token). */
  token(fresh?: boolean): Promise<string>;
}

/** A PEM file's private key and certificate, as msal wants them. */
function readCertificate(path: string, password: string | null): { thumbprintSha256: string; privateKey: string; x5c: string } {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`AZURE_CLIENT_CERTIFICATE_PATH: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const certificateBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!certificateBlock)
    throw new ConfigError(
      `AZURE_CLIENT_CERTIFICATE_PATH: ${path} holds no "BEGIN CERTIFICATE" block; the file must contain the certificate and its private key in PEM`,
    );
  let privateKey: string;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem', ...(password ? { passphrase: password } : {}) })
      .export({ format: 'pem', type: 'pkcs8' })
      .toString();
  } catch (error) {
    throw new ConfigError(
      `AZURE_CLIENT_CERTIFICATE_PATH: cannot read the private key in ${path}${password ? ' with AZURE_CLIENT_CERTIFICATE_PASSWORD' : ' (if it is encrypted, set AZURE_CLIENT_CERTIFICATE_PASSWORD)'}: ${(error as Error).message}`,
    );
  }
  const certificate = new X509Certificate(certificateBlock);
  return {
    thumbprintSha256: createHash('sha256').update(certificate.raw).digest('hex'),
    privateKey,
    x5c: certificateBlock,
  };
}

/**
 * msal's network module on fetch: reports each exchange, and lets a loopback `http://` authority
 * (a test identity provider) work although msal only accepts `https://` authorities: msal is given
 * the https form, and requests to that one loopback origin go out over http.
 */
class TokenNetwork implements INetworkModule {
  constructor(
    private readonly loopbackOrigin: string | null,
    private readonly onRequest: ((info: GraphRequestInfo) => void) | undefined,
  ) {}

  private target(url: string): string {
    if (!this.loopbackOrigin) return url;
    const https = this.loopbackOrigin.replace(/^http:/, 'https:');
    return url.startsWith(https) ? `${this.loopbackOrigin}${url.slice(https.length)}` : url;
  }

  private async send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const target = this.target(url);
    const response = await fetch(target, {
      method,
      headers: options?.headers ?? {},
      ...(options?.body === undefined ? {} : { body: options.body }),
      // A token service that never answers must not hold a refresh or a tab request forever.
      signal: AbortSignal.timeout(timeout ?? 10_000),
    });
    const text = await response.text();
    this.onRequest?.({
      method,
      url: target,
      status: response.status,
      requestBytes: Buffer.byteLength(options?.body ?? ''),
      responseBytes: Buffer.byteLength(text),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    let body: unknown = {};
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = {
          error: 'invalid_response',
          error_description: `The token service at ${new URL(target).host} answered ${response.status} with a body that is not JSON.`,
        };
      }
    }
    return { headers, body: body as T, status: response.status };
  }

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }
}

/**
 * The app's msal-node client for `options` (secret or certificate, read once here), on the
 * configured authority host with no instance discovery. Used for app-only Graph tokens and for the
 * tab's on-behalf-of exchange, so both sign in the same way.
 */
export function createConfidentialClient(
  options: GraphOptions,
  deps: { logger: Logger; onRequest?: ((info: GraphRequestInfo) => void) | undefined },
): { app: ConfidentialClientApplication; credential: 'certificate' | 'secret' } {
  const log = deps.logger.child({ module: 'graph-auth' });
  const authority = new URL(options.authorityHost);
  const loopbackHttp = authority.protocol === 'http:' && isLoopbackHost(authority.hostname);
  if (authority.protocol === 'http:' && !loopbackHttp) {
    throw new ConfigError(`AZURE_AUTHORITY_HOST must use https:// (http:// is accepted only for a loopback test server): ${options.authorityHost}`);
  }
  const authorityOrigin = loopbackHttp ? `https://${authority.host}` : authority.origin;
  const certificate = options.certificate ? readCertificate(options.certificate.path, options.certificate.password) : null;
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      authority: `${authorityOrigin}/${options.tenantId}`,
      // The authority host is configured by the admin, so it is trusted as is: no instance discovery.
      knownAuthorities: [authority.host],
      ...(certificate ? { clientCertificate: certificate } : { clientSecret: options.clientSecret ?? '' }),
    },
    system: {
      networkClient: new TokenNetwork(loopbackHttp ? authority.origin : null, deps.onRequest),
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message) => {
          // msal warns on every client-credentials token ("No client info in response"): debug only.
          if (level <= LogLevel.Error) log.warn({ msal: message }, 'msal error');
          else log.debug({ msal: message }, 'msal warning');
        },
      },
    },
  });
  return { app, credential: certificate ? 'certificate' : 'secret' };
}

/** The Graph scope for the app's resource (`https://graph.microsoft.com/.default`). */
export function graphScope(options: GraphOptions): string {
  return `${new URL(options.baseUrl).origin}/.default`;
}

/** App-only tokens (client credentials) from `app`, cached by msal until shortly before they expire. */
export function appOnlyTokenSource(
  app: ConfidentialClientApplication,
  options: GraphOptions,
  deps: { logger: Logger; credential: 'certificate' | 'secret' },
): TokenSource {
  const log = deps.logger.child({ module: 'graph-auth' });
  const scope = graphScope(options);
  log.info(
    { authority: `${new URL(options.authorityHost).origin}/${options.tenantId}`, clientId: options.clientId, credential: deps.credential, scope },
    'Graph app-only authentication configured',
  );
  return {
    async token(fresh = false) {
      const result = await app.acquireTokenByClientCredential({ scopes: [scope], skipCache: fresh });
      if (!result?.accessToken) throw new Error('The token service returned no access token');
      if (!result.fromCache) log.debug({ expiresOn: result.expiresOn?.toISOString() ?? null }, 'Graph token acquired');
      return result.accessToken;
    },
  };
}

/**
 * Tokens for Graph on behalf of the user whose token is `assertion` (the tab's SSO token). The
 * first exchange is kept for the calls made with this source, so a caller that asks for the
 * token first (to tell "consent needed" from "unavailable") does not exchange twice.
 */
export function onBehalfOfTokenSource(app: ConfidentialClientApplication, scope: string, assertion: string): TokenSource {
  let current: Promise<string> | null = null;
  const exchange = async (fresh: boolean): Promise<string> => {
    const result = await app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: [scope], skipCache: fresh });
    if (!result?.accessToken) throw new Error('The token service returned no access token');
    return result.accessToken;
  };
  return {
    token(fresh = false) {
      if (fresh || !current) {
        const attempt = exchange(fresh);
        current = attempt;
        // A failed exchange is not kept: the next call tries again.
        attempt.catch(() => {
          if (current === attempt) current = null;
        });
      }
      return current;
    },
  };
}

/** Builds the app-only token source for `options`. */
export function createTokenSource(options: GraphOptions, deps: { logger: Logger; onRequest?: ((info: GraphRequestInfo) => void) | undefined }): TokenSource {
  const { app, credential } = createConfidentialClient(options, deps);
  return appOnlyTokenSource(app, options, { logger: deps.logger, credential });
}
