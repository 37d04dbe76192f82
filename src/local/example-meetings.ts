/**
 * Example meetings for the local demo, so that a fresh start has upcoming meetings to show and
 * remind about. They are not the forum's decisions: every title starts with "Exempel:" and every
 * note says so.
 *
 * The pattern follows how SVOM meets (four ordinary meetings a year, one of them together with
 * Västernorrland): the third Thursday of February, May, September and November, the September
 * one joint. Each slot's next date after `today` is used, so the examples cover the coming
 * twelve months and are the same for the same date.
 */
import { addDays, parseCalendarDate } from '../domain/dates';
import type { CalendarDate } from '../domain/types';

export const EXAMPLE_TITLE_PREFIX = 'Exempel:';

export const EXAMPLE_NOTE = 'Exempeldata för att visa appen – inget beslutat möte. Ta bort eller ersätt med forumets riktiga mötesdatum.';

/** Days between the item deadline and the meeting. */
export const EXAMPLE_DEADLINE_DAYS = 14;

interface Slot {
  month: number;
  joint: boolean;
}

const SLOTS: readonly Slot[] = [
  { month: 2, joint: false },
  { month: 5, joint: false },
  { month: 9, joint: true },
  { month: 11, joint: false },
];

const THURSDAY = 4; // Date#getUTCDay

/** The third Thursday of a month. */
function thirdThursday(year: number, month: number): CalendarDate {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const firstThursday = 1 + ((THURSDAY - firstWeekday + 7) % 7);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(firstThursday + 14).padStart(2, '0')}`;
}

/** The last ordinary meeting date (the slots that are not joint) strictly before `today`. */
export function previousExampleDate(today: CalendarDate): CalendarDate {
  if (parseCalendarDate(today) === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${today}"`);
  const year = Number(today.slice(0, 4));
  const dates = [year - 1, year].flatMap((candidate) => SLOTS.filter((slot) => !slot.joint).map((slot) => thirdThursday(candidate, slot.month)));
  return dates
    .filter((date) => date < today)
    .sort()
    .at(-1) as CalendarDate;
}

/** The slot's first date strictly after `today`. */
function nextDate(slot: Slot, today: CalendarDate): CalendarDate {
  const year = Number(today.slice(0, 4));
  const thisYear = thirdThursday(year, slot.month);
  return thisYear > today ? thisYear : thirdThursday(year + 1, slot.month);
}

/**
 * The example meetings after `today` (a Stockholm date), in date order, as fields of the
 * meetings list (SharePoint schema).
 */
export function exampleMeetingFields(today: CalendarDate): Array<Record<string, unknown>> {
  if (parseCalendarDate(today) === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${today}"`);
  return SLOTS.map((slot) => ({ slot, date: nextDate(slot, today) }))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(({ slot, date }) => ({
      Title: slot.joint ? `${EXAMPLE_TITLE_PREFIX} SVOM gemensamt med Västernorrland` : `${EXAMPLE_TITLE_PREFIX} SVOM ordinarie möte`,
      MeetingDate: date,
      StartTime: slot.joint ? '10:00' : '09:00',
      MeetingKind: slot.joint ? 'Gemensamt med Västernorrland' : 'Ordinarie',
      Location: slot.joint ? 'Meddelas senare' : 'Östersund',
      ItemDeadline: addDays(date, -EXAMPLE_DEADLINE_DAYS),
      PreparingGroups: ['Fredagsgruppen', 'L-IFO'],
      Notes: EXAMPLE_NOTE,
    }));
}
