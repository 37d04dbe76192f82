/** The balance list's domain: pure types and rules, no I/O. */
export type * from './types';
export { STOCKHOLM, addDays, daysBetween, parseCalendarDate, stockholmClockOf, stockholmDateFromInstant, stockholmDateOf, stockholmInstant } from './dates';
export { parseValidity } from './validity';
export type { ValidityProblem, ValidityProblemCode, ValidityResult } from './validity';
export { agreementState } from './agreements';
export { problemSeverity } from './problems';
export type { ProblemSeverity } from './problems';
export { DEFAULT_DUE_RULES, computeDue } from './due';
export { compareMeetings } from './meetings';
export { meetingLinkProblems, meetingOfJoinLink, meetingOfTeamsContext } from './meeting-links';
export type { LinkedMeeting, TeamsMeetingIds } from './meeting-links';
export { SECTION_ORDER, arrangeEntries } from './tree';
export type { ArrangedEntries, Orphan, OrphanReason } from './tree';
export { comparePartialDates, datePrecision, isValidPartialDate, partialDateFromCalendar } from './partial-date';
export type { DatePrecision, PartialDate } from './partial-date';
export { builtInSections, compareSections, parsePeriod, sectionCoversYear } from './sections';
export type { SectionDefinition } from './sections';
export { refersTo } from './errands';
export type {
  Errand,
  ErrandKind,
  ErrandStatus,
  FollowUpListName,
  FollowUpProblem,
  FollowUpProblemCode,
  ForumData,
  ForumMeeting,
  ForumMeetingKind,
  ForumProfile,
  MeetingRef,
  SectionedEntry,
} from './errands';
export { DEFAULT_FOLLOW_UP_OPTIONS, buildForumYear } from './forum-year';
export type { FollowUpOptions, FollowUpRow, FollowUpSection, FollowUpYear, MeetingsByKind, OpenYearAction, YearAction, YearErrand } from './forum-year';
export { actionStatusOn, actionTiming, actionsForErrand, compareActions, daysLate, openActions } from './actions';
export type { Action, ActionStatus, ActionTiming, PersonRef } from './actions';
