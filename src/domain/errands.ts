/**
 * Ärenden: the items on the forum's agendas, each going to a meeting and concerning one or more
 * entries of the balance list, and the meetings and forum profile the year's follow-up reads.
 * Pure types and small rules; the field mapping (`src/lists/forum-year-mapping.ts`) builds them.
 */
import type { Action } from './actions';
import { meetingLinkProblems } from './meeting-links';
import type { PartialDate } from './partial-date';
import type { SectionDefinition } from './sections';
import type { Entry, MeetingKind, Problem, ProblemCode } from './types';

/** What an ärende asks of the meeting: information, beslut, diskussion or uppföljning. */
export type ErrandKind = 'information' | 'decision' | 'discussion' | 'follow-up';

/** Where an ärende stands: anmält, berett, behandlat, bordlagt, återremitterat. */
export type ErrandStatus = 'reported' | 'prepared' | 'handled' | 'tabled' | 'referred-back';

/** The meeting an ärende goes to, as the item names it: by key, by list item id (a lookup), or both. */
export interface MeetingRef {
  key: string | null;
  id: string | null;
}

/** One ärende of the list "Ärenden SVOM". */
export interface Errand {
  /** The list item's id. */
  id: string;
  /** Stable key written by the secretariat or the import, e.g. "2017-psykisk-1". */
  key: string;
  title: string;
  /** The meeting it goes to; null when the item does not say. */
  meeting: MeetingRef | null;
  /**
   * The year it was on the agenda, for an ärende whose meeting is not known (the 2017 follow-up
   * names no meeting per ärende); null when not written.
   */
  year: number | null;
  /** Keys of the balance-list entries it concerns, as written, in order. */
  entryKeys: string[];
  /** The group that prepared it (Fredagsgruppen, L-IFO, or any other written name); '' when not stated. */
  preparingGroup: string;
  kind: ErrandKind | null;
  status: ErrandStatus | null;
  /** The decision, or notes; plain text, '' when none. */
  decision: string;
  /** A link to its documents (http or https only). */
  documentLink: string | null;
  /** Position on the agenda (or among the year's ärenden), ascending. */
  order: number;
  eTag: string;
  editUrl: string;
}

/** The kinds of meeting the follow-up counts. `event` is another event the members took part in. */
export type ForumMeetingKind = 'ordinary' | 'extra' | 'joint' | 'event';

/** The follow-up's word for a meeting kind of the meetings list: the one place `joint` is made. */
export function forumMeetingKind(kind: MeetingKind): ForumMeetingKind {
  return kind === 'joint-vasternorrland' ? 'joint' : kind;
}

/** A meeting as the follow-up reads it: possibly known only to the month or the year. */
export interface ForumMeeting {
  id: string;
  /** Stable key ärenden refer to; '' when the item has none (it can then be referred to by id). */
  key: string;
  title: string;
  /** The date as far as it is known; null when not even the year is written. */
  date: PartialDate | null;
  kind: ForumMeetingKind | null;
  /** Why an extra meeting was called, or what an event was about; '' when not stated. */
  subject: string;
  notes: string;
  /** The meeting's link (`MeetingLink`, http or https), normally its Teams join link; null when none. */
  link: string | null;
  editUrl: string;
}

/** The forum as it describes itself: the secretariat edits this, the report prints it. */
export interface ForumProfile {
  /** "Sociala vård- och omsorgsgruppen". */
  name: string;
  /** "SVOM". */
  shortName: string;
  description: string;
  representationMunicipalities: string;
  representationRegion: string;
  /** The region's name as the representation heading prints it ("Region Jämtland Härjedalen"); '' when not given. */
  regionName: string;
  /** Who else usually takes part, and why. */
  otherParticipants: string;
  /** How ärenden are prepared (the groups and what each prepares). */
  preparation: string;
  /** The ordinary meeting plan in words ("fyra gånger per år ..."). */
  meetingPlan: string;
  /** Ordinary meetings a year by the plan (joint ones included); null when not stated. */
  plannedMeetingsPerYear: number | null;
  /** Where the goals followed up come from ("Uppföljning av mål"). */
  goalsText: string;
  /** What the balance list is to the forum ("Balanslista"). */
  balanceListText: string;
}

/** A balance-list entry whose section is a key into the list of sections. */
export type SectionedEntry = Omit<Entry, 'section'> & { sectionKey: string };

/** The lists the follow-up reads (the same as `ListName` of the ports, which domain does not import). */
export type FollowUpListName = 'balance' | 'meetings' | 'errands' | 'forum' | 'sections' | 'actions';

/** Problem codes of the follow-up: the same codes Datakvalitet lists, so every problem counted is listed. */
export type FollowUpProblemCode = ProblemCode;

/** A data-quality problem of the follow-up; never fatal, always shown. */
export interface FollowUpProblem {
  list: FollowUpListName;
  itemId: string;
  title: string;
  field: string | null;
  code: FollowUpProblemCode;
  value: string;
  /** Plain English for logs; the UI and report build their own text from `code`. */
  message: string;
  editUrl: string;
}

/** Everything the year's follow-up is built from, as mapped from the lists. */
export interface ForumData {
  sections: SectionDefinition[];
  entries: SectionedEntry[];
  meetings: ForumMeeting[];
  errands: Errand[];
  /** The actions (uppdrag) of "Uppdrag SVOM", in list order. */
  actions: Action[];
  forum: ForumProfile | null;
  problems: FollowUpProblem[];
}

/** Whether a meeting ref names this meeting (by key first, then by item id). */
export function refersTo(ref: MeetingRef, meeting: { id: string; key: string }): boolean {
  if (ref.key !== null && meeting.key !== '') return ref.key === meeting.key;
  return ref.id !== null && ref.id === meeting.id;
}

const byOrder = (a: Errand, b: Errand): number => a.order - b.order || a.title.localeCompare(b.title, 'sv');

/** The ärenden that go to `meeting`, in agenda order: the meeting's agenda so far. */
export function errandsForMeeting(errands: readonly Errand[], meeting: { id: string; key: string }): Errand[] {
  return errands.filter((errand) => errand.meeting !== null && refersTo(errand.meeting, meeting)).sort(byOrder);
}

/** The ärenden that concern the balance-list entry `entryKey`, in agenda order: the entry's history. */
export function errandsForEntry(errands: readonly Errand[], entryKey: string): Errand[] {
  return errands.filter((errand) => errand.entryKeys.includes(entryKey)).sort(byOrder);
}

/** How an ärende names its meeting, for people: the key as written, else the lookup's item id ("#12"). */
export function meetingRefName(ref: MeetingRef): string {
  return ref.key ?? `#${ref.id ?? ''}`;
}

/** Where an ärende belongs: the meeting it names when that exists, its year, and what is wrong on the way. */
export interface ErrandPlacement {
  meeting: ForumMeeting | null;
  /** The meeting's year, else the ärende's own; null when neither is known. */
  year: number | null;
  problems: FollowUpProblem[];
}

function problemOf(errand: Errand, code: ProblemCode, field: string, value: string, message: string): FollowUpProblem {
  return { list: 'errands', itemId: errand.id, title: errand.title, field, code, value, message, editUrl: errand.editUrl };
}

/**
 * Places an ärende: the meeting it names, the year it belongs to (the meeting's year wins over its
 * own), and its broken references (`unknown-meeting`, `unknown-entry`), a year that differs from
 * its meeting's (`year-conflict`) or no year at all (`no-year`). The one rule the year's
 * follow-up and Datakvalitet both use, so what one counts the other lists.
 */
export function placeErrand(errand: Errand, meetings: readonly ForumMeeting[], entryKeys: ReadonlySet<string>): ErrandPlacement {
  const problems: FollowUpProblem[] = [];
  let meeting: ForumMeeting | null = null;
  if (errand.meeting !== null) {
    const ref = errand.meeting;
    meeting = meetings.find((candidate) => refersTo(ref, candidate)) ?? null;
    if (meeting === null) {
      const named = meetingRefName(ref);
      const field = ref.key !== null ? 'MeetingKey' : 'MeetingLookupId';
      problems.push(problemOf(errand, 'unknown-meeting', field, named, `The ärende names meeting "${named}", which is not in the meetings list.`));
    }
  }
  const meetingYear = meeting?.date?.year ?? null;
  if (meetingYear !== null && errand.year !== null && meetingYear !== errand.year) {
    problems.push(
      problemOf(
        errand,
        'year-conflict',
        'ErrandYear',
        String(errand.year),
        `ErrandYear ${errand.year} differs from the year of its meeting (${meetingYear}); the meeting's year is used.`,
      ),
    );
  }
  const year = meetingYear ?? errand.year;
  if (year === null) {
    problems.push(problemOf(errand, 'no-year', 'ErrandYear', '', 'Neither the ärende nor its meeting says which year it was on the agenda.'));
  }
  for (const key of errand.entryKeys.filter((candidate) => !entryKeys.has(candidate))) {
    problems.push(problemOf(errand, 'unknown-entry', 'EntryKeys', key, `The ärende names balance-list entry "${key}", which is not in the list.`));
  }
  return { meeting, year, problems };
}

/**
 * The data-quality problems the tab's Datakvalitet lists: every problem of the lists (balance,
 * meetings, sections, ärenden, forum profile) once, then every ärende's problems from
 * `placeErrand` (a meeting or balance-list entry that does not exist, a year conflict, no year).
 * Then each action that names no known ärende or is due before its meeting, each day with more
 * than one meeting, and each meeting link the side panel cannot find a meeting by (not a Teams
 * join link, or one an earlier meeting has too). Such items are kept and shown, never dropped.
 * Every problem a year's follow-up counts is one of these.
 */
export function dataQualityProblems(data: ForumData): Problem[] {
  const problems: Problem[] = [...data.problems];
  const entryKeys = new Set(data.entries.map((entry) => entry.key));
  for (const errand of data.errands) problems.push(...placeErrand(errand, data.meetings, entryKeys).problems);
  problems.push(...actionReferenceProblems(data), ...sameDayMeetings(data.meetings), ...meetingLinkProblems(data.meetings));
  return problems;
}

/** The meeting an ärende goes to, if it is in the list. */
export function meetingOfErrand(errand: Errand, meetings: readonly ForumMeeting[]): ForumMeeting | null {
  const ref = errand.meeting;
  return ref === null ? null : (meetings.find((meeting) => refersTo(ref, meeting)) ?? null);
}

const dayOf = (date: PartialDate | null): string | null =>
  date !== null && date.month !== null && date.day !== null
    ? `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
    : null;

/** Actions naming an ärende that is not in the list (or none), and actions due before their meeting. */
function actionReferenceProblems(data: ForumData): Problem[] {
  const problems: Problem[] = [];
  const errands = new Map(data.errands.map((errand) => [errand.key, errand]));
  for (const action of data.actions) {
    const at = { list: 'actions' as const, itemId: action.id, title: action.title, editUrl: action.editUrl };
    const errand = action.errandKey === null ? undefined : errands.get(action.errandKey);
    if (errand === undefined) {
      problems.push({
        ...at,
        field: 'ErrandKey',
        code: 'unknown-errand',
        value: action.errandKey ?? '',
        message:
          action.errandKey === null
            ? 'The action names no ärende (ErrandKey); it belongs to no meeting.'
            : `The action names ärende "${action.errandKey}", which is not in the ärenden list.`,
      });
      continue;
    }
    const meeting = meetingOfErrand(errand, data.meetings);
    const meetingDay = meeting === null ? null : dayOf(meeting.date);
    if (action.due !== null && meetingDay !== null && action.due < meetingDay) {
      problems.push({
        ...at,
        field: 'DueDate',
        code: 'due-before-meeting',
        value: action.due,
        message: `The action is due ${action.due}, before the meeting of ${meetingDay} that gave it.`,
      });
    }
  }
  return problems;
}

/** One problem per meeting that shares its day with an earlier meeting of the list. */
function sameDayMeetings(meetings: readonly ForumMeeting[]): Problem[] {
  const first = new Map<string, ForumMeeting>();
  const problems: Problem[] = [];
  for (const meeting of meetings) {
    const day = dayOf(meeting.date);
    if (day === null) continue;
    const earlier = first.get(day);
    if (earlier === undefined) {
      first.set(day, meeting);
      continue;
    }
    problems.push({
      list: 'meetings',
      itemId: meeting.id,
      title: meeting.title,
      editUrl: meeting.editUrl,
      field: 'MeetingDate',
      code: 'same-day-meetings',
      value: day,
      message: `The meeting is on ${day}, the same day as "${earlier.title}"; a meeting found by its date is ambiguous that day.`,
    });
  }
  return problems;
}
