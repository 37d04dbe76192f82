/**
 * Turns what is due into events: one per reminder, keyed so that the key changes exactly when
 * the reminder should be posted again (a new threshold, or a new date to count from).
 *
 * - meeting reminder: `meeting/<meeting id>/<meeting date>/<days before>`
 * - expiry notice:    `expiry/<entry id>/<last day of validity>/<threshold>`
 * - weekly digest:    `digest/<ISO week, e.g. 2022-W48>`
 * - follow-up ready:  `follow-up/<year>` (follow-up.ts)
 * - meeting outcome:  `outcome/<meeting id>/<meeting date>` (meeting-outcome.ts)
 * - action reminder:  `action/<item id>/<due date>/<stage>` (actions.ts)
 */
import type { AdaptiveCard, CardContext, CardRenderer, DigestAction, Language, MeetingAgenda } from '../contracts';
import { openActions, type Action } from '../../src/domain/actions';
import { meetingAgenda } from '../cards/agenda';
import { addDays, daysBetween } from '../../src/domain/dates';
import type { CalendarDate, Due, DueExpiry, DueMeeting } from '../../src/domain/types';
import type { DocumentPlace } from '../../src/ports/document-store';
import { meetingDocumentPlace } from '../../src/report/document-places';
import type { BalanceListView } from '../../src/view-model';
import { expirySummary, digestSummary, meetingSummary } from './summary';
import type { EventKind } from './types';

export interface NotifyEvent {
  key: string;
  kind: EventKind;
  /**
   * The people the card names, by their id in the site's user list: looked up in the people
   * directory only when the card is about to be posted, so the card can @mention them.
   */
  people?: readonly string[];
  /**
   * Where the app saves the Word file the card is about (a meeting's agenda or minutes, the year's
   * Uppföljning): looked up in the site's library only when the card is about to be posted, so
   * the card can link the saved file.
   */
  document?: DocumentPlace | null;
  summary(language: Language): string;
  render(cards: CardRenderer, context: CardContext): AdaptiveCard;
}

/** How far ahead the weekly digest looks (and how far back for agreements that just ended). */
const DIGEST_DAYS = 28;

const id = (value: string): string => encodeURIComponent(value);

/** A meeting reminder, with the meeting's agenda as it stands when the card is made. */
function meetingEvent(due: DueMeeting, agenda: MeetingAgenda): NotifyEvent {
  return {
    key: `meeting/${id(due.meeting.id)}/${due.meeting.date}/${due.reminder ?? 0}`,
    kind: 'meeting-reminder',
    document: meetingDocumentPlace('dagordning', { key: due.meeting.key, year: Number(due.meeting.date.slice(0, 4)) }),
    summary: (language) => meetingSummary(due, language),
    render: (cards, context) => cards.meetingReminder(due, context, { agenda }),
  };
}

function expiryEvent(due: DueExpiry): NotifyEvent {
  return {
    key: `expiry/${id(due.entry.id)}/${due.validTo}/${due.threshold}`,
    kind: 'expiry-notice',
    summary: (language) => expirySummary(due, language),
    render: (cards, context) => cards.expiryNotice(due, context),
  };
}

/**
 * The reminders due: each meeting that has reached a reminder day (with its ärenden so far, from
 * `view`), each agreement that has reached a threshold.
 */
export function reminderEvents(due: Due, view: Pick<BalanceListView, 'errands' | 'lists'>): NotifyEvent[] {
  return [
    ...due.meetings.filter((meeting) => meeting.reminder !== null).map((meeting) => meetingEvent(meeting, meetingAgenda(view, meeting.meeting))),
    ...due.expiries.map(expiryEvent),
  ];
}

/** ISO 8601 week of a calendar date, with its week-based year: `2022-W48`, `2021-W53` for 2022-01-02. */
export function isoWeekKey(date: CalendarDate): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(year, month - 1, day));
  const weekday = utc.getUTCDay() || 7;
  utc.setUTCDate(utc.getUTCDate() + 4 - weekday); // the Thursday of the same week decides the year
  const weekYear = utc.getUTCFullYear();
  const week = Math.ceil(((utc.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** The digest's view of what is due: meetings in the coming four weeks; agreements nearing or just past their end. */
export function digestDue(due: Due): Due {
  const horizon = addDays(due.today, DIGEST_DAYS);
  return {
    today: due.today,
    meetings: due.meetings.filter((meeting) => meeting.meeting.date <= horizon),
    expiries: due.expiries.filter((expiry) => daysBetween(expiry.validTo, due.today) <= DIGEST_DAYS),
  };
}

/** The open actions the digest lists: by due date, the late ones first, those without a date last. */
export function digestActions(actions: readonly Action[], today: CalendarDate): DigestAction[] {
  return openActions(actions).map((action) => ({ action, daysLeft: action.due === null ? null : daysBetween(today, action.due) }));
}

export function digestEvent(due: Due, actions: readonly DigestAction[] = []): NotifyEvent {
  const week = isoWeekKey(due.today);
  return {
    key: `digest/${week}`,
    kind: 'weekly-digest',
    summary: (language) => digestSummary(due, week, language, actions),
    render: (cards, context) => cards.weeklyDigest(due, context, actions),
  };
}
