/**
 * Several GETs in one HTTP exchange through Graph's JSON batching (`POST /$batch`, at most 20
 * requests). A request the batch answers with 429/503/504 is sent again on its own, through the
 * client's retry; any other failure becomes the `SourceError` of that request.
 */
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { SourceError } from '../errors';
import { parseRetryAfter, retryAfterHeader } from '../http/retry-after';
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

const RETRIED_ALONE = new Set([429, 503, 504]);

export type Settled = { ok: true; body: unknown } | { ok: false; error: SourceError };

/**
 * GETs every path and returns each outcome in order; one path goes out as a plain GET.
 * Throws only when the batch call itself fails.
 */
export async function batchGetSettled(client: Client, requests: BatchGet[]): Promise<Settled[]> {
  const single = async (request: BatchGet): Promise<Settled> => {
    try {
      return { ok: true, body: (await client.api(request.path).get()) as unknown };
    } catch (error) {
      return { ok: false, error: toSourceError(error, request.context) };
    }
  };
  if (requests.length === 1) return [await single(requests[0] as BatchGet)];

  const results: Settled[] = [];
  for (let start = 0; start < requests.length; start += MAX_BATCH) {
    const chunk = requests.slice(start, start + MAX_BATCH);
    let byId: Map<string, BatchResponse>;
    try {
      byId = await postBatch(
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
    for (const [index, request] of chunk.entries()) {
      const response = byId.get(String(index + 1));
      if (!response) results.push({ ok: false, error: toSourceError(new GraphError(502, 'The batch answer left out a request'), request.context) });
      else if (response.status >= 200 && response.status < 300) results.push({ ok: true, body: response.body });
      else if (RETRIED_ALONE.has(response.status)) {
        const wait = parseRetryAfter(retryAfterHeader(response.headers), Date.now());
        if (wait !== null) noteRetryAfter(client, wait);
        results.push(await single(request));
      } else results.push({ ok: false, error: toSourceError(asGraphError(response), request.context) });
    }
  }
  return results;
}

/** GETs every path and returns the bodies in order; throws the first failure as a `SourceError`. */
export async function batchGet(client: Client, requests: BatchGet[]): Promise<unknown[]> {
  const settled = await batchGetSettled(client, requests);
  return settled.map((result) => {
    if (!result.ok) throw result.error;
    return result.body;
  });
}
