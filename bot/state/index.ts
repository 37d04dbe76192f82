/**
 * The bot's durable state (team registry, reminder ledger): a file store by default, Azure Blob
 * Storage when several instances share the work.
 */
import type { StateStoreOptions } from '../../src/config';
import type { Logger } from '../../src/logger';
import type { StateStore } from '../../src/ports/state-store';
import { BlobStateStore } from './blob-state-store';
import { FileStateStore } from './file-state-store';

export { BlobStateStore } from './blob-state-store';
export type { BlobStateStoreOptions } from './blob-state-store';
export { FileStateStore } from './file-state-store';
export type { FileStateStoreOptions } from './file-state-store';

/** Builds the store the configuration names; for Blob Storage, creates the container if needed. */
export async function createStateStore(options: StateStoreOptions, deps: { logger: Logger }): Promise<StateStore> {
  if (options.kind === 'blob') {
    const store = new BlobStateStore({ connectionString: options.connectionString, container: options.container }, deps);
    await store.init();
    return store;
  }
  return new FileStateStore({ dir: options.dir }, deps);
}
