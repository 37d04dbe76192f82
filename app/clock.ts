/**
 * The clock the whole app runs on: the real one, or the demo clock when `TODAY` is set (local
 * mode only; config.ts refuses it elsewhere). Chosen here once, so that the tab, the API, the bot
 * and the notifier with its schedule all agree on the date.
 */
import type { Config } from '../src/config';
import { demoClock, systemClock, type Clock } from '../src/ports/clock';

export function clockFor(config: Pick<Config, 'today'>): Clock {
  return config.today ? demoClock(config.today) : systemClock;
}
