/**
 * Tokens for Microsoft Graph, on top of the app's credential (src/identity): app-only tokens for
 * the configured Graph resource, and the tab's on-behalf-of exchange. The credential (secret,
 * certificate or managed identity) is built once; msal caches each token until shortly before it
 * expires.
 */
import type { GraphOptions } from '../config';
import { createAppCredential, defaultScope, type AppCredential } from '../identity';
import type { Logger } from '../logger';
import type { GraphRequestInfo } from './graph-request-info';

export interface TokenSource {
  /** A bearer token for Graph; `fresh` skips the cache (after Graph refused a cached token). */
  token(fresh?: boolean): Promise<string>;
}

/** The app's credential for `options`. Throws `ConfigError` when a certificate cannot be read. */
export function createGraphCredential(
  options: GraphOptions,
  deps: { logger: Logger; onRequest?: ((info: GraphRequestInfo) => void) | undefined },
): AppCredential {
  return createAppCredential(options, deps);
}

/** The Graph scope for the app's resource (`https://graph.microsoft.com/.default`). */
export function graphScope(options: GraphOptions): string {
  return defaultScope(options.baseUrl);
}

/** App-only tokens for Graph from `credential`. */
export function appOnlyTokenSource(credential: AppCredential, options: GraphOptions, deps: { logger: Logger }): TokenSource {
  const scope = graphScope(options);
  deps.logger
    .child({ module: 'graph-auth' })
    .info(
      { authority: `${new URL(options.authorityHost).origin}/${options.tenantId}`, clientId: options.clientId, credential: credential.kind, scope },
      'Graph app-only authentication configured',
    );
  return { token: (fresh = false) => credential.token(scope, { fresh }) };
}

/**
 * Tokens for Graph on behalf of the user whose token is `assertion` (the tab's SSO token). The
 * first exchange is kept for the calls made with this source, so a caller that asks for the
 * token first (to tell "consent needed" from "unavailable") does not exchange twice.
 */
export function onBehalfOfTokenSource(credential: AppCredential, scope: string, assertion: string): TokenSource {
  let current: Promise<string> | null = null;
  return {
    token(fresh = false) {
      if (fresh || !current) {
        const attempt = credential.onBehalfOf(assertion, scope, { fresh });
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
