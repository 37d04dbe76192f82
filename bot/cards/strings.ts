/**
 * Every word the cards say, in Swedish and English. Templates read these through `t.*`, so a
 * template never holds a language of its own.
 */
import type { Language } from '../contracts';
import type { ErrandKind, ErrandStatus } from '../../src/domain/errands';
import type { EntryStatus, MeetingKind, RevisionStatus } from '../../src/domain/types';
import {
  AGREEMENT_STATE_TERMS,
  ENTRY_STATUS_TERMS,
  ERRAND_KIND_TERMS,
  ERRAND_STATUS_TERMS,
  MEETING_KIND_TERMS,
  REVISION_STATUS_TERMS,
  dayCount,
  formatCount,
  relativeDays,
} from '../../src/vocabulary';
import { SNOOZE_DAYS } from './actions';

const sv = {
  appName: 'Balanslistan',
  forum: 'SVOM',
  date: 'Datum',
  time: 'Tid',
  place: 'Plats',
  link: 'Länk',
  kind: 'Mötestyp',
  itemDeadline: 'Sista dag för ärenden',
  preparingGroups: 'Beredande forum',
  // A soft hyphen where the long compound may break: a phone's narrow fact column would split it anywhere.
  recommendingForums: 'Rekommendations\u00adbeslutande forum',
  validityAsWritten: 'Giltighetstid',
  validityDates: 'Giltigt',
  daysLeft: 'Dagar kvar',
  revisionStatus: 'Revisionsstatus',
  notes: 'Noteringar',
  status: 'Status',
  notStated: 'Ej angivet',
  unknownEnd: 'okänt slutdatum',
  untilDate: (date: string) => `t.o.m. ${date}`,
  followUps: 'Följs upp på mötet',
  noFollowUps: 'Inga punkter i balanslistan har det här mötet som nästa uppföljning.',
  agendaTitle: (count: number) => `Ärenden till mötet (${formatCount(count, 'sv')})`,
  agendaNone: 'Inga ärenden är anmälda till mötet ännu.',
  /** `when` is the date with its weekday; `relative` says how far off it is ("om 4 dagar", "i går"). */
  errandDeadline: (when: string, relative: string) => `Sista dag att anmäla ärenden: ${when} (${relative})`,
  addErrand: 'Anmäl ärende',
  errandCount: 'Anmälda ärenden',
  followUpTitle: (year: number) => `Uppföljning ${year} är klar att granska`,
  followUpAfterMeeting: (year: number, meeting: string) => `Årets sista möte (${meeting}) är hållet, så uppföljningen av ${year} kan granskas.`,
  followUpOnDate: (year: number, date: string) => `I dag, ${date}, är dagen då uppföljningen av ${year} ska granskas.`,
  followUpIntro:
    'Uppföljningen är sammanställd ur årets möten och ärenden. Granska den i fliken, rätta det som saknas i listorna och ladda ner Word-filen när allt stämmer.',
  followUpMeetings: 'Möten',
  followUpEvents: 'Andra evenemang',
  followUpErrands: 'Ärenden',
  followUpAreasWithout: 'Områden utan ärende',
  followUpProblems: 'Datakvalitet',
  countOf: (count: number, total: number) => `${formatCount(count, 'sv')} av ${formatCount(total, 'sv')}`,
  problemsValue: (count: number) => (count === 0 ? 'Inget att rätta' : `${formatCount(count, 'sv')} att rätta`),
  dateNotGiven: 'datum anges inte',
  openFollowUp: 'Öppna uppföljningen',
  downloadWord: 'Ladda ner Word-filen',
  openSavedWord: 'Öppna Word-filen',
  agendaWord: 'Dagordning (Word)',
  openTab: 'Öppna i balanslistan',
  openSharePoint: 'Öppna i SharePoint',
  openMeetingLink: 'Öppna möteslänken',
  revisionStarted: 'Revision påbörjad',
  snooze: `Påminn igen om ${dayCount(SNOOZE_DAYS, 'sv')}`,
  chooseChannel: 'Välj kanal',
  channelLabel: 'Kanal för påminnelser',
  channelPlaceholder: 'Välj en kanal',
  channelRequired: 'Välj en kanal först.',
  generalChannel: 'Allmänt',
  andMore: (count: number) => `… och ${formatCount(count, 'sv')} till. Hela listan finns i balanslistan.`,
  meetingInDays: (days: number): string => `SVOM-möte ${relativeDays(days, 'sv')}`,
  meetingReminderIntro: (deadline: boolean): string => (deadline ? 'Dags att anmäla ärenden: se sista dag nedan.' : 'Mötet närmar sig. Det här följs upp:'),
  expiryTitle: (daysLeft: number): string => `${daysLeft < 0 ? 'Avtalet gick ut' : 'Avtalet löper ut'} ${relativeDays(daysLeft, 'sv')}`,
  /** The label of the days fact: days left, or, once it has ended, when it did. */
  daysLeftLabel: (daysLeft: number): string => (daysLeft < 0 ? 'Gick ut' : 'Dagar kvar'),
  daysLeftValue: (daysLeft: number): string =>
    daysLeft < 0 ? relativeDays(daysLeft, 'sv') : daysLeft === 0 ? 'Sista giltighetsdag i dag' : dayCount(daysLeft, 'sv'),
  revisionBy: (status: string, by: string | null, when: string | null) =>
    [status, by ? `av ${by}` : '', when ? when : ''].filter(Boolean).join(', ').replace(', av', ' av'),
  digestTitle: (week: number) => `Veckoöversikt, vecka ${week}`,
  digestMeetings: 'Kommande möten',
  digestExpiries: 'Avtal som närmar sig slutdatum',
  digestNoMeetings: 'Inga möten inlagda de närmaste veckorna.',
  digestNoExpiries: 'Inga avtal når en påminnelsegräns just nu.',
  welcomeTitle: 'Hej från Balanslistan!',
  welcomeText:
    'Jag påminner teamet om kommande SVOM-möten (anmälda ärenden, sista dag för ärenden, vad som följs upp), om avtal som närmar sig sitt slutdatum och om när årets uppföljning är klar att granska. Välj vilken kanal påminnelserna ska postas i.',
  welcomeNoChannel: 'Inga påminnelser postas förrän någon har valt en kanal.',
  welcomeChosenBy: (by: string) => `Vald av ${by}.`,
  welcomeChosen: (channel: string, by: string | null) => `Påminnelser postas i kanalen **${channel}**${by ? ` (vald av ${by})` : ''}.`,
  welcomeChange: 'Du kan byta kanal här, eller skriva **@Balanslistan posta här** i den kanal du vill ha dem i.',
  helpTitle: 'Det här kan jag',
  helpCommands: [
    ['möten', 'kommande SVOM-möten och hur många ärenden som är anmälda'],
    ['avtal', 'avtal och deras giltighet, de som löper ut snart först'],
    ['posta här', 'påminnelser postas i den här kanalen'],
    ['språk engelska', 'svara på engelska (language swedish för svenska)'],
    ['hjälp', 'den här hjälpen'],
  ] as Array<[string, string]>,
  helpMention: 'I en kanal: nämn mig först, till exempel **@Balanslistan möten**.',
  helpUnknown: (text: string) => `Jag förstod inte "${text}".`,
  helpChannel: (channel: string | null): string => (channel ? `Påminnelser postas i kanalen **${channel}**.` : 'Ingen kanal är vald för påminnelser än.'),
  meetingsTitle: 'Kommande SVOM-möten',
  meetingsNone: 'Inga kommande möten finns i listan.',
  agreementsTitle: 'Avtal och överenskommelser',
  agreementsNone: 'Inga avtal finns i listan.',
  agreementState: AGREEMENT_STATE_TERMS.sv,
  staleNotice: 'Listan kunde inte läsas nyss; det här är den senast hämtade versionen.',
  channelChosen: (channel: string) => `Klart! Påminnelser postas nu i kanalen **${channel}**.`,
  channelNotInTeam: 'Kanalen finns inte längre i teamet. Välj en annan.',
  channelOnlyInTeam: 'Det går bara att välja kanal i ett team. Skriv **posta här** i en kanal i teamet.',
  languageSet: 'Jag svarar på svenska från och med nu.',
  revisionDone: (by: string) => `Revisionsstatus ändrad till "Revision påbörjad" av ${by}.`,
  revisionAlready: (status: string) => `Avtalet har redan revisionsstatus "${status}". Inget ändrat.`,
  revisionConflict:
    'Någon ändrade avtalet i balanslistan under tiden, så ingenting sparades. Så här ser det ut nu – tryck igen om revisionen fortfarande ska markeras som påbörjad.',
  snoozed: (date: string) => `Jag påminner igen ${date}.`,
  entryGone: 'Posten finns inte längre i balanslistan. Påminnelsen gäller inte längre.',
  meetingGone: 'Mötet finns inte längre i listan. Påminnelsen gäller inte längre.',
  staleAction: 'Den här knappen hör till ett äldre kort och fungerar inte längre. Skriv **hjälp** för att se vad jag kan.',
  eventGone: 'Påminnelsen finns inte längre (den kan redan ha ersatts av en nyare).',
  sourceFailed: 'Balanslistan gick inte att nå just nu, så ingenting ändrades. Försök igen om en stund.',
  notAvailable: 'Det går inte just nu. Försök igen om en stund.',
  actionResult: 'Balanslistan',
  notAnAgreement: 'Posten är inte ett avtal i balanslistan och har ingen revisionsstatus, så ingenting ändrades.',
  invalidInvoke: {
    'no-value': 'Knappen skickade inga uppgifter, så ingenting ändrades. Skriv **hjälp** för att se vad jag kan.',
    'no-action': 'Knappen skickade ingen åtgärd, så ingenting ändrades. Skriv **hjälp** för att se vad jag kan.',
    'not-execute': 'Den här sortens knapp hanterar jag inte, så ingenting ändrades. Skriv **hjälp** för att se vad jag kan.',
    'no-verb': 'Knappen talade inte om vad som skulle göras, så ingenting ändrades. Skriv **hjälp** för att se vad jag kan.',
  },
};

export type Strings = typeof sv;

const en: Strings = {
  appName: 'Balance list',
  forum: 'SVOM',
  date: 'Date',
  time: 'Time',
  place: 'Place',
  link: 'Link',
  kind: 'Meeting type',
  itemDeadline: 'Last day for items',
  preparingGroups: 'Preparing forum',
  recommendingForums: 'Recommending forum',
  validityAsWritten: 'Validity',
  validityDates: 'Valid',
  daysLeft: 'Days left',
  revisionStatus: 'Revision status',
  notes: 'Notes',
  status: 'Status',
  notStated: 'Not stated',
  unknownEnd: 'unknown end date',
  untilDate: (date: string) => `until ${date}`,
  followUps: 'Followed up at the meeting',
  noFollowUps: 'No entries in the balance list have this meeting as their next follow-up.',
  agendaTitle: (count: number) => `Items for the meeting (${formatCount(count, 'en')})`,
  agendaNone: 'No items have been submitted for the meeting yet.',
  errandDeadline: (when: string, relative: string) => `Last day to submit items: ${when} (${relative})`,
  addErrand: 'Submit an item',
  errandCount: 'Items submitted',
  followUpTitle: (year: number) => `Follow-up ${year} is ready for review`,
  followUpAfterMeeting: (year: number, meeting: string) => `The year's last meeting (${meeting}) has been held, so the follow-up of ${year} can be reviewed.`,
  followUpOnDate: (year: number, date: string) => `Today, ${date}, is the day set for reviewing the follow-up of ${year}.`,
  followUpIntro:
    "The follow-up is compiled from the year's meetings and items. Review it in the tab, correct what is missing in the lists, and download the Word file when everything is right.",
  followUpMeetings: 'Meetings',
  followUpEvents: 'Other events',
  followUpErrands: 'Items',
  followUpAreasWithout: 'Areas without an item',
  followUpProblems: 'Data quality',
  countOf: (count: number, total: number) => `${formatCount(count, 'en')} of ${formatCount(total, 'en')}`,
  problemsValue: (count: number) => (count === 0 ? 'Nothing to correct' : `${formatCount(count, 'en')} to correct`),
  dateNotGiven: 'date not given',
  openFollowUp: 'Open the follow-up',
  downloadWord: 'Download the Word file',
  openSavedWord: 'Open the Word file',
  agendaWord: 'Agenda (Word)',
  openTab: 'Open in the balance list',
  openSharePoint: 'Open in SharePoint',
  openMeetingLink: 'Open the meeting link',
  revisionStarted: 'Revision started',
  snooze: `Remind me again in ${dayCount(SNOOZE_DAYS, 'en')}`,
  chooseChannel: 'Choose channel',
  channelLabel: 'Channel for reminders',
  channelPlaceholder: 'Choose a channel',
  channelRequired: 'Choose a channel first.',
  generalChannel: 'General',
  andMore: (count: number) => `… and ${formatCount(count, 'en')} more. The full list is in the balance list.`,
  meetingInDays: (days: number) => `SVOM meeting ${relativeDays(days, 'en')}`,
  meetingReminderIntro: (deadline: boolean) => (deadline ? 'Time to submit items: see the last day below.' : 'The meeting is near. These are followed up:'),
  expiryTitle: (daysLeft: number) => `${daysLeft < 0 ? 'The agreement expired' : 'The agreement expires'} ${relativeDays(daysLeft, 'en')}`,
  daysLeftLabel: (daysLeft: number) => (daysLeft < 0 ? 'Expired' : 'Days left'),
  daysLeftValue: (daysLeft: number) => (daysLeft < 0 ? relativeDays(daysLeft, 'en') : daysLeft === 0 ? 'Last day of validity today' : dayCount(daysLeft, 'en')),
  revisionBy: (status: string, by: string | null, when: string | null) =>
    [status, by ? `by ${by}` : '', when ? when : ''].filter(Boolean).join(', ').replace(', by', ' by'),
  digestTitle: (week: number) => `Weekly overview, week ${week}`,
  digestMeetings: 'Upcoming meetings',
  digestExpiries: 'Agreements nearing their end date',
  digestNoMeetings: 'No meetings in the coming weeks.',
  digestNoExpiries: 'No agreement has reached a reminder threshold right now.',
  welcomeTitle: 'Hello from the balance list!',
  welcomeText:
    "I remind the team of upcoming SVOM meetings (items submitted, last day for items, what is followed up), of agreements nearing their end date, and of when the year's follow-up is ready for review. Choose the channel the reminders are posted in.",
  welcomeNoChannel: 'No reminders are posted until someone has chosen a channel.',
  welcomeChosenBy: (by: string) => `Chosen by ${by}.`,
  welcomeChosen: (channel: string, by: string | null) => `Reminders are posted in the **${channel}** channel${by ? ` (chosen by ${by})` : ''}.`,
  welcomeChange: 'You can change the channel here, or write **@Balanslistan post here** in the channel you want them in.',
  helpTitle: 'What I can do',
  helpCommands: [
    ['meetings', 'upcoming SVOM meetings and how many items have been submitted'],
    ['agreements', 'agreements and their validity, those ending soon first'],
    ['post here', 'reminders are posted in this channel'],
    ['language swedish', 'answer in Swedish (språk engelska for English)'],
    ['help', 'this help'],
  ],
  helpMention: 'In a channel: mention me first, for example **@Balanslistan meetings**.',
  helpUnknown: (text: string) => `I did not understand "${text}".`,
  helpChannel: (channel: string | null) => (channel ? `Reminders are posted in the **${channel}** channel.` : 'No channel has been chosen for reminders yet.'),
  meetingsTitle: 'Upcoming SVOM meetings',
  meetingsNone: 'There are no upcoming meetings in the list.',
  agreementsTitle: 'Agreements',
  agreementsNone: 'There are no agreements in the list.',
  agreementState: AGREEMENT_STATE_TERMS.en,
  staleNotice: 'The list could not be read just now; this is the last version fetched.',
  channelChosen: (channel: string) => `Done! Reminders are now posted in the **${channel}** channel.`,
  channelNotInTeam: 'That channel is no longer in the team. Choose another one.',
  channelOnlyInTeam: 'A channel can only be chosen in a team. Write **post here** in a channel of the team.',
  languageSet: 'I will answer in English from now on.',
  revisionDone: (by: string) => `Revision status changed to "Revision started" by ${by}.`,
  revisionAlready: (status: string) => `The agreement already has the revision status "${status}". Nothing changed.`,
  revisionConflict:
    'Someone changed the agreement in the balance list meanwhile, so nothing was saved. This is how it looks now – press again if the revision should still be marked as started.',
  snoozed: (date: string) => `I will remind you again on ${date}.`,
  entryGone: 'The entry is no longer in the balance list. The reminder no longer applies.',
  meetingGone: 'The meeting is no longer in the list. The reminder no longer applies.',
  staleAction: 'This button belongs to an older card and no longer works. Write **help** to see what I can do.',
  eventGone: 'The reminder no longer exists (a newer one may have replaced it).',
  sourceFailed: 'The balance list could not be reached just now, so nothing changed. Try again in a while.',
  notAvailable: 'That is not possible right now. Try again in a while.',
  actionResult: 'Balance list',
  notAnAgreement: 'The entry is not an agreement in the balance list and has no revision status, so nothing changed.',
  invalidInvoke: {
    'no-value': 'The button sent no data, so nothing changed. Write **help** to see what I can do.',
    'no-action': 'The button sent no action, so nothing changed. Write **help** to see what I can do.',
    'not-execute': 'I do not handle this kind of button, so nothing changed. Write **help** to see what I can do.',
    'no-verb': 'The button did not say what to do, so nothing changed. Write **help** to see what I can do.',
  },
};

const STRINGS: Record<Language, Strings> = { sv, en };

export function strings(language: Language): Strings {
  return STRINGS[language];
}

const WEEKDAYS: Record<Language, string[]> = {
  sv: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** 1 = Monday … 7 = Sunday. */
export function weekdayName(weekday: number, language: Language): string {
  return WEEKDAYS[language][weekday - 1] ?? '';
}

export function revisionLabel(status: RevisionStatus, language: Language): string {
  return REVISION_STATUS_TERMS[language][status];
}

export function meetingKindLabel(kind: MeetingKind, language: Language): string {
  return MEETING_KIND_TERMS[language][kind];
}

export function entryStatusLabel(status: EntryStatus, language: Language): string {
  return ENTRY_STATUS_TERMS[language][status];
}

export function errandKindLabel(kind: ErrandKind, language: Language): string {
  return ERRAND_KIND_TERMS[language][kind];
}

export function errandStatusLabel(status: ErrandStatus, language: Language): string {
  return ERRAND_STATUS_TERMS[language][status];
}
