/**
 * The tokens the bot sends to the Bot Connector, for an app with a client secret: an msal-node
 * ConfidentialClientApplication for `${login host}/${tenant}`, asking for the scope the Teams SDK
 * names (`https://api.botframework.com/.default`). Given to the SDK as its `token` function.
 *
 * Why not the SDK's own msal client: it is built without `knownAuthorities`, so msal asks
 * login.microsoftonline.com to vouch for any other authority host and a test authority on
 * loopback cannot be used; and its errors reach the log as library text. Here the login host
 * comes from the configuration and is trusted as is (as the Graph client does), and a token that
 * cannot be had is one `BotTokenError` with a sentence a person can act on.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { BotOptions } from '../../src/config';

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

/**
 * The bot's tokens from its client secret: one msal client per authority, kept for the
 * process (msal caches the tokens until shortly before they expire).
 */
export function secretTokenSource(bot: BotOptions & { appId: string; appPassword: string }, loginOrigin: string): BotTokenSource {
  const clients = new Map<string, ConfidentialClientApplication>();
  return async (scope, tenantId) => {
    const authority = `${loginOrigin}/${tenantId ?? tenantOf(bot)}`;
    let client = clients.get(authority);
    if (!client) {
      client = new ConfidentialClientApplication({
        auth: { clientId: bot.appId, clientSecret: bot.appPassword, authority, knownAuthorities: [new URL(authority).host] },
      });
      clients.set(authority, client);
    }
    try {
      const result = await client.acquireTokenByClientCredential({ scopes: typeof scope === 'string' ? [scope] : scope });
      if (!result?.accessToken) throw new Error('no access token in the answer');
      return result.accessToken;
    } catch (error) {
      const code = typeof (error as { errorCode?: unknown })?.errorCode === 'string' ? (error as { errorCode: string }).errorCode : 'token-unavailable';
      const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? '';
      throw new BotTokenError(
        `Could not get a Bot Framework token for ${scope} from ${authority} (check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId): ${detail}`,
        code,
        { cause: error },
      );
    }
  };
}

/** The tenant segment of the authority: the app's tenant for SingleTenant, botframework.com otherwise. */
export function tenantOf(bot: BotOptions): string {
  return bot.appType === 'SingleTenant' && bot.appTenantId ? bot.appTenantId : 'botframework.com';
}
