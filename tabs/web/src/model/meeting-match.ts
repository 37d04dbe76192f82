/**
 * Which meeting of Möten a Teams meeting is, for the tab in the meeting's side panel. Teams tells
 * the tab the meeting's chat and meeting id, and (where the app may ask) the meeting's details:
 * its scheduled start and join link. A meeting is found by its link column (`MeetingLink`) when
 * that names the same Teams meeting; else by the day the Teams meeting is scheduled on (today's
 * date when Teams does not say) when exactly one meeting falls on it; else the person chooses.
 */
import { meetingOfJoinLink } from '../../../../src/domain/meeting-links';
import type { Meeting } from '../../../../src/domain/types';

/** What is known of the Teams meeting the panel is in. */
export interface PanelSearch {
  /** The Teams meeting, in the keys of `meetingOfJoinLink`: from Teams' context and from its join link. */
  teamsMeetings: readonly string[];
  /** The day to look for a meeting on. */
  day: string;
  /** Where `day` comes from: the Teams meeting's scheduled start, or today's date when Teams did not say. */
  dayFrom: 'schedule' | 'today';
}

export type ChoiceReason =
  /** Several meetings have the Teams meeting's link, and the day does not settle which. */
  | 'shared-link'
  /** Some meetings have Teams links, none this one's, and the day does not settle it. */
  | 'no-link'
  | 'several-on-day'
  | 'none-on-day';

export type MeetingMatch =
  | { kind: 'link'; meeting: Meeting }
  | { kind: 'date'; meeting: Meeting; day: string; dayFrom: PanelSearch['dayFrom'] }
  /** The link and the day do not settle it: `reason` says why, `candidates` what to choose from. */
  | { kind: 'choice'; reason: ChoiceReason; day: string; dayFrom: PanelSearch['dayFrom']; candidates: Meeting[] };

/** The meetings to choose from: those on or after `day` first, then the latest before it. */
export function meetingCandidates(meetings: readonly Meeting[], day: string): Meeting[] {
  const upcoming = meetings.filter((meeting) => meeting.date >= day);
  const held = meetings.filter((meeting) => meeting.date < day).reverse();
  return [...upcoming, ...held].slice(0, 12);
}

/** Finds the Teams meeting among `meetings` (by link, then by day), or says what to choose from. */
export function matchMeeting(meetings: readonly Meeting[], search: PanelSearch): MeetingMatch {
  const { day, dayFrom } = search;
  const wanted = new Set(search.teamsMeetings);
  const linked = wanted.size === 0 ? [] : meetings.filter((meeting) => wanted.has(meetingOfJoinLink(meeting.link) ?? ''));
  if (linked.length === 1) return { kind: 'link', meeting: linked[0] as Meeting };
  if (linked.length > 1) {
    // The same link on several meetings (a series, a copied row): the day may tell them apart.
    const linkedOnDay = linked.filter((meeting) => meeting.date === day);
    if (linkedOnDay.length === 1) return { kind: 'link', meeting: linkedOnDay[0] as Meeting };
    return { kind: 'choice', reason: 'shared-link', day, dayFrom, candidates: meetingCandidates(linked, day) };
  }
  const onDay = meetings.filter((meeting) => meeting.date === day);
  if (onDay.length === 1) return { kind: 'date', meeting: onDay[0] as Meeting, day, dayFrom };
  const reason: ChoiceReason =
    onDay.length > 1 ? 'several-on-day' : wanted.size > 0 && meetings.some((meeting) => meetingOfJoinLink(meeting.link) !== null) ? 'no-link' : 'none-on-day';
  return { kind: 'choice', reason, day, dayFrom, candidates: meetingCandidates(meetings, day) };
}
