/**
 * A simulated clock with its own timers, for schedules that run over hours or days in a test or a
 * benchmark: `advance(ms)` moves time forward, running every timer that falls due, in order, and
 * letting the work each one starts settle before the next.
 */
import type { Clock, Timers } from '../../src/ports/clock';

/** Lets promise callbacks and I/O callbacks queued so far run. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class SimulatedTime implements Clock, Timers {
  private current: number;
  private sequence = 0;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  constructor(
    start: string | Date,
    /** Waits for the work a timer started (default: a few turns of the event loop). */
    private readonly settle: () => Promise<void> = async () => {
      for (let turn = 0; turn < 5; turn += 1) await nextTurn();
    },
  ) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  after(ms: number, fn: () => void): () => void {
    const id = (this.sequence += 1);
    this.pending.set(id, { at: this.current + Math.max(0, ms), fn });
    return () => this.pending.delete(id);
  }

  /** Timers waiting to run. */
  get timerCount(): number {
    return this.pending.size;
  }

  /** Moves time forward by `ms`, running the timers that fall due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    await this.settle();
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | null = null;
      for (const entry of this.pending) if (entry[1].at <= end && (next === null || entry[1].at < next[1].at)) next = entry;
      if (next === null) break;
      this.pending.delete(next[0]);
      this.current = Math.max(this.current, next[1].at);
      next[1].fn();
      await this.settle();
    }
    this.current = end;
  }
}
