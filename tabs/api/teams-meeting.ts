/**
 * `GET /api/teams-meeting/:meetingId`: a Teams meeting's scheduled start, join link and title for
 * the tab in the meeting's side panel, read by the bot from the Bot Connector's meeting info API
 * through the installation of the caller's own tenant; behind the same sign-in and access check
 * as the list. Teams' own `meeting.getMeetingDetails` in teams-js is kept by the tab as a second
 * try. Each outcome has its status and one log line; the panel falls back on any failure.
 *
 * - 200 `{ scheduledStart, joinUrl, title, type }`
 * - 400 `invalid-meeting-id`: not the base64 meeting id Teams gives a tab
 * - 409 `bot-not-installed`: the bot is not set up here, or has no team in the caller's tenant
 * - 403 `meeting-not-shared`: the connector refused (the app is not in the meeting or lacks its permission)
 * - 404 `meeting-not-found`: the connector does not know the meeting, or it is another tenant's
 * - 503 `bot-connector-unavailable`: 429, 5xx or no answer after the client's retries
 * - 502 `bot-connector-failed`: anything else (the connector refused the bot's token, …)
 */
import type { RequestHandler, Response } from 'express';
import type { Logger } from '../../src/logger';
import type { TeamsMeetingLookup, TeamsMeetings } from '../../src/ports/teams-meetings';
import { callerOf } from './auth/middleware';

export const TEAMS_MEETING_PREFIX = '/api/teams-meeting/';
export const TEAMS_MEETING_ROUTE = '/api/teams-meeting/:meetingId';

/** Teams' meeting ids are short (about 80 characters for a channel meeting); anything much longer is not one. */
const MAX_ID_LENGTH = 512;
const THREAD = /^19:[A-Za-z0-9_-]+@thread\.(?:v2|tacv2|skype)$/u;

/**
 * Whether `id` is a meeting id as Teams gives a tab: base64 (standard or URL-safe) of
 * `<number>#<chat thread>#<message id>`, e.g. `0#19:meeting_…@thread.v2#0`.
 */
export function isTeamsMeetingId(id: string): boolean {
  if (id.length === 0 || id.length > MAX_ID_LENGTH || !/^[A-Za-z0-9+/_-]+={0,2}$/u.test(id)) return false;
  const decoded = Buffer.from(id.replace(/-/gu, '+').replace(/_/gu, '/'), 'base64').toString('utf8');
  const parts = /^(\d+)#([^#]+)#(\d+)$/u.exec(decoded);
  return parts !== null && THREAD.test(parts[2] ?? '');
}

function answer(res: Response, status: number, code: string, message: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message } });
}

const FAILURES: Record<Exclude<TeamsMeetingLookup['kind'], 'found'>, { status: number; code: string; message: string }> = {
  'bot-not-installed': {
    status: 409,
    code: 'bot-not-installed',
    message: "The bot is not installed in a team of your organization, so the meeting's details cannot be read.",
  },
  'not-allowed': {
    status: 403,
    code: 'meeting-not-shared',
    message: "Teams did not let the app read this meeting's details: add the app to the meeting and grant its permission.",
  },
  'not-found': { status: 404, code: 'meeting-not-found', message: 'Teams does not know this meeting.' },
  'other-tenant': { status: 404, code: 'meeting-not-found', message: 'Teams does not know this meeting.' },
  unavailable: { status: 503, code: 'bot-connector-unavailable', message: "Teams cannot be asked for the meeting's details right now." },
  failed: { status: 502, code: 'bot-connector-failed', message: "Teams refused the app's request for the meeting's details." },
};

export function teamsMeetingHandler(deps: { meetings: TeamsMeetings | null; logger: Logger }): RequestHandler {
  const log = deps.logger.child({ module: 'teams-meeting-api' });
  return async (req, res) => {
    const meetingId = String(req.params.meetingId ?? '');
    if (!isTeamsMeetingId(meetingId)) {
      log.warn({ length: meetingId.length }, 'refused a Teams meeting id that is not one');
      answer(res, 400, 'invalid-meeting-id', 'The meeting id is not a Teams meeting id.');
      return;
    }
    if (deps.meetings === null) {
      log.warn('Teams meeting details asked for, but the server runs without the bot');
      answer(res, 409, 'bot-not-installed', FAILURES['bot-not-installed'].message);
      return;
    }
    const caller = callerOf(res);
    const tenantId = caller.kind === 'user' ? caller.user.tenantId : null;
    const found = await deps.meetings.lookup(meetingId, tenantId);
    if (found.kind === 'found') {
      log.info({ tenantId, scheduled: found.meeting.scheduledStart !== null, type: found.meeting.type }, 'Teams meeting details read');
      res.set('Cache-Control', 'private, no-store').json(found.meeting);
      return;
    }
    const failure = FAILURES[found.kind];
    const detail = found.kind === 'bot-not-installed' ? found.reason : found.message;
    log.warn(
      { tenantId, outcome: found.kind, status: failure.status, ...('status' in found ? { connectorStatus: found.status } : {}), detail },
      'Teams meeting details not read',
    );
    answer(res, failure.status, failure.code, failure.message);
  };
}
