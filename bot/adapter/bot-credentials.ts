/**
 * The tokens the bot sends to the Bot Connector, for an app with a client secret: an msal-node
 * ConfidentialClientApplication for `${login host}/${tenant}`, asking for `${audience}/.default`
 * (https://api.botframework.com for Teams). Given to botbuilder as a
 * `ServiceClientCredentialsFactory`, its public extension point for outgoing credentials.
 *
 * Why not botbuilder's own: it builds its msal client without `knownAuthorities`, so msal asks
 * login.microsoftonline.com to vouch for any other authority host, and a test authority on
 * loopback cannot be used at all; and its errors reach the log as library text. Here the login
 * host comes from the configuration and is trusted as is (as the Graph client does), and a token
 * that cannot be had is one `BotTokenError` with a sentence a person can act on.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';
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

/** The tenant segment of the authority: the app's tenant for SingleTenant, botframework.com otherwise. */
function tenantOf(bot: BotOptions): string {
  return bot.appType === 'SingleTenant' && bot.appTenantId ? bot.appTenantId : 'botframework.com';
}

export class SecretCredentialsFactory extends ServiceClientCredentialsFactory {
  private readonly clients = new Map<string, ConfidentialClientApplication>();

  constructor(
    private readonly bot: BotOptions & { appId: string; appPassword: string },
    /** Where tokens come from (the origin of ToChannelFromBotLoginUrl). */
    private readonly loginOrigin: string,
  ) {
    super();
  }

  override async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.bot.appId;
  }

  override async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  override async createCredentials(appId: string, audience: string | undefined): Promise<ServiceClientCredentials> {
    if (appId !== this.bot.appId)
      throw new BotTokenError(`Bot Framework token requested for app id ${appId}, but this bot is ${this.bot.appId}`, 'invalid-app-id');
    const scope = `${(audience ?? 'https://api.botframework.com').replace(/\/$/, '')}/.default`;
    const authority = `${this.loginOrigin}/${tenantOf(this.bot)}`;
    let client = this.clients.get(authority);
    if (!client) {
      client = new ConfidentialClientApplication({
        auth: { clientId: this.bot.appId, clientSecret: this.bot.appPassword, authority, knownAuthorities: [new URL(authority).host] },
      });
      this.clients.set(authority, client);
    }
    const app = client;
    return {
      async signRequest(resource) {
        let token: string;
        try {
          const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
          if (!result?.accessToken) throw new Error('no access token in the answer');
          token = result.accessToken;
        } catch (error) {
          const code = typeof (error as { errorCode?: unknown })?.errorCode === 'string' ? (error as { errorCode: string }).errorCode : 'token-unavailable';
          const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? '';
          throw new BotTokenError(
            `Could not get a Bot Framework token for ${scope} from ${authority} (check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId): ${detail}`,
            code,
            { cause: error },
          );
        }
        resource.headers.set('authorization', `Bearer ${token}`);
        return resource;
      },
    };
  }
}
