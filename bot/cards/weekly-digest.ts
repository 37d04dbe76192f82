/** The weekly overview: the coming meetings, the agreements nearing their end and the open actions. */
import type { AdaptiveCard, CardContext, DigestAction } from '../contracts';
import { actionStrings } from './action-strings';
import { tabViewUrl } from './links';
import { isOpenableUrl } from './markdown';
import type { Due } from '../../src/domain/types';
import { dateWithWeekday, isoWeek, safe } from './format';
import { strings } from './strings';
import { LIST_LIMIT, expand, tabAction, more } from './expand';
import { validityDates } from './agreement-text';
import weeklyDigestTemplate from './templates/weekly-digest.json';

/** The weekly digest of `due`, for the ISO week of `context.today`. */
export function weeklyDigestCard(due: Due, context: CardContext, openActions: readonly DigestAction[] = []): AdaptiveCard {
  const t = strings(context.language);
  const a = actionStrings(context.language);
  const meetings = due.meetings.slice(0, LIST_LIMIT.digest).map(({ meeting }) => {
    const details = [meeting.time ?? '', safe(meeting.location, 120), meeting.itemDeadline ? `${t.itemDeadline}: ${meeting.itemDeadline}` : ''].filter(Boolean);
    return { headline: `${dateWithWeekday(meeting.date, context.language)} · ${safe(meeting.title, 160)}`, detail: details.join(' · ') };
  });
  const expiries = due.expiries.slice(0, LIST_LIMIT.digest).map((expiry) => ({
    headline: safe(expiry.entry.title, 200),
    detail: `${t.validityDates}: ${validityDates(expiry.entry, t, context.language)} · ${t.daysLeftLabel(expiry.daysLeft)}: ${t.daysLeftValue(expiry.daysLeft)}`,
  }));
  const actions = openActions.slice(0, LIST_LIMIT.digest).map(({ action, daysLeft }) => {
    const person = action.person === null ? null : action.person.name || a.unknownPerson;
    const who = [action.group, person].filter((part): part is string => part !== null && part !== '').join(' · ');
    const when = action.due === null || daysLeft === null ? a.noDue : `${a.due} ${dateWithWeekday(action.due, context.language)} (${a.timing(daysLeft)})`;
    return {
      headline: safe(action.title, 200),
      detail: `${a.responsible}: ${who === '' ? a.nobody : safe(who, 200)} · ${when}`,
      late: daysLeft !== null && daysLeft < 0,
    };
  });
  const view = tabViewUrl(context.tabUrl, { view: 'uppdrag' });
  return expand(weeklyDigestTemplate, {
    a,
    actions,
    moreActions: more(t, openActions.length, actions.length),
    t,
    heading: t.digestTitle(isoWeek(context.today)),
    subheading: dateWithWeekday(context.today, context.language),
    meetings,
    moreMeetings: more(t, due.meetings.length, meetings.length),
    expiries,
    moreExpiries: more(t, due.expiries.length, expiries.length),
    urlActions: [...tabAction(t, context), ...(openActions.length > 0 && isOpenableUrl(view) ? [{ title: a.openActions, url: view }] : [])],
  });
}
