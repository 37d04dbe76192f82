/**
 * Several GETs in one HTTP exchange through Graph's JSON batching (`POST /$batch`, at most 20
 * requests of any method). A request the batch answers with 429/503/504 is sent again after the
 * wait Graph asked for (`sendBatch`, the import's writes included); any other failure is the
 * caller's to judge (a `SourceError` of that request for the GETs).
 */
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { SourceError } from '../errors';
import { backoffDelayMs, parseRetryAfter, retryAfterHeader } from '../http/retry-after';
import type { Logger } from '../logger';
import { noteRetryAfter } from './graph-client';
import { toSourceError, type ErrorContext } from './graph-errors';

export const MAX_BATCH = 20;

export interface BatchGet {
  /** Path below the version, e.g. `/sites/{id}/lists/{id}/items/delta?token=…`. */
  path: string;
  /** Names the target in error messages. */
  context: ErrorContext;
}

/** One request inside a `$batch` (its URL relative to the version, e.g. `/sites/{id}/lists/{id}/items`). */
export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One answer inside a `$batch` answer. */
export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Set when the request went out on its own (see `sendBatch`) and the client threw this. */
  thrown?: unknown;
}

/**
 * Sends up to `MAX_BATCH` requests in one `POST /$batch` through the client's pipeline (auth,
 * retry of the batch call itself, logging) and returns the answers by request id. Throws what the
 * client throws when the batch call itself fails; answers inside it are the caller's to judge.
 */
export async function postBatch(client: Client, requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
  if (requests.length > MAX_BATCH) throw new Error(`A Graph $batch holds at most ${MAX_BATCH} requests, not ${requests.length}`);
  const answer = (await client.api('/$batch').post({
    requests: requests.map((request) => ({
      id: request.id,
      method: request.method,
      url: request.url,
      ...(request.body === undefined ? {} : { body: request.body }),
      // Graph wants a Content-Type on every request in a batch that carries a body.
      ...(request.body === undefined
        ? request.headers
          ? { headers: request.headers }
          : {}
        : { headers: { 'Content-Type': 'application/json', ...request.headers } }),
    })),
  })) as { responses?: BatchResponse[] };
  return new Map((answer.responses ?? []).map((response) => [response.id, response]));
}

/** A batch answer's error body as the GraphError the client would have thrown. */
function asGraphError(response: BatchResponse): GraphError {
  const error = (response.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const graphError = new GraphError(response.status, error?.message ?? `HTTP ${response.status}`);
  graphError.code = error?.code ?? null;
  return graphError;
}

/** What Graph answers inside a batch when the request may simply be sent again later. */
const THROTTLED = new Set([429, 503, 504]);

/** Without a Retry-After, a throttled request waits 1 s, 2 s, 4 s … up to 30 s before it goes again. */
const RESEND_BACKOFF = { baseDelayMs: 1000, maxDelayMs: 30_000 };

/** How often throttled requests of one batch are sent again before their 429/503/504 is the answer. */
export const MAX_RESENDS = 6;

/**
 * One request on its own through the client (its retry included), its outcome in the shape of a
 * batch answer: any success is status 200; a failure keeps what the client threw in `thrown`.
 */
async function sendAlone(client: Client, request: BatchRequest): Promise<BatchResponse> {
  try {
    const call = client.api(request.url).headers(request.headers ?? {});
    const body = (await (request.method === 'GET'
      ? call.get()
      : request.method === 'POST'
        ? call.post(request.body)
        : request.method === 'PATCH'
          ? call.patch(request.body)
          : call.delete())) as unknown;
    return { id: request.id, status: 200, body };
  } catch (error) {
    return { id: request.id, status: error instanceof GraphError ? error.statusCode : 0, thrown: error };
  }
}

/**
 * The one way a throttled request inside a `$batch` is sent again. Sends `requests` (at most
 * `MAX_BATCH`) in one batch; those Graph answers 429/503/504 are sent again after the longest
 * Retry-After among them (else a capped backoff), together in the next batch, or on their own
 * through the client's retry when only one is left, at most `MAX_RESENDS` times. The wait is
 * noted on the client (`noteRetryAfter`), so its retry holds this call and every other one until
 * then: the one place a Graph wait happens. Returns every request's last answer by id; throws
 * what the client throws when a batch call itself fails.
 */
export async function sendBatch(client: Client, requests: BatchRequest[], log?: Logger): Promise<Map<string, BatchResponse>> {
  const answers = await postBatch(client, requests);
  for (let resend = 0; resend < MAX_RESENDS; resend += 1) {
    const throttled = requests.filter((request) => THROTTLED.has(answers.get(request.id)?.status ?? 0));
    if (throttled.length === 0) break;
    const asked = throttled.map((request) => parseRetryAfter(retryAfterHeader(answers.get(request.id)?.headers), Date.now()));
    const wait = Math.max(...asked.map((ms) => ms ?? backoffDelayMs(resend, RESEND_BACKOFF)));
    noteRetryAfter(client, wait);
    log?.info({ throttled: throttled.length, waitMs: wait }, 'throttled inside a $batch; sending those again after the wait');
    if (throttled.length === 1) {
      const [request] = throttled as [BatchRequest];
      answers.set(request.id, await sendAlone(client, request));
      break;
    }
    for (const [id, answer] of await postBatch(client, throttled)) answers.set(id, answer);
  }
  return answers;
}

export type Settled = { ok: true; body: unknown } | { ok: false; error: SourceError };

/**
 * GETs every path and returns each outcome in order; one path goes out as a plain GET.
 * Throws only when a batch call itself fails.
 */
export async function batchGetSettled(client: Client, requests: BatchGet[]): Promise<Settled[]> {
  const settle = (response: BatchResponse | undefined, request: BatchGet): Settled => {
    if (!response) return { ok: false, error: toSourceError(new GraphError(502, 'The batch answer left out a request'), request.context) };
    if (response.thrown !== undefined) return { ok: false, error: toSourceError(response.thrown, request.context) };
    if (response.status >= 200 && response.status < 300) return { ok: true, body: response.body };
    return { ok: false, error: toSourceError(asGraphError(response), request.context) };
  };
  if (requests.length === 1) {
    const [request] = requests as [BatchGet];
    return [settle(await sendAlone(client, { id: '1', method: 'GET', url: request.path }), request)];
  }

  const results: Settled[] = [];
  for (let start = 0; start < requests.length; start += MAX_BATCH) {
    const chunk = requests.slice(start, start + MAX_BATCH);
    let byId: Map<string, BatchResponse>;
    try {
      byId = await sendBatch(
        client,
        chunk.map((request, index) => ({ id: String(index + 1), method: 'GET', url: request.path })),
      );
    } catch (error) {
      throw toSourceError(error, {
        target:
          chunk
            .map((request) => request.context.target ?? '')
            .filter(Boolean)
            .join(' and ') || undefined,
      });
    }
    for (const [index, request] of chunk.entries()) results.push(settle(byId.get(String(index + 1)), request));
  }
  return results;
}
