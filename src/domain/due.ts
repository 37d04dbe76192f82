/**
 * What is due on a given Stockholm date: upcoming meetings (with the reminder they call for
 * and the entries to follow up there) and agreements that have reached an expiry threshold.
 */
import { addDays, daysBetween, parseCalendarDate } from './dates';
import { compareMeetings } from './meetings';
import type { BalanceList, CalendarDate, Due, DueExpiry, DueMeeting, DueRules, Entry } from './types';

const titleOrder = new Intl.Collator('sv');

/**
 * Meetings 120 days ahead; reminders 14 and 2 days before; expiry at 180, 90, 30 and 0 days left,
 * and expired agreements due for a year after their last day.
 */
export const DEFAULT_DUE_RULES: DueRules = {
  meetingWithinDays: 120,
  meetingReminderDays: [14, 2],
  expiryThresholds: [180, 90, 30, 0],
  expiredWithinDays: 365,
};

/** Whole, non-negative day counts, ascending and without repeats. */
function thresholds(days: readonly number[]): number[] {
  return [...new Set(days.filter((day) => Number.isInteger(day) && day >= 0))].sort((a, b) => a - b);
}

/** The smallest threshold `t` with `value <= t`, or null when none is reached. */
function smallestReached(value: number, sortedThresholds: readonly number[]): number | null {
  return sortedThresholds.find((threshold) => value <= threshold) ?? null;
}

function dueMeetings(list: BalanceList, today: CalendarDate, rules: DueRules): DueMeeting[] {
  const reminderDays = thresholds(rules.meetingReminderDays);
  const followUpsByDate = new Map<CalendarDate, Entry[]>();
  for (const entry of list.entries) {
    if (entry.nextFollowUp === null) continue;
    const bucket = followUpsByDate.get(entry.nextFollowUp) ?? [];
    bucket.push(entry);
    followUpsByDate.set(entry.nextFollowUp, bucket);
  }
  return list.meetings
    .filter((meeting) => parseCalendarDate(meeting.date) !== null)
    .map((meeting) => ({ meeting, daysUntil: daysBetween(today, meeting.date) }))
    .filter(({ daysUntil }) => daysUntil >= 0 && daysUntil <= rules.meetingWithinDays)
    .sort((a, b) => compareMeetings(a.meeting, b.meeting))
    .map(({ meeting, daysUntil }) => ({
      meeting,
      daysUntil,
      reminder: smallestReached(daysUntil, reminderDays),
      followUps: followUpsByDate.get(meeting.date) ?? [],
    }));
}

function dueExpiries(list: BalanceList, today: CalendarDate, rules: DueRules): DueExpiry[] {
  const expiryThresholds = thresholds(rules.expiryThresholds);
  const expiries: DueExpiry[] = [];
  for (const entry of list.entries) {
    const validTo = entry.agreement?.validity.to ?? null;
    if (validTo === null || parseCalendarDate(validTo) === null) continue;
    const daysLeft = daysBetween(today, validTo);
    if (daysLeft < -rules.expiredWithinDays) continue;
    const threshold = smallestReached(daysLeft, expiryThresholds);
    if (threshold === null) continue;
    expiries.push({ entry, threshold, reachedOn: addDays(validTo, -threshold), validTo, daysLeft });
  }
  return expiries.sort(
    (a, b) =>
      (a.validTo < b.validTo ? -1 : a.validTo > b.validTo ? 1 : 0) ||
      titleOrder.compare(a.entry.title, b.entry.title) ||
      a.entry.key.localeCompare(b.entry.key),
  );
}

/**
 * What is due on `today` (a Stockholm date) under `rules`.
 *
 * - `meetings`: every meeting from `today` up to `today + meetingWithinDays`, by date then time,
 *   each with `daysUntil` (0 on the day), `reminder` (the smallest of `meetingReminderDays` that
 *   `daysUntil` has reached, or null) and `followUps` (the entries whose next follow-up is that date,
 *   in list order).
 * - `expiries`: every agreement with a last day of validity that has reached at least one of
 *   `expiryThresholds` (`daysLeft <= t`), with the smallest such threshold and the date it was
 *   reached (`validTo - t`), by last day. Expired agreements stay at threshold 0 for
 *   `expiredWithinDays` days after their last day, and are not due after that.
 *
 * Negative or fractional thresholds in `rules` are ignored.
 */
export function computeDue(list: BalanceList, today: CalendarDate, rules: DueRules): Due {
  if (parseCalendarDate(today) === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${today}"`);
  return { today, meetings: dueMeetings(list, today, rules), expiries: dueExpiries(list, today, rules) };
}
