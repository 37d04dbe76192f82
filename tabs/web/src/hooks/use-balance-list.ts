/**
 * Keeps the balance list fresh: loads it, then listens to the server's change stream and loads it
 * again whenever the stream names an ETag other than the one on screen. While the stream is down
 * (not yet open, refused, cut off) it polls with the ETag instead (a 304 when nothing changed).
 * A hidden tab closes the stream and stops polling; when it becomes visible again it checks at
 * once and opens the stream again.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { BalanceListView } from '../../../../src/view-model';
import { ApiError, type BalanceListClient } from '../api/client';
import type { LastSeen, LastSeenStore } from '../model/last-seen';

export interface BalanceListState {
  view: BalanceListView | null;
  error: ApiError | null;
  /** When the tab last heard from the server (a 200 or a 304). */
  checkedAt: Date | null;
  loading: boolean;
  /** The view is the list this browser last saw, not yet confirmed by the API for this user. */
  unconfirmed: boolean;
  /** The server's change stream is open: a change shows within moments, without polling. */
  live: boolean;
  refresh(): void;
}

export const DEFAULT_POLL_MS = 20_000;

/** The API refused this user: a remembered list must not stay on screen. */
const refused = (error: ApiError) => error.status === 401 || error.status === 403;

/**
 * `initial` is the list the page came with (local mode): shown at once, and the first poll comes
 * after `pollMs`. `initialCheckedAt` is when the server read it: the page hydrates with the time
 * the server drew, not the browser's clock. `lastSeen` (SharePoint mode) holds the list this
 * browser last saw for the signed-in user: it is shown at once, marked unconfirmed, while the
 * first request runs, and every list that arrives is kept in it; `onConfirmed` is told after
 * each answer (200 or 304).
 */
export function useBalanceList(
  client: BalanceListClient,
  pollMs: number = DEFAULT_POLL_MS,
  initial: BalanceListView | null = null,
  initialCheckedAt: Date | null = null,
  lastSeen: { store: LastSeenStore; remembered: LastSeen | null; onConfirmed?: () => void } | null = null,
): BalanceListState {
  const remembered = initial === null ? (lastSeen?.remembered ?? null) : null;
  const [view, setView] = useState<BalanceListView | null>(initial ?? remembered?.view ?? null);
  const [unconfirmed, setUnconfirmed] = useState(remembered !== null);
  const showsRemembered = useRef(remembered !== null);
  const [error, setError] = useState<ApiError | null>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(() => (initial ? (initialCheckedAt ?? new Date()) : null));
  const [loading, setLoading] = useState(initial === null);
  const hasInitial = useRef(initial !== null);
  const inFlight = useRef(false);
  // Asked for again while a load ran: that load may have left before the change it was asked for.
  const again = useRef(false);
  // The change stream is open: it says when to load, so the poll rests.
  const live = useRef(false);
  const [liveState, setLiveState] = useState(false);
  const failed = useRef(false);
  const store = lastSeen?.store ?? null;
  const onConfirmed = lastSeen?.onConfirmed;

  const refresh = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    client
      .load()
      .then((result) => {
        if (result.changed) {
          setView(result.view);
          store?.write({ view: result.view, etag: result.etag });
        }
        showsRemembered.current = false;
        setUnconfirmed(false);
        failed.current = false;
        setError(null);
        setCheckedAt(new Date());
        onConfirmed?.();
      })
      .catch((caught: unknown) => {
        const apiError = caught instanceof ApiError ? caught : new ApiError('network', 0, String(caught));
        if (refused(apiError)) {
          store?.forget();
          // A list confirmed earlier in this session stays (with the problem shown above it);
          // a remembered one was never confirmed for this user and goes.
          if (showsRemembered.current) {
            showsRemembered.current = false;
            setView(null);
            setUnconfirmed(false);
          }
        }
        failed.current = true;
        setError(apiError);
      })
      .finally(() => {
        inFlight.current = false;
        setLoading(false);
        if (again.current) {
          again.current = false;
          refresh();
        }
      });
  }, [client, store, onConfirmed]);

  useEffect(() => {
    if (!hasInitial.current) refresh();
    hasInitial.current = false;
    let unwatch: (() => void) | null = null;
    const watch = () => {
      if (unwatch || !client.watch) return;
      // The stream answers while the server-drawn views may still be hydrating: its updates are
      // transitions, so React keeps the server's markup of a view whose code is still loading
      // instead of drawing it again from scratch (an urgent update would).
      unwatch = client.watch({
        onEtag: (etag) => {
          if (etag !== client.etag?.()) refresh();
          else if (!failed.current && !inFlight.current) startTransition(() => setCheckedAt(new Date()));
        },
        // The server is there and the list unchanged: as good as a poll answered with a 304.
        onAlive: () => {
          if (!failed.current && !inFlight.current && client.etag?.()) startTransition(() => setCheckedAt(new Date()));
        },
        onLive: (open) => {
          live.current = open;
          startTransition(() => setLiveState(open));
        },
      });
    };
    const stopWatching = () => {
      unwatch?.();
      unwatch = null;
      live.current = false;
      setLiveState(false);
    };
    if (document.visibilityState !== 'hidden') watch();
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden' && !live.current) refresh();
    }, pollMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        refresh();
        watch();
      } else if (document.visibilityState === 'hidden') stopWatching();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      stopWatching();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [client, refresh, pollMs]);

  return { view, error, checkedAt, loading, unconfirmed, live: liveState, refresh };
}
