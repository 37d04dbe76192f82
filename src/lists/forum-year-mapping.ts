/**
 * Field mapping for the forum's year: the items of the balance list, the meetings, "Ärenden SVOM",
 * "Forum SVOM", "Avsnitt SVOM" and "Uppdrag SVOM" → the domain's `ForumData`, with a problem for every bad value.
 *
 * Everything is untrusted: nothing here throws on bad data, and no item is dropped while it can
 * still be shown. Dates are kept as precise as written (a month, a year), never widened to a day.
 */
import type { Errand, FollowUpProblem, ForumData, ForumMeeting, SectionedEntry } from '../domain/errands';
import { isValidPartialDate, partialDateFromCalendar, type PartialDate } from '../domain/partial-date';
import type { BalanceList } from '../domain/types';
import type { ListData, ListItem } from '../ports/list-source';
import { mapActions } from './actions-mapping';
import { ERRAND_KIND_CHOICES, ERRAND_STATUS_CHOICES, FORUM_MEETING_KIND_CHOICES } from './forum-year-schema';
import { describeValue, isRecord, type ItemReader } from './item-reader';
import { mapListData } from './mapping';
import { GROUP_CHOICES } from './schema';
import { mapForum, mapSections, readerFor } from './sections-mapping';

/** The lists of a forum file or site; the follow-up's own lists may be missing (an older file). */
export interface ForumListData {
  balance: readonly unknown[];
  meetings: readonly unknown[];
  errands?: readonly unknown[];
  forum?: readonly unknown[];
  sections?: readonly unknown[];
  actions?: readonly unknown[];
}

const items = (value: unknown): ListItem[] => (Array.isArray(value) ? (value.filter(isRecord) as unknown as ListItem[]) : []);

/** A year or month column: a whole number, or null (with a problem) when not one. */
function wholeNumber(reader: ItemReader, field: string): number | null {
  const value = reader.number(field, false);
  if (value === null || Number.isInteger(value)) return value;
  reader.problem(field, 'invalid-number', value, `${field} should be a whole number.`);
  return null;
}

/** The date as far as the item gives it: MeetingDate to the day, else MeetingYear and MeetingMonth. */
function readPartialDate(reader: ItemReader): PartialDate | null {
  const day = reader.date('MeetingDate');
  const year = wholeNumber(reader, 'MeetingYear');
  const month = wholeNumber(reader, 'MeetingMonth');
  if (day !== null) {
    const date = partialDateFromCalendar(day) as PartialDate;
    if ((year !== null && year !== date.year) || (month !== null && month !== date.month)) {
      reader.problem(
        'MeetingYear',
        'invalid-date',
        `${year ?? ''}-${month ?? ''}`,
        `MeetingYear/MeetingMonth differ from MeetingDate ${day}; the date is used.`,
      );
    }
    return date;
  }
  if (year === null) {
    if (month !== null)
      reader.problem('MeetingMonth', 'missing-date', month, "MeetingMonth is given without MeetingYear; the meeting is in no year's follow-up.");
    else reader.problem('MeetingDate', 'missing-date', '', "The meeting has neither a date nor a year; it is in no year's follow-up.");
    return null;
  }
  const date: PartialDate = { year, month, day: null };
  if (!isValidPartialDate(date)) {
    reader.problem(
      month !== null && year >= 1000 && year <= 9999 ? 'MeetingMonth' : 'MeetingYear',
      'invalid-date',
      `${year}-${month ?? ''}`,
      `MeetingYear ${year}, MeetingMonth ${month ?? '(none)'} is not a year and month.`,
    );
    return null;
  }
  return date;
}

function mapMeetings(list: readonly ListItem[]): { meetings: ForumMeeting[]; problems: FollowUpProblem[] } {
  const meetings: ForumMeeting[] = [];
  const problems: FollowUpProblem[] = [];
  const keys = new Set<string>();
  for (const item of list) {
    const { reader, problems: problemsOf } = readerFor('meetings', item);
    const title = reader.text('Title');
    reader.title = title;
    if (title === '') reader.problem('Title', 'missing-title', '', 'The meeting has no title.');
    let key = reader.text('MeetingKey');
    if (key !== '' && keys.has(key)) {
      reader.problem(
        'MeetingKey',
        'duplicate-key',
        key,
        `MeetingKey "${describeValue(key)}" is used by another meeting too; ärenden naming it go to the first.`,
      );
      key = `${key}~${reader.id}`;
    }
    if (key !== '') keys.add(key);
    meetings.push({
      id: reader.id,
      key,
      title,
      date: readPartialDate(reader),
      kind: reader.choice('MeetingKind', FORUM_MEETING_KIND_CHOICES, false),
      subject: reader.text('Subject'),
      notes: reader.text('Notes', { multiline: true }),
      link: reader.link('MeetingLink'),
      editUrl: reader.editUrl,
    });
    problems.push(...problemsOf());
  }
  return { meetings, problems };
}

/** Entry keys as a list (local files) or text with one key per line (SharePoint; `;` and `,` also separate). */
function readEntryKeys(reader: ItemReader, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const parts = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\n;,]/u) : null;
  if (parts === null) {
    reader.problem('EntryKeys', 'invalid-field-type', value, 'EntryKeys should be text with one key per line.');
    return [];
  }
  const keys: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') {
      reader.problem('EntryKeys', 'invalid-field-type', part, 'Each of EntryKeys should be a key (text).');
      continue;
    }
    const key = part.trim();
    if (key !== '' && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

function mapErrands(list: readonly ListItem[]): { errands: Errand[]; problems: FollowUpProblem[] } {
  const errands: Errand[] = [];
  const problems: FollowUpProblem[] = [];
  const keys = new Set<string>();
  for (const item of list) {
    const { reader, problems: problemsOf } = readerFor('errands', item);
    const fields = isRecord(item.fields) ? item.fields : {};
    const title = reader.text('Title');
    reader.title = title;
    if (title === '') reader.problem('Title', 'missing-title', '', 'The ärende has no title.');
    let key = reader.text('ErrandKey');
    if (key === '') {
      key = `errand-${reader.id}`;
      reader.problem('ErrandKey', 'missing-key', '', `The ärende has no ErrandKey; it is shown as "${key}".`);
    } else if (keys.has(key)) {
      reader.problem(
        'ErrandKey',
        'duplicate-key',
        key,
        `ErrandKey "${describeValue(key)}" is used by another ärende too; this one is shown as "${key}~${reader.id}".`,
      );
      key = `${key}~${reader.id}`;
    }
    keys.add(key);
    const meetingKey = reader.optionalText('MeetingKey');
    // A SharePoint lookup column to the meetings list arrives as `<Name>LookupId`.
    const lookup = fields.MeetingLookupId;
    const meetingId = typeof lookup === 'number' || (typeof lookup === 'string' && lookup.trim() !== '') ? String(lookup).trim() : null;
    let year = wholeNumber(reader, 'ErrandYear');
    if (year !== null && (year < 1000 || year > 9999)) {
      reader.problem('ErrandYear', 'invalid-number', year, `ErrandYear ${year} is not a year.`);
      year = null;
    }
    errands.push({
      id: reader.id,
      key,
      title,
      meeting: meetingKey === null && meetingId === null ? null : { key: meetingKey, id: meetingId },
      year,
      entryKeys: readEntryKeys(reader, fields.EntryKeys),
      preparingGroup: reader.multiChoice('PreparingGroup', GROUP_CHOICES).join(', '),
      kind: reader.choice('ErrandKind', ERRAND_KIND_CHOICES, false),
      status: reader.choice('ErrandStatus', ERRAND_STATUS_CHOICES, false),
      decision: reader.text('Decision', { multiline: true }),
      documentLink: reader.link('DocumentLink'),
      order: reader.number('SortOrder', true) ?? Number.MAX_SAFE_INTEGER,
      eTag: typeof item.eTag === 'string' ? item.eTag : '',
      editUrl: reader.editUrl,
    });
    problems.push(...problemsOf());
  }
  return { errands, problems };
}

/** The same problem found by two readings of one item (the balance view's and the follow-up's). */
const problemId = (problem: FollowUpProblem): string => [problem.list, problem.itemId, problem.field ?? '', problem.code].join('\u0000');

/**
 * Maps every list the forum's year needs. The entries, their sections and the lists' problems are
 * the balance list's own (`list`, mapped from `data` when not given), so the tab, the cards and the
 * report agree on them. Without a list of sections the 2022 list's five built-in sections are used,
 * so a file or site from before the follow-up reads as it did.
 */
export function mapForumData(data: ForumListData, list: BalanceList = mapListData(data as unknown as ListData)): ForumData {
  // Only the defined sections: the follow-up shows entries of an undefined one in a nameless last section.
  const { sections } = mapSections(items(data.sections));
  const entries = list.entries.map(({ section, ...entry }): SectionedEntry => ({ ...entry, sectionKey: section }));
  const { meetings, problems: meetingProblems } = mapMeetings(items(data.meetings));
  const { errands, problems: errandProblems } = mapErrands(items(data.errands));
  const { forum, problems: forumProblems } = mapForum(items(data.forum));
  const { actions, problems: actionProblems } = mapActions(items(data.actions));
  const problems: FollowUpProblem[] = [...list.problems];
  const seen = new Set(problems.map(problemId));
  for (const problem of meetingProblems) if (!seen.has(problemId(problem))) problems.push(problem);
  // A site without the forum profile list has already said so (missing-list), and a store from
  // before the forum's year has no such list to fill in: only an empty list is a missing profile.
  const forumMissing = data.forum === undefined || list.problems.some((problem) => problem.code === 'missing-list' && problem.list === 'forum');
  problems.push(...errandProblems, ...actionProblems, ...forumProblems.filter((problem) => !(forumMissing && problem.code === 'no-forum-profile')));
  return { sections, entries, meetings, errands, actions, forum, problems };
}
