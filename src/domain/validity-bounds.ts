/**
 * One end of a validity period as a secretariat types it: a year, an ISO date, a day-first
 * numeric date ("31/12/2023", "31.12.2023", "31/12 2023") or a date with a Swedish month name,
 * full or abbreviated ("31 dec 2023", "31:a december 2023", "december 2023").
 *
 * Texts arrive normalized (lower case, one kind of dash, single spaces). Forms that could mean
 * two different days are refused rather than guessed: two-digit years ("1.1.23") and dates that
 * name no year at all, unless the other end of a range gives the year ("1 jan–31 dec 2023").
 */
import { parseCalendarDate } from './dates';
import type { CalendarDate } from './types';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** A text the validity reader cannot take as a period, with the reason in plain English. */
export class Unreadable extends Error {}

const MONTHS: ReadonlyArray<readonly [number, string]> = [
  [1, 'jan(?:uari)?'],
  [2, 'feb(?:ruari)?'],
  [3, 'mar(?:s)?'],
  [4, 'apr(?:il)?'],
  [5, 'maj'],
  [6, 'jun(?:i)?'],
  [7, 'jul(?:i)?'],
  [8, 'aug(?:usti)?'],
  [9, 'sep(?:t(?:ember)?)?'],
  [10, 'okt(?:ober)?'],
  [11, 'nov(?:ember)?'],
  [12, 'dec(?:ember)?'],
];
const MONTH = `(?:${MONTHS.map(([, pattern]) => pattern).join('|')})`;
const MONTH_NAMES = MONTHS.map(([month, pattern]) => [month, new RegExp(`^${pattern}$`, 'u')] as const);

const ISO = String.raw`\d{4}-\d{2}-\d{2}`;
const YEAR_FIRST = String.raw`\d{4}[./]\d{1,2}[./]\d{1,2}`;
// The year may be missing (it can come from the other end) or short (refused with a reason).
const DAY_FIRST = String.raw`\d{1,2}[./]\d{1,2}(?:(?:[./] ?| )\d{2,4})?`;
// "31 dec 2023", "31:a december 2023", "den 1 jan. 2023", "december 2023", "31 dec".
const NAMED = String.raw`(?:den )?(?:\d{1,2}(?::[ae])?\.? ?)?${MONTH}\.?(?: ?\d{2,4})?`;

/** Any one bound, without capture groups, for building the whole-text patterns. */
export const BOUND = `(?:${ISO}|${YEAR_FIRST}|${DAY_FIRST}|${NAMED}|\\d{4})`;

const FORMS = {
  year: /^(\d{4})$/u,
  iso: /^(\d{4})-(\d{2})-(\d{2})$/u,
  yearFirst: /^(\d{4})[./](\d{1,2})[./](\d{1,2})$/u,
  dayFirst: /^(\d{1,2})[./](\d{1,2})(?:(?:[./] ?| )(\d{2,4}))?$/u,
  named: new RegExp(String.raw`^(?:den )?(?:(\d{1,2})(?::[ae])?\.? ?)?(${MONTH})\.?(?: ?(\d{2,4}))?$`, 'u'),
} as const;

/** What a bound names: a whole year, a whole month or one day; `year` null when it names none. */
export interface BoundParts {
  text: string;
  year: number | null;
  month: number | null;
  day: number | null;
}

function monthNumber(name: string): number {
  const found = MONTH_NAMES.find(([, pattern]) => pattern.test(name));
  return found ? found[0] : 0;
}

function yearOf(text: string | undefined, bound: string): number | null {
  if (text === undefined) return null;
  if (text.length !== 4) {
    throw new Unreadable(`the year in "${bound}" has ${text.length} digits, so the century would be a guess (write it with four digits)`);
  }
  const year = Number(text);
  if (year < MIN_YEAR || year > MAX_YEAR) throw new Unreadable(`the year ${text} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  return year;
}

/** Splits a bound into year, month and day, or says why it cannot be read. */
export function boundParts(text: string): BoundParts {
  let match: RegExpExecArray | null;
  if ((match = FORMS.year.exec(text))) return { text, year: yearOf(match[1], text), month: null, day: null };
  if ((match = FORMS.iso.exec(text) ?? FORMS.yearFirst.exec(text))) {
    return { text, year: yearOf(match[1], text), month: Number(match[2]), day: Number(match[3]) };
  }
  if ((match = FORMS.dayFirst.exec(text))) {
    return { text, year: yearOf(match[3], text), month: Number(match[2]), day: Number(match[1]) };
  }
  if ((match = FORMS.named.exec(text))) {
    return { text, year: yearOf(match[3], text), month: monthNumber(match[2] as string), day: match[1] === undefined ? null : Number(match[1]) };
  }
  throw new Unreadable('it is not a form the app understands');
}

const pad = (value: number): string => String(value).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The bound as the first day it covers (start) or the last (end). A bound without a year takes
 * `fallbackYear` (the year the other end of a range names); without one it cannot be read.
 */
export function boundDate(parts: BoundParts, side: 'start' | 'end', fallbackYear: number | null = null): CalendarDate {
  const year = parts.year ?? fallbackYear;
  if (year === null) throw new Unreadable(`"${parts.text}" does not say which year`);
  if (parts.month === null) return side === 'start' ? `${year}-01-01` : `${year}-12-31`;
  if (parts.month < 1 || parts.month > 12) throw new Unreadable(`"${parts.text}" is not a real date`);
  const day = parts.day ?? (side === 'start' ? 1 : lastDayOfMonth(year, parts.month));
  const date = parseCalendarDate(`${year}-${pad(parts.month)}-${pad(day)}`);
  if (!date) throw new Unreadable(`"${parts.text}" is not a real date`);
  return date;
}
