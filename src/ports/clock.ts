/** The time, injected so that rules and schedules can be tested on any date. */
import { stockholmClockOf, stockholmInstant } from '../domain/dates';
import type { CalendarDate } from '../domain/types';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A demo clock (`TODAY` in local mode): always on `date` in Stockholm, at the real time of day,
 * so that the seed list's 2022 dates are current and quiet hours and schedules still follow the
 * hours a person sees on their own clock.
 */
export function demoClock(date: CalendarDate, real: Clock = systemClock): Clock {
  return {
    now() {
      const instant = real.now();
      const wall = stockholmClockOf(instant);
      // Offsets from UTC are whole minutes, so the seconds carry over unchanged.
      const seconds = ((instant.getTime() % 60_000) + 60_000) % 60_000;
      return new Date(stockholmInstant(date, wall.time).getTime() + seconds);
    },
  };
}

/** A clock that stands still at `instant` (ISO) until moved. */
export class FixedClock implements Clock {
  private current: Date;
  constructor(instant: string | Date) {
    this.current = new Date(instant);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string | Date): void {
    this.current = new Date(instant);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Timers, injected so that a schedule can run on a simulated clock (tests, benchmarks). */
export interface Timers {
  /** Calls `fn` once after `ms`; returns a function that cancels it. Never keeps the process alive. */
  after(ms: number, fn: () => void): () => void;
}

export const systemTimers: Timers = {
  after(ms, fn) {
    const timer = setTimeout(fn, Math.max(0, ms));
    timer.unref();
    return () => clearTimeout(timer);
  },
};
