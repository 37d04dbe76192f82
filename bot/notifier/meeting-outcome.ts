/**
 * "Beslut och uppdrag från mötet …": the day after a meeting, each team is told once what the
 * meeting decided (each ärende's decision as written in the ärenden list) and which actions it
 * gave (who, by when), with links to the minutes and the tab's Uppdrag view. The minutes link is
 * the app's `/api/meetings/KEY/minnesanteckningar.docx` in local mode; in SharePoint mode it is the
 * minutes saved in the site's library ("Spara i SharePoint"), when they are there when the card is
 * posted (`NotifyEvent.document`), and none otherwise.
 *
 * The key `outcome/<meeting id>/<meeting date>` makes the post once per team and meeting; the
 * ledger does the rest (quiet time and weekends defer it, so a Friday meeting is told on Monday;
 * restarts and other instances never post it twice). A meeting moved to another date is a new
 * meeting for this purpose.
 *
 * The secretariat may write the decisions some days after the meeting. So the post waits until at
 * least one decision or action is written for the meeting, and is made on the first run after that
 * within `OUTCOME_WITHIN_DAYS` of the meeting; a meeting with nothing written by then gets no post
 * (the tab's Möten view shows what is written whenever it is). The same window keeps a new install,
 * or a store made long after its meetings, from announcing meetings long past.
 */
import { actionsForErrand } from '../../src/domain/actions';
import { addDays, daysBetween } from '../../src/domain/dates';
import { errandsForMeeting, type ForumData, type ForumMeeting } from '../../src/domain/errands';
import type { CalendarDate } from '../../src/domain/types';
import { meetingDocumentPlace } from '../../src/report/document-places';
import { actionStrings } from '../cards/action-strings';
import type { MeetingOutcome } from '../contracts';
import type { NotifyEvent } from './events';
import type { WordLink } from './follow-up';
import { plain } from './summary';

/**
 * How many days after a meeting its outcome may still be posted: two weeks for the decisions to be
 * written down (and for runs missed over a weekend or a holiday), like the one overdue reminder of
 * an action (`ACTION_OVERDUE_WINDOW_DAYS`). Counted from the meeting's date, that day included.
 */
export const OUTCOME_WITHIN_DAYS = 14;

const pad = (value: number): string => String(value).padStart(2, '0');

/** The meeting's calendar date, when the list gives the day (a meeting known only to its month has no "day after"). */
function meetingDay(meeting: ForumMeeting): CalendarDate | null {
  const date = meeting.date;
  if (date === null || date.month === null || date.day === null) return null;
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * Where a meeting's minutes can be opened from a card: `/api/meetings/KEY/minnesanteckningar.docx`
 * on the app's address. Null when the API wants the tab's sign-in (a browser opening a card link has
 * no token; the card's "Visa mötet" opens the Möten view, where the minutes are downloaded), when
 * the app has no address, or when the meeting has no key to name it by.
 */
export function minutesUrl(meetingKey: string, link: WordLink): string | null {
  if (link.needsSignIn || !link.appUrl || meetingKey === '') return null;
  return `${link.appUrl.replace(/\/+$/, '')}/api/meetings/${encodeURIComponent(meetingKey)}/minnesanteckningar.docx`;
}

/** What the card about `meeting` tells, or null when nothing is written for it yet (no decision, no action). */
export function meetingOutcome(
  forum: Pick<ForumData, 'errands' | 'actions'>,
  meeting: ForumMeeting,
  date: CalendarDate,
  link: WordLink,
): MeetingOutcome | null {
  const errands = errandsForMeeting(forum.errands, meeting).map((errand) => ({ errand, actions: actionsForErrand(forum.actions, errand.key) }));
  const written = errands.some(({ errand, actions }) => errand.decision.trim() !== '' || actions.length > 0);
  if (!written) return null;
  return { meeting: { id: meeting.id, key: meeting.key, title: meeting.title, date }, errands, minutesUrl: minutesUrl(meeting.key, link) };
}

function outcomeEvent(outcome: MeetingOutcome): NotifyEvent {
  return {
    key: `outcome/${encodeURIComponent(outcome.meeting.id)}/${outcome.meeting.date}`,
    kind: 'meeting-outcome',
    document: meetingDocumentPlace('minnesanteckningar', { key: outcome.meeting.key, year: Number(outcome.meeting.date.slice(0, 4)) }),
    people: [...new Set(outcome.errands.flatMap(({ actions }) => actions.flatMap((action) => (action.person?.lookupId ? [action.person.lookupId] : []))))],
    summary: (language) => actionStrings(language).outcomeSummary(plain(outcome.meeting.title), outcome.meeting.date),
    render: (cards, context) => cards.meetingOutcome(outcome, context),
  };
}

/**
 * The outcome posts due on `today`: each meeting held from `OUTCOME_WITHIN_DAYS` days ago up to
 * yesterday with at least one decision or action written, oldest first.
 */
export function outcomeEvents(forum: Pick<ForumData, 'meetings' | 'errands' | 'actions'>, today: CalendarDate, link: WordLink): NotifyEvent[] {
  const due: MeetingOutcome[] = [];
  for (const meeting of forum.meetings) {
    const date = meetingDay(meeting);
    if (date === null || today < addDays(date, 1) || daysBetween(date, today) > OUTCOME_WITHIN_DAYS) continue;
    const outcome = meetingOutcome(forum, meeting, date, link);
    if (outcome !== null) due.push(outcome);
  }
  return due.sort((a, b) => a.meeting.date.localeCompare(b.meeting.date) || a.meeting.id.localeCompare(b.meeting.id)).map(outcomeEvent);
}
