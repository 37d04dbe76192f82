/**
 * The in-process schedule: croner jobs in Europe/Stockholm time run the notifier
 * (`NOTIFY_SCHEDULE`) and the weekly digest (`DIGEST_SCHEDULE`). One run at a time: a tick that
 * comes while a run is going waits for it (a digest is never lost to a long reminder run), and a
 * job whose previous tick is still waiting skips. Each tick catches and logs its own error once.
 */
import { Cron } from 'croner';
import type { BotOptions } from '../../src/config';
import { STOCKHOLM } from '../../src/domain/dates';
import { ConfigError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import type { Clock } from '../../src/ports/clock';
import type { Notifier, NotifyReport } from '../notifier/types';

export interface Scheduler {
  stop(): void;
  /** When each job runs next (null when off or stopped). */
  nextRuns(): { notify: Date | null; digest: Date | null };
  /** Runs one job's tick now, through the same queue and error handling as a scheduled tick. */
  tick(job: 'notify' | 'digest'): Promise<void>;
}

function makeJob(pattern: string, setting: string, fire: () => void): Cron {
  try {
    return new Cron(pattern, { timezone: STOCKHOLM, mode: '5-or-6-parts' }, fire);
  } catch (error) {
    throw new ConfigError(`${setting} is not a valid cron expression ("${pattern}"): ${error instanceof Error ? error.message : String(error)}`, [
      `${setting} is not a valid cron expression`,
    ]);
  }
}

export function startScheduler(notifier: Notifier, options: BotOptions, deps: { logger: Logger; clock: Clock }): Scheduler {
  const log = deps.logger.child({ module: 'scheduler' });
  let queue: Promise<void> = Promise.resolve();
  const waiting = new Set<'notify' | 'digest'>();

  const tick = (job: 'notify' | 'digest'): Promise<void> => {
    if (waiting.has(job)) {
      log.info({ job }, 'previous tick still waiting or running; skipping this one');
      return queue;
    }
    waiting.add(job);
    const run = async (): Promise<void> => {
      const at = deps.clock.now().toISOString();
      try {
        const report: NotifyReport = job === 'digest' ? await notifier.digest() : await notifier.run();
        log.debug({ job, at, counts: report.counts }, 'scheduled run done');
      } catch (error) {
        log.error({ job, at, err: error instanceof Error ? error.message : String(error) }, 'scheduled run failed; the next tick tries again');
      } finally {
        waiting.delete(job);
      }
    };
    queue = queue.then(run);
    return queue;
  };

  const notify = makeJob(options.notifySchedule, 'NOTIFY_SCHEDULE', () => void tick('notify'));
  let digest: Cron | null = null;
  try {
    digest = options.digestSchedule ? makeJob(options.digestSchedule, 'DIGEST_SCHEDULE', () => void tick('digest')) : null;
  } catch (error) {
    notify.stop();
    throw error;
  }
  const jobs = { notify, digest };
  log.info(
    {
      notify: options.notifySchedule,
      digest: options.digestSchedule,
      nextNotify: jobs.notify.nextRun()?.toISOString(),
      nextDigest: jobs.digest?.nextRun()?.toISOString() ?? null,
    },
    'notifier schedule started (Europe/Stockholm)',
  );

  return {
    stop() {
      jobs.notify.stop();
      jobs.digest?.stop();
    },
    nextRuns() {
      return { notify: jobs.notify.nextRun(), digest: jobs.digest?.nextRun() ?? null };
    },
    tick,
  };
}
export { firstRunOn, nextPostingRun } from './first-run';
