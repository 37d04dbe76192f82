/**
 * What the notifier is built from, and the parts of it every step shares.
 */
import type { CardRenderer, Messenger, TeamRegistry, TeamTarget } from '../contracts';
import type { BotOptions } from '../../src/config';
import type { Logger } from '../../src/logger';
import type { Clock } from '../../src/ports/clock';
import type { DocumentStore } from '../../src/ports/document-store';
import type { PeopleDirectory } from '../../src/ports/people-directory';
import type { StateStore } from '../../src/ports/state-store';
import type { SnapshotProvider } from '../../src/snapshot/types';
import type { Ledger } from './ledger';

export interface NotifierDeps {
  snapshots: SnapshotProvider;
  registry: TeamRegistry;
  messenger: Messenger;
  cards: CardRenderer;
  store: StateStore;
  clock: Clock;
  logger: Logger;
  options: BotOptions;
  /** Where the cards' "Öppna i balanslistan" leads. */
  tabUrl: string;
  /**
   * The app's own address (`PUBLIC_URL`, or the local server), where `/api/follow-up/YYYY.docx`
   * answers; without it the follow-up card has no Word link.
   */
  appUrl?: string | null;
  /**
   * True when the app's API wants the tab's sign-in (SharePoint mode): a browser opening the Word
   * file's address from a card has no token, so the card's Word button opens the tab's Uppföljning
   * view with `download=docx` instead, where the signed-in tab fetches the file.
   */
  wordNeedsSignIn?: boolean;
  /** Meetings this many days ahead are looked at (`MEETING_WITHIN_DAYS`; default 120, never less than the earliest reminder). */
  meetingWithinDays?: number;
  /**
   * Who the people of person columns are, so cards can @mention them (SharePoint mode); absent in
   * local mode, where cards name people without a mention.
   */
  people?: PeopleDirectory | null;
  /**
   * Where "Spara i SharePoint" saves the meetings' agendas and minutes and the year's Uppföljning
   * (SharePoint mode): a card about to be posted links the saved file when the site's library has
   * it. Absent in local mode, where the cards link the app's own addresses.
   */
  documents?: DocumentStore | null;
  /** Names this instance in ledger claims (default: host, process and a random tag). */
  instanceId?: string;
  /** A claim older than this is taken over (default 10 minutes; longer than any post with retries). */
  leaseMs?: number;
}

/** What one notifier's steps share: its dependencies, its log, its ledger, and which teams are previews. */
export interface NotifierCore {
  deps: NotifierDeps;
  log: Logger;
  ledger: Ledger;
  /** The stand-in teams of dry runs with no team installed; they have no ledger records. */
  previews: WeakSet<TeamTarget>;
}

/**
 * - post: deliver and record.
 * - dry-run: preview the cards; post and record nothing.
 * - quiet: quiet hours or a weekend; defer everything to the next run outside them.
 */
export type Mode = 'post' | 'dry-run' | 'quiet';

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
