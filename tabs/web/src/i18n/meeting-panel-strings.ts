/** The texts of the tab in a Teams meeting's side panel, in Swedish (the default) and English. */
import type { Language } from './strings';

export interface MeetingPanelStrings {
  heading: string;
  foundByLink: string;
  foundByDate: string;
  foundBySchedule: (day: string) => string;
  chosen: string;
  searching: string;
  noLink: string;
  sharedLink: string;
  severalToday: string;
  severalOnDay: (day: string) => string;
  noMeetingToday: string;
  noMeetingOnDay: (day: string) => string;
  changeTo: string;
  choose: string;
  chooseLabel: string;
  change: string;
  noMeetings: string;
  writeDecision: (title: string) => string;
  writeDecisionLocal: (id: string) => string;
  items: (count: number) => string;
  noItems: string;
  wholeTab: string;
}

const sv: MeetingPanelStrings = {
  heading: 'Mötets dagordning',
  foundByLink: 'Mötet hittades på sin Teams-länk i möteslistan.',
  foundByDate: 'Mötet hittades på dagens datum i möteslistan.',
  foundBySchedule: (day) => `Mötet hittades på Teams-mötets datum, ${day}, i möteslistan.`,
  chosen: 'Du valde det här mötet i listan.',
  searching: 'Söker mötet i möteslistan …',
  noLink: 'Det här Teams-mötet finns inte i möteslistan (ingen Länk där leder hit). Välj vilket möte det är:',
  sharedLink: 'Flera möten i möteslistan har det här Teams-mötets länk. Välj vilket det här är:',
  severalToday: 'Flera möten i möteslistan är i dag. Välj vilket det här är:',
  severalOnDay: (day) => `Flera möten i möteslistan är ${day}, samma dag som Teams-mötet. Välj vilket det här är:`,
  noMeetingToday: 'Inget möte i möteslistan är i dag. Välj vilket möte det här är:',
  noMeetingOnDay: (day) => `Inget möte i möteslistan är ${day}, samma dag som Teams-mötet. Välj vilket möte det här är:`,
  changeTo: 'Välj vilket möte som ska visas:',
  choose: 'Visa',
  chooseLabel: 'Möte',
  change: 'Byt möte',
  noMeetings: 'Möteslistan har inga möten att välja bland.',
  writeDecision: (title) => `Skriv beslut i SharePoint: ${title}`,
  writeDecisionLocal: (id) => `Beslut skrivs i den lokala filen, post ${id}.`,
  items: (count) => (count === 1 ? '1 ärende' : `${count} ärenden`),
  noItems: 'Inga ärenden är anmälda till mötet.',
  wholeTab: 'Öppna hela Balanslistan',
};

const en: MeetingPanelStrings = {
  heading: "The meeting's agenda",
  foundByLink: 'The meeting was found by its Teams link in the meetings list.',
  foundByDate: "The meeting was found by today's date in the meetings list.",
  foundBySchedule: (day) => `The meeting was found by the Teams meeting's date, ${day}, in the meetings list.`,
  chosen: 'You chose this meeting from the list.',
  searching: 'Looking for the meeting in the meetings list …',
  noLink: 'This Teams meeting is not in the meetings list (no Link there leads here). Choose which meeting it is:',
  sharedLink: "Several meetings in the list have this Teams meeting's link. Choose which one this is:",
  severalToday: 'Several meetings in the list are today. Choose which one this is:',
  severalOnDay: (day) => `Several meetings in the list are on ${day}, the Teams meeting's day. Choose which one this is:`,
  noMeetingToday: 'No meeting in the list is today. Choose which meeting this is:',
  noMeetingOnDay: (day) => `No meeting in the list is on ${day}, the Teams meeting's day. Choose which meeting this is:`,
  changeTo: 'Choose the meeting to show:',
  choose: 'Show',
  chooseLabel: 'Meeting',
  change: 'Change meeting',
  noMeetings: 'The meetings list has no meetings to choose from.',
  writeDecision: (title) => `Write the decision in SharePoint: ${title}`,
  writeDecisionLocal: (id) => `Decisions are written in the local file, item ${id}.`,
  items: (count) => (count === 1 ? '1 item' : `${count} items`),
  noItems: 'No items have been submitted to the meeting.',
  wholeTab: 'Open the whole balance list',
};

export function meetingPanelStringsFor(language: Language): MeetingPanelStrings {
  return language === 'en' ? en : sv;
}
