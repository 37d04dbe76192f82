/**
 * A meeting's agenda (dagordning) and minutes (minnesanteckningar) as the same format-neutral
 * outline as the annual report, so Word, HTML and Markdown are the report's own renderers.
 *
 * - Dagordning: the meeting's facts, the last day for items, then its ärenden in agenda order
 *   with kind, preparing group and documents.
 * - Minnesanteckningar: the facts, then per ärende its decision and the actions it gave (who, by
 *   when, and where they stand).
 *
 * Text from the lists is carried as runs and escaped by each renderer; only link columns
 * (checked http or https by the field mapping) become links.
 */
import { actionsForErrand, type Action } from '../domain/actions';
import { errandsForMeeting, type Errand, type ForumData, type ForumMeeting, type ForumProfile } from '../domain/errands';
import type { Meeting } from '../domain/types';
import { meetingDocumentStrings, type MeetingDocumentStrings } from './meeting-strings';
import { formatPartialDate, type Block, type ListItem, type ReportOutline, type Run } from './outline';
import type { Language } from '../vocabulary/language';
import { reportStrings, type ReportStrings } from './strings';

export type MeetingDocumentKind = 'dagordning' | 'minnesanteckningar';

export const MEETING_DOCUMENT_KINDS: readonly MeetingDocumentKind[] = ['dagordning', 'minnesanteckningar'];

/** What a meeting's documents are made from. */
export interface MeetingDocumentData {
  meeting: ForumMeeting;
  /** The meetings list's own reading of the item (time, place, link, deadline); null for a meeting without a day. */
  details: Meeting | null;
  /** Its ärenden in agenda order. */
  errands: Errand[];
  /** Every action (each ärende shows those it gave). */
  actions: Action[];
  forum: ForumProfile | null;
}

/** The data of the meeting with `key` (its MeetingKey), or null when there is none. */
export function meetingDocumentData(forum: ForumData, meetings: readonly Meeting[], key: string): MeetingDocumentData | null {
  const meeting = forum.meetings.find((candidate) => candidate.key !== '' && candidate.key === key);
  if (meeting === undefined) return null;
  return {
    meeting,
    details: meetings.find((candidate) => candidate.id === meeting.id) ?? null,
    errands: errandsForMeeting(forum.errands, meeting),
    actions: forum.actions,
    forum: forum.forum,
  };
}

const plain = (text: string): Run => ({ text });
const heading = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });
const fact = (label: string, ...value: Run[]): ListItem => ({ runs: [{ text: `${label}: `, bold: true }, ...value], level: 0 });

/** A meeting's name as the documents' titles print it: "Extra SVOM-möte, april 2017". */
export function meetingName(meeting: ForumMeeting, t: ReportStrings): string {
  return `${meeting.title || '–'}, ${formatPartialDate(meeting.date, t)}`;
}

function factBlocks(data: MeetingDocumentData, m: MeetingDocumentStrings, t: ReportStrings): Block[] {
  const { meeting, details } = data;
  const items: ListItem[] = [fact(m.date, plain(formatPartialDate(meeting.date, t)))];
  if (details?.time) items.push(fact(m.time, plain(details.time)));
  if (details?.location) items.push(fact(m.location, plain(details.location)));
  if (meeting.kind !== null) items.push(fact(m.kind, plain(m.meetingKind[meeting.kind])));
  if (meeting.subject !== '') items.push(fact(m.subject, plain(meeting.subject)));
  if (details?.link) items.push({ runs: [{ text: m.link, link: details.link }], level: 0 });
  if (details?.itemDeadline) items.push(fact(m.deadline, plain(details.itemDeadline)));
  if (details && details.preparingGroups.length > 0) items.push(fact(m.preparingGroups, plain(details.preparingGroups.join(', '))));
  const blocks: Block[] = [{ type: 'list', items }];
  if (meeting.notes !== '') blocks.push({ type: 'paragraph', runs: [{ text: meeting.notes, italic: true }] });
  return blocks;
}

/** "Typ: Beslut · Beredande grupp: L-IFO · Status: Berett". */
function errandFacts(errand: Errand, m: MeetingDocumentStrings, t: ReportStrings): Run[] {
  const parts = [
    errand.kind === null ? null : `${m.errandKind}: ${capitalise(t.errandKind[errand.kind])}`,
    errand.preparingGroup === '' ? null : `${m.preparedBy}: ${errand.preparingGroup}`,
    errand.status === null ? null : `${m.status}: ${capitalise(t.errandStatus[errand.status])}`,
  ].filter((part): part is string => part !== null);
  const runs: Run[] = parts.length > 0 ? [{ text: parts.join(' · '), italic: true }] : [];
  if (errand.documentLink !== null) runs.push(...(runs.length > 0 ? [plain(' – ')] : []), { text: m.documents, link: errand.documentLink });
  return runs;
}

const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);

function actionItem(action: Action, m: MeetingDocumentStrings): ListItem {
  const person = action.person === null ? null : action.person.name || m.unknownPerson;
  const who = [action.group, person].filter((part): part is string => part !== null && part !== '').join(' · ') || m.nobody;
  const due = action.due === null ? m.noDue : m.due(action.due);
  return {
    runs: [
      { text: m.action(action.title), bold: true },
      { text: ` (${m.responsible}: ${who}, ${due}; ${m.actionStatus[action.status]})`, italic: true },
    ],
    level: 0,
  };
}

/** The outline of a meeting's agenda or minutes. */
export function buildMeetingOutline(data: MeetingDocumentData, kind: MeetingDocumentKind, language: Language = 'sv'): ReportOutline {
  const m = meetingDocumentStrings(language);
  const t = reportStrings(language);
  const name = meetingName(data.meeting, t);
  const title = kind === 'dagordning' ? m.agendaTitle(name) : m.minutesTitle(name);
  const blocks: Block[] = [heading(1, title)];
  const forumName = data.forum?.name || data.forum?.shortName || '';
  if (forumName !== '') blocks.push({ type: 'paragraph', runs: [{ text: forumName, bold: true }] });
  blocks.push(...factBlocks(data, m, t));
  blocks.push(heading(2, kind === 'dagordning' ? m.errandsHeading : m.decisionsHeading));
  if (data.errands.length === 0) blocks.push({ type: 'paragraph', runs: [{ text: m.noErrands, italic: true }] });
  let given = 0;
  data.errands.forEach((errand, index) => {
    blocks.push(heading(3, `${index + 1}. ${errand.title || '–'}`));
    const facts = errandFacts(errand, m, t);
    if (facts.length > 0) blocks.push({ type: 'paragraph', runs: facts });
    if (kind === 'dagordning') return;
    blocks.push({
      type: 'paragraph',
      runs: [{ text: `${m.decision}: `, bold: true }, errand.decision === '' ? { text: m.noDecision, italic: true } : plain(errand.decision)],
    });
    const actions = actionsForErrand(data.actions, errand.key);
    given += actions.length;
    if (actions.length > 0) blocks.push({ type: 'list', items: actions.map((action) => actionItem(action, m)) });
  });
  if (kind === 'minnesanteckningar' && data.errands.length > 0)
    blocks.push({ type: 'paragraph', runs: [plain(given === 0 ? m.noActions : m.actionSummary(given))] });
  return { language, title, blocks };
}
