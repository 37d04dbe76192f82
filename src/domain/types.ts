/**
 * The balance list's vocabulary. Pure data: no I/O, nothing from outside `src/domain`.
 *
 * Every date here is a calendar date in Europe/Stockholm written `YYYY-MM-DD`
 * (see `CalendarDate`); instants never cross into the domain.
 */

/** A calendar date in Europe/Stockholm, `YYYY-MM-DD`. */
export type CalendarDate = string;

/**
 * The five sections of the 2022 balance list, used when there is no list of sections ("Avsnitt
 * SVOM"). With such a list, an entry's section is the key of one of its sections (see
 * `SectionDefinition` in ./sections), so a new section needs no new code.
 */
export type Section =
  | 'goals' // Mål för gemensam hälso- och sjukvårdspolitik 2014-2025
  | 'priorities' // SVOM:s prioriterade områden 2019-2022
  | 'strategy' // Gemensam hälso- och sjukvårdspolitik / Strategi för hälsa
  | 'several' // Flera områden
  | 'agreements'; // Överenskommelser och avtal rekommendationsbeslutade av SVOM

/**
 * What kind of row an entry is.
 * - goal-area: a goal area of the joint policy (e.g. "Förbättrad psykisk hälsa")
 * - sub-goal: a goal under a goal area
 * - priority-area: one of SVOM's priority areas (e.g. "Välfärdsteknologi")
 * - heading: a strategy heading (e.g. "Tillgänglig och samordnad hälso- och sjukvård")
 *   or an area under "Flera områden" (e.g. "Upphandling")
 * - topic: a topic under a heading (e.g. "Hemsjukvård")
 * - item: a bullet under a priority area, topic or heading
 * - agreement: a row of the agreements table (carries an `Agreement`)
 */
export type EntryKind = 'goal-area' | 'sub-goal' | 'priority-area' | 'heading' | 'topic' | 'item' | 'agreement';

export type EntryStatus = 'active' | 'not-started' | 'monitoring' | 'paused' | 'done';

export type RevisionStatus = 'not-needed' | 'may-be-needed' | 'started' | 'revised';

/** Validity of an agreement, as written and as understood. */
export interface Validity {
  /** Exactly as written in the list, e.g. "2021-2023", "t.o.m. 2022-12-31", "". */
  text: string;
  /** First day of validity, when it can be told. */
  from: CalendarDate | null;
  /** Last day of validity (inclusive), when it can be told. */
  to: CalendarDate | null;
}

export interface Agreement {
  validity: Validity;
  /** Forums that recommend adoption, e.g. ["SVOM", "Barnarenan"]. */
  recommendingForums: string[];
  revisionStatus: RevisionStatus | null;
  /** Who last changed the revision status, and when (ISO instant). */
  revisionUpdatedBy: string | null;
  revisionUpdatedAt: string | null;
}

/** One row of the balance list. */
export interface Entry {
  /** The list item's id (SharePoint item id, or the local store's id). */
  id: string;
  /** Stable key written by the secretariat or the import, e.g. "mal-1-3". */
  key: string;
  /**
   * Key of the entry's section: one of `Section` when there is no list of sections, else a
   * SectionKey of "Avsnitt SVOM" (or, for a section the list does not define, the text as written).
   */
  section: string;
  kind: EntryKind;
  /** Key of the parent entry; null at the top of a section. */
  parentKey: string | null;
  /** Position among its siblings (ascending). */
  order: number;
  title: string;
  status: EntryStatus | null;
  preparingGroups: string[];
  notes: string;
  nextFollowUp: CalendarDate | null;
  /** Present exactly when `kind === 'agreement'`. */
  agreement: Agreement | null;
  /** The item's eTag, for conditional writes. */
  eTag: string;
  /** Where a person edits this item (SharePoint edit form, or the local file). */
  editUrl: string;
  /** Last modification (ISO instant). */
  modifiedAt: string | null;
}

/** Ordinary, extra, joint with Västernorrland, or another event the members take part in. */
export type MeetingKind = 'ordinary' | 'extra' | 'joint-vasternorrland' | 'event';

export interface Meeting {
  id: string;
  /** Stable key ärenden refer to (column MeetingKey); '' when the item has none. */
  key: string;
  title: string;
  date: CalendarDate;
  /** Start time `HH:MM` in Stockholm, when known. */
  time: string | null;
  kind: MeetingKind | null;
  location: string;
  /** A link to join or read about the meeting. */
  link: string | null;
  /** Last day to submit items for the agenda. */
  itemDeadline: CalendarDate | null;
  preparingGroups: string[];
  notes: string;
  eTag: string;
  editUrl: string;
}

/** Machine-readable problem codes; texts are made from them per language. */
export type ProblemCode =
  | 'missing-title'
  | 'missing-key'
  | 'duplicate-key'
  | 'unknown-parent'
  | 'unknown-choice'
  | 'invalid-date'
  | 'invalid-number'
  | 'invalid-field-type'
  | 'unparseable-validity'
  | 'validity-conflict'
  | 'missing-validity'
  | 'missing-date'
  /** An ärende names a meeting that is not in the meetings list. */
  | 'unknown-meeting'
  /** An ärende names a balance-list entry key that is not in the balance list. */
  | 'unknown-entry'
  /** A balance entry names a section that "Avsnitt SVOM" does not define. */
  | 'unknown-section'
  /** A list the forum's year reads does not exist on the site yet (not provisioned). */
  | 'missing-list'
  /** An action names an ärende that is not in the ärenden list (or names none). */
  | 'unknown-errand'
  /** An action is due before the meeting that gave it. */
  | 'due-before-meeting'
  /** A person column names someone the site no longer knows (removed from the organisation). */
  | 'unknown-person'
  /** Two meetings fall on one day: a meeting found by its date is then ambiguous. */
  | 'same-day-meetings'
  /** A meeting's link is not a Teams meeting join link (another site, plain http): the side panel cannot find the meeting by it. */
  | 'not-a-meeting-link'
  /** Two meetings have the same Teams meeting link: the side panel has to ask which one a Teams meeting is. */
  | 'shared-meeting-link'
  /** An ärende names no meeting that can be found and no year of its own. */
  | 'no-year'
  /** An ärende's own year differs from its meeting's (the meeting's year is used). */
  | 'year-conflict'
  /** The forum list exists but has no row describing the forum. */
  | 'no-forum-profile'
  /** A column the app reads does not exist on the list (a list from before the column was added). */
  | 'missing-column';

/** A data-quality problem found on one list item; never fatal. */
export interface Problem {
  list: 'balance' | 'meetings' | 'errands' | 'forum' | 'sections' | 'actions';
  /** The list item's id; '' for a problem of the whole list (`missing-list`). */
  itemId: string;
  /** The item's title when it has one, so a person can find it. */
  title: string;
  /** The column the problem is in (internal name), when it is one column. */
  field: string | null;
  code: ProblemCode;
  /** The offending value, as text. */
  value: string;
  /** Plain English for logs; the UI builds its own Swedish text from `code`. */
  message: string;
  editUrl: string;
}

/** Derived state of an agreement on a given date. */
export type AgreementState = 'active' | 'expiring' | 'expired' | 'unknown';

/** One section of a balance list, e.g. "SVOM:s prioriterade områden 2019-2022". */
export interface SectionDefinition {
  /** Stable key entries refer to (e.g. "priorities", "svom-strategiska-omraden-2017"). */
  key: string;
  /** The heading as printed. */
  name: string;
  /** Position among the sections, ascending. */
  order: number;
  /** The period as written ("2019-2022"); '' when the section has none. */
  periodText: string;
  /** First and last year of the period when they can be told from it. */
  fromYear: number | null;
  toYear: number | null;
  /** Whether the section lists agreements (their state at year end is reported). */
  agreements: boolean;
  /** A line printed under the heading, as written (e.g. where agreements are published). */
  description: string;
  /**
   * True for the 2022 list's five sections used when there is no list of sections: their headings
   * then have words in each language of the app; other sections' headings are data.
   */
  builtIn?: boolean;
}

/** The whole list as the domain understands it. */
export interface BalanceList {
  /** The sections in order: those of "Avsnitt SVOM" (or the 2022 list's five), then any an entry names that is not defined. */
  sections: SectionDefinition[];
  entries: Entry[];
  meetings: Meeting[];
  problems: Problem[];
}

/** Rules for what is due; every number is in days. */
export interface DueRules {
  /** Meetings from today up to this many days ahead are listed as upcoming. */
  meetingWithinDays: number;
  /** Meeting reminders in days before the meeting, e.g. [14, 2]. */
  meetingReminderDays: number[];
  /** Expiry thresholds in days before the last day of validity, e.g. [180, 90, 30, 0]. */
  expiryThresholds: number[];
  /**
   * An agreement stays due for this many days after its last day of validity, so a notice missed
   * while the service was down is still posted; agreements that ended longer ago are no longer
   * news (the tab and the "avtal" command still show them).
   */
  expiredWithinDays: number;
}

export interface DueMeeting {
  meeting: Meeting;
  /** 0 on the day of the meeting. */
  daysUntil: number;
  /**
   * The smallest reminder threshold (from `meetingReminderDays`) reached on `today`,
   * or null when the meeting is upcoming but no reminder threshold has been reached yet.
   */
  reminder: number | null;
  /** Entries whose next follow-up date is this meeting's date. */
  followUps: Entry[];
}

/** An agreement that has reached an expiry threshold. */
export interface DueExpiry {
  entry: Entry;
  /** The smallest threshold reached (0 = the last day of validity has passed or is today). */
  threshold: number;
  /** The date the threshold was reached: `validTo - threshold` days. */
  reachedOn: CalendarDate;
  /** The last day of validity the threshold was computed from. */
  validTo: CalendarDate;
  /** Days from today to validTo (negative after expiry). */
  daysLeft: number;
}

/** What is due on one Stockholm date. */
export interface Due {
  today: CalendarDate;
  meetings: DueMeeting[];
  expiries: DueExpiry[];
}
