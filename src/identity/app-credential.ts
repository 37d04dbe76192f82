/**
 * The app's own credential with Entra ID, in one place: app-only tokens for any resource
 * (Microsoft Graph, the Bot Connector) and the tab's on-behalf-of exchange, by a client secret, a
 * certificate, or a user-assigned managed identity. With a managed identity the app registration
 * trusts the identity through a federated credential: the identity's token for
 * api://AzureADTokenExchange is the client assertion of the app's token request, so no secret
 * exists anywhere. When the app id is the managed identity's own client id (an Azure Bot of type
 * UserAssignedMSI), the identity's token is asked for the resource directly.
 *
 * Tokens are cached by msal-node and renewed shortly before they expire; `fresh` skips the cache
 * (after a service refused a cached token). A token that cannot be had is a `CredentialError`
 * whose message says what failed and what to fix, never with a secret in it.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { ClientCredential } from '../config';
import { ConfigError } from '../errors';
import type { Logger } from '../logger';
import { isLoopbackHost } from '../loopback';
import { readCertificate } from './certificate';
import { aadstsHint, aadstsOf, CredentialError, entraReason } from './credential-error';
import { managedIdentityTokens, TOKEN_EXCHANGE_AUDIENCE } from './managed-identity';
import { msalLoggerOptions, TokenNetwork, type TokenRequestInfo } from './token-network';

export interface AppCredentialOptions {
  /** The app registration's tenant (a GUID), or `botframework.com` for a multi-tenant bot. */
  tenantId: string;
  /** The app registration's client id (or, for a UserAssignedMSI bot, the identity's). */
  clientId: string;
  /** e.g. `https://login.microsoftonline.com` (no trailing slash); `http://` only on loopback (tests). */
  authorityHost: string;
  credential: ClientCredential;
}

export interface AppCredentialDeps {
  logger: Logger;
  /** Sees every exchange with the token service, for counting. */
  onRequest?: ((info: TokenRequestInfo) => void) | undefined;
}

export interface TokenRequestOptions {
  /** Skip the cache: a service refused the cached token. */
  fresh?: boolean;
  /** Ask this tenant's authority instead of the configured one (e.g. `botframework.com`). */
  tenantId?: string;
}

export interface AppCredential {
  /** `secret`, `certificate` or `managed-identity`. */
  readonly kind: ClientCredential['kind'];
  /** The authority tokens come from, `${authorityHost}/${tenantId}`. */
  readonly authority: string;
  /** An app-only token for `scope`, e.g. `https://graph.microsoft.com/.default` or `https://api.botframework.com/.default`. */
  token(scope: string, options?: TokenRequestOptions): Promise<string>;
  /** A token for `scope` on behalf of the user whose token (the tab's SSO token) is `userToken`. */
  onBehalfOf(userToken: string, scope: string, options?: { fresh?: boolean }): Promise<string>;
}

/** The app-only scope of a resource URL: its origin plus `/.default` (`https://graph.microsoft.com/v1.0` → `https://graph.microsoft.com/.default`). */
export function defaultScope(resourceUrl: string): string {
  return `${new URL(resourceUrl).origin}/.default`;
}

/** Builds the credential; reads a certificate file once, here. Throws `ConfigError` for an unusable setting. */
export function createAppCredential(options: AppCredentialOptions, deps: AppCredentialDeps): AppCredential {
  const log = deps.logger.child({ module: 'app-credential' });
  const host = new URL(options.authorityHost);
  const loopbackHttp = host.protocol === 'http:' && isLoopbackHost(host.hostname);
  if (host.protocol === 'http:' && !loopbackHttp) {
    throw new ConfigError(`AZURE_AUTHORITY_HOST must use https:// (http:// is accepted only for a loopback test server): ${options.authorityHost}`);
  }
  // msal accepts only https authorities; a loopback http one is given in its https form (token-network.ts).
  const origin = loopbackHttp ? `https://${host.host}` : host.origin;
  const authorityFor = (tenant: string) => `${origin}/${tenant}`;
  const authority = authorityFor(options.tenantId);
  const network = new TokenNetwork(loopbackHttp ? host.origin : null, deps.onRequest);
  const credential = options.credential;
  const label = describe(credential, options.clientId);
  log.info(
    {
      authority: `${host.origin}/${options.tenantId}`,
      clientId: options.clientId,
      credential: credential.kind,
      ...(credential.kind === 'managed-identity' ? { managedIdentityClientId: credential.managedIdentityClientId } : {}),
    },
    'app credential configured',
  );

  const identity =
    credential.kind === 'managed-identity'
      ? managedIdentityTokens(credential.managedIdentityClientId, { logger: deps.logger, endpoint: credential.endpoint })
      : null;

  // The app is the managed identity itself: its tokens come straight from the identity endpoint.
  if (identity && credential.kind === 'managed-identity' && sameId(credential.managedIdentityClientId, options.clientId)) {
    return {
      kind: credential.kind,
      authority,
      token: (scope, requestOptions = {}) => identity.token(scope, requestOptions.fresh ?? false),
      onBehalfOf: () =>
        Promise.reject(
          new CredentialError(
            'credential-refused',
            `The app ${options.clientId} is a managed identity, which cannot exchange a user's token (on-behalf-of); the tab needs an app registration`,
            'token-service',
          ),
        ),
    };
  }

  const app = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      authority,
      // The authority host is configured by the admin, so it is trusted as is: no instance discovery.
      knownAuthorities: [host.host],
      ...clientAuth(credential, identity),
    },
    system: {
      networkClient: network,
      loggerOptions: msalLoggerOptions(log),
    },
  });

  const failure = (error: unknown, scope: string, tenantAuthority: string, what: string): CredentialError => {
    if (error instanceof CredentialError) return error;
    return tokenServiceFailure(error, { label, scope, authority: tenantAuthority, what, networkFailure: network.failureFor(tenantAuthority) });
  };

  return {
    kind: credential.kind,
    authority,
    async token(scope, requestOptions = {}) {
      const tenantAuthority = requestOptions.tenantId ? authorityFor(requestOptions.tenantId) : authority;
      try {
        const result = await app.acquireTokenByClientCredential({
          scopes: [scope],
          skipCache: requestOptions.fresh ?? false,
          ...(requestOptions.tenantId ? { authority: tenantAuthority } : {}),
        });
        if (!result?.accessToken) throw new Error('the answer held no access token');
        if (!result.fromCache) log.debug({ scope, expiresOn: result.expiresOn?.toISOString() ?? null }, 'app token acquired');
        return result.accessToken;
      } catch (error) {
        throw failure(error, scope, tenantAuthority, 'an app-only token');
      }
    },
    async onBehalfOf(userToken, scope, requestOptions = {}) {
      try {
        const result = await app.acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: [scope], skipCache: requestOptions.fresh ?? false });
        if (!result?.accessToken) throw new Error('the answer held no access token');
        return result.accessToken;
      } catch (error) {
        throw failure(error, scope, authority, "a token on the user's behalf");
      }
    },
  };
}

/** msal's client authentication for `credential`; a managed identity signs nothing itself, its token is the assertion. */
function clientAuth(
  credential: ClientCredential,
  identity: ReturnType<typeof managedIdentityTokens> | null,
): { clientSecret: string } | { clientCertificate: ReturnType<typeof readCertificate> } | { clientAssertion: () => Promise<string> } {
  switch (credential.kind) {
    case 'secret':
      return { clientSecret: credential.secret };
    case 'certificate':
      return { clientCertificate: readCertificate(credential.path, credential.password) };
    case 'managed-identity': {
      const tokens = identity as ReturnType<typeof managedIdentityTokens>;
      return { clientAssertion: () => tokens.token(TOKEN_EXCHANGE_AUDIENCE) };
    }
  }
}

function describe(credential: ClientCredential, clientId: string): string {
  switch (credential.kind) {
    case 'secret':
      return `client secret of the app ${clientId}`;
    case 'certificate':
      return `certificate of the app ${clientId}`;
    case 'managed-identity':
      return `managed identity ${credential.managedIdentityClientId}, federated to the app ${clientId}`;
  }
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function tokenServiceFailure(
  error: unknown,
  context: { label: string; scope: string; authority: string; what: string; networkFailure: string | null },
): CredentialError {
  const record = error as { errorCode?: unknown; errorMessage?: unknown; message?: unknown };
  const code = typeof record.errorCode === 'string' ? record.errorCode : '';
  const text =
    typeof record.errorMessage === 'string' && record.errorMessage ? record.errorMessage : typeof record.message === 'string' ? record.message : String(error);
  if (context.networkFailure || code === 'network_error' || code === 'endpoints_resolution_error') {
    return new CredentialError(
      'credential-unavailable',
      `Could not reach the token service ${context.authority} for ${context.what} for ${context.scope} (${context.networkFailure ?? code}). Check AZURE_AUTHORITY_HOST and the server's outbound network (proxy, firewall, DNS)`,
      'token-service',
      null,
      { cause: error },
    );
  }
  const aadsts = aadstsOf(text);
  const hint = aadsts === null ? null : aadstsHint(aadsts);
  return new CredentialError(
    'credential-refused',
    `Entra ID (${context.authority}) refused ${context.what} for ${context.scope} with the ${context.label}: ${code ? `${code}: ` : ''}${entraReason(text)}${hint ? ` What to fix: ${hint}` : ''}`,
    'token-service',
    aadsts,
    { cause: error },
  );
}
