/**
 * Every text the tab shows, in Swedish (the default) and English.
 * Codes from the API (statuses, problem codes, kinds) are turned into words here, never shown raw.
 */
import type { ErrandKind, ErrandStatus, ForumMeetingKind } from '../../../../src/domain/errands';
import type { ProblemSeverity } from '../../../../src/domain/problems';
import { isolate } from '../format';
import type { AgreementState, EntryKind, EntryStatus, MeetingKind, ProblemCode, RevisionStatus, Section } from '../../../../src/domain/types';
import { AGREEMENT_STATE_TERMS, ENTRY_STATUS_TERMS, MEETING_KIND_TERMS, REVISION_STATUS_TERMS, dayCount, relativeDays } from '../../../../src/vocabulary';

export type Language = 'sv' | 'en';

export type ViewId = 'balanslista' | 'avtal' | 'moten' | 'uppdrag' | 'uppfoljning' | 'datakvalitet';

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

const SV_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const relative = (language: Language) => (days: number) => relativeDays(days, language);

export const sv: Strings = {
  language: 'sv',
  appTitle: 'Balanslistan',
  appSubtitle: 'Sociala vård- och omsorgsgruppen (SVOM)',
  skipToContent: 'Hoppa till innehållet',
  views: { balanslista: 'Balanslista', avtal: 'Avtal', moten: 'Möten', uppdrag: 'Uppdrag', uppfoljning: 'Uppföljning', datakvalitet: 'Datakvalitet' },
  viewsLabel: 'Vyer',
  sections: {
    goals: 'Mål för gemensam hälso- och sjukvårdspolitik 2014-2025',
    priorities: 'SVOM:s prioriterade områden 2019-2022',
    strategy: 'Gemensam hälso- och sjukvårdspolitik / Strategi för hälsa',
    several: 'Flera områden',
    agreements: 'Överenskommelser och avtal rekommendationsbeslutade av SVOM',
  },
  kinds: {
    'goal-area': 'Målområde',
    'sub-goal': 'Delmål',
    'priority-area': 'Prioriterat område',
    heading: 'Rubrik',
    topic: 'Ämne',
    item: 'Punkt',
    agreement: 'Avtal',
  },
  entryStatus: ENTRY_STATUS_TERMS.sv,
  noStatus: 'Ingen status',
  agreementState: AGREEMENT_STATE_TERMS.sv,
  revisionStatus: REVISION_STATUS_TERMS.sv,
  meetingKind: MEETING_KIND_TERMS.sv,
  problemCode: {
    'missing-title': 'Rubrik saknas',
    'missing-key': 'Nyckel saknas',
    'duplicate-key': 'Nyckeln används av flera poster',
    'unknown-parent': 'Den överordnade nyckeln finns inte',
    'unknown-choice': 'Okänt val i en valkolumn',
    'invalid-date': 'Ogiltigt datum',
    'invalid-number': 'Ogiltigt tal',
    'invalid-field-type': 'Fel typ av värde i kolumnen',
    'unparseable-validity': 'Giltighetstiden går inte att tolka',
    'validity-conflict': 'Giltighetstiden stämmer inte med datumkolumnerna',
    'missing-validity': 'Giltighetstid saknas, så ingen påminns innan avtalet går ut',
    'missing-date': 'Datum saknas',
    'unknown-meeting': 'Ärendet gäller ett möte som inte finns i möteslistan',
    'unknown-entry': 'Ärendet gäller en nyckel som inte finns i balanslistan',
    'unknown-section': 'Avsnittet finns inte i listan Avsnitt SVOM',
    'missing-list': 'Listan finns inte på webbplatsen ännu (kör npm run provision)',
    'unknown-errand': 'Uppdraget hänvisar till ett ärende som inte finns i ärendelistan',
    'due-before-meeting': 'Uppdraget ska vara klart före mötet som gav det',
    'unknown-person': 'Den ansvariga personen finns inte längre i organisationen',
    'same-day-meetings': 'Två möten samma dag: ett möte kan inte hittas på datumet',
    'no-year': 'Ärendet har varken möte eller år, så det syns inte i någon uppföljning',
    'year-conflict': 'Ärendets år skiljer sig från mötets; mötets år används',
    'no-forum-profile': 'Forumets beskrivning saknas, så årsrapporten blir utan den',
    'missing-column': 'Kolumnen finns inte i listan på webbplatsen, så dess värden visas inte (kör npm run provision)',
  },
  problemSeverity: { error: 'Fel', warning: 'Varning' },
  lists: {
    balance: 'Balanslistan',
    meetings: 'Möteslistan',
    errands: 'Ärendelistan',
    forum: 'Forumets profil',
    sections: 'Avsnittslistan',
    actions: 'Uppdragslistan',
  },
  lastRefreshed: (when) => `Senast uppdaterad ${when}`,
  checkedAt: (when) => `kontrollerad ${when}`,
  sourceLocal: 'Lokalt läge: data från en fil på den här datorn',
  sourceSharePoint: 'Data från SharePoint',
  demoClock: (date) => `Demoläge: appen visar läget per ${date}`,
  staleTitle: 'Uppgifterna kan vara inaktuella',
  checkingTitle: 'Kontrolleras …',
  checkingBody:
    'Du ser listan som den såg ut när du senast öppnade fliken. Den byts ut när din behörighet är kontrollerad och går inte att redigera förrän dess.',
  staleBody: (since) => `SharePoint har inte kunnat läsas sedan ${since}. Du ser den senaste kopian som gick att hämta.`,
  loading: 'Hämtar balanslistan …',
  refreshNow: 'Uppdatera nu',
  loadFailedTitle: 'Balanslistan kunde inte hämtas',
  loadFailedReason: (code, status) =>
    ({
      network: 'Det går inte att nå servern. Kontrollera nätverksanslutningen.',
      'source-unavailable': 'Listan kan inte läsas just nu.',
      'sign-in-unavailable': 'Inloggningen eller din behörighet till listan kan inte kontrolleras just nu.',
      server: `Servern svarade med ett fel (HTTP ${status}).`,
    })[code],
  showingLastCopy: (when) => `Du ser listan som den var vid senaste lyckade hämtningen, ${when}.`,
  retryHint: 'Fliken försöker igen av sig själv. Du kan också välja Försök igen.',
  signInAgain: 'Inloggningen gick inte att använda. Välj Försök igen eller ladda om fliken.',
  retry: 'Försök igen',
  signInTitle: 'Inloggning krävs',
  signInOutsideTeams: 'Öppna fliken i Microsoft Teams för att logga in med ditt organisationskonto.',
  consentTitle: 'Appen behöver ditt godkännande',
  consentBody: 'För att visa balanslistan behöver appen läsa SharePoint-listan med din behörighet. Godkänn en gång, så visas listan.',
  consentButton: 'Godkänn och fortsätt',
  consentFailed: 'Godkännandet slutfördes inte. Försök igen eller kontakta din IT-administratör.',
  accessDeniedTitle: 'Du har inte behörighet till listan',
  accessDeniedBody: 'Ditt konto kan inte läsa balanslistan i SharePoint. Be listans ägare om läsbehörighet.',
  filtersLabel: 'Sök och filter',
  search: 'Sök',
  searchPlaceholder: 'Sök i rubriker, noteringar och forum',
  area: 'Område',
  allAreas: 'Alla områden',
  status: 'Status',
  allStatuses: 'Alla statusar',
  group: 'Beredande forum',
  allGroups: 'Alla forum',
  agreementStateFilter: 'Giltighet',
  allAgreementStates: 'Alla',
  clearFilters: 'Rensa filter',
  showing: (shown, total) => `Visar ${shown} av ${total}`,
  optionWithCount: (label, count) => `${isolate(label)} (${count})`,
  noMatches: 'Inget matchar sökningen och filtren.',
  expandAll: 'Visa alla grupper',
  collapseAll: 'Fäll ihop alla grupper',
  preparingGroups: 'Beredande forum',
  notes: 'Noteringar',
  nextFollowUp: 'Nästa uppföljning',
  matchesInGroup: (count) => (count === 1 ? '1 post' : `${count} poster`),
  editInSharePoint: 'Redigera i SharePoint',
  editInSharePointFor: (title) => `Redigera i SharePoint: ${title}`,
  opensOutside: '(öppnas utanför Teams)',
  localItem: (itemId) => `Post ${itemId} i den lokala filen`,
  localItemShort: (itemId) => `Post ${itemId}`,
  showItemIds: 'Visa numren i filen',
  hideItemIds: 'Dölj numren',
  applyFilters: 'Visa',
  localFileHint: (file) => `I lokalt läge redigeras listan i filen ${file}, där varje post har ett nummer. Ändringar visas här inom en halv minut.`,
  localModeNotice: (file) => `Lokalt läge: listan finns i filen ${file} på den här datorn, inte i SharePoint.`,
  agreementsTable: 'Överenskommelser och avtal',
  name: 'Namn',
  // Soft hyphens (\u00ad) where the long compounds may break: not every browser can hyphenate Swedish.
  validityWritten: 'Giltighets\u00adtid (som skriven)',
  validFrom: 'Giltig från',
  validTo: 'Giltig till och med',
  daysLeft: 'Dagar kvar',
  derivedStatus: 'Status',
  recommendingForums: 'Rekommen\u00addations\u00adbeslutande forum',
  preparingForums: 'Beredande forum',
  revision: 'Revision',
  forums: 'Forum',
  recommendedBy: 'Rekommenderas av',
  preparedBy: 'Bereds av',
  showNotes: 'Visa',
  hideNotes: 'Dölj',
  notesToggle: (open, title) => `${open ? 'Dölj' : 'Visa'} noteringar om ${title}`,
  sortBy: (column) => `Sortera efter ${column}`,
  sortOrder: 'Ordning',
  sortOption: (sort, dir) =>
    ({
      validTo: 'Sista giltighetsdag, tidigast först',
      daysLeft: 'Dagar kvar, minst först',
      status: 'Status, utgångna först',
      name: dir === 'asc' ? 'Namn, A–Ö' : 'Namn, Ö–A',
    })[sort],
  validityDates: 'Giltig',
  timelineTitle: 'Tidslinje över giltighetstider',
  timelineDescription: (today) => `Varje stapel visar en överenskommelses giltighetstid. Den lodräta linjen markerar i dag, ${today}.`,
  today: 'I dag',
  openEnded: 'slutdatum okänt',
  startUnknown: 'startdatum okänt',
  endsOn: (date) => `t.o.m. ${date}`,
  unknownDates: 'Giltighetstid okänd',
  expiringHorizon: (days) => `”${AGREEMENT_STATE_TERMS.sv.expiring}” betyder att sista giltighetsdag är inom ${dayCount(days, 'sv')}.`,
  upcomingMeetings: 'Kommande möten',
  noUpcomingMeetings: 'Inga kommande möten är inlagda.',
  meetingsHorizon: (days) => `Möten de kommande ${days} dagarna.`,
  laterMeetings: (count) => `Senare möten (${count})`,
  pastMeetings: (count) => `Tidigare möten (${count})`,
  date: 'Datum',
  time: 'Tid',
  kind: 'Mötestyp',
  location: 'Plats',
  link: 'Länk',
  openMeetingLink: 'Öppna möteslänken',
  itemDeadline: 'Sista dag för ärenden',
  followUps: 'Följs upp på mötet',
  noFollowUps: 'Inga poster har något av de kommande mötena som nästa uppföljning.',
  notDecided: 'Ej bestämt',
  example: 'Exempel',
  errands: {
    kind: { information: 'Information', decision: 'Beslut', discussion: 'Diskussion', 'follow-up': 'Uppföljning' },
    status: { reported: 'Anmält', prepared: 'Berett', handled: 'Behandlat', tabled: 'Bordlagt', 'referred-back': 'Återremitterat' },
    kindLabel: 'Typ',
    statusLabel: 'Status',
    preparedBy: 'Berett av',
    decision: 'Beslut / noteringar',
    documents: 'Handlingar',
    documentsFor: (title) => `Handlingar: ${title}`,
    agenda: (count) => (count === 0 ? 'Dagordning' : count === 1 ? 'Dagordning: 1 ärende' : `Dagordning: ${count} ärenden`),
    noAgenda: 'Inga ärenden är anmälda till mötet än.',
    deadlineLeft: (days) => (days > 0 ? `${dayCount(days, 'sv')} kvar` : days === 0 ? 'sista dagen i dag' : 'sista dagen har passerat'),
    addErrand: 'Anmäl ett ärende i SharePoint',
    addErrandLocal: (file) => `Nya ärenden skrivs in i filen ${file} (listan errands).`,
    history: (count) => `Behandlat i SVOM (${count})`,
    meeting: 'Möte',
    noMeeting: 'Möte anges inte',
    unknownMeeting: (named) => `Mötet ”${named}” finns inte i möteslistan`,
  },
  followUp: {
    heading: (year) => `Uppföljning ${year}`,
    yearLabel: 'År',
    download: 'Ladda ner som Word',
    downloading: 'Hämtar Word-filen …',
    downloadFailed: 'Word-filen kunde inte hämtas. Försök igen om en stund.',
    fileName: (year) => `uppfoljning-svom-${year}.docx`,
    loadFailed: 'Uppföljningen kunde inte hämtas.',
    invalidYear: 'Året måste vara ett årtal mellan 2000 och 2100.',
    meetingsHeading: 'Möten och evenemang',
    noMeetings: (year) => `Inga möten är registrerade för ${year}.`,
    meetingKinds: {
      ordinary: 'Ordinarie möten',
      joint: 'Gemensamma möten med Västernorrland',
      extra: 'Extra möten',
      event: 'Andra evenemang',
      unspecified: 'Möten utan angiven mötestyp',
    },
    monthDate: (month, year) => `${SV_MONTHS[month - 1] ?? ''} ${year}`,
    yearOnly: (year) => `${year} (datum okänt)`,
    noDate: 'datum okänt',
    sectionsHeading: 'Uppföljning baserat på balanslistan',
    withoutErrandCount: (without, total, year) => `${without} av ${total} ${total === 1 ? 'område' : 'områden'} saknar ärende ${year}`,
    allFollowedUp: (total, year) => `Alla ${total} områden har minst ett ärende ${year}`,
    withoutErrand: (year) => `Inget ärende ${year}`,
    errandCount: (count) => (count === 1 ? '1 ärende' : `${count} ärenden`),
    noSections: (year) => `Inga avsnitt i balanslistan gäller ${year}.`,
    unnamedSection: 'Punkter utan känt avsnitt',
    noEntriesInSection: 'Inga punkter är registrerade under det här avsnittet.',
    agreementAtYearEnd: (year) => `Vid årets slut ${year}`,
    unplacedHeading: 'Ärenden utan koppling till balanslistan',
    problemsNote: (count) => `${count} ${count === 1 ? 'problem' : 'problem'} i listorna påverkar uppföljningen; se Datakvalitet och Word-filen.`,
    errandsTotal: (count, year) =>
      count === 0 ? `Inga ärenden är registrerade för ${year}.` : `${count} ${count === 1 ? 'ärende' : 'ärenden'} under ${year}.`,
  },
  problemsIntro: 'Poster där uppgifterna inte gick att tolka. Rätta dem i SharePoint, så försvinner de härifrån.',
  problemsIntroLocal: 'Poster där uppgifterna inte gick att tolka. Rätta dem i den lokala filen, så försvinner de härifrån.',
  warningsIntro: 'Varningar gäller uppgifter som saknas. Posten visas som vanligt, men ingen påminns om den förrän uppgiften är ifylld.',
  noProblems: 'Inga problem hittades i listorna.',
  problemsTable: 'Problem i listorna',
  list: 'Lista',
  item: 'Post',
  field: 'Kolumn',
  problem: 'Problem',
  value: 'Värde',
  untitled: '(utan rubrik)',
  relativeDays: relative('sv'),
  configTitle: 'Inställningar för fliken Balanslistan',
  configIntro: 'Välj vilken vy fliken ska öppna med. Alla vyer går att nå från fliken.',
  defaultView: 'Vy som visas först',
  configSaved: 'Klicka på Spara för att lägga till fliken.',
  configOutsideTeams: 'Den här sidan används när fliken läggs till i en Teams-kanal.',
  footer: 'Balanslistan för Teams',
};

export const en: Strings = {
  language: 'en',
  appTitle: 'Balance list',
  appSubtitle: 'Sociala vård- och omsorgsgruppen (SVOM)',
  skipToContent: 'Skip to content',
  views: { balanslista: 'Balance list', avtal: 'Agreements', moten: 'Meetings', uppdrag: 'Actions', uppfoljning: 'Follow-up', datakvalitet: 'Data quality' },
  viewsLabel: 'Views',
  sections: {
    goals: 'Goals of the joint health and care policy 2014-2025',
    priorities: "SVOM's priority areas 2019-2022",
    strategy: 'Joint health and care policy / Strategy for health',
    several: 'Several areas',
    agreements: 'Agreements recommended by SVOM',
  },
  kinds: {
    'goal-area': 'Goal area',
    'sub-goal': 'Sub-goal',
    'priority-area': 'Priority area',
    heading: 'Heading',
    topic: 'Topic',
    item: 'Item',
    agreement: 'Agreement',
  },
  entryStatus: ENTRY_STATUS_TERMS.en,
  noStatus: 'No status',
  agreementState: AGREEMENT_STATE_TERMS.en,
  revisionStatus: REVISION_STATUS_TERMS.en,
  meetingKind: MEETING_KIND_TERMS.en,
  problemCode: {
    'missing-title': 'Title is missing',
    'missing-key': 'Key is missing',
    'duplicate-key': 'Key is used by several entries',
    'unknown-parent': 'The parent key does not exist',
    'unknown-choice': 'Unknown value in a choice column',
    'invalid-date': 'Invalid date',
    'invalid-number': 'Invalid number',
    'invalid-field-type': 'Wrong type of value in the column',
    'unparseable-validity': 'The validity cannot be read',
    'validity-conflict': 'The validity disagrees with the date columns',
    'missing-validity': 'No validity is given, so nobody is reminded before the agreement ends',
    'missing-date': 'Date is missing',
    'unknown-meeting': 'The item names a meeting that is not in the meetings list',
    'unknown-entry': 'The item names a key that is not in the balance list',
    'unknown-section': 'The section is not in the list Avsnitt SVOM',
    'missing-list': 'The list does not exist on the site yet (run npm run provision)',
    'unknown-errand': 'The action names an item that is not in the items list',
    'due-before-meeting': 'The action is due before the meeting that gave it',
    'unknown-person': 'The responsible person is no longer in the organisation',
    'same-day-meetings': 'Two meetings on one day: a meeting cannot be found by its date',
    'no-year': 'The item has neither a meeting nor a year, so no follow-up shows it',
    'year-conflict': "The item's year differs from its meeting's; the meeting's year is used",
    'no-forum-profile': "The forum's description is missing, so the annual report goes without it",
    'missing-column': 'The column does not exist in the list on the site, so its values are not shown (run npm run provision)',
  },
  problemSeverity: { error: 'Error', warning: 'Warning' },
  lists: {
    balance: 'Balance list',
    meetings: 'Meetings list',
    errands: 'Items list',
    forum: 'Forum profile',
    sections: 'Sections list',
    actions: 'Actions list',
  },
  lastRefreshed: (when) => `Last refreshed ${when}`,
  checkedAt: (when) => `checked ${when}`,
  sourceLocal: 'Local mode: data from a file on this computer',
  sourceSharePoint: 'Data from SharePoint',
  demoClock: (date) => `Demo mode: the app shows the state as of ${date}`,
  staleTitle: 'The data may be out of date',
  checkingTitle: 'Checking …',
  checkingBody:
    'You are seeing the list as it was when you last opened the tab. It is replaced once your access has been checked, and cannot be edited until then.',
  staleBody: (since) => `SharePoint could not be read since ${since}. You are seeing the last copy that could be loaded.`,
  loading: 'Loading the balance list …',
  refreshNow: 'Refresh now',
  loadFailedTitle: 'The balance list could not be loaded',
  loadFailedReason: (code, status) =>
    ({
      network: 'The server cannot be reached. Check your network connection.',
      'source-unavailable': 'The list cannot be read right now.',
      'sign-in-unavailable': 'Your sign-in or your access to the list cannot be checked right now.',
      server: `The server answered with an error (HTTP ${status}).`,
    })[code],
  showingLastCopy: (when) => `You are seeing the list as it was at the last successful load, ${when}.`,
  retryHint: 'The tab tries again by itself. You can also select Try again.',
  signInAgain: 'Your sign-in could not be used. Select Try again or reload the tab.',
  retry: 'Try again',
  signInTitle: 'Sign-in required',
  signInOutsideTeams: 'Open the tab in Microsoft Teams to sign in with your work account.',
  consentTitle: 'The app needs your consent',
  consentBody: 'To show the balance list the app reads the SharePoint list with your permissions. Consent once and the list appears.',
  consentButton: 'Consent and continue',
  consentFailed: 'Consent was not completed. Try again or contact your IT administrator.',
  accessDeniedTitle: 'You do not have access to the list',
  accessDeniedBody: 'Your account cannot read the balance list in SharePoint. Ask the list owner for read access.',
  filtersLabel: 'Search and filters',
  search: 'Search',
  searchPlaceholder: 'Search titles, notes and forums',
  area: 'Area',
  allAreas: 'All areas',
  status: 'Status',
  allStatuses: 'All statuses',
  group: 'Preparing forum',
  allGroups: 'All forums',
  agreementStateFilter: 'Validity',
  allAgreementStates: 'All',
  clearFilters: 'Clear filters',
  showing: (shown, total) => `Showing ${shown} of ${total}`,
  optionWithCount: (label, count) => `${isolate(label)} (${count})`,
  noMatches: 'Nothing matches the search and filters.',
  expandAll: 'Expand all groups',
  collapseAll: 'Collapse all groups',
  preparingGroups: 'Preparing forums',
  notes: 'Notes',
  nextFollowUp: 'Next follow-up',
  matchesInGroup: (count) => (count === 1 ? '1 entry' : `${count} entries`),
  editInSharePoint: 'Edit in SharePoint',
  editInSharePointFor: (title) => `Edit in SharePoint: ${title}`,
  opensOutside: '(opens outside Teams)',
  localItem: (itemId) => `Item ${itemId} in the local file`,
  localItemShort: (itemId) => `Item ${itemId}`,
  showItemIds: 'Show the numbers in the file',
  hideItemIds: 'Hide the numbers',
  applyFilters: 'Show',
  localFileHint: (file) => `In local mode the list is edited in the file ${file}, where each item has a number. Changes show up here within half a minute.`,
  localModeNotice: (file) => `Local mode: the list lives in the file ${file} on this computer, not in SharePoint.`,
  agreementsTable: 'Agreements',
  name: 'Name',
  validityWritten: 'Validity (as written)',
  validFrom: 'Valid from',
  validTo: 'Valid until',
  daysLeft: 'Days left',
  derivedStatus: 'Status',
  recommendingForums: 'Recommending forum',
  preparingForums: 'Preparing forum',
  revision: 'Revision',
  forums: 'Forums',
  recommendedBy: 'Recommended by',
  preparedBy: 'Prepared by',
  showNotes: 'Show',
  hideNotes: 'Hide',
  notesToggle: (open, title) => `${open ? 'Hide' : 'Show'} notes on ${title}`,
  sortBy: (column) => `Sort by ${column}`,
  sortOrder: 'Order',
  sortOption: (sort, dir) =>
    ({
      validTo: 'Last valid day, earliest first',
      daysLeft: 'Days left, fewest first',
      status: 'Status, expired first',
      name: dir === 'asc' ? 'Name, A–Z' : 'Name, Z–A',
    })[sort],
  validityDates: 'Valid',
  timelineTitle: 'Timeline of validity periods',
  timelineDescription: (today) => `Each bar shows an agreement's validity period. The vertical line marks today, ${today}.`,
  today: 'Today',
  openEnded: 'end date unknown',
  startUnknown: 'start date unknown',
  endsOn: (date) => `until ${date}`,
  unknownDates: 'Validity unknown',
  expiringHorizon: (days) => `“${AGREEMENT_STATE_TERMS.en.expiring}” means the last day of validity is within ${dayCount(days, 'en')}.`,
  upcomingMeetings: 'Upcoming meetings',
  noUpcomingMeetings: 'No upcoming meetings have been entered.',
  meetingsHorizon: (days) => `Meetings in the coming ${days} days.`,
  laterMeetings: (count) => `Later meetings (${count})`,
  pastMeetings: (count) => `Past meetings (${count})`,
  date: 'Date',
  time: 'Time',
  kind: 'Kind',
  location: 'Place',
  link: 'Link',
  openMeetingLink: 'Open the meeting link',
  itemDeadline: 'Last day for items',
  followUps: 'Followed up at this meeting',
  noFollowUps: 'No entries have any of the upcoming meetings as their next follow-up.',
  notDecided: 'Not decided',
  example: 'Example',
  errands: {
    kind: { information: 'Information', decision: 'Decision', discussion: 'Discussion', 'follow-up': 'Follow-up' },
    status: { reported: 'Reported', prepared: 'Prepared', handled: 'Handled', tabled: 'Tabled', 'referred-back': 'Referred back' },
    kindLabel: 'Kind',
    statusLabel: 'Status',
    preparedBy: 'Prepared by',
    decision: 'Decision / notes',
    documents: 'Documents',
    documentsFor: (title) => `Documents: ${title}`,
    agenda: (count) => (count === 0 ? 'Agenda' : count === 1 ? 'Agenda: 1 item' : `Agenda: ${count} items`),
    noAgenda: 'No items have been submitted to the meeting yet.',
    deadlineLeft: (days) => (days > 0 ? `${dayCount(days, 'en')} left` : days === 0 ? 'last day today' : 'the last day has passed'),
    addErrand: 'Submit an item in SharePoint',
    addErrandLocal: (file) => `New items are written into the file ${file} (the errands list).`,
    history: (count) => `Handled in SVOM (${count})`,
    meeting: 'Meeting',
    noMeeting: 'Meeting not stated',
    unknownMeeting: (named) => `Meeting “${named}” is not in the meetings list`,
  },
  followUp: {
    heading: (year) => `Follow-up ${year}`,
    yearLabel: 'Year',
    download: 'Download as Word',
    downloading: 'Fetching the Word file …',
    downloadFailed: 'The Word file could not be fetched. Try again in a while.',
    fileName: (year) => `uppfoljning-svom-${year}.docx`,
    loadFailed: 'The follow-up could not be loaded.',
    invalidYear: 'The year must be between 2000 and 2100.',
    meetingsHeading: 'Meetings and events',
    noMeetings: (year) => `No meetings are registered for ${year}.`,
    meetingKinds: {
      ordinary: 'Ordinary meetings',
      joint: 'Joint meetings with Västernorrland',
      extra: 'Extra meetings',
      event: 'Other events',
      unspecified: 'Meetings of no stated kind',
    },
    monthDate: (month, year) => `${EN_MONTHS[month - 1] ?? ''} ${year}`,
    yearOnly: (year) => `${year} (date unknown)`,
    noDate: 'date unknown',
    sectionsHeading: 'Follow-up based on the balance list',
    withoutErrandCount: (without, total, year) => `${without} of ${total} ${total === 1 ? 'area has' : 'areas have'} no item in ${year}`,
    allFollowedUp: (total, year) => `All ${total} areas have at least one item in ${year}`,
    withoutErrand: (year) => `No item in ${year}`,
    errandCount: (count) => (count === 1 ? '1 item' : `${count} items`),
    noSections: (year) => `No section of the balance list applies to ${year}.`,
    unnamedSection: 'Entries of no known section',
    noEntriesInSection: 'No entries are registered in this section.',
    agreementAtYearEnd: (year) => `At the end of ${year}`,
    unplacedHeading: 'Items not linked to the balance list',
    problemsNote: (count) => `${count} ${count === 1 ? 'problem' : 'problems'} in the lists affect the follow-up; see Data quality and the Word file.`,
    errandsTotal: (count, year) => (count === 0 ? `No items are registered for ${year}.` : `${count} ${count === 1 ? 'item' : 'items'} in ${year}.`),
  },
  problemsIntro: 'Entries whose values could not be read. Fix them in SharePoint and they disappear from here.',
  problemsIntroLocal: 'Entries whose values could not be read. Fix them in the local file and they disappear from here.',
  warningsIntro: 'Warnings are about values that are missing. The entry is shown as usual, but nobody is reminded about it until the value is filled in.',
  noProblems: 'No problems were found in the lists.',
  problemsTable: 'Problems in the lists',
  list: 'List',
  item: 'Entry',
  field: 'Column',
  problem: 'Problem',
  value: 'Value',
  untitled: '(untitled)',
  relativeDays: relative('en'),
  configTitle: 'Settings for the Balance list tab',
  configIntro: 'Choose the view the tab opens with. Every view can be reached from the tab.',
  defaultView: 'View shown first',
  configSaved: 'Select Save to add the tab.',
  configOutsideTeams: 'This page is used when the tab is added to a Teams channel.',
  footer: 'Balance list for Teams',
};

/** Swedish unless the locale (Teams' or the browser's, e.g. "en-GB") is English. */
export function languageOf(locale: string | null | undefined): Language {
  return locale && /^en\b/i.test(locale.trim()) ? 'en' : 'sv';
}

export function stringsFor(language: Language): Strings {
  return language === 'en' ? en : sv;
}
