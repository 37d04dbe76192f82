/**
 * Action reminders: each open action (uppdrag) with a due date is reminded of in the forum's
 * channel 7 days before it is due (or on the first run after that), on the day, and once when it
 * is overdue (within two weeks of the due date). Each reminder is one event, keyed `action/<item id>/<due date>/<soon|today|overdue>`,
 * so the ledger posts it exactly once, and a new due date starts the reminders again.
 */
import type { DueAction } from '../contracts';
import type { Action } from '../../src/domain/actions';
import { daysBetween } from '../../src/domain/dates';
import { refersTo, type ForumData } from '../../src/domain/errands';
import type { CalendarDate } from '../../src/domain/types';
import { actionStrings } from '../cards/action-strings';
import type { NotifyEvent } from './events';

/** How many days before its due date an action is first reminded of. */
export const ACTION_REMINDER_DAYS = 7;

/**
 * How long after its due date the one overdue reminder may still be posted (a run missed, a quiet
 * week): an action long overdue when the bot first sees it (an old list, a store made long ago) is
 * not announced as news; the tab's Uppdrag view shows it first, with its days late.
 */
export const ACTION_OVERDUE_WINDOW_DAYS = 14;

/** Which reminder an open action is due on `today`, or null when none. */
export function actionStage(action: Action, today: CalendarDate, daysBefore = ACTION_REMINDER_DAYS): DueAction['stage'] | null {
  if (action.status !== 'open' || action.due === null) return null;
  const left = daysBetween(today, action.due);
  if (left < 0) return -left <= ACTION_OVERDUE_WINDOW_DAYS ? 'overdue' : null;
  if (left === 0) return 'today';
  return left <= daysBefore ? 'soon' : null;
}

/** The action reminders due on `today`. */
export function actionEvents(
  forum: Pick<ForumData, 'actions' | 'errands' | 'meetings'>,
  today: CalendarDate,
  daysBefore = ACTION_REMINDER_DAYS,
): NotifyEvent[] {
  const events: NotifyEvent[] = [];
  for (const action of forum.actions) {
    const stage = actionStage(action, today, daysBefore);
    if (stage === null || action.due === null) continue;
    const errand = action.errandKey === null ? undefined : forum.errands.find((candidate) => candidate.key === action.errandKey);
    const ref = errand?.meeting ?? null;
    const meeting = ref === null ? undefined : forum.meetings.find((candidate) => refersTo(ref, candidate));
    const day = meeting?.date?.day !== null && meeting?.date?.day !== undefined && meeting.date.month !== null ? meeting.date : null;
    const key = `action/${encodeURIComponent(action.id)}/${action.due}/${stage}`;
    const due: DueAction = {
      action,
      stage,
      days: Math.abs(daysBetween(today, action.due)),
      errandTitle: errand ? errand.title : null,
      meeting:
        meeting && day
          ? { title: meeting.title, date: `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}` }
          : null,
      eventKey: key,
    };
    const dueDate = action.due;
    events.push({
      key,
      kind: 'action-reminder',
      summary: (language) => actionStrings(language).summary(action.title, dueDate),
      render: (cards, context) => cards.actionReminder(due, context),
    });
  }
  return events;
}
