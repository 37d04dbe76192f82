/**
 * Writes an import plan to the list in JSON batches of 20 (`$batch`), honouring throttling inside
 * a batch as every batch does (`sendBatch`: 429/503/504 are sent again after the wait), then reads the list back
 * to verify. If anything fails, what this run created is deleted and what it changed is put back,
 * so no half-imported state is left behind.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { ListItem } from '../ports/list-source';
import { MAX_BATCH, sendBatch, type BatchResponse } from '../sharepoint/graph-batch';
import { toSourceError } from '../sharepoint/graph-errors';
import { LISTS } from '../lists/schema';
import { readAllItems } from './graph-items';
import type { ApplyResult, WriteOptions } from './list-store';
import { canonicalItem, matchKey, type ImportPlan } from './plan';
import { sameValue, toGraphFields, type Canonical } from './values';

/** Graph takes at most 20 requests in one `$batch`. */
export const BATCH_SIZE = MAX_BATCH;

export type { ApplyResult };

/** The import failed and was undone; `undo` says how far the undo got. */
export class ImportFailedError extends AppError {
  constructor(
    message: string,
    readonly undo: { deleted: number; restored: number; failures: string[] },
    options?: { cause?: unknown },
  ) {
    super('import-failed', message, options);
  }
}

interface Operation {
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

const bodyOf = (response: BatchResponse): ResponseBody => (response.body ?? {}) as ResponseBody;

class OperationFailed extends Error {
  constructor(
    readonly operation: Operation,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${operation.label}: ${status} ${detail}`);
  }
}

/** Runs operations in batches of 20; calls `onDone` for each success; throws `OperationFailed` on the first failure. */
async function runBatches(
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
interface Target {
  items: string;
  columns: (typeof LISTS)[keyof typeof LISTS]['columns'];
}

/** The plan's creates (`c<i>`) and updates (`u<i>`, with the eTag read when planning) as batch operations. */
function writeOperations(plan: ImportPlan, target: Target): Operation[] {
  return [
    ...plan.creates.map((create, index) => ({
      id: `c${index}`,
      method: 'POST' as const,
      url: `/${target.items}`,
      body: { fields: toGraphFields(target.columns, create.values) },
      label: `row ${create.rowNumber} (${create.key})`,
    })),
    ...plan.updates.map((update, index) => ({
      id: `u${index}`,
      method: 'PATCH' as const,
      url: `/${target.items}/${update.itemId}/fields`,
      body: toGraphFields(target.columns, update.values),
      headers: { 'If-Match': update.eTag },
      label: `row ${update.rowNumber} (${update.key})`,
    })),
  ];
}

/** What this run wrote so far: the items it created and the updates that went through. */
interface Written {
  created: ApplyResult['created'];
  updated: ImportPlan['updates'];
}

/** Deletes of the created items and restores of the updated ones to their values before the run. */
function undoOperations(written: Written, target: Target): Operation[] {
  return [
    ...written.created.map((item, index) => ({
      id: `d${index}`,
      method: 'DELETE' as const,
      url: `/${target.items}/${item.itemId}`,
      label: `delete item ${item.itemId} (${item.key})`,
    })),
    ...written.updated.map((update, index) => ({
      id: `r${index}`,
      method: 'PATCH' as const,
      url: `/${target.items}/${update.itemId}/fields`,
      body: toGraphFields(target.columns, update.before),
      label: `restore item ${update.itemId} (${update.key})`,
    })),
  ];
}

/**
 * Puts back what the run wrote, one operation at a time and past single failures so as much as
 * possible is restored, then throws `ImportFailedError` with `reason` and how far the undo got.
 */
async function undoRun(
  client: Client,
  written: Written,
  target: Target,
  log: Logger,
  failure: { reason: string; cause: unknown; list: string; say: (line: string) => void },
): Promise<never> {
  failure.say(`Undoing: deleting ${written.created.length} created item(s), restoring ${written.updated.length} updated item(s)`);
  const failures: string[] = [];
  let deleted = 0;
  let restored = 0;
  for (const operation of undoOperations(written, target)) {
    try {
      await runBatches(client, [operation], log, (done) => (done.method === 'DELETE' ? (deleted += 1) : (restored += 1)));
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  log.error({ list: failure.list, deleted, restored, failures: failures.length }, 'import failed and was undone');
  const outcome =
    failures.length === 0
      ? `Undone: ${deleted} created item(s) deleted, ${restored} updated item(s) restored; the list is as it was before.`
      : `Undo was incomplete (${failures.length} problem(s): ${failures.join('; ')}); check the list in SharePoint.`;
  throw new ImportFailedError(`${failure.reason} ${outcome}`, { deleted, restored, failures }, { cause: failure.cause });
}

/** Why the writes stopped, in words an admin can act on (412 and 403 get what to do). */
function stopReason(error: unknown): string {
  if (!(error instanceof OperationFailed)) return `The import stopped: ${error instanceof Error ? error.message : String(error)}.`;
  const hint =
    error.status === 412
      ? ' (someone changed the item meanwhile; run the import again)'
      : error.status === 403
        ? ' (the app needs write access on the site: Sites.Selected with the "write" role)'
        : '';
  return `The import stopped at ${error.operation.label}: Graph answered ${error.status}${hint}: ${error.detail}.`;
}

/** Every planned value that is not so in `items` (the list read back after writing). */
export function plannedMismatches(plan: ImportPlan, items: readonly ListItem[]): string[] {
  const after = new Map(
    items.map((item) => {
      const values = canonicalItem(plan.list, item);
      return [matchKey(plan.list, values) ?? `#${item.id}`, values] as const;
    }),
  );
  const mismatches: string[] = [];
  const check = (key: string, values: Record<string, Canonical>) => {
    const actual = after.get(key);
    if (!actual) return mismatches.push(`${key}: missing`);
    for (const [name, value] of Object.entries(values)) {
      if (!sameValue(actual[name] ?? null, value)) mismatches.push(`${key}: ${name} is ${JSON.stringify(actual[name])}, expected ${JSON.stringify(value)}`);
    }
    return 0;
  };
  for (const create of plan.creates) check(create.key, create.values);
  for (const update of plan.updates) check(update.key, update.values);
  return mismatches;
}

/** The first mismatches in a sentence. */
export function describeMismatches(mismatches: readonly string[]): string {
  return `${mismatches.slice(0, 5).join('; ')}${mismatches.length > 5 ? ` (and ${mismatches.length - 5} more)` : ''}`;
}

/** Applies `plan` to the list `listId`. Throws `ImportFailedError` after undoing a failed run. */
export async function applyPlan(client: Client, siteId: string, listId: string, plan: ImportPlan, deps: WriteOptions): Promise<ApplyResult> {
  const log = deps.logger.child({ module: 'import' });
  const say = deps.progress ?? (() => undefined);
  const target: Target = { items: `sites/${siteId}/lists/${listId}/items`, columns: LISTS[plan.list].columns };
  const written: Written = { created: [], updated: [] };
  const undo = (reason: string, cause: unknown) => undoRun(client, written, target, log, { reason, cause, list: plan.list, say });

  const writes = writeOperations(plan, target);
  let batches = 0;
  try {
    batches = await runBatches(client, writes, log, (operation, response) => {
      if (operation.method === 'POST') {
        const create = plan.creates[Number(operation.id.slice(1))];
        const itemId = bodyOf(response).id;
        if (create && itemId) written.created.push({ key: create.key, itemId: String(itemId) });
      } else {
        const update = plan.updates[Number(operation.id.slice(1))];
        if (update) written.updated.push(update);
      }
      const done = written.created.length + written.updated.length;
      if (done % BATCH_SIZE === 0 || done === writes.length) say(`  ${done}/${writes.length} written`);
    });
  } catch (error) {
    return undo(stopReason(error), error);
  }

  say('Verifying');
  const mismatches = plannedMismatches(plan, await readAllItems(client, siteId, listId, plan.list));
  if (mismatches.length > 0) return undo(`Verification failed after writing: ${describeMismatches(mismatches)}.`, null);
  return { created: written.created, updated: written.updated.length, batches };
}
