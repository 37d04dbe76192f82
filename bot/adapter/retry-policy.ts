/**
 * The retry behaviour of every Bot Connector call, run by the SDK HTTP client's middleware
 * (connector-http.ts) around each call:
 * - 429: wait Retry-After (or an exponential delay when absent) plus jitter; a Retry-After longer
 *   than `maxDelayMs` is not waited out: the call fails now and the next run tries again;
 * - 412, 502, 503, 504 and network errors: exponential backoff with jitter;
 * - at most `maxRetries` retries, then the last answer stands.
 */
import { backoffDelayMs, parseRetryAfter, withJitter } from '../../src/http/retry-after';

export interface RetryOptions {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

const RETRY_STATUSES = new Set([412, 429, 502, 503, 504]);

/** What the policy reads of a request and its answer (status and headers), whatever the HTTP client. */
interface PipelineResponse {
  status: number;
  headers: { get(name: string): string | undefined };
}
interface PipelineRequest {
  url: string;
  method: string;
}
export interface PipelinePolicy {
  name: string;
  sendRequest(request: PipelineRequest, next: (request: PipelineRequest) => Promise<PipelineResponse>): Promise<PipelineResponse>;
}

export interface RetryEvent {
  method: string;
  url: string;
  status: number | null;
  attempt: number;
  delayMs: number;
}

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number = Date.now()): number | null {
  return parseRetryAfter(value, now);
}

/** The wait before retry number `attempt` (0-based): exponential, capped, with ±50 % jitter. */
export function backoffMs(attempt: number, options: RetryOptions, random: () => number = Math.random): number {
  return withJitter(backoffDelayMs(attempt, options), { min: 0.5, max: 1.5 }, random);
}

function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET'].includes(code);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seams of the policy: what it reports, how it waits, where its jitter comes from (tests wait for nothing and fix the jitter). */
export interface RetryHooks {
  onRetry?: (event: RetryEvent) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export function boundedRetryPolicy(options: RetryOptions = DEFAULT_RETRY, hooks: RetryHooks = {}): PipelinePolicy {
  const wait = hooks.sleep ?? sleep;
  const random = hooks.random ?? Math.random;
  return {
    name: 'balanslistanBoundedRetry',
    async sendRequest(request, next) {
      for (let attempt = 0; ; attempt += 1) {
        let response: PipelineResponse | null = null;
        let failure: unknown = null;
        try {
          response = await next(request);
        } catch (error) {
          if (!isNetworkError(error)) throw error;
          failure = error;
        }
        const retryable = failure !== null || (response !== null && RETRY_STATUSES.has(response.status));
        if (!retryable || attempt >= options.maxRetries) {
          if (failure !== null) throw failure;
          return response as PipelineResponse;
        }
        let delayMs = backoffMs(attempt, options, random);
        if (response?.status === 429) {
          const after = retryAfterMs(response.headers.get('retry-after'));
          if (after !== null) {
            if (after > options.maxDelayMs) return response;
            // Jitter on top of Retry-After spreads the retries of many posts over time.
            delayMs = after + withJitter(options.baseDelayMs, { min: 0, max: 1 }, random);
          }
        }
        hooks.onRetry?.({ method: request.method, url: request.url, status: response?.status ?? null, attempt: attempt + 1, delayMs });
        await wait(delayMs);
      }
    },
  };
}
