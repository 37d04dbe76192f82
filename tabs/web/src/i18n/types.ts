/**
 * The shape of every text the tab shows: each language (sv.ts, en.ts) fills it in full, so a
 * text missing in one language fails the build.
 */
import type { ErrandKind, ErrandStatus, ForumMeetingKind } from '../../../../src/domain/errands';
import type { ProblemSeverity } from '../../../../src/domain/problems';
import type { AgreementState, EntryKind, EntryStatus, MeetingKind, ProblemCode, RevisionStatus, Section } from '../../../../src/domain/types';
import type { Language } from '../../../../src/vocabulary';
import type { ViewId } from '../model/url-state';

export interface Strings {
  language: Language;
  appTitle: string;
  appSubtitle: string;
  skipToContent: string;
  views: Record<ViewId, string>;
  viewsLabel: string;
  sections: Record<Section, string>;
  kinds: Record<EntryKind, string>;
  entryStatus: Record<EntryStatus, string>;
  noStatus: string;
  agreementState: Record<AgreementState, string>;
  revisionStatus: Record<RevisionStatus, string>;
  meetingKind: Record<MeetingKind, string>;
  problemCode: Record<ProblemCode, string>;
  problemSeverity: Record<ProblemSeverity, string>;
  lists: Record<'balance' | 'meetings' | 'errands' | 'forum' | 'sections' | 'actions', string>;
  // Header and data state
  lastRefreshed: (when: string) => string;
  checkedAt: (when: string) => string;
  sourceLocal: string;
  sourceSharePoint: string;
  /** Demo clock (TODAY in local mode): the date the app pretends is today. */
  demoClock: (date: string) => string;
  staleTitle: string;
  /** The list this browser last saw (SharePoint mode), shown until the sign-in check answers. */
  checkingTitle: string;
  checkingBody: string;
  staleBody: (since: string) => string;
  loading: string;
  refreshNow: string;
  loadFailedTitle: string;
  /** Why the list could not be loaded, in words (never the server's or the browser's own text). */
  loadFailedReason: (code: 'network' | 'source-unavailable' | 'sign-in-unavailable' | 'server', status: number) => string;
  /** Said when an older copy of the list is still on screen below the error. */
  showingLastCopy: (when: string) => string;
  retryHint: string;
  signInAgain: string;
  retry: string;
  signInTitle: string;
  signInOutsideTeams: string;
  consentTitle: string;
  consentBody: string;
  consentButton: string;
  consentFailed: string;
  accessDeniedTitle: string;
  accessDeniedBody: string;
  // Filters
  filtersLabel: string;
  search: string;
  searchPlaceholder: string;
  area: string;
  allAreas: string;
  status: string;
  allStatuses: string;
  group: string;
  allGroups: string;
  agreementStateFilter: string;
  allAgreementStates: string;
  clearFilters: string;
  showing: (shown: number, total: number) => string;
  /** A filter's choice with how many entries have it; the label is list text, kept isolated. */
  optionWithCount: (label: string, count: number) => string;
  noMatches: string;
  // Balance list
  expandAll: string;
  collapseAll: string;
  preparingGroups: string;
  notes: string;
  nextFollowUp: string;
  matchesInGroup: (count: number) => string;
  // Edit links
  editInSharePoint: string;
  editInSharePointFor: (title: string) => string;
  opensOutside: string;
  localItem: (itemId: string) => string;
  localItemShort: (itemId: string) => string;
  showItemIds: string;
  hideItemIds: string;
  applyFilters: string;
  localFileHint: (file: string) => string;
  localModeNotice: (file: string) => string;
  // Agreements
  agreementsTable: string;
  name: string;
  validityWritten: string;
  validFrom: string;
  validTo: string;
  daysLeft: string;
  derivedStatus: string;
  recommendingForums: string;
  preparingForums: string;
  revision: string;
  forums: string;
  recommendedBy: string;
  preparedBy: string;
  showNotes: string;
  hideNotes: string;
  /** The notes button's name for screen readers; starts with its visible text. */
  notesToggle: (open: boolean, title: string) => string;
  sortBy: (column: string) => string;
  sortOrder: string;
  sortOption: (sort: 'name' | 'validTo' | 'daysLeft' | 'status', dir: 'asc' | 'desc') => string;
  validityDates: string;
  timelineTitle: string;
  timelineDescription: (today: string) => string;
  today: string;
  openEnded: string;
  startUnknown: string;
  endsOn: (date: string) => string;
  unknownDates: string;
  expiringHorizon: (days: number) => string;
  // Meetings
  upcomingMeetings: string;
  noUpcomingMeetings: string;
  /** Under the heading: how far ahead "upcoming" reaches (MEETING_WITHIN_DAYS). */
  meetingsHorizon: (days: number) => string;
  /** The folded list of meetings further ahead than the horizon. */
  laterMeetings: (count: number) => string;
  pastMeetings: (count: number) => string;
  date: string;
  time: string;
  kind: string;
  location: string;
  link: string;
  openMeetingLink: string;
  itemDeadline: string;
  followUps: string;
  noFollowUps: string;
  notDecided: string;
  example: string;
  // Ärenden: agendas, entries' history and the year's follow-up
  errands: ErrandStrings;
  followUp: FollowUpStrings;
  // Data quality
  problemsIntro: string;
  problemsIntroLocal: string;
  /** Said when some problems are warnings: something is missing rather than unreadable. */
  warningsIntro: string;
  noProblems: string;
  problemsTable: string;
  list: string;
  item: string;
  field: string;
  problem: string;
  value: string;
  untitled: string;
  // Relative dates
  relativeDays: (days: number) => string;
  // Config page
  configTitle: string;
  configIntro: string;
  defaultView: string;
  configSaved: string;
  configOutsideTeams: string;
  // Footer
  footer: string;
}

/** Words for ärenden, wherever they are listed (a meeting's agenda, an entry's history, the year). */
export interface ErrandStrings {
  kind: Record<ErrandKind, string>;
  status: Record<ErrandStatus, string>;
  kindLabel: string;
  statusLabel: string;
  preparedBy: string;
  decision: string;
  documents: string;
  /** The document link's name for screen readers. */
  documentsFor: (title: string) => string;
  /** The heading of a meeting's agenda, with its number of ärenden when there are any. */
  agenda: (count: number) => string;
  noAgenda: string;
  /** "5 dagar kvar", "sista dagen i dag", "sista dagen har passerat". */
  deadlineLeft: (days: number) => string;
  addErrand: string;
  /** In local mode: where a new ärende is written. */
  addErrandLocal: (file: string) => string;
  /** The fold under an entry: "Behandlat i SVOM (2)". */
  history: (count: number) => string;
  meeting: string;
  noMeeting: string;
  unknownMeeting: (named: string) => string;
}

/** Words of the Uppföljning view. */
export interface FollowUpStrings {
  heading: (year: number) => string;
  yearLabel: string;
  download: string;
  downloading: string;
  downloadFailed: string;
  /** The Word file's name when saved. */
  fileName: (year: number) => string;
  loadFailed: string;
  invalidYear: string;
  meetingsHeading: string;
  noMeetings: (year: number) => string;
  meetingKinds: Record<ForumMeetingKind | 'unspecified', string>;
  /** A date known only to the month or the year, and no date at all. */
  monthDate: (month: number, year: number) => string;
  yearOnly: (year: number) => string;
  noDate: string;
  sectionsHeading: string;
  /** "12 av 30 områden saknar ärende 2017". */
  withoutErrandCount: (without: number, total: number, year: number) => string;
  allFollowedUp: (total: number, year: number) => string;
  /** The marker on an entry with no ärende during the year (text, not colour alone). */
  withoutErrand: (year: number) => string;
  errandCount: (count: number) => string;
  noSections: (year: number) => string;
  noEntriesInSection: string;
  unnamedSection: string;
  agreementAtYearEnd: (year: number) => string;
  unplacedHeading: string;
  problemsNote: (count: number) => string;
  errandsTotal: (count: number, year: number) => string;
}
