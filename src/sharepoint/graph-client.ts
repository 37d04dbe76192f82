/**
 * The one place a Graph client is built: app-only authentication, retry, base URL, request
 * counting and logging. Adapters receive the ready client and never build one.
 */
import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import type { GraphOptions } from '../config';
import { SourceError } from '../errors';
import type { Logger } from '../logger';
import { createTokenSource, type TokenSource } from './graph-auth';
import { AuthLink, DEFAULT_RETRY, ExchangeLink, RetryLink, type GraphRequestInfo, type RetryOptions } from './graph-exchange';

export type { GraphRequestInfo, RetryOptions } from './graph-exchange';
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
}

/**
 * Splits a base URL into the client's host and version: `https://graph.microsoft.com/v1.0`
 * → `https://graph.microsoft.com/` + `v1.0`.
 */
function splitBaseUrl(baseUrl: string): { host: string; version: string } {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  const host = trimmed.slice(0, slash);
  if (slash < 0 || !/^https?:\/\/[^/]+/.test(host)) throw new Error(`GRAPH_BASE_URL must look like https://graph.microsoft.com/v1.0, not ${baseUrl}`);
  return { host: `${host}/`, version: trimmed.slice(slash + 1) };
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

/** Builds the Graph client for `options`. Throws `ConfigError` when the certificate cannot be read. */
export function createGraphClient(options: GraphOptions, deps: GraphClientDeps): Client {
  const log = deps.logger.child({ module: 'graph' });
  const tokens = deps.tokens ?? createTokenSource(options, { logger: deps.logger, onRequest: deps.onRequest });
  const auth = new AuthLink(tokens, log);
  const retry = new RetryLink(
    { ...DEFAULT_RETRY, ...deps.retry },
    {
      log,
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: deps.random ?? Math.random,
      now: deps.now ?? Date.now,
    },
  );
  const exchange = new ExchangeLink(log, deps.onRequest);
  auth.setNext(retry);
  retry.setNext(exchange);
  exchange.setNext(new HTTPMessageHandler());
  const { host, version } = splitBaseUrl(options.baseUrl);
  const client = Client.initWithMiddleware({ middleware: auth, baseUrl: host, defaultVersion: version });
  baseUrls.set(client, `${host}${version}`);
  retryLinks.set(client, retry);
  return client;
}
