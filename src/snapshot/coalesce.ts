/**
 * Turns a burst of change signals into few reads: the first signal runs at once; signals during a
 * burst run once more when the burst has been quiet for `quietMs`, and at least every `maxWaitMs`
 * while it lasts. 100 edits in 10 s cost two or three reads, an edit alone one read at once.
 */
import type { Clock, Timers } from '../ports/clock';

export interface CoalesceOptions {
  quietMs: number;
  maxWaitMs: number;
}

export const DEFAULT_COALESCE: CoalesceOptions = { quietMs: 1000, maxWaitMs: 10_000 };

export class ChangeCoalescer {
  private burst: { lastRunAt: number; pending: boolean; cancel: () => void } | null = null;

  constructor(
    private readonly run: () => void,
    private readonly deps: { clock: Clock; timers: Timers },
    private readonly options: CoalesceOptions = DEFAULT_COALESCE,
  ) {}

  signal(): void {
    const now = this.deps.clock.now().getTime();
    if (!this.burst) {
      this.run();
      this.burst = { lastRunAt: now, pending: false, cancel: this.arm(this.options.quietMs) };
      return;
    }
    this.burst.pending = true;
    this.burst.cancel();
    this.burst.cancel = this.arm(Math.min(this.options.quietMs, this.burst.lastRunAt + this.options.maxWaitMs - now));
  }

  stop(): void {
    this.burst?.cancel();
    this.burst = null;
  }

  private arm(ms: number): () => void {
    return this.deps.timers.after(ms, () => {
      const burst = this.burst;
      if (!burst) return;
      if (!burst.pending) {
        this.burst = null;
        return;
      }
      burst.pending = false;
      burst.lastRunAt = this.deps.clock.now().getTime();
      this.run();
      burst.cancel = this.arm(this.options.quietMs);
    });
  }
}
