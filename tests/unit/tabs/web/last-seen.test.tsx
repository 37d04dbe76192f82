/**
 * @jest-environment jsdom
 */
/**
 * SharePoint mode's first view: the list this browser last saw for the signed-in Teams user is
 * shown at once, marked as being checked and not usable, and replaced by the API's answer; a
 * refusal (401/403) drops it; it is never read back for another user or tenant.
 */
import { act, render, screen } from '@testing-library/react';
import { ApiError, type BalanceListClient, type LoadResult } from '../../../../tabs/web/src/api/client';
import { TabApp } from '../../../../tabs/web/src/components/tab-app';
import { lastSeenKey, lastSeenStore } from '../../../../tabs/web/src/model/last-seen';
import { browserHost } from '../../../../tabs/web/src/teams/host';
import type { BalanceListView } from '../../../../src/view-model';
import { fixedLocation, installMatchMedia, MemoryStorage } from './doubles';
import { entry, fixtureView } from './fixture';

beforeAll(installMatchMedia);

const ANNA = { userId: '00000000-0000-0000-0000-0000000000a1', tenantId: '11111111-1111-1111-1111-111111111111' };
const BO = { userId: '00000000-0000-0000-0000-0000000000b2', tenantId: ANNA.tenantId };
const OTHER_TENANT = { userId: ANNA.userId, tenantId: '22222222-2222-2222-2222-222222222222' };

/** A client whose one answer is given by the test, so the remembered list can be seen before it. */
class HeldClient implements BalanceListClient {
  private settle: { resolve(result: LoadResult): void; reject(error: unknown): void } | null = null;
  load(): Promise<LoadResult> {
    return new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }
  async answer(result: LoadResult | ApiError) {
    await act(async () => {
      if (result instanceof ApiError) this.settle?.reject(result);
      else this.settle?.resolve(result);
    });
  }
}

const location = fixedLocation();

const OLD_TITLE = 'Gammal post från förra besöket';
const rememberedView = (): BalanceListView => fixtureView({ entries: [entry('1', 'gammal', { title: OLD_TITLE, status: 'active' })] });
/** The remembered entry's heading in the list (the title also names the area filter's option). */
const oldEntry = () => screen.getAllByText(OLD_TITLE)[0]!;

function renderWith(storage: MemoryStorage) {
  const store = lastSeenStore(storage, ANNA);
  const client = new HeldClient();
  const host = { ...browserHost({ locale: 'sv-SE', theme: 'light' }), inTeams: true, account: ANNA };
  render(<TabApp host={host} client={client} location={location} pollMs={60_000} lastSeen={{ store, remembered: store.read() }} />);
  return { client, store };
}

describe('lastSeenStore', () => {
  it('reads back a list only for the same user and tenant', () => {
    const storage = new MemoryStorage();
    lastSeenStore(storage, ANNA).write({ view: rememberedView(), etag: '"v1"' });
    expect(lastSeenStore(storage, ANNA).read()).toEqual({ view: rememberedView(), etag: '"v1"' });
    expect(lastSeenStore(storage, BO).read()).toBeNull();
    expect(lastSeenStore(storage, OTHER_TENANT).read()).toBeNull();
    // Copied under another user's key, it is still refused: the stored owner must match.
    storage.setItem(lastSeenKey(BO), storage.getItem(lastSeenKey(ANNA)) ?? '');
    expect(lastSeenStore(storage, BO).read()).toBeNull();
    expect(storage.getItem(lastSeenKey(BO))).toBeNull();
  });

  it('drops what it cannot read and remembers nothing when storage is full or missing', () => {
    const storage = new MemoryStorage();
    storage.setItem(lastSeenKey(ANNA), '{not json');
    expect(lastSeenStore(storage, ANNA).read()).toBeNull();
    expect(storage.items.size).toBe(0);
    lastSeenStore(storage, ANNA).write({ view: rememberedView(), etag: null });
    storage.full = true;
    lastSeenStore(storage, ANNA).write({ view: fixtureView(), etag: '"v2"' });
    // An older copy must not outlive a newer list that could not be kept.
    expect(lastSeenStore(storage, ANNA).read()).toBeNull();
    expect(lastSeenStore(null, ANNA).read()).toBeNull();
  });
});

describe('the tab with the list this browser last saw (SharePoint mode)', () => {
  it('shows it at once, marked as being checked and not usable, then replaces it with the answer and keeps that', async () => {
    const storage = new MemoryStorage();
    lastSeenStore(storage, ANNA).write({ view: rememberedView(), etag: '"v1"' });
    const { client, store } = renderWith(storage);
    expect(screen.getAllByText(OLD_TITLE).length).toBeGreaterThan(0);
    expect(screen.getByTestId('checking').textContent).toContain('Kontrolleras …');
    expect(oldEntry().closest('[inert]')).not.toBeNull();

    await client.answer({ changed: true, view: fixtureView(), etag: '"v2"' });
    expect(screen.queryAllByText(OLD_TITLE)).toHaveLength(0);
    expect(screen.getAllByText('Vältel 2.0')[0]!).toBeTruthy();
    expect(screen.queryByTestId('checking')).toBeNull();
    expect(screen.getAllByText('Vältel 2.0')[0]!.closest('[inert]')).toBeNull();
    expect(store.read()).toEqual({ view: fixtureView(), etag: '"v2"' });
  });

  it('keeps it, confirmed, when the API answers that it has not changed (304)', async () => {
    const storage = new MemoryStorage();
    lastSeenStore(storage, ANNA).write({ view: rememberedView(), etag: '"v1"' });
    const { client } = renderWith(storage);
    await client.answer({ changed: false });
    expect(oldEntry().closest('[inert]')).toBeNull();
    expect(screen.queryByTestId('checking')).toBeNull();
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'access-denied'],
  ] as const)('drops it from the screen and the browser when the API refuses the user (%d)', async (status, code) => {
    const storage = new MemoryStorage();
    lastSeenStore(storage, ANNA).write({ view: rememberedView(), etag: '"v1"' });
    const { client, store } = renderWith(storage);
    await client.answer(new ApiError(code, status, 'refused'));
    expect(screen.queryAllByText(OLD_TITLE)).toHaveLength(0);
    expect(screen.queryByTestId('checking')).toBeNull();
    expect(store.read()).toBeNull();
  });

  it('keeps it marked as being checked when the API cannot be reached', async () => {
    const storage = new MemoryStorage();
    lastSeenStore(storage, ANNA).write({ view: rememberedView(), etag: '"v1"' });
    const { client, store } = renderWith(storage);
    await client.answer(new ApiError('network', 0, 'offline'));
    expect(oldEntry().closest('[inert]')).not.toBeNull();
    expect(screen.getByTestId('checking')).toBeTruthy();
    expect(store.read()).not.toBeNull();
  });
});
