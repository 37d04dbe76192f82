/**
 * What the Teams handler needs, handed in by createBot.
 */
import type { BotOptions } from '../../src/config';
import type { Logger } from '../../src/logger';
import type { Clock } from '../../src/ports/clock';
import type { ListSource } from '../../src/ports/list-source';
import type { SnapshotProvider } from '../../src/snapshot/types';
import type { BotCards } from '../cards';
import type { StateStoreTeamRegistry } from '../teams';

/** The part of the notifier a card action uses. */
export interface Snoozer {
  snooze(teamId: string, eventKey: string, days: number): Promise<'snoozed' | 'unknown-event'>;
}

/** Posts what is due now for one team (the notifier's run), used right after a channel is chosen. */
export type PostDueNow = (teamId: string) => Promise<void>;

export interface HandlerDeps {
  registry: StateStoreTeamRegistry;
  cards: BotCards;
  snapshots: SnapshotProvider;
  source: ListSource;
  clock: Clock;
  logger: Logger;
  options: BotOptions;
  /** Where "Öppna i balanslistan" leads. */
  tabUrl: string;
  snoozer: Snoozer;
  /** Null: wait for the schedule after a channel is chosen. */
  postDueNow: PostDueNow | null;
}
