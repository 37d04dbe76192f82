/**
 * The bot's state store, checked the way the bot uses it: a conditional create, a second create
 * of the same key refused, a replace with the current version, then the probe removed again.
 * Two instances rely on those conditions never to post the same reminder twice.
 */
import { randomUUID } from 'node:crypto';
import type { StateStoreOptions } from '../config';
import type { StateStore } from '../ports/state-store';
import { ok, problem, type CheckResult } from './check';

function where(options: StateStoreOptions): string {
  return options.kind === 'file' ? `the file store in ${options.dir}` : `the blob container "${options.container}"`;
}

function fixFor(options: StateStoreOptions): string {
  return options.kind === 'file'
    ? `Make ${options.dir} writable by the app's user (DATA_DIR), or use Blob Storage (STATE_STORE=blob with AZURE_STORAGE_CONNECTION_STRING).`
    : 'Check AZURE_STORAGE_CONNECTION_STRING (Azure portal → the storage account → Access keys, or its Key Vault reference) and that the account allows the App Service (Networking).';
}

/** Writes, conditionally rewrites and deletes a probe key in `store` (built from `options`, or null when it could not be built). */
export async function checkStateStore(options: StateStoreOptions, open: () => Promise<StateStore>): Promise<CheckResult> {
  const id = 'state-store';
  const key = `doctor/probe-${randomUUID()}`;
  let store: StateStore;
  try {
    store = await open();
  } catch (error) {
    return problem(id, `${where(options)} cannot be opened: ${error instanceof Error ? error.message : String(error)}`, fixFor(options));
  }
  try {
    const created = await store.put(key, { at: new Date().toISOString() }, { ifNoneMatch: true });
    if (created === null) return problem(id, `${where(options)} refused to create a new key.`, fixFor(options));
    const twice = await store.put(key, { again: true }, { ifNoneMatch: true });
    const replaced = await store.put(key, { replaced: true }, { ifMatch: created });
    const stale = replaced === null ? null : await store.put(key, { stale: true }, { ifMatch: created });
    if (twice !== null || replaced === null || stale !== null)
      return problem(
        id,
        `${where(options)} does not keep conditional writes (create-if-absent, replace-if-unchanged), so two instances could post a reminder twice.`,
        options.kind === 'blob'
          ? 'Use a standard Azure Storage account (Blob Storage honours If-Match/If-None-Match).'
          : 'Run one instance only with the file store, or use STATE_STORE=blob.',
      );
    return ok(id, `${where(options)} is writable, with conditional writes.`);
  } catch (error) {
    return problem(id, `${where(options)} cannot be written: ${error instanceof Error ? error.message : String(error)}`, fixFor(options));
  } finally {
    await store.delete(key).catch(() => undefined);
  }
}
