/**
 * The Teams SDK's `App`, built once from the configuration: the bot's identity and outgoing
 * tokens, the cloud's endpoints (a loopback fake in tests), the Bot Connector HTTP client with our
 * bounded retry, the SDK's logs in the app's logger, and the messaging endpoint as a seam.
 *
 * The App does not listen itself: the one Express server (app/server.ts) mounts our route
 * (messages-route.ts), which checks each call and hands it to the SDK through `MessagesEndpoint`,
 * the SDK's transport interface (`IHttpServerAdapter`). The SDK then builds the turn context,
 * routes the activity (install, conversation update, message, `card.action`) and returns the
 * invoke response.
 *
 * Every setting the SDK would otherwise read from the environment (CLIENT_ID, CLIENT_SECRET,
 * TENANT_ID, MANAGED_IDENTITY_CLIENT_ID, SERVICE_URL, CLOUD,
 * DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS) is given here, so only src/config.ts decides.
 */
import { PUBLIC, withOverrides, type IToken } from '@microsoft/teams.api';
import { App, type HttpRouteHandler, type IHttpServerAdapter, type IHttpServerResponse } from '@microsoft/teams.apps';
import type { BotOptions } from '../../src/config';
import type { Logger } from '../../src/logger';
import { botTokenSource } from './bot-token';
import { PUBLIC_CHANNEL_ISSUER, type ChannelTokenIssuer } from './channel-token';
import { retryMiddleware } from './connector-http';
import { DEFAULT_RETRY, boundedRetryPolicy, type RetryHooks, type RetryOptions } from './retry-policy';
import { sdkLogger } from './sdk-logger';

export const MESSAGES_PATH = '/api/messages';

const PUBLIC_LOGIN = 'https://login.microsoftonline.com';

/**
 * Where tokens come from and are checked. Only tests set these (to loopback fakes); in
 * production the public Azure cloud's endpoints apply.
 */
export interface BotFrameworkEndpoints extends ChannelTokenIssuer {
  /** Where the bot gets its own tokens: the login host (and, ignored, a tenant path). */
  loginUrl?: string;
}

export interface TeamsAppOptions {
  bot: BotOptions;
  logger: Logger;
  /** Where the bot's tokens come from (`AZURE_AUTHORITY_HOST`); default the public cloud's login host. */
  authorityHost?: string | undefined;
  /** Test-only token endpoints (see BotFrameworkEndpoints). */
  endpoints?: BotFrameworkEndpoints;
  retry?: RetryOptions;
  /** Tests only: how the retry waits (instead of real timers) and its jitter. */
  retryHooks?: Pick<RetryHooks, 'sleep' | 'random'>;
}

/**
 * The SDK's messaging endpoint, as a transport (`IHttpServerAdapter`): the SDK registers its
 * handler here at `initialize()`; our route calls it with calls it has already checked.
 */
export class MessagesEndpoint implements IHttpServerAdapter {
  private handler: HttpRouteHandler | null = null;

  registerRoute(_method: 'POST', path: string, handler: HttpRouteHandler): void {
    if (path === MESSAGES_PATH) this.handler = handler;
  }

  /** Runs the turn for `activity`, whose caller our route has authenticated (or, anonymous, confined to loopback). */
  async handle(activity: Record<string, unknown>, caller: { appId: string; serviceUrl: string }): Promise<IHttpServerResponse> {
    if (!this.handler) throw new Error('the Teams SDK has not registered its messaging endpoint');
    const token: IToken = { appId: caller.appId, from: 'azure', fromId: '', serviceUrl: caller.serviceUrl, isExpired: () => false };
    return this.handler({ body: activity, headers: {}, token });
  }
}

export interface TeamsApp {
  app: App;
  endpoint: MessagesEndpoint;
  /** Resolves once the SDK has registered its endpoint (`App.initialize`). */
  ready: Promise<void>;
  /** Where channel tokens are checked. */
  issuer: ChannelTokenIssuer;
}

export function createTeamsApp(options: TeamsAppOptions): TeamsApp {
  const log = options.logger.child({ module: 'bot-connector' });
  const policy = boundedRetryPolicy(options.retry ?? DEFAULT_RETRY, {
    ...options.retryHooks,
    onRetry: (event) => log.info({ method: event.method, status: event.status, attempt: event.attempt, delayMs: event.delayMs }, 'connector call retried'),
  });
  const issuer: ChannelTokenIssuer = options.endpoints
    ? { openIdMetadataUrl: options.endpoints.openIdMetadataUrl, tokenIssuer: options.endpoints.tokenIssuer }
    : PUBLIC_CHANNEL_ISSUER;
  const loginOrigin = options.endpoints?.loginUrl ? new URL(options.endpoints.loginUrl).origin : (options.authorityHost ?? PUBLIC_LOGIN);
  const token = botTokenSource(options.bot, loginOrigin, options.logger);
  const cloud = withOverrides(PUBLIC, { loginEndpoint: loginOrigin, ...issuer });
  const endpoint = new MessagesEndpoint();
  const app = new App({
    // Every way the bot proves itself (secret, certificate, managed identity) goes through the app's
    // credential module as the SDK's token function; without an app id there is no identity.
    clientId: token ? (options.bot.appId ?? '') : '',
    clientSecret: '',
    ...(token ? { token } : {}),
    tenantId: options.bot.appType === 'SingleTenant' ? (options.bot.appTenantId ?? undefined) : undefined,
    cloud,
    serviceUrl: 'https://smba.trafficmanager.net/teams',
    client: { middlewares: [retryMiddleware(policy)] },
    logger: sdkLogger(options.logger),
    httpServerAdapter: endpoint,
    messagingEndpoint: MESSAGES_PATH,
    // Our route authenticates every call before the SDK sees it (channel-token.ts) and hands the
    // SDK the checked caller; the SDK's own check never runs.
    dangerouslyAllowUnauthenticatedRequests: options.bot.appId === null,
    state: false,
    telemetry: { agent365: false },
  });
  return { app, endpoint, ready: app.initialize(), issuer };
}
