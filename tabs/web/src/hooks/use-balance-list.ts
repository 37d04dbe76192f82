/**
 * Keeps the balance list fresh: loads it, then polls with the ETag (a 304 when nothing changed),
 * and checks at once when the tab becomes visible again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BalanceListView } from '../../../../src/view-model';
import { ApiError, type BalanceListClient } from '../api/client';

export interface BalanceListState {
  view: BalanceListView | null;
  error: ApiError | null;
  /** When the tab last heard from the server (a 200 or a 304). */
  checkedAt: Date | null;
  loading: boolean;
  refresh(): void;
}

export const DEFAULT_POLL_MS = 20_000;

/**
 * `initial` is the list the page came with (local mode): shown at once, and the first poll comes
 * after `pollMs`. `initialCheckedAt` is when the server read it: the page hydrates with the time
 * the server drew, not the browser's clock.
 */
export function useBalanceList(
  client: BalanceListClient,
  pollMs: number = DEFAULT_POLL_MS,
  initial: BalanceListView | null = null,
  initialCheckedAt: Date | null = null,
): BalanceListState {
  const [view, setView] = useState<BalanceListView | null>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(() => (initial ? (initialCheckedAt ?? new Date()) : null));
  const [loading, setLoading] = useState(initial === null);
  const hasInitial = useRef(initial !== null);
  const inFlight = useRef(false);

  const refresh = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    client
      .load()
      .then((result) => {
        if (result.changed) setView(result.view);
        setError(null);
        setCheckedAt(new Date());
      })
      .catch((caught: unknown) => {
        setError(caught instanceof ApiError ? caught : new ApiError('network', 0, String(caught)));
      })
      .finally(() => {
        inFlight.current = false;
        setLoading(false);
      });
  }, [client]);

  useEffect(() => {
    if (!hasInitial.current) refresh();
    hasInitial.current = false;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') refresh();
    }, pollMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh, pollMs]);

  return { view, error, checkedAt, loading, refresh };
}
