/**
 * The order meetings are listed in.
 */
import type { Meeting } from './types';

/** Swedish alphabetical order (å, ä, ö after z); one collator, as creating one per comparison is slow. */
const titleOrder = new Intl.Collator('sv');

/**
 * Orders meetings by date, then start time (a meeting whose time is not decided comes after the
 * timed ones that day), then title and id so that the order is the same on every read.
 */
export function compareMeetings(a: Meeting, b: Meeting): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.time !== b.time) {
    if (a.time === null) return 1;
    if (b.time === null) return -1;
    return a.time < b.time ? -1 : 1;
  }
  return titleOrder.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
