/**
 * Writes an import plan to the list in JSON batches of 20 (`batch-writes.ts`; throttling inside a
 * batch is waited out as for every batch), then reads the list back to verify. If anything
 * fails, what this run created is deleted and what it changed is put back (`undo.ts`), so no
 * half-imported state is left behind.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { LISTS } from '../lists/schema';
import { BATCH_SIZE, runBatches, bodyOf, stopReason, type Operation, type Target } from './batch-writes';
import { readAllItems } from './graph-items';
import type { ApplyResult, WriteOptions } from './list-store';
import type { ImportPlan } from './plan';
import { undoRun, type Written } from './undo';
import { toGraphFields } from './values';
import { describeMismatches, plannedMismatches } from './verify';

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
