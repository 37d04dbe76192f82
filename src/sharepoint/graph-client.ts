/**
 * The one place Graph clients are built: authentication per call (app-only, or on behalf of a
 * signed-in user), retry, base URL, request counting and logging. Built once at the composition
 * root; adapters and the tab's access check receive ready clients and never build one.
 */
import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import type { GraphOptions } from '../config';
import { SourceError } from '../errors';
import type { Logger } from '../logger';
import type { AppCredential } from '../identity';
import { appOnlyTokenSource, createGraphCredential, graphScope, onBehalfOfTokenSource, type TokenSource } from './graph-auth';
import { AuthLink, DEFAULT_RETRY, ExchangeLink, RetryLink, type GraphRequestInfo, type RetryOptions, type TokenIdentity } from './graph-exchange';

export type { GraphRequestInfo, RetryOptions } from './graph-exchange';
export type { TokenSource } from './graph-auth';
export { toSourceError, type ErrorContext } from './graph-errors';

export interface GraphClientDeps {
  logger: Logger;
  /** Sees every HTTP exchange (Graph and token service) for counting. */
  onRequest?: ((info: GraphRequestInfo) => void) | undefined;
  /** Retry limits (defaults: 4 retries, at most 60 s per wait, 1 s first backoff, 20 % jitter). */
  retry?: Partial<RetryOptions>;
  /** Waits between retries; tests inject one that records instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  now?: () => number;
  /** Token source override (tests of the chain without an identity provider). */
  tokens?: TokenSource;
  /** The app's credential, when the composition root shares one with the bot; built from `options` otherwise. */
  credential?: AppCredential;
  /** Longest wait for one Graph answer, per attempt (default 30 s). */
  timeoutMs?: number;
}

/** Graph as one signed-in user: the client, and its token source (ask it first to tell consent problems apart). */
export interface UserGraph {
  client: Client;
  tokens: TokenSource;
}

/** Every Graph client the app uses, sharing one pipeline. */
export interface GraphClients {
  /** Calls Graph as the app itself (list source, import, provisioning). */
  readonly app: Client;
  /** Calls Graph on behalf of the user whose token (the tab's SSO token) is `assertion`. */
  forUser(assertion: string): UserGraph;
}

/**
 * Splits a base URL into the client's host and version: `https://graph.microsoft.com/v1.0`
 * → `https://graph.microsoft.com/` + `v1.0`. The configuration has checked its shape (GRAPH_BASE_URL).
 */
function splitBaseUrl(baseUrl: string): { host: string; version: string } {
  const slash = baseUrl.lastIndexOf('/');
  return { host: baseUrl.slice(0, slash + 1), version: baseUrl.slice(slash + 1) };
}

const baseUrls = new WeakMap<Client, string>();
const retryLinks = new WeakMap<Client, RetryLink>();

/** Tells the client's retry that Graph asked to wait `ms` (a Retry-After inside a `$batch` answer). */
export function noteRetryAfter(client: Client, ms: number): void {
  retryLinks.get(client)?.holdFor(ms);
}

/** The base URL a client from `createGraphClient` was built for (no trailing slash). */
export function baseUrlOf(client: Client): string | null {
  return baseUrls.get(client) ?? null;
}

/**
 * A link Graph handed out (`@odata.nextLink`, `@odata.deltaLink`) as a path below the client's
 * base URL. A link that points anywhere else is never followed: the request would carry the
 * app's token to that host.
 */
export function pathBelowBase(client: Client, link: string): string {
  const base = baseUrlOf(client);
  if (base && link.startsWith(`${base}/`)) return link.slice(base.length);
  throw new SourceError('graph-error', `Graph returned a paging link outside its base URL (${link.split('?')[0]}); not following it`);
}

/**
 * Builds the app's Graph clients for `options`: one app-only client, and on-behalf-of clients
 * made per user on demand. All go through the same links (retry with Retry-After, logging,
 * counting). The app and the users each keep their own Retry-After hold: Graph throttles a
 * user's calls apart from the app's, and one user's throttling must not stop the app's reads.
 * Throws `ConfigError` when the certificate cannot be read.
 */
export function createGraphClients(options: GraphOptions, deps: GraphClientDeps): GraphClients {
  const log = deps.logger.child({ module: 'graph' });
  let built: AppCredential | null = null;
  const credential = () => (built ??= deps.credential ?? createGraphCredential(options, { logger: deps.logger, onRequest: deps.onRequest }));
  const appTokens = deps.tokens ?? appOnlyTokenSource(credential(), options, { logger: deps.logger });
  const exchange = new ExchangeLink(log, deps.onRequest, deps.timeoutMs);
  exchange.setNext(new HTTPMessageHandler());
  const retryLink = (): RetryLink => {
    const retry = new RetryLink(
      { ...DEFAULT_RETRY, ...deps.retry },
      {
        log,
        sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        random: deps.random ?? Math.random,
        now: deps.now ?? Date.now,
      },
    );
    retry.setNext(exchange);
    return retry;
  };
  const { host, version } = splitBaseUrl(options.baseUrl);
  const build = (tokens: TokenSource, identity: TokenIdentity, retry: RetryLink): Client => {
    const auth = new AuthLink(tokens, log, identity);
    auth.setNext(retry);
    const client = Client.initWithMiddleware({ middleware: auth, baseUrl: host, defaultVersion: version });
    baseUrls.set(client, `${host}${version}`);
    retryLinks.set(client, retry);
    return client;
  };
  const app = build(appTokens, 'app-only', retryLink());
  const userRetry = retryLink();
  const scope = graphScope(options);
  return {
    app,
    forUser(assertion) {
      const tokens = onBehalfOfTokenSource(credential(), scope, assertion);
      return { client: build(tokens, 'on-behalf-of', userRetry), tokens };
    },
  };
}

/** The app-only client alone, for the command-line tools. Throws `ConfigError` when the certificate cannot be read. */
export function createGraphClient(options: GraphOptions, deps: GraphClientDeps): Client {
  return createGraphClients(options, deps).app;
}
