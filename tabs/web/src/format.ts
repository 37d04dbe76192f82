/**
 * Dates as the forum writes them (`2022-12-31`) and instants as Stockholm wall-clock time,
 * whatever the time zone of the device.
 */
const STOCKHOLM = 'Europe/Stockholm';

const wallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: STOCKHOLM,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2022-12-31 14:05` in Stockholm time, from an ISO instant; the input itself when unreadable. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(wallClock.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** `14:05` in Stockholm time, from an instant. */
export function formatClock(date: Date): string {
  return formatInstant(date.toISOString()).slice(11);
}

const DAY_MS = 86_400_000;

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`); DST cannot shift it since both are UTC midnights. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Milliseconds of a calendar date on a linear axis (UTC midnight). */
export function dateValue(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * Text from the list set apart for the bidirectional algorithm (FIRST STRONG ISOLATE … POP
 * DIRECTIONAL ISOLATE), where no <bdi> element can go: inside an <option> or an attribute. A
 * right-to-left name then cannot pull the count or punctuation beside it into its own direction.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
