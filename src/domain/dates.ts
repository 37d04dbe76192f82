/**
 * Calendar dates (`YYYY-MM-DD`) and their relation to instants in Europe/Stockholm.
 *
 * Calendar arithmetic is done on proleptic Gregorian day numbers, never on local `Date`
 * fields, and every conversion between an instant and a Stockholm date goes through
 * `Intl.DateTimeFormat` with an explicit time zone, so nothing depends on the process `TZ`.
 */
import type { CalendarDate } from './types';

/** The forum's time zone: every calendar date in the domain is a date here. */
export const STOCKHOLM = 'Europe/Stockholm';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** An ISO 8601 instant with an explicit zone, as Graph writes date and dateTime columns. */
const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
const MS_PER_DAY = 86_400_000;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function splitDate(text: string): Ymd | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function requireDate(date: CalendarDate): Ymd {
  const parts = splitDate(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return parts;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function formatYmd({ year, month, day }: Ymd): CalendarDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Milliseconds since the epoch of midnight UTC on the date; years below 100 are not shifted to 19xx. */
function utcMidnight({ year, month, day }: Ymd): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function epochDay(parts: Ymd): number {
  return Math.round(utcMidnight(parts) / MS_PER_DAY);
}

function fromEpochDay(days: number): Ymd {
  const date = new Date(days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Parses a strict `YYYY-MM-DD` that names a real date (leap years included).
 * Returns null for anything else: other formats, surrounding spaces, 2022-02-30, 2022-13-01.
 */
export function parseCalendarDate(text: string): CalendarDate | null {
  if (typeof text !== 'string') return null;
  const parts = splitDate(text);
  return parts ? formatYmd(parts) : null;
}

/**
 * The date `days` calendar days after `date` (before it when negative).
 * Throws a RangeError when `date` is not a valid `YYYY-MM-DD` or `days` is not an integer.
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs a whole number of days, got ${days}`);
  return formatYmd(fromEpochDay(epochDay(requireDate(date)) + days));
}

/**
 * Calendar days from `from` to `to`: 0 on the same date, positive when `to` is later,
 * negative when it is earlier. Daylight-saving changes do not matter (no instants involved).
 * Throws a RangeError when either is not a valid `YYYY-MM-DD`.
 */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return epochDay(requireDate(to)) - epochDay(requireDate(from));
}

/** Weekday of a calendar date, 1 = Monday … 7 = Sunday. */
function weekdayOf(date: CalendarDate): number {
  const sundayIsZero = new Date(utcMidnight(requireDate(date))).getUTCDay();
  return sundayIsZero === 0 ? 7 : sundayIsZero;
}

const stockholmFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: STOCKHOLM,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
  era: 'short',
});

interface WallClock extends Ymd {
  hour: number;
  minute: number;
  second: number;
}

function stockholmWallClock(instant: Date): WallClock {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  const values: Record<string, string> = {};
  for (const part of stockholmFormat.formatToParts(instant)) values[part.type] = part.value;
  const yearOfEra = Number(values.year);
  // Dates before year 1 only occur on garbage input; keep them monotonic rather than mirrored.
  const year = values.era === 'BC' || values.era === 'B' ? 1 - yearOfEra : yearOfEra;
  return {
    year,
    month: Number(values.month),
    day: Number(values.day),
    // Some engines write midnight as 24 even with h23; it is the start of the same day.
    hour: Number(values.hour) % 24,
    minute: Number(values.minute),
    second: Number(values.second),
  };
}

/** The Stockholm calendar date at `instant`, whatever the process time zone. */
export function stockholmDateOf(instant: Date): CalendarDate {
  return formatYmd(stockholmWallClock(instant));
}

/**
 * The Stockholm wall clock at `instant`: calendar date, time `HH:MM` (24-hour) and weekday
 * (1 = Monday … 7 = Sunday). Used by schedulers that act at a local hour on working days.
 */
export function stockholmClockOf(instant: Date): { date: CalendarDate; time: string; weekday: number } {
  const wall = stockholmWallClock(instant);
  const date = formatYmd(wall);
  return { date, time: `${pad(wall.hour)}:${pad(wall.minute)}`, weekday: weekdayOf(date) };
}

/**
 * Turns a date-only value as Graph returns it into the Stockholm calendar date.
 *
 * SharePoint stores a date-only column as midnight in the site's time zone and Graph returns
 * that as a UTC instant: 2022-12-31 comes back as `2022-12-30T23:00:00Z` (winter, UTC+1) and
 * 2022-06-15 as `2022-06-14T22:00:00Z` (summer, UTC+2). A plain `YYYY-MM-DD` (as the local store
 * writes it) is taken as it is. Anything else, including impossible dates such as
 * `2022-02-30T00:00:00Z`, gives null.
 */
export function stockholmDateFromInstant(text: string): CalendarDate | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  const plain = parseCalendarDate(trimmed);
  if (plain) return plain;
  const match = INSTANT_PATTERN.exec(trimmed);
  if (!match || !parseCalendarDate(match[1] ?? '')) return null;
  const instant = new Date(trimmed);
  if (Number.isNaN(instant.getTime())) return null;
  return stockholmDateOf(instant);
}

/** Stockholm's offset from UTC at `ms`, in milliseconds (3 600 000 in winter, 7 200 000 in summer). */
function offsetAt(ms: number): number {
  const wall = stockholmWallClock(new Date(ms));
  const wallAsUtc = utcMidnight(wall) + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000;
  return wallAsUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant at which Stockholm's wall clock shows `time` (`HH:MM`, default `00:00`) on `date`.
 *
 * Daylight saving is handled both ways, as `Temporal`'s "compatible" disambiguation does:
 * a time skipped in spring (02:30 on the last Sunday of March) moves forward by the gap
 * (03:30 CEST), and a time that occurs twice in autumn (02:30 on the last Sunday of October)
 * is the first of the two (CEST). Throws a RangeError when `date` or `time` is malformed.
 */
export function stockholmInstant(date: CalendarDate, time: string = '00:00'): Date {
  const parts = requireDate(date);
  const clock = TIME_PATTERN.exec(time);
  if (!clock) throw new RangeError(`Not a time (HH:MM): "${time}"`);
  const wallAsUtc = utcMidnight(parts) + (Number(clock[1]) * 60 + Number(clock[2])) * 60_000;
  const offsetBefore = offsetAt(wallAsUtc - MS_PER_DAY);
  const offsetAfter = offsetAt(wallAsUtc + MS_PER_DAY);
  const matches = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].filter((candidate) => offsetAt(candidate) === wallAsUtc - candidate);
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In the spring gap: read the wall time with the offset in force before the change.
  return new Date(wallAsUtc - offsetBefore);
}
