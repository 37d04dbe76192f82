/**
 * Teams meeting join links in the meetings list (`MeetingLink`), and which Teams meeting a link
 * or what Teams tells a tab names. A meeting is named by its chat thread: a private scheduled
 * meeting has its own (`19:meeting_…@thread.v2`, the message part of its link is 0), a channel
 * meeting is a post in the channel's thread (`19:…@thread.tacv2` and the post's message id). The
 * shorter links Teams now hands out (`https://teams.microsoft.com/meet/<number>?p=<passcode>`)
 * carry only the meeting's number. Pure text rules, used by Datakvalitet and the side panel alike.
 */
import type { Problem } from './types';

/** A Teams chat or channel thread, as it appears in links and in what Teams tells a tab. */
const THREAD = /19:[A-Za-z0-9_-]+@thread\.(?:v2|tacv2|skype)/u;
const TEAMS_HOSTS = new Set(['teams.microsoft.com', 'teams.live.com']);

/** The text with percent-encoding undone as often as it was applied (links get encoded twice); the text itself when it is not encoded. */
function decodedFully(text: string): string {
  let current = text;
  for (let round = 0; round < 3; round += 1) {
    try {
      const decoded = decodeURIComponent(current);
      if (decoded === current) break;
      current = decoded;
    } catch {
      break;
    }
  }
  return current;
}

/** The meeting a thread and message id name: the thread alone when the message is 0 (a private meeting), else both. */
function identityOf(thread: string, message: string | null): string {
  const key = thread.toLowerCase();
  return message === null || /^0*$/u.test(message) ? key : `${key}#${message}`;
}

/** The meeting a `meetup-join` path names (`…/meetup-join/<thread>/<message>`), or null. */
function meetupJoinIdentity(path: string): string | null {
  const decoded = decodedFully(path);
  const at = decoded.indexOf('/l/meetup-join/');
  if (at < 0) return null;
  const [thread, message] = decoded.slice(at + '/l/meetup-join/'.length).split(/[/?#]/u);
  const found = thread === undefined ? null : THREAD.exec(thread);
  if (found === null || found[0] !== thread) return null;
  return identityOf(found[0], message !== undefined && /^\d+$/u.test(message) ? message : null);
}

/**
 * Which Teams meeting a join link names, as a key equal for every link to the same meeting; null
 * for anything else (another site, plain http, a Teams link that joins no meeting). Accepted:
 * `https://teams.microsoft.com/l/meetup-join/<thread>/<message>?context=…`, the same wrapped in
 * Teams' launcher page (`/dl/launcher/launcher.html?url=…`), and `https://teams.microsoft.com/meet/<number>`.
 */
export function meetingOfJoinLink(link: string | null): string | null {
  if (link === null) return null;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !TEAMS_HOSTS.has(url.hostname.toLowerCase())) return null;
  const meet = /^\/meet\/(\d{6,})\/?$/u.exec(url.pathname);
  if (meet) return `meet:${meet[1]}`;
  if (url.pathname.startsWith('/l/meetup-join/')) return meetupJoinIdentity(url.pathname);
  if (url.pathname === '/dl/launcher/launcher.html') return meetupJoinIdentity(url.searchParams.get('url') ?? '');
  return null;
}

/** What Teams tells a tab in a meeting: the meeting's chat id and its meeting id (base64 of `0#<thread>#<message>`). */
export interface TeamsMeetingIds {
  chatId: string | null;
  meetingId: string | null;
}

/** Which meeting Teams says the tab is in, in the keys of `meetingOfJoinLink`; null when Teams says nothing usable. */
export function meetingOfTeamsContext(ids: TeamsMeetingIds): string | null {
  if (ids.meetingId) {
    try {
      const decoded = atob(ids.meetingId.replace(/-/gu, '+').replace(/_/gu, '/'));
      const parts = /^[^#]*#(19:[^#]+)#(\d+)$/u.exec(decoded);
      const thread = parts?.[1] === undefined ? null : THREAD.exec(parts[1]);
      if (parts && thread && thread[0] === parts[1]) return identityOf(thread[0], parts[2] ?? null);
    } catch {
      // Not base64: the chat id may still say.
    }
  }
  const thread = ids.chatId ? THREAD.exec(decodedFully(ids.chatId)) : null;
  return thread ? identityOf(thread[0], null) : null;
}

/** A meeting of the list as the link rule reads it. */
export interface LinkedMeeting {
  id: string;
  title: string;
  link: string | null;
  editUrl: string;
}

/**
 * The meetings whose link the side panel cannot find a Teams meeting by: a link that is not a
 * Teams join link (another site, plain http, a Teams page that joins nothing), and a join link
 * that an earlier meeting of the list has too (one problem per later meeting). A meeting without
 * a link is no problem: it is found by its date.
 */
export function meetingLinkProblems(meetings: readonly LinkedMeeting[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, LinkedMeeting>();
  for (const meeting of meetings) {
    if (meeting.link === null) continue;
    const at = { list: 'meetings' as const, itemId: meeting.id, title: meeting.title, editUrl: meeting.editUrl, field: 'MeetingLink', value: meeting.link };
    const identity = meetingOfJoinLink(meeting.link);
    if (identity === null) {
      problems.push({
        ...at,
        code: 'not-a-meeting-link',
        message: 'The meeting link is not a Teams meeting join link; the meeting side panel cannot find the meeting by it.',
      });
      continue;
    }
    const earlier = first.get(identity);
    if (earlier === undefined) {
      first.set(identity, meeting);
      continue;
    }
    problems.push({
      ...at,
      code: 'shared-meeting-link',
      message: `The meeting has the same Teams meeting link as "${earlier.title}"; the meeting side panel has to ask which one it is.`,
    });
  }
  return problems;
}
