/**
 * Tokens of a user-assigned managed identity, through msal-node's ManagedIdentityApplication.
 * msal finds the platform's endpoint itself: on App Service and Container Apps the platform sets
 * IDENTITY_ENDPOINT and IDENTITY_HEADER (msal reads them from the process environment and sends
 * `client_id` of the identity with api-version 2019-08-01); on a virtual machine it asks the
 * instance metadata service. The token is cached by msal and renewed before it expires.
 */
import { ManagedIdentityApplication } from '@azure/msal-node';
import type { Logger } from '../logger';
import { CredentialError, entraReason } from './credential-error';
import { msalLoggerOptions, TokenNetwork } from './token-network';

/** The audience of the managed identity token that an app registration's federated credential accepts (public cloud). */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/**
 * msal picks the managed identity source once per process and keeps the network module of the
 * first client that asked, so every client here shares this one: a failure is then always
 * recorded where the message is written. (Its exchanges are not counted with the token service's.)
 */
const network = new TokenNetwork(null, undefined);

export interface ManagedIdentityTokens {
  /** A token of the identity for `resource` (a resource URI, or a scope ending in `/.default`). */
  token(resource: string, fresh?: boolean): Promise<string>;
}

export function managedIdentityTokens(
  managedIdentityClientId: string,
  deps: {
    logger: Logger;
    /** IDENTITY_ENDPOINT as configured (null: the instance metadata service), for messages only. */
    endpoint: string | null;
  },
): ManagedIdentityTokens {
  const log = deps.logger.child({ module: 'managed-identity' });
  const app = new ManagedIdentityApplication({
    managedIdentityIdParams: { userAssignedClientId: managedIdentityClientId },
    system: {
      networkClient: network,
      loggerOptions: msalLoggerOptions(log),
    },
  });
  const where = deps.endpoint
    ? `the managed identity endpoint ${deps.endpoint} (IDENTITY_ENDPOINT)`
    : 'the instance metadata service (no IDENTITY_ENDPOINT is set)';
  return {
    async token(resource, fresh = false) {
      try {
        const result = await app.acquireToken({ resource, forceRefresh: fresh });
        if (!result?.accessToken) throw new Error('the answer held no access token');
        return result.accessToken;
      } catch (error) {
        throw managedIdentityFailure(error, {
          where,
          identity: managedIdentityClientId,
          resource,
          networkFailure: deps.endpoint ? network.failureFor(deps.endpoint) : null,
        });
      }
    },
  };
}

function managedIdentityFailure(
  error: unknown,
  context: { where: string; identity: string; resource: string; networkFailure: string | null },
): CredentialError {
  const record = error as { errorCode?: unknown; errorMessage?: unknown; message?: unknown };
  const code = typeof record.errorCode === 'string' ? record.errorCode : '';
  const text =
    typeof record.errorMessage === 'string' && record.errorMessage ? record.errorMessage : typeof record.message === 'string' ? record.message : String(error);
  if (code === 'network_error' || context.networkFailure) {
    return new CredentialError(
      'credential-unavailable',
      `Could not reach ${context.where} for a token of the managed identity ${context.identity} (${context.networkFailure ?? 'no answer'}). The app must run on Azure with that user-assigned identity attached; MANAGED_IDENTITY_CLIENT_ID names it.`,
      'managed-identity',
      null,
      { cause: error },
    );
  }
  const reason = entraReason(text) || code || 'no reason given';
  return new CredentialError(
    'credential-refused',
    `${capitalise(context.where)} gave no token of the managed identity ${context.identity} for ${context.resource}: ${reason.replace(/\.$/, '')}. Check that MANAGED_IDENTITY_CLIENT_ID is the client id of a user-assigned identity attached to this app.`,
    'managed-identity',
    null,
    { cause: error },
  );
}

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
