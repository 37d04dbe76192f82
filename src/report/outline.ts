/**
 * The annual report as a format-neutral outline of headings, paragraphs and lists of text runs.
 * Markdown, HTML and Word are each a plain serialisation of this one outline, so the three say
 * the same thing in the same order.
 *
 * Runs hold text as written in the lists; only a run's `link` makes a hyperlink, and it is set
 * only from a link column (already checked to be http or https by the field mapping).
 */
import { meetingRefName, type ForumMeeting } from '../domain/errands';
import type { FollowUpRow, FollowUpYear, YearAction, YearErrand } from '../domain/forum-year';
import type { PartialDate } from '../domain/partial-date';
import { headingWithPeriod } from '../domain/sections';
import type { Language } from '../vocabulary/language';
import { reportStrings, type ReportStrings } from './strings';

export interface Run {
  text: string;
  italic?: boolean;
  bold?: boolean;
  link?: string;
}

export interface ListItem {
  runs: Run[];
  /** 0 for a top-level item, 1 for an item under the one before. */
  level: number;
}

export type Block = { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string } | { type: 'paragraph'; runs: Run[] } | { type: 'list'; items: ListItem[] };

export interface ReportOutline {
  language: Language;
  title: string;
  blocks: Block[];
}

const heading = (level: 1 | 2 | 3 | 4 | 5 | 6, text: string): Block => ({ type: 'heading', level, text });
const paragraph = (...runs: Run[]): Block => ({ type: 'paragraph', runs });
const plain = (text: string): Run => ({ text });

/** A date as precisely as it is known: "2 juni 2017", "april 2017", "2017, datum anges inte". */
export function formatPartialDate(date: PartialDate | null, t: ReportStrings): string {
  if (date === null) return t.date.none;
  if (date.month === null) return t.date.year(date.year);
  if (date.day === null) return t.date.month(date.month, date.year);
  return t.date.day(date.day, date.month, date.year);
}

function meetingLine(meeting: ForumMeeting, t: ReportStrings): Run[] {
  const subject = meeting.subject === '' ? '' : `: ${meeting.subject}`;
  return [plain(`${meeting.title} – ${formatPartialDate(meeting.date, t)}${subject}`)];
}

function meetingBlocks(model: FollowUpYear, t: ReportStrings): Block[] {
  const blocks: Block[] = [heading(2, t.meetingFrequency)];
  if (model.forum !== null && model.forum.meetingPlan !== '') blocks.push(paragraph(plain(model.forum.meetingPlan)));
  if (!model.hasMeetings) return [...blocks, paragraph({ text: t.noMeetings(model.year), bold: true })];
  const { ordinary, joint, extra, event, unspecified } = model.meetings;
  const total = ordinary.length + joint.length + extra.length + event.length + unspecified.length;
  blocks.push(paragraph(plain(t.meetingsRegistered(total, model.year))));
  const items: ListItem[] = [];
  const group = (label: string, meetings: ForumMeeting[]): void => {
    if (meetings.length === 0) return;
    items.push({ runs: [{ text: label, bold: true }], level: 0 });
    for (const meeting of meetings) items.push({ runs: meetingLine(meeting, t), level: 1 });
  };
  group(t.ordinary(ordinary.length), ordinary);
  group(t.joint(joint.length), joint);
  group(t.extra(extra.length), extra);
  group(t.event(event.length), event);
  group(t.unspecified(unspecified.length), unspecified);
  blocks.push({ type: 'list', items });
  const planned = model.forum?.plannedMeetingsPerYear ?? null;
  if (planned !== null) blocks.push(paragraph(plain(t.planned(planned, ordinary.length + joint.length))));
  return blocks;
}

/** "Uppdrag: … (Fredagsgruppen · Anna Berg, senast 2022-12-31; pågår vid årets slut 2022)". */
export function actionRuns({ action, statusAtYearEnd }: YearAction, year: number | null, t: ReportStrings): Run[] {
  const person = action.person === null ? null : action.person.name || t.actionUnknownPerson;
  const who = [action.group, person].filter((part): part is string => part !== null && part !== '').join(' · ') || t.actionNobody;
  const due = action.due === null ? t.actionNoDue : t.actionDue(action.due);
  const state = year === null ? t.actionStatus[statusAtYearEnd] : `${t.actionStatus[statusAtYearEnd]} ${t.actionAtYearEnd(year)}`;
  return [{ text: `${t.action}: `, bold: true }, plain(action.title), { text: ` (${who}, ${due}; ${state})`, italic: true }];
}

function errandItems(errands: readonly YearErrand[], t: ReportStrings, year: number): ListItem[] {
  const items: ListItem[] = [];
  for (const { errand, meeting, actions } of errands) {
    const details = [
      meeting !== null
        ? `${meeting.title}, ${formatPartialDate(meeting.date, t)}`
        : errand.meeting === null
          ? null
          : t.meetingMissing(meetingRefName(errand.meeting)),
      errand.kind === null ? null : t.errandKind[errand.kind],
      errand.status === null ? null : t.errandStatus[errand.status],
      errand.preparingGroup === '' ? null : t.preparedBy(errand.preparingGroup),
    ].filter((detail): detail is string => detail !== null);
    const runs: Run[] = [plain(errand.title)];
    if (details.length > 0) runs.push({ text: ` (${details.join('; ')})`, italic: true });
    if (errand.documentLink !== null) runs.push(plain(' – '), { text: t.documents, link: errand.documentLink });
    items.push({ runs, level: 0 });
    if (errand.decision !== '') items.push({ runs: [plain(errand.decision)], level: 1 });
    for (const action of actions) items.push({ runs: actionRuns(action, year, t), level: 1 });
  }
  return items;
}

function openActionBlocks(model: FollowUpYear, t: ReportStrings): Block[] {
  if (model.openAtYearEnd.length === 0)
    return model.errands.some((errand) => errand.actions.length > 0) ? [heading(2, t.openActionsHeading(model.year)), paragraph(plain(t.noOpenActions))] : [];
  const items = model.openAtYearEnd.map((open): ListItem => {
    const from = open.errand?.title || open.action.errandKey;
    const runs = actionRuns(open, null, t);
    if (from !== null) runs.push({ text: ` – ${t.actionFrom(from)}`, italic: true });
    return { runs, level: 0 };
  });
  return [heading(2, t.openActionsHeading(model.year)), paragraph(plain(t.openActionsIntro(items.length))), { type: 'list', items }];
}

function rowBlocks(row: FollowUpRow, year: number, t: ReportStrings): Block[] {
  const { entry } = row;
  const blocks: Block[] = [heading(Math.min(4 + row.depth, 6) as 4 | 5 | 6, entry.title)];
  if (entry.notes !== '') blocks.push(paragraph({ text: entry.notes, italic: true }));
  if (row.agreementAtYearEnd !== null && entry.agreement !== null) {
    const validity = entry.agreement.validity.text === '' ? t.notStated : entry.agreement.validity.text;
    blocks.push(paragraph(plain(`${t.validity}: ${validity}. ${t.stateAtYearEnd(year)}: ${t.agreementState[row.agreementAtYearEnd.status]}.`)));
  }
  if (row.errands.length > 0) blocks.push({ type: 'list', items: errandItems(row.errands, t, year) });
  else if (row.withoutErrand) blocks.push(paragraph({ text: t.withoutErrand(year), italic: true }));
  return blocks;
}

function problemBlocks(model: FollowUpYear, t: ReportStrings): Block[] {
  if (model.problems.length === 0) return [];
  const items = model.problems.map((problem): ListItem => {
    const what = problem.title === '' ? t.listName[problem.list] : `${t.listName[problem.list]}: ${problem.title}`;
    const value = problem.value === '' ? '' : ` (${problem.value})`;
    return { runs: [plain(`${what} – ${t.problem[problem.code]}${value}`)], level: 0 };
  });
  return [heading(2, t.problemsHeading), paragraph(plain(t.problemsIntro(model.problems.length))), { type: 'list', items }];
}

/** The report of one year as an outline, in the seed document's order of parts. */
export function buildReportOutline(model: FollowUpYear, language: Language = 'sv'): ReportOutline {
  const t = reportStrings(language);
  const forum = model.forum;
  const name = forum?.name || forum?.shortName || t.unnamedForum;
  const shortName = forum?.shortName || name;
  const title = t.title(name, model.year);
  const blocks: Block[] = [heading(1, title), paragraph(plain(t.intro(t.genitive(name), model.year)))];

  blocks.push(heading(2, forum?.shortName ? `${name} (${forum.shortName})` : name));
  if (forum === null) blocks.push(paragraph({ text: t.noForumProfile, italic: true }));
  else {
    if (forum.description !== '') blocks.push(paragraph(plain(forum.description)));
    if (forum.representationMunicipalities !== '')
      blocks.push(paragraph({ text: `${t.representationMunicipalities}: `, bold: true }, plain(forum.representationMunicipalities)));
    if (forum.representationRegion !== '')
      blocks.push(paragraph({ text: `${t.representationRegion(forum.regionName)}: `, bold: true }, plain(forum.representationRegion)));
    if (forum.otherParticipants !== '') blocks.push(paragraph(plain(forum.otherParticipants)));
  }

  blocks.push(heading(2, t.errandsHeading(shortName)));
  if (forum !== null && forum.preparation !== '') blocks.push(paragraph(plain(forum.preparation)));
  blocks.push(paragraph(plain(t.errandCount(model.errands.length, model.year))));

  blocks.push(...meetingBlocks(model, t));

  blocks.push(heading(2, t.goalsHeading));
  if (forum !== null && forum.goalsText !== '') blocks.push(paragraph(plain(forum.goalsText)));
  blocks.push(heading(2, t.balanceHeading));
  if (forum !== null && forum.balanceListText !== '') blocks.push(paragraph(plain(forum.balanceListText)));
  blocks.push(paragraph({ text: t.basedOnBalanceList, bold: true }));
  for (const { section, rows } of model.sections) {
    // A period kept in its own column is printed after the name, as the balance list prints it.
    blocks.push(heading(3, section.key === '' ? t.unnamedSection : headingWithPeriod(section)));
    if (section.description !== '') blocks.push(paragraph(plain(section.description)));
    if (rows.length === 0) blocks.push(paragraph({ text: section.agreements ? t.noAgreements : t.noEntriesInSection, italic: true }));
    for (const row of rows) blocks.push(...rowBlocks(row, model.year, t));
  }

  if (model.unplaced.length > 0) blocks.push(heading(2, t.unplacedHeading), { type: 'list', items: errandItems(model.unplaced, t, model.year) });
  blocks.push(...openActionBlocks(model, t));
  blocks.push(...problemBlocks(model, t));
  return { language, title, blocks };
}
