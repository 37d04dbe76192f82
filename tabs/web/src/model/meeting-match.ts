/**
 * Which meeting of Möten a Teams meeting is, for the tab in the meeting's side panel. Teams tells
 * the tab the meeting's chat thread (`chat.id`, `19:meeting_…@thread.v2`) and an id that encodes
 * the same thread; a Teams join link (`…/l/meetup-join/19%3ameeting_…%40thread.v2/…`) carries it
 * too. So a meeting is found by its link column (`MeetingLink`) when that is the Teams link; else
 * by today's date when exactly one meeting falls on it; else the person chooses.
 */
import type { Meeting } from '../../../../src/domain/types';

const THREAD = /19:meeting_[A-Za-z0-9_-]+@thread\.v2/u;

/** The meeting thread a text names, decoded as often as it was encoded; null when it names none. */
function threadIn(text: string): string | null {
  let current = text;
  for (let round = 0; round < 3; round += 1) {
    const found = THREAD.exec(current);
    if (found) return found[0].toLowerCase();
    try {
      const decoded = decodeURIComponent(current);
      if (decoded === current) break;
      current = decoded;
    } catch {
      break;
    }
  }
  return null;
}

/** The meeting thread of a Teams join link, or null for any other link. */
export function threadOfJoinLink(url: string | null): string | null {
  if (url === null || !/^https:\/\/teams\.(microsoft|live)\.com\//iu.test(url.trim())) return null;
  return threadIn(url);
}

/** The meeting thread of what Teams gives the tab: the chat id, else the meeting id (base64 of the thread). */
export function threadOfTeamsMeeting(meeting: { chatId: string | null; meetingId: string | null }): string | null {
  if (meeting.chatId) {
    const thread = threadIn(meeting.chatId);
    if (thread) return thread;
  }
  if (meeting.meetingId) {
    try {
      return threadIn(atob(meeting.meetingId.replace(/-/gu, '+').replace(/_/gu, '/')));
    } catch {
      return null;
    }
  }
  return null;
}

export type MeetingMatch =
  | { kind: 'link'; meeting: Meeting }
  | { kind: 'date'; meeting: Meeting }
  /** No link matched and the day has no single meeting: `reason` says why, `candidates` what to choose from. */
  | { kind: 'choice'; reason: 'no-link' | 'no-meeting-today' | 'several-today'; candidates: Meeting[] };

/** The meetings to choose from: today's first, then the coming ones, then the latest held. */
export function meetingCandidates(meetings: readonly Meeting[], today: string): Meeting[] {
  const upcoming = meetings.filter((meeting) => meeting.date >= today);
  const held = meetings.filter((meeting) => meeting.date < today).reverse();
  return [...upcoming, ...held].slice(0, 12);
}

/** Finds the Teams meeting among `meetings` (by link, then by date), or says what to choose from. */
export function matchMeeting(meetings: readonly Meeting[], thread: string | null, today: string): MeetingMatch {
  if (thread !== null) {
    const linked = meetings.filter((meeting) => threadOfJoinLink(meeting.link) === thread);
    if (linked.length === 1) return { kind: 'link', meeting: linked[0] as Meeting };
  }
  const onDay = meetings.filter((meeting) => meeting.date === today);
  if (onDay.length === 1) return { kind: 'date', meeting: onDay[0] as Meeting };
  const reason =
    onDay.length > 1
      ? 'several-today'
      : thread !== null && meetings.some((meeting) => threadOfJoinLink(meeting.link) !== null)
        ? 'no-link'
        : 'no-meeting-today';
  return { kind: 'choice', reason, candidates: meetingCandidates(meetings, today) };
}
