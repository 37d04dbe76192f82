/**
 * The list this browser last saw, per Teams user and tenant, so that in SharePoint mode the tab
 * can show it at once while Teams SSO, the token check and the list request are under way. It
 * is only ever read back for the same user object id and tenant id, and it is dropped when the
 * API refuses the user (401/403).
 */
import type { BalanceListView } from '../../../../src/view-model';
import type { Account } from '../teams/host';

export interface LastSeen {
  view: BalanceListView;
  etag: string | null;
}

export interface LastSeenStore {
  read(): LastSeen | null;
  write(value: LastSeen): void;
  forget(): void;
}

/** The part of the Web Storage API used here (localStorage in the browser). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const VERSION = 1;

export function lastSeenKey(account: Account): string {
  return `balanslistan:last-seen:v${VERSION}:${account.tenantId}:${account.userId}`;
}

interface Stored extends LastSeen {
  version: number;
  userId: string;
  tenantId: string;
}

function isStored(value: unknown, account: Account): value is Stored {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Partial<Stored>;
  return (
    stored.version === VERSION &&
    stored.userId === account.userId &&
    stored.tenantId === account.tenantId &&
    typeof stored.view === 'object' &&
    stored.view !== null &&
    Array.isArray(stored.view.entries) &&
    Array.isArray(stored.view.agreements) &&
    Array.isArray(stored.view.meetings) &&
    Array.isArray(stored.view.problems)
  );
}

/**
 * A store for `account` in `storage`. Storage that is missing, full or blocked (private windows,
 * policies) makes it a store that remembers nothing: the tab then simply waits for the list.
 */
export function lastSeenStore(storage: KeyValueStorage | null, account: Account): LastSeenStore {
  const key = lastSeenKey(account);
  const forget = () => {
    try {
      storage?.removeItem(key);
    } catch {
      // Blocked storage: nothing was kept.
    }
  };
  return {
    read() {
      let stored: unknown;
      try {
        stored = JSON.parse(storage?.getItem(key) ?? 'null');
      } catch {
        forget();
        return null;
      }
      if (stored === null) return null;
      if (!isStored(stored, account)) {
        forget();
        return null;
      }
      return { view: stored.view, etag: stored.etag ?? null };
    },
    write({ view, etag }) {
      const stored: Stored = { version: VERSION, userId: account.userId, tenantId: account.tenantId, view, etag };
      try {
        storage?.setItem(key, JSON.stringify(stored));
      } catch {
        // Full or blocked: an old copy must not outlive a newer list, so drop it.
        forget();
      }
    },
    forget,
  };
}
