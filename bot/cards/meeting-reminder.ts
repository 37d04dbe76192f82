/** The reminder of an SVOM meeting, with its agenda (ärenden) and what the meeting follows up. */
import type { AdaptiveCard, CardContext, Language, MeetingAgenda } from '../contracts';
import type { Errand } from '../../src/domain/errands';
import type { DueMeeting, Entry } from '../../src/domain/types';
import { relativeDays } from '../../src/vocabulary';
import { ACTION_DATA_VERSION, VERBS, type MeetingActionData } from './actions';
import { dateWithWeekday, daysFrom, safe, safeList } from './format';
import { isHttpsUrl } from './markdown';
import { entryStatusLabel, errandKindLabel, errandStatusLabel, meetingKindLabel, strings } from './strings';
import type { CardNotice } from './card-types';
import { LIST_LIMIT, type UrlAction, expand, more, tabAction } from './expand';
import meetingReminderTemplate from './templates/meeting-reminder.json';

function followUpLine(entry: Entry, language: Language): string {
  const status = entry.status ? ` (${entryStatusLabel(entry.status, language)})` : '';
  const groups = entry.preparingGroups.length > 0 ? ` – ${safeList(entry.preparingGroups)}` : '';
  return `• ${safe(entry.title, 200)}${status}${groups}`;
}

/** "• Title (Beslut, Berett) – Fredagsgruppen": what is asked, where it stands, who prepares it. */
function errandLine(errand: Errand, language: Language): string {
  const labels = [errand.kind ? errandKindLabel(errand.kind, language) : '', errand.status ? errandStatusLabel(errand.status, language) : ''].filter(Boolean);
  const group = safe(errand.preparingGroup, 80);
  return `• ${safe(errand.title, 200) || '–'}${labels.length > 0 ? ` (${labels.join(', ')})` : ''}${group ? ` – ${group}` : ''}`;
}

/**
 * The meeting reminder: early it is about submitting items, late about the meeting itself. Links
 * the agenda saved in the site's library when the card was given it (SharePoint mode).
 */
export function meetingReminderCard(due: DueMeeting, context: CardContext, extras: { notice?: CardNotice; agenda?: MeetingAgenda } = {}): AdaptiveCard {
  const t = strings(context.language);
  const { meeting } = due;
  const reminder = due.reminder ?? due.daysUntil;
  // The early reminder is about submitting items; the late one about the meeting itself.
  const near = reminder <= 7;
  const deadlineDays = daysFrom(context.today, meeting.itemDeadline);
  const followUps = due.followUps.slice(0, LIST_LIMIT.followUps).map((entry) => ({ line: followUpLine(entry, context.language) }));
  const data: MeetingActionData = { v: ACTION_DATA_VERSION, card: 'meeting', meetingId: meeting.id, reminder: due.reminder, eventKey: context.eventKey };
  const urlActions: UrlAction[] = [...tabAction(t, context)];
  // The agenda as saved in the site's library ("Spara i SharePoint"), when the secretariat has saved it.
  if (isHttpsUrl(context.savedDocument?.webUrl)) urlActions.push({ title: t.agendaWord, url: context.savedDocument.webUrl });
  const agenda = extras.agenda ?? null;
  if (agenda?.addUrl && isHttpsUrl(agenda.addUrl)) urlActions.push({ title: t.addErrand, url: agenda.addUrl });
  if (isHttpsUrl(meeting.link)) urlActions.push({ title: t.openMeetingLink, url: meeting.link });
  if (isHttpsUrl(meeting.editUrl)) urlActions.push({ title: t.openSharePoint, url: meeting.editUrl });
  const agendaLines = (agenda?.errands ?? []).slice(0, LIST_LIMIT.agenda).map((errand) => ({ line: errandLine(errand, context.language) }));
  return expand(meetingReminderTemplate, {
    t,
    heading: t.meetingInDays(due.daysUntil),
    title: safe(meeting.title, 200),
    notice: extras.notice ?? null,
    intro: near
      ? due.followUps.length > 0
        ? t.meetingReminderIntro(false)
        : ''
      : deadlineDays !== null && deadlineDays >= 0
        ? t.meetingReminderIntro(true)
        : '',
    date: dateWithWeekday(meeting.date, context.language),
    time: meeting.time ?? '',
    place: safe(meeting.location, 200),
    link: near && meeting.link ? safe(meeting.link, 300) : '',
    kind: meeting.kind ? meetingKindLabel(meeting.kind, context.language) : '',
    groups: safeList(meeting.preparingGroups),
    notes: safe(meeting.notes, 600),
    showAgenda: agenda !== null,
    agendaTitle: agenda ? t.agendaTitle(agenda.errands.length) : '',
    errandDeadline:
      meeting.itemDeadline && deadlineDays !== null
        ? t.errandDeadline(dateWithWeekday(meeting.itemDeadline, context.language), relativeDays(deadlineDays, context.language))
        : '',
    agenda: agendaLines,
    agendaMore: agenda ? more(t, agenda.errands.length, agendaLines.length) : '',
    showFollowUps: near,
    followUps: near ? followUps : [],
    more: near ? more(t, due.followUps.length, followUps.length) : '',
    executeActions: context.eventKey ? [{ title: t.snooze, verb: VERBS.snooze, data }] : [],
    urlActions,
  });
}
