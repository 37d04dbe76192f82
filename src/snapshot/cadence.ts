/**
 * How often the lists are read: fast while somebody needs them, rarely while nobody does, and
 * more rarely still while the store tells of its changes itself (Graph change notifications).
 * Pure: the snapshot service asks it after every read and whenever demand changes.
 */

export interface Cadence {
  /** Seconds between reads while somebody needs the lists (`REFRESH_INTERVAL_SECONDS`, 30). */
  fastSeconds: number;
  /** Seconds between reads while nobody does (`IDLE_REFRESH_SECONDS`, 600). */
  idleSeconds: number;
  /** How long a tab's request counts as somebody looking (`DEMAND_WINDOW_SECONDS`, 300). */
  demandSeconds: number;
  /**
   * Seconds between reads while nobody looks and change notifications arrive
   * (`NOTIFIED_REFRESH_SECONDS`, 3600): a safety net for a notification Graph never sent.
   */
  notifiedSeconds: number;
}

export const DEFAULT_CADENCE: Cadence = { fastSeconds: 30, idleSeconds: 600, demandSeconds: 300, notifiedSeconds: 3600 };

export interface DemandState {
  /** Open streams (and anything else holding demand). */
  holds: number;
  /** When a tab last asked (epoch ms); null when none has. */
  lastDemandAt: number | null;
  /** Whether the store's change notifications are live. */
  notified: boolean;
}

/** Whether somebody needs the lists at `now` (epoch ms). */
export function isDemanded(state: DemandState, cadence: Cadence, now: number): boolean {
  return state.holds > 0 || (state.lastDemandAt !== null && now - state.lastDemandAt < cadence.demandSeconds * 1000);
}

/**
 * Milliseconds between two reads at `now`. With notifications live, somebody looking gets the
 * idle interval as a safety net (notifications bring the changes); nobody looking gets the longer one.
 */
export function intervalMs(state: DemandState, cadence: Cadence, now: number): number {
  const demanded = isDemanded(state, cadence, now);
  if (state.notified) return (demanded ? cadence.idleSeconds : cadence.notifiedSeconds) * 1000;
  return (demanded ? cadence.fastSeconds : cadence.idleSeconds) * 1000;
}
