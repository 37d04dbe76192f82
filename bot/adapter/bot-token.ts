/**
 * The tokens the bot sends to the Bot Connector, from the app's one credential module
 * (src/identity: a client secret, a certificate, or a user-assigned managed identity, federated
 * to the app registration or, for a UserAssignedMSI bot, the identity itself), asking for the
 * scope the Teams SDK names (`https://api.botframework.com/.default`). Given to the SDK as its
 * `token` function, so the SDK builds no msal client of its own.
 *
 * The authority host comes from the configuration and is trusted as is, so a test authority on
 * loopback works; a token that cannot be had is one `BotTokenError` with a sentence a person can
 * act on (the credential module's, which names the step and what to fix).
 */
import type { BotOptions } from '../../src/config';
import { createAppCredential, CredentialError } from '../../src/identity';
import type { Logger } from '../../src/logger';

/** The bot could not get a token for the connector; `code` is the authority's error (e.g. invalid_client). */
export class BotTokenError extends Error {
  override readonly name = 'BotTokenError';
  /** 0: no HTTP answer from the connector was involved (read by classifyDeliveryError). */
  readonly statusCode = 0;
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Gets a token for `scope` (e.g. https://api.botframework.com/.default) in `tenantId`: the Teams SDK's `token` setting. */
export type BotTokenSource = (scope: string | string[], tenantId?: string) => Promise<string>;

/** The bot's token source, or null without an app id (local mode: the bot sends no token). */
export function botTokenSource(bot: BotOptions, authorityHost: string, logger: Logger): BotTokenSource | null {
  if (!bot.appId || !bot.credential) return null;
  const tenant = tenantOf(bot);
  const credential = createAppCredential({ tenantId: tenant, clientId: bot.appId, authorityHost, credential: bot.credential }, { logger });
  return async (scope, tenantId) => {
    const wanted = typeof scope === 'string' ? scope : (scope[0] ?? '');
    try {
      return await credential.token(wanted, tenantId && tenantId !== tenant ? { tenantId } : {});
    } catch (error) {
      const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 600) ?? '';
      throw new BotTokenError(
        `Could not get a Bot Framework token for ${wanted} (check MicrosoftAppId, MicrosoftAppTenantId and the bot's credential, MicrosoftAppPassword or AZURE_CLIENT_CREDENTIAL): ${detail}`,
        entraCode(error),
        { cause: error },
      );
    }
  };
}

/** The token service's own error code (e.g. invalid_client) when it gave one, else the credential module's. */
function entraCode(error: unknown): string {
  const cause = (error as { cause?: { errorCode?: unknown } }).cause;
  if (typeof cause?.errorCode === 'string' && cause.errorCode !== '') return cause.errorCode;
  return error instanceof CredentialError ? error.code : 'token-unavailable';
}

/** The tenant segment of the authority: the app's tenant for SingleTenant, botframework.com otherwise. */
function tenantOf(bot: BotOptions): string {
  return bot.appType === 'SingleTenant' && bot.appTenantId ? bot.appTenantId : 'botframework.com';
}
