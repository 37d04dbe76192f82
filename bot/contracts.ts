/**
 * The seams between the bot's parts: the Teams side (adapter, handler, cards, team registry)
 * and the notification side (notifier, ledger, scheduler, state stores).
 * Nothing here depends on the Teams SDK: it stays behind `BotConnection` and `TurnHandler`.
 */
import type { Router } from 'express';
import type { Action } from '../src/domain/actions';
import type { Errand } from '../src/domain/errands';
import type { PartialDate } from '../src/domain/partial-date';
import type { CalendarDate, Due, DueExpiry, DueMeeting } from '../src/domain/types';
import type { FoundDocument } from '../src/ports/document-store';
import type { MentionTarget } from '../src/ports/people-directory';
import type { Language } from '../src/vocabulary';

/** The bot speaks the languages the tab does: one `Language`, from src/vocabulary. */
export type { Language };

/** A team the bot is installed in, and where its reminders go. */
export interface TeamTarget {
  teamId: string;
  tenantId: string;
  /** Latest service URL seen for the team (refreshed from every incoming activity). */
  serviceUrl: string;
  /** The channel chosen for reminders; null until a member has chosen one. */
  channelId: string | null;
  channelName: string | null;
  /**
   * The team's conversation reference as JSON (`bot`, `user`, `conversation`, `channelId`,
   * `serviceUrl`, `locale`): the Bot Framework's shape, written alike by the botbuilder and the
   * Teams SDK versions of the bot.
   */
  conversationReference: Record<string, unknown>;
  language: Language;
  /** False after the bot was removed or the connector said it is no longer in the team. */
  active: boolean;
  installedAt: string;
  updatedAt: string;
  /** When the welcome card was last posted in the team (absent in records from before it was kept). */
  welcomedAt?: string;
}

/** Outcome of one delivery attempt, classified so the notifier can decide what to do. */
export type DeliveryResult =
  | { ok: true; activityId: string }
  /** 403 BotNotInConversationRoster, 404: the team is gone; mark it inactive. */
  | { ok: false; kind: 'gone'; status: number; message: string }
  /** 429, 412, 502, 503, 504 after retries ran out; try again on the next run. */
  | { ok: false; kind: 'retryable'; status: number; message: string }
  /** Anything else (400 with a bad card, 401): logged, kept in the ledger, not retried blindly. */
  | { ok: false; kind: 'failed'; status: number; message: string };

/** Posts a card into a team's chosen channel. Implemented over the Teams SDK's API client. */
export interface Messenger {
  /** Posts `card` (an Adaptive Card attachment's content) as a new message in the target's channel. */
  postCard(target: TeamTarget, card: AdaptiveCard, summary: string): Promise<DeliveryResult>;
}

/** What the connector's meeting info API answered (bot/adapter/meeting-info.ts), or why it did not. */
export type MeetingInfoAnswer =
  | {
      ok: true;
      info: {
        scheduledStart: string | null;
        joinUrl: string | null;
        title: string | null;
        type: string | null;
        /** The organizer's tenant, when the connector names it. */
        organizerTenantId: string | null;
        /** The meeting's chat (or channel post) id. */
        conversationId: string | null;
      };
    }
  /**
   * `status` 0: no HTTP answer (no token, no connection, or the bot may not call that service URL:
   * `code` BotNotConfigured). `retryable`: 429, 5xx or no connection, after the client's retries.
   */
  | { ok: false; status: number; code: string; message: string; retryable: boolean };

/** Reads a Teams meeting's details from the Bot Connector at `serviceUrl`. Implemented over the Teams SDK's API client. */
export interface MeetingInfoReader {
  read(serviceUrl: string, meetingId: string): Promise<MeetingInfoAnswer>;
}

/**
 * The Teams handler as the connection sees it: something that adds its routes (install,
 * conversation updates, messages, card actions) to the SDK's app, whose type only bot/adapter
 * and bot/handler know.
 */
export interface TurnHandler {
  attach(app: unknown): void;
}

/**
 * The Bot Framework side as the rest of the bot uses it (built by `createBotConnection` in
 * bot/adapter, over the Teams SDK's App): how cards go out and where activities arrive.
 */
export interface BotConnection {
  /** Proactive posts into a team's chosen channel. */
  messenger: Messenger;
  /** The meeting info API, for the tab in a meeting's side panel. */
  meetingInfo: MeetingInfoReader;
  /** `POST /api/messages`: checks, authenticates and runs each incoming activity with `handler`. */
  messagesRoute(handler: TurnHandler): Router;
}

/** What the connection needs from the rest of the bot. */
export interface BotConnectionOptions {
  /** The connector said the bot is no longer in the team (403 roster, 404): stop posting there. */
  onTeamGone(teamId: string, failure: Extract<DeliveryResult, { kind: 'gone' }>): Promise<void>;
}

/** An Adaptive Card as plain JSON (type "AdaptiveCard", version "1.5"). */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** What cards need besides the due item: language, and links back to the tab and SharePoint. */
export interface CardContext {
  language: Language;
  /** Deep link to the tab in Teams (or the local URL in local mode). */
  tabUrl: string;
  /** The Stockholm date the card is made on. */
  today: string;
  /**
   * The notifier's key of the event the card is about (ledger key), carried in the card's
   * `Action.Execute` data so "Påminn igen om 7 dagar" can snooze exactly this reminder; null in previews.
   */
  eventKey: string | null;
  /**
   * The people the card names who can be @mentioned, by their id in the site's user list
   * (`PersonRef.lookupId`); resolved only when a card naming someone is about to be posted.
   * Absent or without a person: the card shows the name only (previews, local mode, a failed lookup).
   */
  mentions?: ReadonlyMap<string, MentionTarget>;
  /**
   * The Word file the app saved in the site's library for what the card is about (the meeting's
   * agenda or minutes, the year's Uppföljning), when the library has it; looked up only when the
   * card is about to be posted (SharePoint mode). Absent: the card links what it otherwise would.
   * Cards link it only when its address is https.
   */
  savedDocument?: FoundDocument;
}

/** A meeting's agenda so far: the ärenden registered for it, and where a member adds one. */
export interface MeetingAgenda {
  /** In agenda order (`errandsForMeeting`). */
  errands: Errand[];
  /** The ärenden list's new-item form or the list itself; null when the store has no such address. */
  addUrl: string | null;
}

/** An action (uppdrag) due for a reminder: 7 days before its due date, on the day, or overdue. */
export interface DueAction {
  action: Action;
  stage: 'soon' | 'today' | 'overdue';
  /** Days to the due date (0 on the day), or days late when overdue. */
  days: number;
  /** The ärende that gave it and its meeting, as far as the lists know them. */
  errandTitle: string | null;
  meeting: { title: string; date: string } | null;
  /** The ledger key the reminder was posted under ("Påminn igen" snoozes it). */
  eventKey: string;
}

/** An open action in the weekly digest: days to its due date, negative when late, null without a due date. */
export interface DigestAction {
  action: Action;
  daysLeft: number | null;
}

/** One ärende of a held meeting as the day-after card tells it: its decision and the actions it gave. */
export interface OutcomeErrand {
  errand: Errand;
  /** The actions (uppdrag) the ärende gave, by due date. */
  actions: Action[];
}

/** What the "Beslut och uppdrag från mötet …" card tells, the day after a meeting. */
export interface MeetingOutcome {
  meeting: { id: string; key: string; title: string; date: CalendarDate };
  /** The meeting's ärenden in agenda order; those with no decision written are kept (the card says so). */
  errands: OutcomeErrand[];
  /** The minutes as a Word file (`/api/meetings/KEY/minnesanteckningar.docx`); null when a card cannot link to it directly. */
  minutesUrl: string | null;
}

/** What the "Uppföljning YYYY är klar att granska" card tells. */
export interface FollowUpReady {
  year: number;
  /** Why now: the year's last meeting has been held (that meeting, dated as far as known), or the configured day came. */
  reason: { kind: 'last-meeting'; title: string; date: PartialDate } | { kind: 'configured-date'; date: CalendarDate };
  /** The year's meetings, other events not counted. */
  meetings: number;
  /** Other events the members took part in. */
  events: number;
  errands: number;
  /** Top-level parts of the balance list (agreements aside) with no ärende during the year, of `areas`. */
  areasWithoutErrand: number;
  areas: number;
  /** Data-quality problems the report lists under Datakvalitet. */
  problems: number;
  /** The Word file (`/api/follow-up/YYYY.docx`); null when the app has no address to link to. */
  docxUrl: string | null;
}

/** Renders the cards the notifier posts. */
export interface CardRenderer {
  meetingReminder(due: DueMeeting, context: CardContext, extras?: { agenda?: MeetingAgenda }): AdaptiveCard;
  expiryNotice(due: DueExpiry, context: CardContext): AdaptiveCard;
  weeklyDigest(due: Due, context: CardContext, actions?: readonly DigestAction[]): AdaptiveCard;
  followUpReady(ready: FollowUpReady, context: CardContext): AdaptiveCard;
  actionReminder(due: DueAction, context: CardContext, extras?: { notice?: { style: string; text: string } }): AdaptiveCard;
  meetingOutcome(outcome: MeetingOutcome, context: CardContext): AdaptiveCard;
}

/** The teams the bot knows about. */
export interface TeamRegistry {
  list(): Promise<TeamTarget[]>;
  get(teamId: string): Promise<TeamTarget | null>;
  /** Creates or replaces a team's record. */
  put(target: TeamTarget): Promise<void>;
  markInactive(teamId: string, reason: string): Promise<void>;
  remove(teamId: string): Promise<void>;
}
