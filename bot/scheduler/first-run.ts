/**
 * When a schedule first runs on a given Stockholm date: the instant `npm run notify -- --date`
 * judges quiet hours and weekends at, so that a preview of another day behaves as that day's
 * scheduled run would, whatever the time the command is typed.
 */
import { Cron } from 'croner';
import { STOCKHOLM, stockholmDateOf, stockholmInstant } from '../../src/domain/dates';
import type { BotOptions } from '../../src/config';
import type { CalendarDate } from '../../src/domain/types';
import { quietReason } from '../notifier/quiet';

/** The first run of `pattern` (cron, Europe/Stockholm) on `date`, or null when it does not run that day. */
export function firstRunOn(pattern: string, date: CalendarDate): Date | null {
  // Without a function croner schedules nothing; it only computes.
  const cron = new Cron(pattern, { timezone: STOCKHOLM, mode: '5-or-6-parts' });
  const next = cron.nextRun(new Date(stockholmInstant(date).getTime() - 1000));
  cron.stop();
  return next && stockholmDateOf(next) === date ? next : null;
}

/** How many scheduled runs to look through for one outside quiet time (hourly for three weeks). */
const MAX_RUNS_LOOKED_AT = 24 * 21;

/**
 * The next run of `pattern` after `from` that is outside quiet time (`QUIET_HOURS`,
 * `QUIET_WEEKENDS`): when reminders held back by quiet time will be posted. Null when the
 * schedule has no such run in the next three weeks.
 */
export function nextPostingRun(pattern: string, from: Date, options: Pick<BotOptions, 'quietHours' | 'quietWeekends'>): Date | null {
  const cron = new Cron(pattern, { timezone: STOCKHOLM, mode: '5-or-6-parts' });
  try {
    let at: Date | null = from;
    for (let runs = 0; runs < MAX_RUNS_LOOKED_AT && at; runs += 1) {
      at = cron.nextRun(at);
      if (at && quietReason(at, options) === null) return at;
    }
    return null;
  } finally {
    cron.stop();
  }
}
