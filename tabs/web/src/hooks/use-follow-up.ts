/**
 * Loads one year's follow-up, again when the year changes or the list behind it did (`version`,
 * the balance list's `generatedAt`). An answer for a year no longer chosen is dropped. A year the
 * page came with (drawn on the server) is shown at once and not asked for again.
 */
import { useEffect, useRef, useState } from 'react';
import type { FollowUpClient, FollowUpResponse } from '../api/follow-up-client';
import { FollowUpError } from '../api/follow-up-client';

export interface FollowUpState {
  data: FollowUpResponse | null;
  error: FollowUpError | null;
  loading: boolean;
}

export function useFollowUp(client: FollowUpClient, year: number, version: string, initial: FollowUpResponse | null = null): FollowUpState {
  const fromPage = initial !== null && initial.year === year ? initial : null;
  const [state, setState] = useState<FollowUpState & { year: number | null }>(() =>
    fromPage ? { data: fromPage, error: null, loading: false, year } : { data: null, error: null, loading: true, year: null },
  );
  // The page's year is the one the server drew from the current list: the first load is not needed.
  const skip = useRef(fromPage !== null);

  useEffect(() => {
    if (skip.current) {
      skip.current = false;
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    client
      .load(year)
      .then((data) => {
        if (current) setState({ data, error: null, loading: false, year });
      })
      .catch((caught: unknown) => {
        const error = caught instanceof FollowUpError ? caught : new FollowUpError('network', 0, String(caught));
        if (current) setState((previous) => ({ ...previous, error, loading: false }));
      });
    return () => {
      current = false;
    };
  }, [client, year, version]);

  // Another year's follow-up is never shown under this year's heading.
  const data = state.data !== null && state.data.year === year ? state.data : null;
  return { data, error: state.error, loading: state.loading };
}
