/**
 * Test doubles shared by the tab's component tests: the browser pieces jsdom lacks, an address
 * and a browser storage kept in memory, and a list client that always answers with one view.
 */
import type { BalanceListClient, LoadResult } from '../../../../tabs/web/src/api/client';
import type { Location } from '../../../../tabs/web/src/components/tab-app';
import type { KeyValueStorage } from '../../../../tabs/web/src/model/last-seen';
import type { BalanceListView } from '../../../../src/view-model';

/** jsdom has no matchMedia; Fluent's motion asks for reduced motion. Call in `beforeAll`. */
export function installMatchMedia(): void {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}

/** A list client whose every load answers `view` (ETag `"v1"`). */
export class StaticClient implements BalanceListClient {
  constructor(private readonly view: BalanceListView) {}
  async load(): Promise<LoadResult> {
    return { changed: true, view: this.view, etag: '"v1"' };
  }
}

/** The page's address in memory, recording each push and replace in order. */
export class MemoryLocation implements Location {
  history: string[] = [];
  constructor(public search = '') {}
  push(search: string) {
    this.search = search;
    this.history.push(`push ${search}`);
  }
  replace(search: string) {
    this.search = search;
    this.history.push(`replace ${search}`);
  }
  listen() {
    return () => undefined;
  }
}

/** An address that stays at `search` and ignores every change. */
export const fixedLocation = (search = ''): Location => ({ search, push: () => undefined, replace: () => undefined, listen: () => () => undefined });

/**
 * Blob addresses and file saves as a browser would see them: jsdom has neither, so this records the
 * blobs the page hands over and every link it clicks to save (`download` name and `href`), and
 * stops the click from navigating. Call `restore` in `finally`.
 */
export function recordDownloads(): { blobs: Blob[]; saved: Array<{ name: string; href: string }>; restore(): void } {
  const blobs: Blob[] = [];
  const saved: Array<{ name: string; href: string }> = [];
  const originalCreate = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return 'blob:follow-up';
  };
  URL.revokeObjectURL = () => undefined;
  const onClick = (event: MouseEvent) => {
    if (!(event.target instanceof HTMLAnchorElement)) return;
    saved.push({ name: event.target.download, href: event.target.getAttribute('href') ?? '' });
    event.preventDefault();
  };
  document.addEventListener('click', onClick);
  return {
    blobs,
    saved,
    restore() {
      document.removeEventListener('click', onClick);
      // The no-op revoke stays: the page revokes the address on a later turn.
      URL.createObjectURL = originalCreate;
    },
  };
}

/** One request as the API clients sent it. */
export type FetchCall = { url: string; headers: Record<string, string> };

/**
 * A `fetch` that answers with `responses` in turn and records each call; once they run out it
 * fails as a browser does when offline.
 */
export function fakeFetch(responses: Array<() => Response>): { calls: FetchCall[]; fetch: typeof globalThis.fetch } {
  const calls: FetchCall[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    calls.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
    const next = responses.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next();
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

/** The browser's storage in memory; `full` makes every write fail as a full localStorage does. */
export class MemoryStorage implements KeyValueStorage {
  items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}
