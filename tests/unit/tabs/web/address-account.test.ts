/**
 * @jest-environment jsdom
 */
/**
 * The user and tenant Teams writes into the tab's address (`oid={user.id}&tid={user.tenant.id}`):
 * read only when both are filled-in GUIDs, and the kept page painted from them only for exactly
 * that user and tenant at that address, and wiped (screen and browser) on request.
 */
import { lastSeenKey, lastSeenStore } from '../../../../tabs/web/src/model/last-seen';
import { claimPage, lastSeenPageKey, savePage } from '../../../../tabs/web/src/model/last-seen-page';
import {
  ACCOUNT_PLACEHOLDERS,
  accountFromAddress,
  channelTabAddresses,
  sameAccount,
  searchWithoutAccount,
} from '../../../../tabs/web/src/teams/address-account';
import { checkingNotice } from '../../../../tabs/web/src/i18n/checking-notice';
import { paintedForAddress, paintForAddress, wipePainted } from '../../../../tabs/web/src/teams/address-paint';
import { fixtureView } from './fixture';
import { MemoryStorage } from './doubles';

const OID = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';
const TID = 'aa11bb22-cc33-4d44-8e55-ff6677889900';
const OTHER = '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
const ANNA = { userId: OID, tenantId: TID };

const PAGE =
  '<div class="app-root"><header><h1>Balanslistan</h1></header><main><div id="view-panel"><h2>Balanslista</h2>' +
  '<div><div data-group-key="g1">Grupp</div></div></div></main></div>';

/** The notice the app keeps with an English page (start.tsx). */
const KEPT_NOTICE = { title: 'Checking …', body: 'This is the list as you last saw it.' };

function keptFor(account: { userId: string; tenantId: string }, search = '', notice: typeof KEPT_NOTICE | null = KEPT_NOTICE): MemoryStorage {
  const storage = new MemoryStorage();
  const drawn = document.createElement('div');
  drawn.innerHTML = PAGE;
  document.documentElement.lang = 'en';
  savePage(storage, account, search, drawn, notice ?? undefined);
  document.documentElement.lang = 'sv';
  lastSeenStore(storage, account).write({ view: fixtureView(), etag: '"1"' });
  return storage;
}

describe('the account in the address', () => {
  it('reads oid and tid when Teams filled both with GUIDs', () => {
    expect(accountFromAddress(`?oid=${OID}&tid=${TID}`)).toEqual(ANNA);
    expect(accountFromAddress(`?view=avtal&tid=${TID.toUpperCase()}&oid=${OID.toUpperCase()}`)).toEqual(ANNA);
  });

  it('is unknown when a placeholder was left unfilled, a value is missing, empty or not a GUID', () => {
    expect(accountFromAddress(`?${ACCOUNT_PLACEHOLDERS}`)).toBeNull();
    expect(accountFromAddress('?oid=%7Buser.id%7D&tid=%7Buser.tenant.id%7D')).toBeNull();
    expect(accountFromAddress(`?oid=${OID}&tid={user.tenant.id}`)).toBeNull();
    expect(accountFromAddress(`?oid=${OID}`)).toBeNull();
    expect(accountFromAddress(`?oid=&tid=${TID}`)).toBeNull();
    expect(accountFromAddress(`?oid=anna@contoso.se&tid=${TID}`)).toBeNull();
    expect(accountFromAddress(`?oid=${OID}x&tid=${TID}`)).toBeNull();
    expect(accountFromAddress('')).toBeNull();
  });

  it('compares accounts by user and tenant, without case', () => {
    expect(sameAccount(ANNA, { userId: OID.toUpperCase(), tenantId: TID })).toBe(true);
    expect(sameAccount(ANNA, { userId: OTHER, tenantId: TID })).toBe(false);
    expect(sameAccount(ANNA, { userId: OID, tenantId: OTHER })).toBe(false);
  });

  it('is written into the channel tab’s saved address for Teams to fill, not into its browser link', () => {
    expect(channelTabAddresses('https://app.example', 'avtal')).toEqual({
      contentUrl: 'https://app.example/tab?view=avtal&oid={user.id}&tid={user.tenant.id}',
      websiteUrl: 'https://app.example/tab?view=avtal',
    });
  });

  it('files pages under the address without oid and tid', () => {
    expect(searchWithoutAccount(`?oid=${OID}&tid=${TID}`)).toBe('');
    expect(searchWithoutAccount(`?view=avtal&oid=${OID}&tid=${TID}&q=x`)).toBe('?view=avtal&q=x');
    expect(searchWithoutAccount(`?view=avtal&${ACCOUNT_PLACEHOLDERS}`)).toBe('?view=avtal');
    expect(searchWithoutAccount('?view=avtal')).toBe('?view=avtal');
  });
});

describe('the kept page painted from the address', () => {
  beforeEach(() => {
    document.head.innerHTML = '';
  });

  it('paints the page kept for exactly that user and tenant, with the notice in the page’s language', () => {
    const storage = keptFor(ANNA, '?view=avtal', null);
    const root = document.createElement('div');
    const search = `?view=avtal&oid=${OID}&tid=${TID}`;
    expect(paintForAddress(storage, search, root, checkingNotice(search))).toEqual(ANNA);
    expect(root.querySelector('[data-group-key]')).not.toBeNull();
    expect(root.querySelector('[data-testid="checking"]')?.textContent).toContain('Checking');
    expect(root.dataset.lastSeen).toBe('painted');
    expect(paintedForAddress(search, root)).toEqual(ANNA);
  });

  it('without strings (the page’s inline painter), paints under the notice kept with the page, and nothing without one', () => {
    const search = `?oid=${OID}&tid=${TID}`;
    const root = document.createElement('div');
    expect(paintForAddress(keptFor(ANNA), search, root)).toEqual(ANNA);
    expect(root.querySelector('[data-testid="checking"]')?.textContent).toBe(`${KEPT_NOTICE.title} ${KEPT_NOTICE.body}`);
    // Kept before pages carried their notice: left to the entry script, which has the strings.
    const older = document.createElement('div');
    expect(paintForAddress(keptFor(ANNA, '', null), search, older)).toBeNull();
    expect(older.childElementCount).toBe(0);
    expect(paintedForAddress(search, older)).toBeNull();
  });

  it('names the painted account only while the kept page is on screen', () => {
    const search = `?oid=${OID}&tid=${TID}`;
    const root = document.createElement('div');
    expect(paintedForAddress(search, root)).toBeNull();
    paintForAddress(keptFor(ANNA), search, root);
    expect(paintedForAddress(search, root)).toEqual(ANNA);
    claimPage(root);
    expect(paintedForAddress(search, root)).toBeNull();
  });

  it('paints nothing for another user, another tenant, another address or an unfilled placeholder', () => {
    const storage = keptFor(ANNA);
    for (const search of [`?oid=${OTHER}&tid=${TID}`, `?oid=${OID}&tid=${OTHER}`, `?view=avtal&oid=${OID}&tid=${TID}`, `?${ACCOUNT_PLACEHOLDERS}`]) {
      const root = document.createElement('div');
      expect(paintForAddress(storage, search, root)).toBeNull();
      expect(root.childElementCount).toBe(0);
    }
    expect(paintForAddress(null, `?oid=${OID}&tid=${TID}`, document.createElement('div'))).toBeNull();
  });

  it('wipes the painted page from the screen and the browser, styles included', () => {
    const storage = keptFor(ANNA);
    const root = document.createElement('div');
    expect(paintForAddress(storage, `?oid=${OID}&tid=${TID}`, root)).toEqual(ANNA);
    wipePainted(storage, ANNA, root);
    expect(root.childElementCount).toBe(0);
    expect(root.dataset.lastSeen).toBeUndefined();
    expect(document.head.querySelectorAll('style[data-last-seen-style]')).toHaveLength(0);
    expect(storage.items.has(lastSeenPageKey(ANNA))).toBe(false);
    expect(storage.items.has(lastSeenKey(ANNA))).toBe(false);
  });

  it('leaves the container alone once the app has taken it over', () => {
    const storage = keptFor(ANNA);
    const root = document.createElement('div');
    paintForAddress(storage, `?oid=${OID}&tid=${TID}`, root);
    // What start.tsx does before drawing; then the app's own content is never wiped.
    claimPage(root);
    root.innerHTML = '<p>the app</p>';
    wipePainted(storage, ANNA, root);
    expect(root.textContent).toBe('the app');
    expect(storage.items.has(lastSeenPageKey(ANNA))).toBe(false);
  });
});
