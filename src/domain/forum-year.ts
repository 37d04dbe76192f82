/**
 * The forum's year: which meetings were held, and which ärenden followed up each part of the
 * balance list. The model the annual report ("Uppföljning"), the tab's view and the bot read.
 */
import { actionStatusOn, actionsForErrand, compareActions, type Action, type ActionStatus } from './actions';
import { agreementState } from './agreements';
import type { Errand, FollowUpProblem, ForumData, ForumMeeting, ForumProfile, SectionedEntry } from './errands';
import { placeErrand } from './errands';
import { comparePartialDates } from './partial-date';
import { compareSections, sectionCoversYear, undefinedSection, type SectionDefinition } from './sections';
import type { AgreementState } from './types';

/** An action with its state on the last day of the year followed up. */
export interface YearAction {
  action: Action;
  statusAtYearEnd: ActionStatus;
}

/** An action open at the year's end, with the ärende that gave it (of any year), when known. */
export interface OpenYearAction extends YearAction {
  errand: Errand | null;
}

/** An ärende of the year with the meeting it went to, when that meeting is known, and the actions it gave. */
export interface YearErrand {
  errand: Errand;
  meeting: ForumMeeting | null;
  /** The actions the ärende gave, by due date, with their state at the year's end. */
  actions: YearAction[];
}

/** One entry of the balance list with what followed it up during the year. */
export interface FollowUpRow {
  entry: SectionedEntry;
  /** 0 at the top of its section. */
  depth: number;
  /** The year's ärenden that name this entry, in agenda order. */
  errands: YearErrand[];
  /** True when neither this entry nor any entry under it had an ärende during the year. */
  withoutErrand: boolean;
  /** For agreements: the state on the last day of the year. */
  agreementAtYearEnd: { status: AgreementState; daysLeft: number | null } | null;
}

export interface FollowUpSection {
  section: SectionDefinition;
  rows: FollowUpRow[];
}

export interface MeetingsByKind {
  ordinary: ForumMeeting[];
  extra: ForumMeeting[];
  /** Joint with Västernorrland. */
  joint: ForumMeeting[];
  /** Other events the members took part in. */
  event: ForumMeeting[];
  /** Meetings whose kind is not stated. */
  unspecified: ForumMeeting[];
}

export interface FollowUpYear {
  year: number;
  forum: ForumProfile | null;
  meetings: MeetingsByKind;
  /** False when no meeting of any kind is registered for the year. */
  hasMeetings: boolean;
  /** Sections whose period covers the year, in order, with every entry in document order. */
  sections: FollowUpSection[];
  /** Every ärende of the year, in agenda order. */
  errands: YearErrand[];
  /** Ärenden of the year that name no entry of the balance list that can be found. */
  unplaced: YearErrand[];
  /**
   * Actions still open on 31 December: those given by ärenden of this year or an earlier one (or
   * naming no ärende that can be placed, when due by the year's end), by due date.
   */
  openAtYearEnd: OpenYearAction[];
  /** The list's data-quality problems and those of the year's ärenden. */
  problems: FollowUpProblem[];
}

export interface FollowUpOptions {
  /** An agreement ending within this many days after the year's end counts as expiring. */
  expiringWithinDays: number;
}

export const DEFAULT_FOLLOW_UP_OPTIONS: FollowUpOptions = { expiringWithinDays: 180 };

function compareMeetingsByDate(a: ForumMeeting | null, b: ForumMeeting | null): number {
  if (a === b) return 0;
  if (a === null || a.date === null) return b === null || b.date === null ? 0 : 1;
  if (b === null || b.date === null) return -1;
  return comparePartialDates(a.date, b.date) || a.title.localeCompare(b.title, 'sv') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function compareYearErrands(a: YearErrand, b: YearErrand): number {
  return (
    compareMeetingsByDate(a.meeting, b.meeting) || a.errand.order - b.errand.order || (a.errand.key < b.errand.key ? -1 : a.errand.key > b.errand.key ? 1 : 0)
  );
}

/** A section's entries depth-first, siblings by order; entries whose parent is elsewhere start a branch. */
function documentOrder(entries: readonly SectionedEntry[]): Array<{ entry: SectionedEntry; depth: number }> {
  const keys = new Set(entries.map((entry) => entry.key));
  const children = new Map<string | null, SectionedEntry[]>();
  for (const entry of entries) {
    const parent = entry.parentKey !== null && keys.has(entry.parentKey) ? entry.parentKey : null;
    children.set(parent, [...(children.get(parent) ?? []), entry]);
  }
  for (const siblings of children.values()) {
    siblings.sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  const placed: Array<{ entry: SectionedEntry; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (entry: SectionedEntry, depth: number): void => {
    if (seen.has(entry.key)) return;
    seen.add(entry.key);
    placed.push({ entry, depth });
    for (const child of children.get(entry.key) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Entries in a loop of parents are reached from no top: they are still shown, at the end.
  for (const entry of entries) visit(entry, 0);
  return placed;
}

/**
 * Builds the follow-up of one year from the forum's data.
 *
 * - Meetings: those whose (possibly partial) date falls in the year, by kind, in the order they
 *   were held as far as it is known: a meeting known only to its month after the dated ones of
 *   that month, one known only to its year after all the year's others (`comparePartialDates`).
 * - Ärenden: an ärende belongs to the year of its meeting, or to its own `year` when the meeting
 *   is not known. One naming a meeting or entry that does not exist is kept (under the entries it
 *   can be placed under, else in `unplaced`) and reported as a problem, never dropped.
 * - Sections: those whose period covers the year, in order; each entry of the balance list with
 *   the year's ärenden that name it; `withoutErrand` marks the parts the forum did not take up.
 * - Agreements: their state on 31 December of the year.
 * - Actions: under the ärende that gave them, with their state on 31 December; those still open
 *   then (given this year or before) listed together.
 */
export function buildForumYear(data: ForumData, year: number, options: FollowUpOptions = DEFAULT_FOLLOW_UP_OPTIONS): FollowUpYear {
  const meetingsOfYear = data.meetings.filter((meeting) => meeting.date !== null && meeting.date.year === year).sort(compareMeetingsByDate);
  const meetings: MeetingsByKind = { ordinary: [], extra: [], joint: [], event: [], unspecified: [] };
  for (const meeting of meetingsOfYear) meetings[meeting.kind ?? 'unspecified'].push(meeting);

  const entryKeys = new Set(data.entries.map((entry) => entry.key));
  const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
  const atYearEnd = (action: Action): YearAction => ({ action, statusAtYearEnd: actionStatusOn(action, yearEnd) });
  const errands: YearErrand[] = [];
  const problems: FollowUpProblem[] = [...data.problems];
  const errandYears = new Map<string, number | null>();
  for (const errand of data.errands) {
    const placed = placeErrand(errand, data.meetings, entryKeys);
    errandYears.set(errand.key, placed.year);
    // An ärende of no known year is in no year's follow-up, but every year's count names its problem.
    if (placed.year !== null && placed.year !== year) continue;
    problems.push(...placed.problems);
    if (placed.year !== null) errands.push({ errand, meeting: placed.meeting, actions: actionsForErrand(data.actions, errand.key).map(atYearEnd) });
  }
  errands.sort(compareYearErrands);
  const givenBy = (action: Action): number | null => (action.errandKey === null ? null : (errandYears.get(action.errandKey) ?? null));
  const openAtYearEnd = data.actions
    .filter((action) => {
      const given = givenBy(action);
      const inYear = given !== null ? given <= year : action.due !== null && action.due <= yearEnd;
      return inYear && actionStatusOn(action, yearEnd) === 'open';
    })
    .sort(compareActions)
    .map((action): OpenYearAction => ({ ...atYearEnd(action), errand: data.errands.find((errand) => errand.key === action.errandKey) ?? null }));

  const byEntry = new Map<string, YearErrand[]>();
  for (const yearErrand of errands) {
    for (const key of new Set(yearErrand.errand.entryKeys)) byEntry.set(key, [...(byEntry.get(key) ?? []), yearErrand]);
  }
  const unplaced = errands.filter(({ errand }) => !errand.entryKeys.some((key) => entryKeys.has(key)));

  const rowsOf = (section: SectionDefinition, entries: readonly SectionedEntry[]): FollowUpSection => {
    const placed = documentOrder(entries);
    const rows = placed.map(({ entry, depth }): FollowUpRow => ({
      entry,
      depth,
      errands: byEntry.get(entry.key) ?? [],
      withoutErrand: true,
      agreementAtYearEnd: entry.agreement === null ? null : agreementState(entry.agreement.validity, yearEnd, options.expiringWithinDays),
    }));
    // A row is followed up when it or anything under it (the rows after it, deeper) had an ärende.
    for (let index = rows.length - 1; index >= 0; index -= 1) {
      const row = rows[index] as FollowUpRow;
      let followed = row.errands.length > 0;
      for (let next = index + 1; !followed && next < rows.length && (rows[next] as FollowUpRow).depth > row.depth; next += 1) {
        followed = !(rows[next] as FollowUpRow).withoutErrand;
      }
      row.withoutErrand = !followed;
    }
    return { section, rows };
  };
  const sections = [...data.sections]
    .filter((section) => sectionCoversYear(section, year))
    .sort(compareSections)
    .map((section) =>
      rowsOf(
        section,
        data.entries.filter((entry) => entry.sectionKey === section.key),
      ),
    );
  const known = new Set(data.sections.map((section) => section.key));
  const homeless = data.entries.filter((entry) => !known.has(entry.sectionKey));
  if (homeless.length > 0) {
    // Entries naming a section that does not exist stay visible in a nameless last section.
    sections.push(rowsOf(undefinedSection('', ''), homeless));
  }

  return { year, forum: data.forum, meetings, hasMeetings: meetingsOfYear.length > 0, sections, errands, unplaced, openAtYearEnd, problems };
}
