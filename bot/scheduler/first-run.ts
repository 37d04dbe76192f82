/**
 * When a schedule first runs on a given Stockholm date: the instant `npm run notify -- --date`
 * judges quiet hours and weekends at, so that a preview of another day behaves as that day's
 * scheduled run would, whatever the time the command is typed.
 */
import { Cron } from 'croner';
import { STOCKHOLM, stockholmDateOf, stockholmInstant } from '../../src/domain/dates';
import type { CalendarDate } from '../../src/domain/types';

/** The first run of `pattern` (cron, Europe/Stockholm) on `date`, or null when it does not run that day. */
export function firstRunOn(pattern: string, date: CalendarDate): Date | null {
  // Without a function croner schedules nothing; it only computes.
  const cron = new Cron(pattern, { timezone: STOCKHOLM, mode: '5-or-6-parts' });
  const next = cron.nextRun(new Date(stockholmInstant(date).getTime() - 1000));
  cron.stop();
  return next && stockholmDateOf(next) === date ? next : null;
}
