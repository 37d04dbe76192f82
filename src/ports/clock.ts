/** The time, injected so that rules and schedules can be tested on any date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

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
