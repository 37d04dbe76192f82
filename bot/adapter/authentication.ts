/**
 * Bot Framework authentication from the configuration: with an app id every incoming call must
 * carry a valid Bot Framework token (botbuilder's `ConfigurationBotFrameworkAuthentication`
 * checks issuer, audience, signature, endorsements and service URL); without one, calls are
 * anonymous (local mode, loopback only). Every connector client it makes uses our bounded retry,
 * set through botbuilder's public options (connector-http.ts).
 */
import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
// botbuilder's own connector package (installed with it): the error class CloudAdapter answers 401 for.
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import type { BotOptions } from '../../src/config';
import { SecretCredentialsFactory } from './bot-credentials';
import { retryingConnectorHttpClient } from './connector-http';
import { boundedRetryPolicy, type PipelinePolicy } from './retry-policy';

/**
 * Where tokens come from and are checked. Only tests set these (to a loopback fake); in
 * production the public Azure cloud's endpoints apply.
 */
export interface BotFrameworkEndpoints {
  /** OpenID metadata of the channel's token issuer (ToBotFromChannelOpenIdMetadataUrl). */
  openIdMetadataUrl: string;
  /** The `iss` of channel tokens (ToBotFromChannelTokenIssuer). */
  tokenIssuer: string;
  /** Where the bot gets its own tokens (ToChannelFromBotLoginUrl). */
  loginUrl?: string;
}

/** The public Azure cloud's values (botframework-connector's AuthenticationConstants). */
const PUBLIC_CLOUD = {
  loginUrl: 'https://login.microsoftonline.com/botframework.com',
  oAuthScope: 'https://api.botframework.com',
  oAuthUrl: 'https://api.botframework.com',
  emulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
};

class CheckedBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  /**
   * A token that fails signature or format checks makes jsonwebtoken throw its own error, which
   * the endpoint would answer with 500; any failure to authenticate is an AuthenticationError (401).
   */
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(error instanceof Error ? error.message : String(error), 401);
    }
  }
}

/** The botbuilder options for `bot` (MicrosoftApp* settings, and test endpoints when given). */
export function authenticationOptions(bot: BotOptions, endpoints?: BotFrameworkEndpoints): ConfigurationBotFrameworkAuthenticationOptions {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {};
  if (bot.appId) {
    options.MicrosoftAppId = bot.appId;
    options.MicrosoftAppType = bot.appType;
    if (bot.appPassword) options.MicrosoftAppPassword = bot.appPassword;
    if (bot.appTenantId) options.MicrosoftAppTenantId = bot.appTenantId;
  }
  if (endpoints) {
    // Setting any endpoint switches botbuilder to "all parameters given": the rest keep the public cloud's values.
    options.ToBotFromChannelOpenIdMetadataUrl = endpoints.openIdMetadataUrl;
    options.ToBotFromChannelTokenIssuer = endpoints.tokenIssuer;
    options.ToChannelFromBotLoginUrl = endpoints.loginUrl ?? PUBLIC_CLOUD.loginUrl;
    options.ToChannelFromBotOAuthScope = PUBLIC_CLOUD.oAuthScope;
    options.OAuthUrl = PUBLIC_CLOUD.oAuthUrl;
    options.ToBotFromEmulatorOpenIdMetadataUrl = PUBLIC_CLOUD.emulatorOpenIdMetadataUrl;
    options.CallerId = CallerIdConstants.PublicAzureChannel;
    options.ValidateAuthority = true;
  }
  return options;
}

/**
 * The authentication CloudAdapter uses: botbuilder's own, from the configuration, with every
 * connector client it makes sending through our bounded retry (the public `connectorClientOptions`).
 */
export function createBotFrameworkAuthentication(
  bot: BotOptions,
  policy: PipelinePolicy = boundedRetryPolicy(),
  endpoints?: BotFrameworkEndpoints,
): ConfigurationBotFrameworkAuthentication {
  const options = authenticationOptions(bot, endpoints);
  // An app with a secret gets its tokens from our msal client (bot-credentials.ts); a managed identity keeps botbuilder's.
  const credentials =
    bot.appId && bot.appPassword && bot.appType !== 'UserAssignedMSI'
      ? new SecretCredentialsFactory({ ...bot, appId: bot.appId, appPassword: bot.appPassword }, new URL(endpoints?.loginUrl ?? PUBLIC_CLOUD.loginUrl).origin)
      : undefined;
  return new CheckedBotFrameworkAuthentication(options, credentials, undefined, undefined, { httpClient: retryingConnectorHttpClient(policy) });
}
