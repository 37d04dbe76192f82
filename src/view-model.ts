/**
 * The shape `GET /api/balance-list` returns: what the tab draws and the bot reads.
 * Built from the domain by `buildView` (src/snapshot); kept as plain JSON.
 */
import type { Action } from './domain/actions';
import type { Errand } from './domain/errands';
import type { FollowUpYear } from './domain/forum-year';
import type { SectionDefinition } from './domain/sections';
import type { AgreementState, CalendarDate, Entry, EntryStatus, Meeting, Problem } from './domain/types';
import type { SavedDocument } from './ports/document-store';
import type { ListUrls, SourceKind } from './ports/list-source';

export interface AgreementView extends Omit<Entry, 'status'> {
  kind: 'agreement';
  /** The entry's own work status column (Status), when set. */
  entryStatus: EntryStatus | null;
  /** Derived on `today`: active / expiring (within the horizon) / expired / unknown. */
  status: AgreementState;
  /** Days from `today` to the last day of validity (0 on that day, negative after); null when unknown. */
  daysLeft: number | null;
}

export interface BalanceListView {
  source: SourceKind;
  /** When this snapshot was built (ISO instant). */
  generatedAt: string;
  /** When the source was last read successfully (ISO instant). */
  refreshedAt: string;
  /** True when the last read failed and this is the last good snapshot. */
  stale: boolean;
  /** Since when reads have been failing (ISO instant), when stale. */
  staleSince: string | null;
  /** The Stockholm date the derived fields were computed for. */
  today: CalendarDate;
  /** Days ahead within which an agreement counts as expiring. */
  expiringWithinDays: number;
  /** Days ahead within which a meeting counts as upcoming (`MEETING_WITHIN_DAYS`). */
  meetingWithinDays: number;
  /** Set when the app runs on the demo clock (`TODAY`, local mode): the date it pretends is today. */
  demoDate: CalendarDate | null;
  /** Where a person opens each list to edit it (SharePoint list URL, or the local file). */
  /** Where a person opens each list to edit it (SharePoint list URL, or the local file); a list the store lacks has none. */
  lists: ListUrls;
  /**
   * The balance list's sections in order: those of "Avsnitt SVOM", or the 2022 list's five
   * (`builtIn`, whose headings the app translates) when there is no such list; then one per
   * section an entry names that the list does not define (named as written). An entry's
   * `section` is one of their keys.
   */
  sections: SectionDefinition[];
  /** Every entry that is not an agreement, in document order (section, then tree order). */
  entries: Entry[];
  /** Agreements, in document order. */
  agreements: AgreementView[];
  /** Meetings sorted by date (then time). */
  meetings: Meeting[];
  /**
   * Every ärende (list "Ärenden SVOM"), in list order. A meeting's agenda is
   * `errandsForMeeting(errands, meeting)`, an entry's history `errandsForEntry(errands, entry.key)`
   * (src/domain/errands).
   */
  errands: Errand[];
  /**
   * Every action (list "Uppdrag SVOM"), in list order. The open ones by due date are
   * `openActions(actions)`, an ärende's `actionsForErrand(actions, errand.key)` (src/domain/actions).
   */
  actions: Action[];
  problems: Problem[];
}

/**
 * The shape `GET /api/follow-up/:year` returns: the year's follow-up (`FollowUpYear`, built by
 * `buildForumYear`) and what the tab shows around it. Built by `buildFollowUpView` (src/snapshot).
 */
export interface FollowUpYearView extends FollowUpYear {
  source: SourceKind;
  /** The Stockholm date the snapshot was read for. */
  today: CalendarDate;
  /** Set when the app runs on the demo clock (`TODAY`). */
  demoDate: CalendarDate | null;
  /** When the source was last read successfully (ISO instant). */
  refreshedAt: string;
  stale: boolean;
  staleSince: string | null;
  /** Where a person opens each list to edit it. */
  lists: ListUrls;
  /** Days after a year's end within which an agreement counted as expiring at that year end. */
  expiringWithinDays: number;
  /** Every year with a meeting or an ärende registered, ascending: what a year picker offers. */
  yearsWithData: number[];
  /** Where the Word file of this year is downloaded (same origin, same sign-in as this JSON). */
  docxUrl: string;
}

/** The shape `POST /api/documents` answers: where the document was saved, and how (`DocumentStore.save`). */
export type SavedDocumentView = SavedDocument;
