/**
 * Dates and lists as the cards show them: `YYYY-MM-DD` with the weekday where a person plans
 * by it, group lists joined, everything from SharePoint escaped for card markdown.
 */
import type { Language } from '../contracts';
import { daysBetween, parseCalendarDate, stockholmClockOf, stockholmInstant } from '../../src/domain/dates';
import type { CalendarDate } from '../../src/domain/types';
import { cleanText } from '../../src/report/text';
import { escapeMarkdown, truncate } from './markdown';
import { weekdayName } from './strings';

/** 1 = Monday … 7 = Sunday, for a Stockholm calendar date. */
export function weekdayOf(date: CalendarDate): number {
  // Noon is never skipped or repeated by a DST change.
  return stockholmClockOf(stockholmInstant(date, '12:00')).weekday;
}

/** "tisdag 2022-12-13" / "Tuesday 2022-12-13"; the text as given when it is not a date. */
export function dateWithWeekday(date: CalendarDate, language: Language): string {
  if (parseCalendarDate(date) === null) return date;
  const name = weekdayName(weekdayOf(date), language);
  return `${name} ${date}`;
}

/** The ISO 8601 week number of a date (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: CalendarDate): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(year, month - 1, day));
  const weekday = utc.getUTCDay() || 7;
  utc.setUTCDate(utc.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(utc.getUTCFullYear(), 0, 1);
  return Math.ceil(((utc.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** Untrusted text made safe for a markdown TextBlock or fact: cleaned, shortened, escaped. */
export function safe(text: string | null | undefined, max = 400): string {
  if (!text) return '';
  return escapeMarkdown(truncate(cleanText(text).trim(), max));
}

/** Groups or forums, each escaped, joined with commas. */
export function safeList(values: readonly string[]): string {
  return values
    .map((value) => safe(value, 80))
    .filter(Boolean)
    .join(', ');
}

/** Days from `today` to `date`, or null when either is not a date. */
export function daysFrom(today: CalendarDate, date: CalendarDate | null): number | null {
  if (!date || parseCalendarDate(date) === null || parseCalendarDate(today) === null) return null;
  return daysBetween(today, date);
}
