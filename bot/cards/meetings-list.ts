/** The answer to "möten": the coming SVOM meetings. */
import type { AdaptiveCard, CardContext } from '../contracts';
import { errandsForMeeting, type Errand } from '../../src/domain/errands';
import type { Meeting } from '../../src/domain/types';
import { dateWithWeekday, daysFrom, safe, safeList } from './format';
import { strings } from './strings';
import { LIST_LIMIT, expand, tabAction, more } from './expand';
import meetingsListTemplate from './templates/meetings-list.json';

/** The coming meetings, with how many ärenden each has when `errands` is given. */
export function meetingsListCard(input: { meetings: Meeting[]; stale: boolean; errands?: readonly Errand[] }, context: CardContext): AdaptiveCard {
  const t = strings(context.language);
  const upcoming = input.meetings.filter((meeting) => (daysFrom(context.today, meeting.date) ?? -1) >= 0);
  const meetings = upcoming.slice(0, LIST_LIMIT.meetings).map((meeting) => ({
    title: safe(meeting.title, 200),
    date: `${dateWithWeekday(meeting.date, context.language)}${meeting.time ? ` ${meeting.time}` : ''}`,
    place: safe(meeting.location, 160),
    deadline: meeting.itemDeadline ? dateWithWeekday(meeting.itemDeadline, context.language) : '',
    groups: safeList(meeting.preparingGroups),
    errands: input.errands ? String(errandsForMeeting(input.errands, meeting).length) : '',
  }));
  return expand(meetingsListTemplate, {
    t,
    stale: input.stale,
    meetings,
    more: more(t, upcoming.length, meetings.length),
    urlActions: tabAction(t, context),
  });
}
