/**
 * @jest-environment jsdom
 */
/**
 * The tab with the change stream: it loads the list when the stream names another ETag than the
 * one on screen, does not poll while the stream is open, polls while it is down, and closes the
 * stream while the tab is hidden.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ChangeStreamHandlers } from '../../../../tabs/web/src/api/change-stream';
import type { BalanceListClient, LoadResult } from '../../../../tabs/web/src/api/client';
import { useBalanceList } from '../../../../tabs/web/src/hooks/use-balance-list';
import type { BalanceListView } from '../../../../src/view-model';
import { fixtureView } from './fixture';

/** A client that answers with the server's current ETag and records loads and open streams. */
class StreamingClient implements BalanceListClient {
  server = '"v1"';
  loads = 0;
  private held: string | null = null;
  streams: Array<ChangeStreamHandlers & { closed: boolean }> = [];
  constructor(private readonly view: BalanceListView) {}
  async load(): Promise<LoadResult> {
    this.loads += 1;
    // An answer takes a moment, as over the network.
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.held === this.server) return { changed: false };
    this.held = this.server;
    return { changed: true, view: this.view, etag: this.server };
  }
  etag() {
    return this.held;
  }
  watch(handlers: ChangeStreamHandlers) {
    const stream = { ...handlers, closed: false };
    this.streams.push(stream);
    return () => {
      stream.closed = true;
    };
  }
  get open() {
    const stream = this.streams.at(-1);
    return stream && !stream.closed ? stream : null;
  }
}

const sleep = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('useBalanceList with the change stream', () => {
  afterEach(() => setVisibility('visible'));

  it('loads when the stream names a new ETag, and not for the one it has', async () => {
    const client = new StreamingClient(fixtureView());
    const { result } = renderHook(() => useBalanceList(client, 60_000));
    await waitFor(() => expect(result.current.view).not.toBeNull());
    expect(client.loads).toBe(1);
    act(() => {
      client.open?.onLive(true);
      client.open?.onEtag('"v1"');
    });
    await sleep(20);
    expect(client.loads).toBe(1);
    client.server = '"v2"';
    act(() => client.open?.onEtag('"v2"'));
    await waitFor(() => expect(client.etag()).toBe('"v2"'));
    expect(client.loads).toBe(2);
  });

  it('loads again after a load that was under way when the change was named', async () => {
    const client = new StreamingClient(fixtureView());
    const { result } = renderHook(() => useBalanceList(client, 60_000));
    // The stream names the ETag while the first load is still out.
    act(() => client.open?.onEtag('"v1"'));
    await waitFor(() => expect(result.current.view).not.toBeNull());
    await waitFor(() => expect(client.loads).toBe(2));
  });

  it('counts a keep-alive as a check of the list, as a poll answered with 304 was, and says the stream is live', async () => {
    const client = new StreamingClient(fixtureView());
    const { result } = renderHook(() => useBalanceList(client, 60_000));
    await waitFor(() => expect(result.current.checkedAt).not.toBeNull());
    const loadedAt = result.current.checkedAt as Date;
    expect(result.current.live).toBe(false);
    act(() => client.open?.onLive(true));
    expect(result.current.live).toBe(true);
    await sleep(5);
    act(() => client.open?.onAlive?.());
    expect((result.current.checkedAt as Date).getTime()).toBeGreaterThan(loadedAt.getTime());
    expect(client.loads).toBe(1);
    act(() => client.open?.onLive(false));
    expect(result.current.live).toBe(false);
  });

  it('polls only while the stream is down', async () => {
    const client = new StreamingClient(fixtureView());
    renderHook(() => useBalanceList(client, 30));
    await waitFor(() => expect(client.loads).toBe(1));
    act(() => client.open?.onLive(true));
    await sleep(150);
    expect(client.loads).toBe(1);
    act(() => client.open?.onLive(false));
    await waitFor(() => expect(client.loads).toBeGreaterThanOrEqual(3));
  });

  it('closes the stream while the tab is hidden, and checks and opens it again when shown', async () => {
    const client = new StreamingClient(fixtureView());
    const { unmount } = renderHook(() => useBalanceList(client, 60_000));
    await waitFor(() => expect(client.loads).toBe(1));
    expect(client.open).not.toBeNull();
    act(() => setVisibility('hidden'));
    expect(client.open).toBeNull();
    act(() => setVisibility('visible'));
    expect(client.open).not.toBeNull();
    expect(client.streams).toHaveLength(2);
    await waitFor(() => expect(client.loads).toBe(2));
    unmount();
    expect(client.open).toBeNull();
  });
});
