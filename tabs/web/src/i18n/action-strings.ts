/**
 * The texts of the actions (uppdrag): the Uppdrag view, and the actions under an ärende in Möten
 * and in an entry's history. Swedish (the default) and English, like `strings.ts`.
 */
import type { ActionStatus } from '../../../../src/domain/actions';
import { dayCount } from '../../../../src/vocabulary';
import type { Language } from './strings';

export interface ActionStrings {
  status: Record<ActionStatus, string>;
  statusLabel: string;
  intro: string;
  /** The list "Uppdrag SVOM" is not on the site (or in the file) yet. */
  noList: string;
  openHeading: (count: number) => string;
  noOpen: string;
  noneMatch: string;
  closedSummary: (count: number) => string;
  overdue: (days: number) => string;
  dueToday: string;
  dueIn: (days: number) => string;
  due: string;
  noDue: string;
  doneOn: (date: string) => string;
  responsible: string;
  nobody: string;
  /** A person the site no longer knows (a person column with an id but no name). */
  unknownPerson: string;
  group: string;
  person: string;
  allGroups: string;
  allPeople: string;
  filtersLabel: string;
  clearFilters: string;
  fromErrand: string;
  errandMissing: (key: string) => string;
  noErrand: string;
  meeting: string;
  /** After a meeting's name on its link: where the link leads. */
  showUnderMeetings: string;
  openErrand: (title: string) => string;
  /** Under an ärende: "Uppdrag (2)". */
  underErrand: (count: number) => string;
  notes: string;
  shown: (shown: number, total: number) => string;
  /** Uppföljning: the state on 31 December. */
  atYearEnd: (status: ActionStatus, year: number) => string;
  openAtYearEndHeading: (year: number) => string;
  openAtYearEndNone: string;
  /** A meeting's documents under Möten. */
  documentButton: (kind: 'dagordning' | 'minnesanteckningar') => string;
  documentBusy: string;
  documentFailed: string;
  documentFile: (kind: 'dagordning' | 'minnesanteckningar', key: string) => string;
  saveSharePoint: (kind: 'dagordning' | 'minnesanteckningar' | 'uppfoljning') => string;
  saveLocal: (kind: 'dagordning' | 'minnesanteckningar' | 'uppfoljning') => string;
  saving: string;
  saved: (location: string) => string;
  savedBeside: (name: string, editedBy: string | null) => string;
  saveFailed: string;
  openInWord: string;
}

const sv: ActionStrings = {
  status: { open: 'Pågår', done: 'Klart', struck: 'Struket' },
  statusLabel: 'Status',
  intro: 'Uppdrag från forumets möten som inte är klara, det som skulle ha varit klart först.',
  noList: 'Listan Uppdrag SVOM finns inte ännu. Kör npm run provision så skapas den.',
  openHeading: (count) => (count === 1 ? '1 pågående uppdrag' : `${count} pågående uppdrag`),
  noOpen: 'Inga uppdrag pågår.',
  noneMatch: 'Inga pågående uppdrag matchar filtret.',
  closedSummary: (count) => `Klara och strukna uppdrag (${count})`,
  overdue: (days) => `Försenat ${dayCount(days, 'sv')}`,
  dueToday: 'Ska vara klart i dag',
  dueIn: (days) => `Om ${dayCount(days, 'sv')}`,
  due: 'Klart senast',
  noDue: 'Inget slutdatum',
  doneOn: (date) => `Klart ${date}`,
  responsible: 'Ansvarig',
  nobody: 'Ingen ansvarig angiven',
  unknownPerson: 'okänd person (finns inte längre i organisationen)',
  group: 'Grupp',
  person: 'Person',
  allGroups: 'Alla grupper',
  allPeople: 'Alla personer',
  filtersLabel: 'Filtrera uppdragen',
  clearFilters: 'Visa alla',
  fromErrand: 'Från ärende',
  errandMissing: (key) => `Ärendet ${key} finns inte`,
  noErrand: 'Inget ärende angivet',
  meeting: 'Möte',
  showUnderMeetings: '(visa under Möten)',
  openErrand: (title) => `Öppna ärendet ${title}`,
  underErrand: (count) => `Uppdrag (${count})`,
  notes: 'Noteringar',
  shown: (shown, total) => `Visar ${shown} av ${total}`,
  atYearEnd: (status, year) => `${sv.status[status]} vid årets slut ${year}`,
  openAtYearEndHeading: (year) => `Uppdrag som pågick vid årets slut ${year}`,
  openAtYearEndNone: 'Alla uppdrag var klara eller strukna vid årets slut.',
  documentButton: (kind) => (kind === 'dagordning' ? 'Dagordning (Word)' : 'Minnesanteckningar (Word)'),
  documentBusy: 'Hämtar Word-filen …',
  documentFailed: 'Word-filen kunde inte hämtas. Försök igen om en stund.',
  documentFile: (kind, key) => `${kind}-${key}.docx`,
  saveSharePoint: (kind) =>
    `Spara ${kind === 'dagordning' ? 'dagordningen' : kind === 'minnesanteckningar' ? 'minnesanteckningarna' : 'uppföljningen'} i SharePoint`,
  saveLocal: (kind) =>
    `Spara ${kind === 'dagordning' ? 'dagordningen' : kind === 'minnesanteckningar' ? 'minnesanteckningarna' : 'uppföljningen'} i datamappen`,
  saving: 'Sparar …',
  saved: (location) => `Sparad: ${location}.`,
  savedBeside: (name, editedBy) => `Filen hade ändrats${editedBy ? ` av ${editedBy}` : ''} sedan appen sparade den, så den nya sparades bredvid: ${name}.`,
  saveFailed: 'Filen kunde inte sparas. Försök igen om en stund; Word-filen kan också laddas ner.',
  openInWord: 'Öppna i Word',
};

const en: ActionStrings = {
  status: { open: 'Open', done: 'Done', struck: 'Struck' },
  statusLabel: 'Status',
  intro: "Actions from the forum's meetings that are not done, the most overdue first.",
  noList: 'The list Uppdrag SVOM does not exist yet. Run npm run provision to create it.',
  openHeading: (count) => (count === 1 ? '1 open action' : `${count} open actions`),
  noOpen: 'No actions are open.',
  noneMatch: 'No open actions match the filter.',
  closedSummary: (count) => `Done and struck actions (${count})`,
  overdue: (days) => `${dayCount(days, 'en')} overdue`,
  dueToday: 'Due today',
  dueIn: (days) => `In ${dayCount(days, 'en')}`,
  due: 'Due',
  noDue: 'No due date',
  doneOn: (date) => `Done ${date}`,
  responsible: 'Responsible',
  nobody: 'Nobody named',
  unknownPerson: 'unknown person (no longer in the organisation)',
  group: 'Group',
  person: 'Person',
  allGroups: 'All groups',
  allPeople: 'All people',
  filtersLabel: 'Filter the actions',
  clearFilters: 'Show all',
  fromErrand: 'From item',
  errandMissing: (key) => `Item ${key} does not exist`,
  noErrand: 'No item named',
  meeting: 'Meeting',
  showUnderMeetings: '(show under Meetings)',
  openErrand: (title) => `Open the item ${title}`,
  underErrand: (count) => `Actions (${count})`,
  notes: 'Notes',
  shown: (shown, total) => `Showing ${shown} of ${total}`,
  atYearEnd: (status, year) => `${en.status[status]} at the end of ${year}`,
  openAtYearEndHeading: (year) => `Actions still open at the end of ${year}`,
  openAtYearEndNone: 'Every action was done or struck by the end of the year.',
  documentButton: (kind) => (kind === 'dagordning' ? 'Agenda (Word)' : 'Minutes (Word)'),
  documentBusy: 'Fetching the Word file …',
  documentFailed: 'The Word file could not be fetched. Try again in a while.',
  documentFile: (kind, key) => `${kind}-${key}.docx`,
  saveSharePoint: (kind) => `Save the ${kind === 'dagordning' ? 'agenda' : kind === 'minnesanteckningar' ? 'minutes' : 'follow-up'} in SharePoint`,
  saveLocal: (kind) => `Save the ${kind === 'dagordning' ? 'agenda' : kind === 'minnesanteckningar' ? 'minutes' : 'follow-up'} in the data folder`,
  saving: 'Saving …',
  saved: (location) => `Saved: ${location}.`,
  savedBeside: (name, editedBy) =>
    `The file had been changed${editedBy ? ` by ${editedBy}` : ''} since the app saved it, so the new one was saved beside it: ${name}.`,
  saveFailed: 'The file could not be saved. Try again in a while; the Word file can also be downloaded.',
  openInWord: 'Open in Word',
};

export function actionStringsFor(language: Language): ActionStrings {
  return language === 'en' ? en : sv;
}
