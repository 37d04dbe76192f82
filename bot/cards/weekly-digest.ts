/** The weekly overview: the coming meetings and the agreements nearing their end. */
import type { AdaptiveCard, CardContext } from '../contracts';
import type { Due } from '../../src/domain/types';
import { dateWithWeekday, isoWeek, safe } from './format';
import { strings } from './strings';
import { LIST_LIMIT, expand, tabAction, more } from './expand';
import { validityDates } from './agreement-text';
import weeklyDigestTemplate from './templates/weekly-digest.json';

/** The weekly digest of `due`, for the ISO week of `context.today`. */
export function weeklyDigestCard(due: Due, context: CardContext): AdaptiveCard {
  const t = strings(context.language);
  const meetings = due.meetings.slice(0, LIST_LIMIT.digest).map(({ meeting }) => {
    const details = [meeting.time ?? '', safe(meeting.location, 120), meeting.itemDeadline ? `${t.itemDeadline}: ${meeting.itemDeadline}` : ''].filter(Boolean);
    return { headline: `${dateWithWeekday(meeting.date, context.language)} · ${safe(meeting.title, 160)}`, detail: details.join(' · ') };
  });
  const expiries = due.expiries.slice(0, LIST_LIMIT.digest).map((expiry) => ({
    headline: safe(expiry.entry.title, 200),
    detail: `${t.validityDates}: ${validityDates(expiry.entry, t, context.language)} · ${t.daysLeftLabel(expiry.daysLeft)}: ${t.daysLeftValue(expiry.daysLeft)}`,
  }));
  return expand(weeklyDigestTemplate, {
    t,
    heading: t.digestTitle(isoWeek(context.today)),
    subheading: dateWithWeekday(context.today, context.language),
    meetings,
    moreMeetings: more(t, due.meetings.length, meetings.length),
    expiries,
    moreExpiries: more(t, due.expiries.length, expiries.length),
    urlActions: tabAction(t, context),
  });
}
