/**
 * The snapshot service as the server and the notify command build it: one place that hands the
 * configured horizons and the demo date to it.
 */
import type { Config } from '../src/config';
import type { Logger } from '../src/logger';
import type { Clock, Timers } from '../src/ports/clock';
import type { ListSource } from '../src/ports/list-source';
import { SnapshotService } from '../src/snapshot';

export function createSnapshots(config: Config, deps: { source: ListSource; clock: Clock; logger: Logger; timers?: Timers }): SnapshotService {
  return new SnapshotService({
    ...deps,
    expiringWithinDays: config.expiringWithinDays,
    meetingWithinDays: config.meetingWithinDays,
    demoDate: config.today,
  });
}
