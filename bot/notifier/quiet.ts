/**
 * Quiet time: no posts at night or at weekends, judged on the Stockholm clock.
 */
import type { BotOptions } from '../../src/config';
import { stockholmClockOf } from '../../src/domain/dates';

/** Why `now` is quiet time, or null when posting is fine. */
export function quietReason(now: Date, options: Pick<BotOptions, 'quietHours' | 'quietWeekends'>): 'quiet-hours' | 'weekend' | null {
  const clock = stockholmClockOf(now);
  if (options.quietWeekends && clock.weekday >= 6) return 'weekend';
  const hours = options.quietHours;
  if (!hours || hours.start === hours.end) return null;
  const inside = hours.start < hours.end ? clock.time >= hours.start && clock.time < hours.end : clock.time >= hours.start || clock.time < hours.end;
  return inside ? 'quiet-hours' : null;
}
