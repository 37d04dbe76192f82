/**
 * Putting back what a failed import wrote: the items it created are deleted and the ones it
 * changed get their values from before the run, one at a time and past single failures, so as
 * much as possible is restored and the admin is told exactly what was not.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { runBatches, type Operation, type Target } from './batch-writes';
import type { ApplyResult } from './list-store';
import type { ImportPlan } from './plan';
import { toGraphFields } from './values';

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

/** What this run wrote so far: the items it created and the updates that went through. */
export interface Written {
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
export async function undoRun(
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
