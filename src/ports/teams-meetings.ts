/**
 * A Teams meeting's static details as the bot reads them from the Bot Connector's meeting info
 * API (`GET {serviceUrl}/v1/meetings/{meetingId}`), for the tab in the meeting's side panel. The
 * bot implements it (bot/teams); the tab's API asks it; app/server.ts joins the two.
 */

/** What the side panel needs of a Teams meeting. */
export interface TeamsMeetingInfo {
  /** The scheduled start, an instant in UTC (`2022-11-17T08:00:00Z`); null for a meeting without one (a call, Meet now). */
  scheduledStart: string | null;
  /** The meeting's join link, when the connector gives one. */
  joinUrl: string | null;
  /** The meeting's title in Teams. */
  title: string | null;
  /** The connector's meeting type (`Scheduled`, `ChannelScheduled`, `Recurring`, …). */
  type: string | null;
}

/** The answer to one lookup: the meeting, or why there is none (each kind has its own HTTP status in the tab's API). */
export type TeamsMeetingLookup =
  | { kind: 'found'; meeting: TeamsMeetingInfo }
  /** The bot has no installation in the caller's tenant (no stored service URL), or may not call the one it has. */
  | { kind: 'bot-not-installed'; reason: string }
  /** The connector refused (403): the app is not installed in the meeting, or the meeting has not granted it the permission. */
  | { kind: 'not-allowed'; message: string }
  /** The connector does not know the meeting (404), or it has expired. */
  | { kind: 'not-found'; message: string }
  /** The meeting belongs to another tenant than the caller's. */
  | { kind: 'other-tenant'; message: string }
  /** 429, 5xx or no answer, after the connector client's retries. */
  | { kind: 'unavailable'; status: number; message: string }
  /** Anything else: the connector refused the bot's token (401), a token could not be had, an unexpected answer. */
  | { kind: 'failed'; status: number; message: string };

export interface TeamsMeetings {
  /**
   * Reads the meeting `meetingId` (the base64 id Teams gives a tab) for a caller of `tenantId`,
   * through the service URL stored for that tenant; `tenantId` null (local mode) takes any team
   * the bot knows. Never throws: every failure is a `TeamsMeetingLookup`.
   */
  lookup(meetingId: string, tenantId: string | null): Promise<TeamsMeetingLookup>;
}
