/**
 * Field mapping for the forum's year: the items of the balance list, the meetings, "Ärenden SVOM",
 * "Forum SVOM" and "Avsnitt SVOM" → the domain's `ForumData`, with a problem for every bad value.
 *
 * Everything is untrusted: nothing here throws on bad data, and no item is dropped while it can
 * still be shown. Dates are kept as precise as written (a month, a year), never widened to a day.
 */
import type { Errand, FollowUpProblem, ForumData, ForumMeeting, SectionedEntry } from '../domain/errands';
import { isValidPartialDate, partialDateFromCalendar, type PartialDate } from '../domain/partial-date';
import type { SectionDefinition } from '../domain/sections';
import type { ListItem } from '../ports/list-source';
import { ERRAND_KIND_CHOICES, ERRAND_STATUS_CHOICES, FORUM_MEETING_KIND_CHOICES } from './errands-schema';
import { describeValue, isRecord, type ItemReader } from './item-reader';
import { mapListData } from './mapping';
import { GROUP_CHOICES, SECTION_CHOICES } from './schema';
import { fold, mapForum, mapSections, readerFor, sectionResolver } from './sections-mapping';

/** The lists of a forum file or site; the follow-up's own lists may be missing (an older file). */
export interface ForumListData {
  balance: readonly unknown[];
  meetings: readonly unknown[];
  errands?: readonly unknown[];
  forum?: readonly unknown[];
  sections?: readonly unknown[];
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
      reader.problem('MeetingYear', 'invalid-date', `${year ?? ''}-${month ?? ''}`, `MeetingYear/MeetingMonth differ from MeetingDate ${day}; the date is used.`);
    }
    return date;
  }
  if (year === null) {
    if (month !== null) reader.problem('MeetingMonth', 'missing-date', month, 'MeetingMonth is given without MeetingYear; the meeting is in no year\'s follow-up.');
    else reader.problem('MeetingDate', 'missing-date', '', 'The meeting has neither a date nor a year; it is in no year\'s follow-up.');
    return null;
  }
  const date: PartialDate = { year, month, day: null };
  if (!isValidPartialDate(date)) {
    reader.problem(month !== null && year >= 1000 && year <= 9999 ? 'MeetingMonth' : 'MeetingYear', 'invalid-date', `${year}-${month ?? ''}`, `MeetingYear ${year}, MeetingMonth ${month ?? '(none)'} is not a year and month.`);
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
      reader.problem('MeetingKey', 'duplicate-key', key, `MeetingKey "${describeValue(key)}" is used by another meeting too; ärenden naming it go to the first.`);
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
      reader.problem('ErrandKey', 'duplicate-key', key, `ErrandKey "${describeValue(key)}" is used by another ärende too; this one is shown as "${key}~${reader.id}".`);
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

/** Any valid Section text: the balance mapping then reads every other column; sections are resolved here. */
const PLACEHOLDER_SECTION = SECTION_CHOICES[3][0];

/**
 * The balance list's entries with their section resolved against the list of sections (by key or
 * heading). An entry without a known section takes its parent's; failing that it keeps the text
 * it named, is reported, and the follow-up shows it in a last, nameless section.
 */
function mapEntries(list: readonly ListItem[], sections: readonly SectionDefinition[]): { entries: SectionedEntry[]; problems: FollowUpProblem[] } {
  const resolve = sectionResolver(sections);
  const written = new Map<string, unknown>();
  const neutral = list.map((item) => {
    const fields = isRecord(item.fields) ? item.fields : null;
    written.set(String(item.id), fields?.Section);
    return fields === null ? item : { ...item, fields: { ...fields, Section: PLACEHOLDER_SECTION } };
  });
  const { entries, problems } = mapListData({ balance: neutral, meetings: [] });
  const sectionOf = new Map<string, string | null>();
  for (const entry of entries) {
    const text = written.get(entry.id);
    sectionOf.set(entry.key, typeof text === 'string' ? (resolve(text)?.key ?? null) : null);
  }
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const extra: FollowUpProblem[] = [];
  const sectioned = entries.map(({ section: _unused, ...entry }): SectionedEntry => {
    let sectionKey = sectionOf.get(entry.key) ?? null;
    const seen = new Set<string>();
    for (let parent = entry.parentKey; sectionKey === null && parent !== null && !seen.has(parent); parent = byKey.get(parent)?.parentKey ?? null) {
      seen.add(parent);
      sectionKey = sectionOf.get(parent) ?? null;
    }
    const text = written.get(entry.id);
    if (sectionOf.get(entry.key) === null) {
      const value = typeof text === 'string' ? text : describeValue(text);
      const where = sectionKey === null ? 'it is shown in a last section without a name' : `it is shown in its parent's section "${sectionKey}"`;
      extra.push({ list: 'balance', itemId: entry.id, title: entry.title, field: 'Section', code: 'unknown-section', value, message: `Section "${describeValue(value)}" is not one of the sections; ${where}.`, editUrl: entry.editUrl });
    }
    return { ...entry, sectionKey: sectionKey ?? (typeof text === 'string' ? fold(text) : '') };
  });
  // The balance mapping ordered the entries as one section; a stable sort by section restores
  // document order (each section's entries keep their depth-first order).
  const position = new Map(sections.map((section, index) => [section.key, index]));
  const rank = (entry: SectionedEntry): number => position.get(entry.sectionKey) ?? sections.length;
  sectioned.sort((a, b) => rank(a) - rank(b));
  return { entries: sectioned, problems: [...problems, ...extra] };
}

/**
 * Maps every list the forum's year needs. Without a list of sections the 2022 list's five built-in
 * sections are used, so a file or site from before the follow-up reads as it did.
 */
export function mapForumData(data: ForumListData): ForumData {
  const { sections, problems: sectionProblems } = mapSections(items(data.sections));
  const { entries, problems: entryProblems } = mapEntries(items(data.balance), sections);
  const { meetings, problems: meetingProblems } = mapMeetings(items(data.meetings));
  const { errands, problems: errandProblems } = mapErrands(items(data.errands));
  const { forum, problems: forumProblems } = mapForum(items(data.forum));
  return {
    sections,
    entries,
    meetings,
    errands,
    forum,
    problems: [...sectionProblems, ...entryProblems, ...meetingProblems, ...errandProblems, ...forumProblems],
  };
}
