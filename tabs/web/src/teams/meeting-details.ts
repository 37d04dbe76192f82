/**
 * The Teams meeting's details (scheduled start, join link) through teams-js's
 * `meeting.getMeetingDetails`. Teams answers only an app the meeting has granted the
 * resource-specific permission to read it, and the library marks the call as one Microsoft may
 * keep to itself; so every way it can fail (an error answer, a throw, no answer) resolves to a
 * refusal. The side panel asks the app's server first (the bot's documented meeting info API,
 * api/teams-meeting-client.ts), this second (`firstMeetingDetails`), and otherwise looks for the
 * meeting on today's date.
 */
import type * as TeamsJs from '@microsoft/teams-js';
import type { TeamsMeetingDetails } from './host';

/** How long to wait for Teams' answer before going on without it. */
const ANSWER_TIMEOUT_MS = 4000;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Asks once per page and keeps the answer: the panel may ask again when it renders anew. */
export function meetingDetailsReader(teams: Pick<typeof TeamsJs, 'meeting'>, timeoutMs = ANSWER_TIMEOUT_MS): () => Promise<TeamsMeetingDetails> {
  let answer: Promise<TeamsMeetingDetails> | null = null;
  const ask = () =>
    new Promise<TeamsMeetingDetails>((resolve) => {
      const timer = window.setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
      const settle = (result: TeamsMeetingDetails) => {
        window.clearTimeout(timer);
        resolve(result);
      };
      try {
        teams.meeting.getMeetingDetails((error, response) => {
          if (error || !response) {
            settle({ ok: false, reason: error ? `error ${error.errorCode}${error.message ? `: ${error.message}` : ''}` : 'empty answer' });
            return;
          }
          const details = (response.details ?? {}) as { scheduledStartTime?: unknown; joinUrl?: unknown };
          settle({ ok: true, scheduledStart: text(details.scheduledStartTime), joinUrl: text(details.joinUrl) });
        });
      } catch (error) {
        settle({ ok: false, reason: error instanceof Error ? error.message : String(error) });
      }
    });
  return () => {
    answer ??= ask();
    return answer;
  };
}

/**
 * Asks each way in turn, the next only after a refusal, and keeps the first answer that tells the
 * meeting's details; when none does, a refusal giving every reason. Asked once per page.
 */
export function firstMeetingDetails(readers: ReadonlyArray<() => Promise<TeamsMeetingDetails>>): () => Promise<TeamsMeetingDetails> {
  let answer: Promise<TeamsMeetingDetails> | null = null;
  const ask = async (): Promise<TeamsMeetingDetails> => {
    const reasons: string[] = [];
    for (const read of readers) {
      const result = await read();
      if (result.ok) return result;
      reasons.push(result.reason);
    }
    return { ok: false, reason: reasons.join('; ') || 'nobody to ask' };
  };
  return () => {
    answer ??= ask();
    return answer;
  };
}
