/**
 * The local store of local mode (`<DATA_DIR>/lists.json`) as a `ListStore`, so `npm run import`
 * and `npm run export` work without a tenant exactly as against SharePoint. A write replaces the
 * file once, atomically: all of a list's changes or, when an item changed meanwhile, none.
 */
import { SourceError } from '../errors';
import type { ListName } from '../ports/list-source';
import type { LocalListSource } from '../local/local-list-source';
import { LISTS } from '../lists/schema';
import { ImportFailedError } from './undo';
import { describeMismatches, plannedMismatches } from './verify';
import { byId, type ListStore } from './list-store';
import { toGraphFields, type Canonical } from './values';

/** The fields the store keeps for canonical values: Graph's, without its type annotations. */
function storedFields(list: ListName, values: Record<string, Canonical>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(toGraphFields(LISTS[list].columns, values)).filter(([name]) => !name.includes('@odata.')));
}

export function localStore(source: LocalListSource): ListStore {
  const items = async (list: ListName) => [...((await source.read()).data[list] ?? [])].sort(byId);
  return {
    description: `the local store ${source.file}`,
    listName: (list) => `${LISTS[list].displayName} (${list} in ${source.file})`,
    // Every list has its place in the file: one an older file lacks reads as empty and is added by its first write.
    items,
    async write(plan, run) {
      const log = run.logger.child({ module: 'import' });
      let written;
      try {
        written = await source.writeItems(plan.list, {
          creates: plan.creates.map((create) => storedFields(plan.list, create.values)),
          updates: plan.updates.map((update) => ({ itemId: update.itemId, ifMatch: update.eTag, fields: storedFields(plan.list, update.values) })),
        });
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        const hint = error.status === 412 || error.status === 404 ? ' (the file changed since it was read; run the import again)' : '';
        throw new ImportFailedError(
          `The import stopped${hint}: ${error.message}. Nothing was written; the local store is as it was before.`,
          {
            deleted: 0,
            restored: 0,
            failures: [],
          },
          { cause: error },
        );
      }
      run.progress?.(`  ${written.created.length + written.updated.length}/${plan.creates.length + plan.updates.length} written`);
      const mismatches = plannedMismatches(plan, await items(plan.list));
      if (mismatches.length > 0) {
        // One atomic replacement was written: only someone editing the file at the same moment gets here.
        log.error({ list: plan.list, mismatches: mismatches.length }, 'import verification failed');
        throw new ImportFailedError(`Verification failed after writing: ${describeMismatches(mismatches)}; check ${source.file}.`, {
          deleted: 0,
          restored: 0,
          failures: mismatches,
        });
      }
      return {
        created: plan.creates.map((create, index) => ({ key: create.key, itemId: written.created[index]?.id ?? '' })),
        updated: written.updated.length,
        batches: null,
      };
    },
  };
}
