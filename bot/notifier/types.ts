/**
 * What the notifier does and what it reports. The report is what the CLI prints, what
 * `POST /api/notify` answers, and what the logs summarise.
 */
import type { AdaptiveCard, Language } from '../contracts';
import type { CalendarDate } from '../../src/domain/types';

export type EventKind = 'meeting-reminder' | 'expiry-notice' | 'weekly-digest' | 'follow-up-ready' | 'action-reminder' | 'meeting-outcome';

/**
 * What happened to one event for one team.
 * - posted: posted now.
 * - would-post: a dry run; it would have been posted.
 * - skipped-already-posted: the ledger says it was posted before (by this or another instance).
 * - skipped-in-progress: another run holds the claim right now.
 * - skipped-snoozed: a member asked to be reminded again later; not yet.
 * - skipped-failed: an earlier attempt failed for a reason retrying cannot fix today (see the ledger).
 * - skipped-nothing-due: a weekly digest with nothing in it is not posted.
 * - deferred-quiet-hours: quiet hours or a weekend; posted by the next run outside them.
 * - failed-retryable: the connector was busy or down; the claim is released for the next run.
 * - team-gone: the bot is no longer in the team; the team is marked inactive.
 * - failed: the connector refused the card; kept in the ledger, retried once a day a few times.
 */
export type Outcome =
  | 'posted'
  | 'would-post'
  | 'skipped-already-posted'
  | 'skipped-in-progress'
  | 'skipped-snoozed'
  | 'skipped-failed'
  | 'skipped-nothing-due'
  | 'deferred-quiet-hours'
  | 'failed-retryable'
  | 'team-gone'
  | 'failed';

export interface EventReport {
  /** The event's key (the same in every team): `expiry/<item>/<validTo>/<threshold>`, … */
  key: string;
  kind: EventKind;
  outcome: Outcome;
  /** One line saying what the card is about, in the team's language. */
  summary: string;
  /** Why, for skips and failures. */
  detail: string | null;
  /** The card, in dry runs (so a person can preview it); omitted otherwise. */
  card?: AdaptiveCard;
}

/**
 * - ready: the team has chosen a channel; its events were processed.
 * - no-channel: installed, but nobody has chosen a channel yet; nothing is posted.
 * - inactive: the bot was removed or the connector said it is gone.
 * - preview: a dry run with no team installed: what a team with a channel would get.
 */
export type TeamStatus = 'ready' | 'no-channel' | 'inactive' | 'preview';

export interface TeamReport {
  /** Null for the preview team. */
  teamId: string | null;
  channelName: string | null;
  language: Language;
  status: TeamStatus;
  events: EventReport[];
}

export interface NotifyReport {
  kind: 'reminders' | 'digest';
  /** The Stockholm date the run was for. */
  date: CalendarDate;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  /** Why nothing is posted now, when it is quiet time (judged at `quietAt`). */
  quiet: 'quiet-hours' | 'weekend' | null;
  /** The instant quiet hours and weekends were judged at (ISO): now, or the `at` a run was given. */
  quietAt: string;
  /** True when the list could not be read and the last good copy was used. */
  stale: boolean;
  teams: TeamReport[];
  /** How many events ended in each outcome, over all teams. */
  counts: Partial<Record<Outcome, number>>;
}

export interface RunOptions {
  /** The Stockholm date to run for (`YYYY-MM-DD`); default today. */
  date?: string;
  /** Report what would be posted; post nothing and record nothing. */
  dryRun?: boolean;
  /** Only this team. */
  teamId?: string;
  /** Judge quiet hours and weekends at this instant instead of now (the CLI's `--date`: that day's scheduled run). */
  at?: Date;
}

export type DigestOptions = Omit<RunOptions, 'teamId'>;

export interface Notifier {
  /** Posts the meeting reminders, meeting outcomes, action reminders, expiry notices and follow-up notices due now (and a digest deferred earlier this week). */
  run(opts?: RunOptions): Promise<NotifyReport>;
  /** Posts this week's digest to every team that has not had it. */
  digest(opts?: DigestOptions): Promise<NotifyReport>;
  /** Remind `teamId` of `eventKey` again `days` days from today. */
  snooze(teamId: string, eventKey: string, days: number): Promise<'snoozed' | 'unknown-event'>;
}
