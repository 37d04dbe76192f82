/**
 * A repeat visit inside Teams, before teams-js has even loaded: when Teams wrote the user and
 * tenant into the address (address-account.ts) and this browser kept a page for exactly that
 * user and tenant at this address, it is painted at once, read-only and marked as being checked.
 * teams-js's own answer then confirms it or, naming someone else, has it wiped (early-paint.ts).
 */
import { lastSeenStore, type KeyValueStorage } from '../model/last-seen';
import { forgetPage, paintPage, unpaintPage, type CheckingNotice } from '../model/last-seen-page';
import { accountFromAddress, searchWithoutAccount } from './address-account';
import type { Account } from './host';

/**
 * Paints the page kept for the account named in `search` into `container`, under `notice` (given
 * the kept page's language) or, without it, the notice kept with the page. Returns that account
 * when a page was painted, else null (no account in the address, or nothing kept for it here).
 */
export function paintForAddress(
  storage: KeyValueStorage | null,
  search: string,
  container: HTMLElement,
  notice?: (lang: string | null) => CheckingNotice,
): Account | null {
  const account = accountFromAddress(search);
  if (!account) return null;
  return paintPage(storage, account, searchWithoutAccount(search), container, notice) ? account : null;
}

/** The account whose kept page is on screen in `container` because the address named it, if any. */
export function paintedForAddress(search: string, container: HTMLElement): Account | null {
  return container.dataset.lastSeen === 'painted' ? accountFromAddress(search) : null;
}

/**
 * Teams named someone other than the address did: the page painted for `painted` is taken off
 * the screen and what this browser kept for that account is dropped, so an address that named
 * another user (a forwarded link, a crafted one) never leaves their list on screen or on disk.
 */
export function wipePainted(storage: KeyValueStorage | null, painted: Account, container: HTMLElement): void {
  unpaintPage(container);
  forgetPage(storage, painted);
  lastSeenStore(storage, painted).forget();
}
