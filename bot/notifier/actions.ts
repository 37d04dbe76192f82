/**
 * Action reminders: each open action (uppdrag) with a due date is reminded of in the forum's
 * channel on the days before it is due given by `REMINDER_ACTION_DAYS` (7 and 0 unless set; a
 * threshold passed between runs is reminded of on the first run after it), on the day when 0 is
 * among them, and always once when it is overdue (within two weeks of the due date). Each reminder
 * is one event, keyed `action/<item id>/<due date>/<stage>`: `soon` for the largest threshold
 * before the day, `soon-<days>` for a smaller one, `today`, `overdue`; so the ledger posts it
 * exactly once, and a new due date starts the reminders again.
 */
import type { DueAction } from '../contracts';
import type { Action } from '../../src/domain/actions';
import { daysBetween } from '../../src/domain/dates';
import { refersTo, type ForumData } from '../../src/domain/errands';
import type { CalendarDate } from '../../src/domain/types';
import { actionStrings } from '../cards/action-strings';
import type { NotifyEvent } from './events';

/** The days before its due date an action is reminded of (0 = on the day), unless configured. */
export const ACTION_REMINDER_DAYS: readonly number[] = [7, 0];

/**
 * How long after its due date the one overdue reminder may still be posted (a run missed, a quiet
 * week): an action long overdue when the bot first sees it (an old list, a store made long ago) is
 * not announced as news; the tab's Uppdrag view shows it first, with its days late.
 */
export const ACTION_OVERDUE_WINDOW_DAYS = 14;

/** Which reminder an open action is due on `today` and the ledger key's last part, or null when none. */
export function actionReminder(
  action: Action,
  today: CalendarDate,
  days: readonly number[] = ACTION_REMINDER_DAYS,
): { stage: DueAction['stage']; keyPart: string } | null {
  if (action.status !== 'open' || action.due === null) return null;
  const left = daysBetween(today, action.due);
  if (left < 0) return -left <= ACTION_OVERDUE_WINDOW_DAYS ? { stage: 'overdue', keyPart: 'overdue' } : null;
  if (left === 0) return days.includes(0) ? { stage: 'today', keyPart: 'today' } : null;
  const before = days.filter((day) => day > 0);
  const reached = before.filter((day) => left <= day);
  if (reached.length === 0) return null;
  const threshold = Math.min(...reached);
  return { stage: 'soon', keyPart: threshold === Math.max(...before) ? 'soon' : `soon-${threshold}` };
}

/** Which reminder an open action is due on `today`, or null when none. */
export function actionStage(action: Action, today: CalendarDate, days: readonly number[] = ACTION_REMINDER_DAYS): DueAction['stage'] | null {
  return actionReminder(action, today, days)?.stage ?? null;
}

/** The action reminders due on `today`. */
export function actionEvents(
  forum: Pick<ForumData, 'actions' | 'errands' | 'meetings'>,
  today: CalendarDate,
  days: readonly number[] = ACTION_REMINDER_DAYS,
): NotifyEvent[] {
  const events: NotifyEvent[] = [];
  for (const action of forum.actions) {
    const reminder = actionReminder(action, today, days);
    if (reminder === null || action.due === null) continue;
    const { stage } = reminder;
    const errand = action.errandKey === null ? undefined : forum.errands.find((candidate) => candidate.key === action.errandKey);
    const ref = errand?.meeting ?? null;
    const meeting = ref === null ? undefined : forum.meetings.find((candidate) => refersTo(ref, candidate));
    const day = meeting?.date?.day !== null && meeting?.date?.day !== undefined && meeting.date.month !== null ? meeting.date : null;
    const key = `action/${encodeURIComponent(action.id)}/${action.due}/${reminder.keyPart}`;
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
      people: action.person?.lookupId ? [action.person.lookupId] : [],
      summary: (language) => actionStrings(language).summary(action.title, dueDate),
      render: (cards, context) => cards.actionReminder(due, context),
    });
  }
  return events;
}
