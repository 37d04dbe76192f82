/**
 * The Graph client's middleware chain, outermost first:
 *   auth (bearer token; one fresh token after a 401) → retry (429/503/504 honouring Retry-After)
 *   → exchange (counts and logs every HTTP exchange, names network failures) → fetch.
 *
 * Retry is our own rather than the library's RetryHandler so that waits are bounded, jittered,
 * injectable in tests, logged, and remembered across calls (a long Retry-After makes later calls
 * fail fast instead of hammering a throttled tenant).
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { backoffDelayMs, parseRetryAfter, withJitter } from '../http/retry-after';
import { CredentialError } from '../identity';
import type { Logger } from '../logger';
import type { TokenSource } from './graph-auth';

import type { GraphRequestInfo } from './graph-request-info';

export type { GraphRequestInfo };

export interface RetryOptions {
  /** Retries after the first attempt (default 4). */
  maxRetries: number;
  /** Longest single wait; a Retry-After beyond it ends the retries at once (default 60 s). */
  maxDelayMs: number;
  /** Wait before the first retry when the answer has no Retry-After; doubles each time (default 1 s). */
  baseDelayMs: number;
  /** Up to this fraction is added to each wait at random (default 0.2). */
  jitter: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 4, maxDelayMs: 60_000, baseDelayMs: 1_000, jitter: 0.2 };

const RETRY_STATUS = new Set([429, 503, 504]);

/** Thrown by the chain itself; the client turns its name into the GraphError's code. */
export class GraphTransportError extends Error {
  constructor(
    readonly kind: 'network' | 'auth' | 'throttled',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    // GraphErrorHandler keeps only `name` (as `code`) and `message` of errors thrown in the chain.
    this.name = `GraphTransportError:${kind}`;
  }
}

function setHeader(context: Context, name: string, value: string): void {
  context.options ??= {};
  const headers = context.options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else context.options.headers = { ...(headers as Record<string, string> | undefined), [name]: value };
}

function urlOf(context: Context): string {
  return typeof context.request === 'string' ? context.request : (context.request as Request).url;
}

/** The two ways the app calls Graph: as itself, or on behalf of a signed-in user (the tab). */
export type TokenIdentity = 'app-only' | 'on-behalf-of';

abstract class Link implements Middleware {
  protected next: Middleware | undefined;
  abstract execute(context: Context): Promise<void>;
  setNext(next: Middleware): void {
    this.next = next;
  }
  protected async pass(context: Context): Promise<void> {
    if (!this.next) throw new Error('Graph middleware chain has no next link');
    await this.next.execute(context);
  }
}

export class AuthLink extends Link {
  constructor(
    private readonly tokens: TokenSource,
    private readonly log: Logger,
    /** Whose token this link adds, for messages: `app-only` or `on-behalf-of`. */
    private readonly identity: TokenIdentity = 'app-only',
  ) {
    super();
  }

  private async token(fresh: boolean): Promise<string> {
    try {
      return await this.tokens.token(fresh);
    } catch (error) {
      throw new GraphTransportError('auth', describeTokenFailure(error, this.identity), { cause: error });
    }
  }

  async execute(context: Context): Promise<void> {
    setHeader(context, 'Authorization', `Bearer ${await this.token(false)}`);
    await this.pass(context);
    if (context.response?.status === 401) {
      // A cached token can be revoked or expire early: try once with a new one.
      this.log.warn({ url: urlOf(context).split('?')[0], identity: this.identity }, 'Graph refused the token (401); retrying once with a new token');
      setHeader(context, 'Authorization', `Bearer ${await this.token(true)}`);
      await this.pass(context);
    }
  }
}

/** msal's errors as one readable sentence, without trace ids, and never with a secret. */
export function describeTokenFailure(error: unknown, identity: TokenIdentity = 'app-only'): string {
  // The app's credential already says what failed and what to fix.
  if (error instanceof CredentialError)
    return `Could not get ${identity === 'app-only' ? 'an app-only' : 'an on-behalf-of'} token for Microsoft Graph: ${error.message.replace(/\.$/, '')}`;
  const record = error as { errorCode?: string; errorMessage?: string; message?: string };
  const raw = record.errorMessage || record.message || String(error);
  const aadsts = /AADSTS\d+:[^.]*\./.exec(raw)?.[0];
  const code = record.errorCode ? `${record.errorCode}: ` : '';
  return `Could not get ${identity === 'app-only' ? 'an app-only' : 'an on-behalf-of'} token for Microsoft Graph from Entra ID (${code}${aadsts ?? raw.split('\n')[0]})`;
}

export class RetryLink extends Link {
  /** Until when Graph asked us to hold off (epoch ms); shared by every call of this client. */
  private blockedUntil = 0;

  constructor(
    private readonly options: RetryOptions,
    private readonly deps: { log: Logger; sleep: (ms: number) => Promise<void>; random: () => number; now: () => number },
  ) {
    super();
  }

  /** Makes every call wait until `ms` from now (a Retry-After seen outside the chain, e.g. in a batch). */
  holdFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.deps.now() + ms);
  }

  async execute(context: Context): Promise<void> {
    const hold = this.blockedUntil - this.deps.now();
    if (hold > this.options.maxDelayMs) {
      throw new GraphTransportError(
        'throttled',
        `Microsoft Graph asked to wait until ${new Date(this.blockedUntil).toISOString()} (Retry-After); not calling it before then`,
      );
    }
    if (hold > 0) await this.deps.sleep(hold);

    for (let attempt = 0; ; attempt += 1) {
      await this.pass(context);
      const response = context.response;
      if (!response || !RETRY_STATUS.has(response.status)) return;
      const afterHeader = parseRetryAfter(response.headers.get('Retry-After'), this.deps.now());
      const wait = afterHeader ?? backoffDelayMs(attempt, this.options);
      if (afterHeader !== null) this.blockedUntil = Math.max(this.blockedUntil, this.deps.now() + afterHeader);
      const url = urlOf(context).split('?')[0];
      if (attempt >= this.options.maxRetries || wait > this.options.maxDelayMs) {
        this.deps.log.warn({ url, status: response.status, attempts: attempt + 1, retryAfterMs: afterHeader }, 'Graph still refuses after retries; giving up');
        return;
      }
      // Jitter only adds: never less than Graph asked for.
      const delay = withJitter(wait, { min: 1, max: 1 + this.options.jitter }, this.deps.random);
      this.deps.log.warn(
        { url, status: response.status, attempt: attempt + 1, delayMs: delay, retryAfterMs: afterHeader },
        'Graph asked to retry later; waiting',
      );
      await response.body?.cancel().catch(() => undefined);
      await this.deps.sleep(delay);
    }
  }
}

export class ExchangeLink extends Link {
  constructor(
    private readonly log: Logger,
    private readonly onRequest: ((info: GraphRequestInfo) => void) | undefined,
    /** Longest wait for one answer; a Graph that never answers must not hold a tab request or a refresh forever. */
    private readonly timeoutMs: number = 30_000,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const url = urlOf(context);
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const body = context.options?.body;
    const requestBytes = typeof body === 'string' ? Buffer.byteLength(body) : 0;
    const started = Date.now();
    // A new limit for every attempt: a retry gets its own time.
    context.options = { ...context.options, signal: AbortSignal.timeout(this.timeoutMs) };
    try {
      await this.pass(context);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      this.log.warn({ method, url: url.split('?')[0], reason }, 'Graph request failed before an answer');
      this.onRequest?.({ method, url, status: 0, requestBytes, responseBytes: 0 });
      throw new GraphTransportError('network', `Could not reach Microsoft Graph at ${new URL(url).host} (${reason})`, { cause: error });
    }
    const response = context.response as Response;
    const responseBytes = this.onRequest ? (await response.clone().arrayBuffer()).byteLength : 0;
    this.onRequest?.({ method, url, status: response.status, requestBytes, responseBytes });
    this.log.debug({ method, url: url.split('?')[0], status: response.status, ms: Date.now() - started }, 'Graph exchange');
  }
}
