/**
 * "Uppföljning YYYY är klar att granska": once a year's last meeting has been held (or on the
 * configured day), each team is told once that the year's follow-up can be reviewed.
 *
 * The key `follow-up/<year>` makes the notice once per team and year; the ledger does the rest
 * (missed runs post it on the next run, quiet time defers it, restarts never post it twice).
 */
import { addDays, daysBetween } from '../../src/domain/dates';
import type { ForumData, ForumMeeting } from '../../src/domain/errands';
import { buildForumYear, type FollowUpYear } from '../../src/domain/forum-year';
import { comparePartialDates, type PartialDate } from '../../src/domain/partial-date';
import type { CalendarDate } from '../../src/domain/types';
import { followUpDocumentPlace } from '../../src/report/document-places';
import type { BotOptions } from '../../src/config';
import { tabViewUrl } from '../cards/links';
import type { FollowUpReady } from '../contracts';
import type { NotifyEvent } from './events';
import { followUpSummary } from './summary';

/**
 * How long after its ready day a year's notice is still posted: long enough for runs missed over
 * the holidays to catch up, short enough that a team installing the bot in the summer is not told
 * about last year.
 */
export const FOLLOW_UP_WITHIN_DAYS = 90;

/** The day a year's follow-up is ready, and why. */
export interface ReadyDay {
  date: CalendarDate;
  reason: FollowUpReady['reason'];
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** The last day of the period a partial date names: the day, the month's last day, or 31 December. */
function lastDayOf(date: PartialDate): CalendarDate {
  if (date.month === null) return `${date.year}-12-31`;
  if (date.day !== null) return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
  return `${date.year}-${pad(date.month)}-${pad(new Date(Date.UTC(date.year, date.month, 0)).getUTCDate())}`;
}

/**
 * The day `year`'s follow-up is ready: the configured `MM-DD` (in the year itself from July on,
 * else in the following year), or the day after the year's last meeting. Other events do not count
 * as meetings; a meeting known only to the month or the year is held by the end of it. Null when
 * nothing is configured and the year has no meeting.
 */
export function followUpReadyDay(forum: Pick<ForumData, 'meetings'>, year: number, configured: BotOptions['followUpReadyDate']): ReadyDay | null {
  if (configured) {
    const date = `${configured.month >= 7 ? year : year + 1}-${pad(configured.month)}-${pad(configured.day)}`;
    return { date, reason: { kind: 'configured-date', date } };
  }
  let last: { meeting: ForumMeeting; date: PartialDate; end: CalendarDate } | null = null;
  for (const meeting of forum.meetings) {
    if (meeting.date === null || meeting.date.year !== year || meeting.kind === 'event') continue;
    const end = lastDayOf(meeting.date);
    if (last === null || end > last.end || (end === last.end && comparePartialDates(meeting.date, last.date) > 0)) last = { meeting, date: meeting.date, end };
  }
  if (last === null) return null;
  return { date: addDays(last.end, 1), reason: { kind: 'last-meeting', title: last.meeting.title, date: last.date } };
}

/** What the card tells about the year: meetings and events, ärenden, areas left without one, problems. */
export function followUpFacts(model: FollowUpYear, ready: ReadyDay, docxUrl: string | null): FollowUpReady {
  const { ordinary, extra, joint, event, unspecified } = model.meetings;
  const areas = model.sections.filter(({ section }) => !section.agreements).flatMap(({ rows }) => rows.filter((row) => row.depth === 0));
  return {
    year: model.year,
    reason: ready.reason,
    meetings: ordinary.length + extra.length + joint.length + unspecified.length,
    events: event.length,
    errands: model.errands.length,
    areasWithoutErrand: areas.filter((row) => row.withoutErrand).length,
    areas: areas.length,
    problems: model.problems.length,
    docxUrl,
  };
}

function followUpEvent(ready: FollowUpReady): NotifyEvent {
  return {
    key: `follow-up/${ready.year}`,
    kind: 'follow-up-ready',
    document: followUpDocumentPlace(ready.year),
    summary: (language) => followUpSummary(ready.year, language),
    render: (cards, context) => cards.followUpReady(ready, context),
  };
}

/** Where the app serves the Word file and whether opening it needs the tab's sign-in. */
export interface WordLink {
  appUrl: string | null;
  tabUrl: string;
  needsSignIn: boolean;
}

/**
 * The Word file's link: `/api/follow-up/YYYY.docx` on the app's address, or, when the API wants the
 * tab's sign-in, the tab's Uppföljning view asked to download it (a browser has no token to send).
 */
export function wordUrl(year: number, link: WordLink): string | null {
  if (link.needsSignIn) return tabViewUrl(link.tabUrl, { view: 'uppfoljning', year: String(year), download: 'docx' });
  return link.appUrl ? `${link.appUrl.replace(/\/+$/, '')}/api/follow-up/${year}.docx` : null;
}

/**
 * The follow-up notices due on `today`: last year's and this year's, each from its ready day for
 * `FOLLOW_UP_WITHIN_DAYS` days. A year with no ärende registered gets none: a forum that does not
 * keep its ärenden in the list has nothing to review.
 */
export function followUpEvents(forum: ForumData, today: CalendarDate, options: { readyDate: BotOptions['followUpReadyDate']; word: WordLink }): NotifyEvent[] {
  const thisYear = Number(today.slice(0, 4));
  const events: NotifyEvent[] = [];
  for (const year of [thisYear - 1, thisYear]) {
    const ready = followUpReadyDay(forum, year, options.readyDate);
    if (ready === null || today < ready.date || daysBetween(ready.date, today) > FOLLOW_UP_WITHIN_DAYS) continue;
    const model = buildForumYear(forum, year);
    if (model.errands.length === 0) continue;
    events.push(followUpEvent(followUpFacts(model, ready, wordUrl(year, options.word))));
  }
  return events;
}
