/**
 * How SharePoint stores date-only columns on a site in Europe/Stockholm: the calendar date at
 * local midnight, returned through Graph as a UTC instant ('2022-12-31' → '2022-12-30T23:00:00Z').
 * Written independently of `src/domain/dates.ts` so that tests check one against the other.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function stockholmWallClock(epochMs: number): string {
  const values = Object.fromEntries(parts.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));
  return `${values.year}-${values.month}-${values.day}T${values.hour}:${values.minute}`;
}

/** Graph's instant format: seconds precision, `Z`. */
export function graphInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `2022-12-31` → `2022-12-30T23:00:00Z` (midnight in Stockholm, as UTC). */
export function stockholmMidnightAsUtc(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  for (const offsetHours of [1, 2]) {
    const candidate = Date.UTC(year, month - 1, day) - offsetHours * 3_600_000;
    if (stockholmWallClock(candidate) === `${date}T00:00`) return graphInstant(candidate);
  }
  throw new Error(`Not a calendar date: ${date}`);
}

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
