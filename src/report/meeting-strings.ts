/** Every word of a meeting's agenda (dagordning) and minutes (minnesanteckningar), in Swedish and English. */
import type { ActionStatus } from '../domain/actions';
import type { ForumMeetingKind } from '../domain/errands';
import type { Language } from '../vocabulary/language';

const sv = {
  agendaTitle: (meeting: string) => `Dagordning – ${meeting}`,
  minutesTitle: (meeting: string) => `Minnesanteckningar – ${meeting}`,
  date: 'Datum',
  time: 'Tid',
  location: 'Plats',
  kind: 'Mötestyp',
  subject: 'Ämne',
  link: 'Länk till mötet',
  deadline: 'Sista dag för ärenden',
  preparingGroups: 'Beredande forum',
  notes: 'Noteringar',
  errandsHeading: 'Ärenden',
  decisionsHeading: 'Ärenden och beslut',
  noErrands: 'Inga ärenden är anmälda till mötet.',
  errandKind: 'Typ',
  preparedBy: 'Beredande grupp',
  status: 'Status',
  documents: 'Handlingar',
  decision: 'Beslut och noteringar',
  noDecision: 'Inget beslut är antecknat.',
  actionsHeading: 'Uppdrag',
  noActions: 'Inga uppdrag.',
  action: (title: string) => `Uppdrag: ${title}`,
  responsible: 'ansvarig',
  nobody: 'ingen ansvarig angiven',
  unknownPerson: 'okänd person',
  due: (date: string) => `senast ${date}`,
  noDue: 'inget slutdatum',
  actionStatus: { open: 'pågår', done: 'klart', struck: 'struket' } satisfies Record<ActionStatus, string>,
  actionSummary: (count: number) => (count === 1 ? 'Mötet gav 1 uppdrag.' : `Mötet gav ${count} uppdrag.`),
  meetingKind: {
    ordinary: 'Ordinarie',
    extra: 'Extra',
    joint: 'Gemensamt med Västernorrland',
    event: 'Annat evenemang',
  } satisfies Record<ForumMeetingKind, string>,
};

export type MeetingDocumentStrings = typeof sv;

const en: MeetingDocumentStrings = {
  agendaTitle: (meeting) => `Agenda – ${meeting}`,
  minutesTitle: (meeting) => `Minutes – ${meeting}`,
  date: 'Date',
  time: 'Time',
  location: 'Place',
  kind: 'Kind of meeting',
  subject: 'Subject',
  link: 'Link to the meeting',
  deadline: 'Last day for items',
  preparingGroups: 'Preparing groups',
  notes: 'Notes',
  errandsHeading: 'Items',
  decisionsHeading: 'Items and decisions',
  noErrands: 'No items have been submitted to the meeting.',
  errandKind: 'Kind',
  preparedBy: 'Prepared by',
  status: 'Status',
  documents: 'Documents',
  decision: 'Decision and notes',
  noDecision: 'No decision is recorded.',
  actionsHeading: 'Actions',
  noActions: 'No actions.',
  action: (title) => `Action: ${title}`,
  responsible: 'responsible',
  nobody: 'nobody named',
  unknownPerson: 'unknown person',
  due: (date) => `due ${date}`,
  noDue: 'no due date',
  actionStatus: { open: 'open', done: 'done', struck: 'struck' },
  actionSummary: (count) => (count === 1 ? 'The meeting gave 1 action.' : `The meeting gave ${count} actions.`),
  meetingKind: { ordinary: 'Ordinary', extra: 'Extra', joint: 'Joint with Västernorrland', event: 'Other event' },
};

export function meetingDocumentStrings(language: Language): MeetingDocumentStrings {
  return language === 'en' ? en : sv;
}
