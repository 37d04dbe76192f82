/**
 * What the Uppföljning view works out from the data it has: which years to offer, how a date
 * known only to the month or year is written, and how many parts of the list had no ärende.
 */
import type { Errand } from '../../../../src/domain/errands';
import { refersTo } from '../../../../src/domain/errands';
import type { FollowUpYear } from '../../../../src/domain/forum-year';
import type { PartialDate } from '../../../../src/domain/partial-date';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR } from '../../../../src/domain/report-year';
import type { Meeting } from '../../../../src/domain/types';
import type { Strings } from '../i18n/strings';

/** A partial date as given: "2017-06-02", "april 2017", "2017 (datum okänt)"; never a made-up day. */
export function formatPartialDate(date: PartialDate | null, strings: Strings): string {
  if (date === null) return strings.followUp.noDate;
  if (date.month === null) return strings.followUp.yearOnly(date.year);
  if (date.day === null) return strings.followUp.monthDate(date.month, date.year);
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The year an ärende belongs to: its meeting's, else its own; null when neither is known. */
export function errandYear(errand: Errand, meetings: readonly Meeting[]): number | null {
  const ref = errand.meeting;
  const meeting = ref === null ? undefined : meetings.find((candidate) => refersTo(ref, candidate));
  return meeting ? Number(meeting.date.slice(0, 4)) : errand.year;
}

/**
 * The years to choose from, newest first: every year with a meeting or an ärende, the current
 * year and the one chosen (a link may name a year nothing is registered for).
 */
export function yearsOffered(meetings: readonly Meeting[], errands: readonly Errand[], currentYear: number, chosen: number): number[] {
  const years = new Set<number>([currentYear, chosen]);
  for (const meeting of meetings) years.add(Number(meeting.date.slice(0, 4)));
  for (const errand of errands) {
    const year = errandYear(errand, meetings);
    if (year !== null) years.add(year);
  }
  return [...years].filter((year) => Number.isInteger(year) && year >= FIRST_REPORT_YEAR && year <= LAST_REPORT_YEAR).sort((a, b) => b - a);
}

/** How many rows of the year's sections had no ärende, of how many. */
export function withoutErrandCount(year: FollowUpYear): { without: number; total: number } {
  const rows = year.sections.flatMap((section) => section.rows);
  return { without: rows.filter((row) => row.withoutErrand).length, total: rows.length };
}
