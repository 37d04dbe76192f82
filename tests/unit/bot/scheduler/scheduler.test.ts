import { startScheduler, type Scheduler } from '../../../../bot/scheduler';
import type { Notifier, NotifyReport } from '../../../../bot/notifier';
import { stockholmClockOf } from '../../../../src/domain/dates';
import { ConfigError } from '../../../../src/errors';
import { silentLogger } from '../../../../src/logger';
import { systemClock } from '../../../../src/ports/clock';
import { botOptions } from '../notifier/helpers';
import { capturedLogs } from '../../../fixtures/captured-logs';

function report(kind: NotifyReport['kind']): NotifyReport {
  return { kind, date: '2022-12-01', dryRun: false, startedAt: '', finishedAt: '', quiet: null, quietAt: '', stale: false, teams: [], counts: {} };
}

/** A notifier whose runs wait until released, recording the order they start and end in. */
class HeldNotifier implements Notifier {
  readonly events: string[] = [];
  private releases: Array<() => void> = [];
  failWith: Error | null = null;

  private async hold(name: 'run' | 'digest'): Promise<NotifyReport> {
    this.events.push(`${name}:start`);
    await new Promise<void>((resolve) => this.releases.push(resolve));
    this.events.push(`${name}:end`);
    if (this.failWith) throw this.failWith;
    return report(name === 'run' ? 'reminders' : 'digest');
  }
  run(): Promise<NotifyReport> {
    return this.hold('run');
  }
  digest(): Promise<NotifyReport> {
    return this.hold('digest');
  }
  async snooze(): Promise<'snoozed'> {
    return 'snoozed';
  }
  /** Lets the oldest held run finish. */
  release(): void {
    this.releases.shift()?.();
  }
  get held(): number {
    return this.releases.length;
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i += 1) await settle();
  if (!condition()) throw new Error('condition never became true');
}

let scheduler: Scheduler | null = null;
afterEach(() => {
  scheduler?.stop();
  scheduler = null;
});

describe('startScheduler', () => {
  it('plans the notifier and the digest in Stockholm time', () => {
    scheduler = startScheduler(new HeldNotifier(), botOptions(), { logger: silentLogger, clock: systemClock });
    const { notify, digest } = scheduler.nextRuns();
    const notifyAt = stockholmClockOf(notify as Date);
    expect(Number(notifyAt.time.slice(0, 2))).toBeGreaterThanOrEqual(8);
    expect(Number(notifyAt.time.slice(0, 2))).toBeLessThanOrEqual(16);
    expect(notifyAt.time.slice(3)).toBe('00');
    const digestAt = stockholmClockOf(digest as Date);
    expect(digestAt).toMatchObject({ time: '08:00', weekday: 1 });
  });

  it('has no digest job when the digest is off, and no runs after stop', () => {
    scheduler = startScheduler(new HeldNotifier(), botOptions({ digestSchedule: null }), { logger: silentLogger, clock: systemClock });
    expect(scheduler.nextRuns().digest).toBeNull();
    scheduler.stop();
    expect(scheduler.nextRuns()).toEqual({ notify: null, digest: null });
  });

  it('refuses a schedule croner cannot read, naming the setting', () => {
    expect(() => startScheduler(new HeldNotifier(), botOptions({ notifySchedule: '0 25 * * *' }), { logger: silentLogger, clock: systemClock })).toThrow(
      ConfigError,
    );
    expect(() => startScheduler(new HeldNotifier(), botOptions({ digestSchedule: 'every monday' }), { logger: silentLogger, clock: systemClock })).toThrow(
      /DIGEST_SCHEDULE is not a valid cron expression/,
    );
  });

  it('runs one thing at a time: a digest waits for the running notifier, a second notifier tick is skipped', async () => {
    const notifier = new HeldNotifier();
    scheduler = startScheduler(notifier, botOptions(), { logger: silentLogger, clock: systemClock });
    const first = scheduler.tick('notify');
    await until(() => notifier.held === 1);
    const digest = scheduler.tick('digest');
    const skipped = scheduler.tick('notify');
    await settle();
    expect(notifier.events).toEqual(['run:start']);
    notifier.release();
    await until(() => notifier.held === 1);
    expect(notifier.events).toEqual(['run:start', 'run:end', 'digest:start']);
    notifier.release();
    await Promise.all([first, digest, skipped]);
    expect(notifier.events).toEqual(['run:start', 'run:end', 'digest:start', 'digest:end']);
  });

  it('catches a failing run, logs it once, and runs again on the next tick', async () => {
    const { logger, records } = capturedLogs('info');
    const notifier = new HeldNotifier();
    notifier.failWith = new Error('Graph answered 503');
    scheduler = startScheduler(notifier, botOptions(), { logger, clock: systemClock });
    const tick = scheduler.tick('notify');
    await until(() => notifier.held === 1);
    notifier.release();
    await expect(tick).resolves.toBeUndefined();
    const errors = records.filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: expect.stringMatching(/scheduled run failed/), err: 'Graph answered 503' });
    notifier.failWith = null;
    const next = scheduler.tick('notify');
    await until(() => notifier.held === 1);
    notifier.release();
    await next;
    expect(notifier.events.filter((event) => event === 'run:start')).toHaveLength(2);
  });
});
