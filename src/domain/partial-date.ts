/**
 * A date that may be known only to the year or the month, as the forum's own documents often
 * give it ("i april", or no date at all). Never widened to a day that was not written down.
 */

/** A year, optionally a month (1–12) and, only with a month, a day (1–31). */
export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

/** How precisely a partial date is known. */
export type DatePrecision = 'day' | 'month' | 'year';

export function datePrecision(date: PartialDate): DatePrecision {
  if (date.month === null) return 'year';
  return date.day === null ? 'month' : 'day';
}

/** Whether the parts make a real date (the day exists in its month, month 1–12, four-digit year). */
export function isValidPartialDate(date: PartialDate): boolean {
  if (!Number.isInteger(date.year) || date.year < 1000 || date.year > 9999) return false;
  if (date.month === null) return date.day === null;
  if (!Number.isInteger(date.month) || date.month < 1 || date.month > 12) return false;
  if (date.day === null) return true;
  const lastDay = new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
  return Number.isInteger(date.day) && date.day >= 1 && date.day <= lastDay;
}

/** A partial date from a calendar date `YYYY-MM-DD`; null when the text is not one. */
export function partialDateFromCalendar(text: string): PartialDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date: PartialDate = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidPartialDate(date) ? date : null;
}

/**
 * Orders partial dates by what is known: within a year, a date known to the day or the month comes
 * at its place, and a less precise date comes after every more precise one of the same period
 * (an undated meeting of 2017 is listed after the dated ones of 2017).
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const unknownLast = (value: number | null): number => value ?? Number.MAX_SAFE_INTEGER;
  return a.year - b.year || unknownLast(a.month) - unknownLast(b.month) || unknownLast(a.day) - unknownLast(b.day);
}
