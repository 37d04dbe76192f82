/**
 * Durable key-value state for the bot (team registry, reminder ledger), with conditional
 * writes so that two instances cannot both claim the same reminder.
 * Adapters: a local file store (default) and Azure Blob Storage (several instances).
 */

export interface StoredValue<T> {
  value: T;
  /** Opaque version tag; changes with every write. */
  etag: string;
}

export interface StateStore {
  /** The value under `key`, or null when there is none. */
  get<T>(key: string): Promise<StoredValue<T> | null>;
  /**
   * Writes `value` under `key`.
   * - `{ ifNoneMatch: true }` creates only when absent;
   * - `{ ifMatch: etag }` replaces only when unchanged;
   * - no condition overwrites.
   * Returns the new etag, or null when the condition failed (someone else wrote first).
   */
  put<T>(key: string, value: T, condition?: { ifMatch: string } | { ifNoneMatch: true }): Promise<string | null>;
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix`, in no particular order. */
  list(prefix: string): Promise<string[]>;
}
