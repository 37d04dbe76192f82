/**
 * Loads one year's follow-up, again when the year changes or the list behind it did (`version`,
 * the balance list's `generatedAt`). An answer for a year no longer chosen is dropped.
 */
import { useEffect, useState } from 'react';
import type { FollowUpClient, FollowUpResponse } from '../api/follow-up-client';
import { FollowUpError } from '../api/follow-up-client';

export interface FollowUpState {
  data: FollowUpResponse | null;
  error: FollowUpError | null;
  loading: boolean;
}

export function useFollowUp(client: FollowUpClient, year: number, version: string): FollowUpState {
  const [state, setState] = useState<FollowUpState & { year: number | null }>({ data: null, error: null, loading: true, year: null });

  useEffect(() => {
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
