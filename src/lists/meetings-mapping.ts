/**
 * Meeting items → the domain's meetings, by date and start time. A meeting without a date is left
 * out with a problem, unless the forum's year knows it by its year (and month).
 */
import { compareMeetings } from '../domain/meetings';
import type { Meeting, Problem } from '../domain/types';
import type { ListItem } from '../ports/list-source';
import { compareIds, isRecord, ItemReader } from './item-reader';
import { GROUP_CHOICES, MEETING_KIND_CHOICES } from './schema';

/** A meeting known only to its year (and month) is no problem: the forum's year reads it so. */
function hasYear(item: ListItem): boolean {
  const year = isRecord(item.fields) ? item.fields.MeetingYear : undefined;
  return year !== undefined && year !== null && year !== '';
}

function readMeeting(item: ListItem): { meeting: Meeting | null; reader: ItemReader } {
  const reader = new ItemReader('meetings', item);
  const title = reader.text('Title');
  reader.title = title;
  if (title === '') reader.problem('Title', 'missing-title', '', 'The meeting has no title.');
  const rawDate = isRecord(item.fields) ? item.fields.MeetingDate : undefined;
  const date = reader.date('MeetingDate');
  if (date === null && (rawDate === undefined || rawDate === null || rawDate === '') && !hasYear(item)) {
    reader.problem('MeetingDate', 'missing-date', '', 'The meeting has no date; it is left out of the meetings.');
  }
  const meeting: Meeting = {
    id: reader.id,
    key: reader.text('MeetingKey'),
    title,
    date: date ?? '',
    time: reader.time('StartTime'),
    kind: reader.choice('MeetingKind', MEETING_KIND_CHOICES, false),
    location: reader.text('Location'),
    link: reader.link('MeetingLink'),
    itemDeadline: reader.date('ItemDeadline'),
    preparingGroups: reader.multiChoice('PreparingGroups', GROUP_CHOICES),
    notes: reader.text('Notes', { multiline: true }),
    eTag: typeof item.eTag === 'string' ? item.eTag : '',
    editUrl: reader.editUrl,
  };
  return { meeting: date === null ? null : meeting, reader };
}

export function mapMeetings(items: readonly ListItem[]): { meetings: Meeting[]; problems: Problem[] } {
  const read = items.map(readMeeting);
  const dated = read.filter((candidate) => candidate.meeting !== null);
  dated.sort((a, b) => compareMeetings(a.meeting as Meeting, b.meeting as Meeting));
  const undated = read.filter((candidate) => candidate.meeting === null).sort((a, b) => compareIds(a.reader.id, b.reader.id));
  return {
    meetings: dated.map((candidate) => candidate.meeting as Meeting),
    problems: [...dated, ...undated].flatMap((candidate) => candidate.reader.problems),
  };
}
