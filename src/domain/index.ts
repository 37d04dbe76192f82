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
export { parseValidity } from './validity';
export type { ValidityProblem, ValidityProblemCode, ValidityResult } from './validity';
export { agreementState } from './agreements';
export { problemSeverity } from './problems';
export type { ProblemSeverity } from './problems';
export { DEFAULT_DUE_RULES, computeDue } from './due';
export { compareMeetings } from './meetings';
export { SECTION_ORDER, arrangeEntries } from './tree';
export type { ArrangedEntries, Orphan, OrphanReason } from './tree';
