/** The balance list's domain: pure types and rules, no I/O. */
export type * from './types';
export {
  STOCKHOLM,
  addDays,
  daysBetween,
  parseCalendarDate,
  stockholmClockOf,
  stockholmDateFromInstant,
  stockholmDateOf,
  stockholmInstant,
} from './dates';
