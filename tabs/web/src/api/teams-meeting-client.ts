/**
 * Asks the tab's API for the Teams meeting's details (`GET /api/teams-meeting/:meetingId`), which
 * the bot reads from the Bot Connector. Every way it can fail (an error answer, no connection, no
 * answer in time) resolves to a refusal with the reason for the log, as teams-js's answer does, so
 * the side panel can go on to its next way of finding the meeting's day.
 */
import type { TeamsMeetingDetails } from '../teams/host';
import { authorizedFetch } from './authorized-fetch';

/** How long to wait for the server before going on without it (as for Teams' own answer). */
const ANSWER_TIMEOUT_MS = 4000;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export interface TeamsMeetingClient {
  details(meetingId: string): Promise<TeamsMeetingDetails>;
}

export function createTeamsMeetingClient(options: {
  getToken: () => Promise<string | null>;
  /** True when the API wants the token from the first call (SharePoint mode). */
  tokenFirst?: () => boolean;
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): TeamsMeetingClient {
  const get = authorizedFetch({
    getToken: options.getToken,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    tokenNow: options.tokenFirst,
    networkError: (message) => new Error(message),
  });
  const timeoutMs = options.timeoutMs ?? ANSWER_TIMEOUT_MS;
  return {
    async details(meetingId) {
      const stop = new AbortController();
      const timer = setTimeout(() => stop.abort(), timeoutMs);
      try {
        const response = await get(`/api/teams-meeting/${encodeURIComponent(meetingId)}`, { Accept: 'application/json' }, null, stop.signal);
        if (!response.ok) {
          let code = '';
          try {
            code = ((await response.json()) as { error?: { code?: string } }).error?.code ?? '';
          } catch {
            // Not JSON (a proxy's error page): the status says enough.
          }
          return { ok: false, reason: `server ${response.status}${code ? ` ${code}` : ''}` };
        }
        const body = (await response.json()) as { scheduledStart?: unknown; joinUrl?: unknown };
        return { ok: true, scheduledStart: text(body.scheduledStart), joinUrl: text(body.joinUrl) };
      } catch (error) {
        return {
          ok: false,
          reason: stop.signal.aborted ? `server: no answer within ${timeoutMs} ms` : `server: ${error instanceof Error ? error.message : String(error)}`,
        };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
