/**
 * The import's writes as `$batch` operations: sent 20 at a time through `sendBatch` (which sends
 * throttled ones again after the wait), each success reported, the first failure thrown as
 * `OperationFailed` with what a person recognises (the row, the item) and Graph's answer.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../logger';
import type { LISTS } from '../lists/schema';
import { MAX_BATCH, sendBatch, type BatchResponse } from '../sharepoint/graph-batch';
import { toSourceError } from '../sharepoint/graph-errors';

/** Graph takes at most 20 requests in one `$batch`. */
export const BATCH_SIZE = MAX_BATCH;

export interface Operation {
  id: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** What a person recognises: `row 12 (mal-1-3)`. */
  label: string;
}

/** The body of an answer inside a `$batch`: the created item, or Graph's error. */
interface ResponseBody {
  id?: string;
  error?: { code?: string; message?: string };
}

export const bodyOf = (response: BatchResponse): ResponseBody => (response.body ?? {}) as ResponseBody;

export class OperationFailed extends Error {
  constructor(
    readonly operation: Operation,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${operation.label}: ${status} ${detail}`);
  }
}

/** Runs operations in batches of 20; calls `onDone` for each success; throws `OperationFailed` on the first failure. */
export async function runBatches(
  client: Client,
  operations: Operation[],
  log: Logger,
  onDone: (operation: Operation, response: BatchResponse) => void,
): Promise<number> {
  let batches = 0;
  for (let start = 0; start < operations.length; start += BATCH_SIZE) {
    const chunk = operations.slice(start, start + BATCH_SIZE);
    batches += 1;
    let byId: Map<string, BatchResponse>;
    try {
      byId = await sendBatch(
        client,
        chunk.map((operation) => ({
          id: operation.id,
          method: operation.method,
          url: operation.url,
          ...(operation.body ? { body: operation.body } : {}),
          ...(operation.headers ? { headers: operation.headers } : {}),
        })),
        log,
      );
    } catch (error) {
      const failure = toSourceError(error, { target: 'the list (a $batch request)', write: true });
      throw new OperationFailed(chunk[0] as Operation, failure.status ?? 0, failure.message);
    }
    // Every answer is looked at before giving up: requests after a failed one in the same
    // batch may have succeeded, and the undo must know about them.
    let failure: OperationFailed | null = null;
    for (const operation of chunk) {
      const response = byId.get(operation.id);
      if (!response) failure ??= new OperationFailed(operation, 0, 'no answer in the batch response');
      else if (response.thrown !== undefined)
        failure ??= new OperationFailed(operation, response.status, response.thrown instanceof Error ? response.thrown.message : String(response.thrown));
      else if (response.status >= 200 && response.status < 300) onDone(operation, response);
      else failure ??= new OperationFailed(operation, response.status, bodyOf(response).error?.message ?? bodyOf(response).error?.code ?? 'failed');
    }
    if (failure) throw failure;
  }
  return batches;
}

/** Where a run writes: the list's items URL and its columns (for the Graph field names). */
export interface Target {
  items: string;
  columns: (typeof LISTS)[keyof typeof LISTS]['columns'];
}

/** Why the writes stopped, in words an admin can act on (412 and 403 get what to do). */
export function stopReason(error: unknown): string {
  if (!(error instanceof OperationFailed)) return `The import stopped: ${error instanceof Error ? error.message : String(error)}.`;
  const hint =
    error.status === 412
      ? ' (someone changed the item meanwhile; run the import again)'
      : error.status === 403
        ? ' (the app needs write access on the site: Sites.Selected with the "write" role)'
        : '';
  return `The import stopped at ${error.operation.label}: Graph answered ${error.status}${hint}: ${error.detail}.`;
}
