/**
 * Turns what is due (and the bot's answers) into Adaptive Cards 1.5: each card kind is a JSON
 * template in `templates/`, expanded with `adaptivecards-templating` over data prepared here.
 * Prepared data is already localized and escaped, so templates only place it.
 */
import * as ACData from 'adaptivecards-templating';
import type { AdaptiveCard, CardContext, CardRenderer, DueAction, FollowUpReady, Language, MeetingAgenda } from '../contracts';
import { actionStrings } from './action-strings';
import actionReminderTemplate from './templates/action-reminder.json';
import { errandsForMeeting, type Errand } from '../../src/domain/errands';
import type { PartialDate } from '../../src/domain/partial-date';
import type { Due, DueExpiry, DueMeeting, Entry, Meeting } from '../../src/domain/types';
import type { AgreementView } from '../../src/view-model';
import { monthName, relativeDays } from '../../src/vocabulary';
import { ACTION_DATA_VERSION, VERBS, type ActionActionData, type ExpiryActionData, type MeetingActionData } from './actions';
import { dateWithWeekday, daysFrom, isoWeek, safe, safeList } from './format';
import { tabViewUrl } from './links';
import { isHttpsUrl, isOpenableUrl } from './markdown';
import { entryStatusLabel, errandKindLabel, errandStatusLabel, meetingKindLabel, revisionLabel, strings, type Strings } from './strings';
import meetingReminderTemplate from './templates/meeting-reminder.json';
import expiryNoticeTemplate from './templates/expiry-notice.json';
import weeklyDigestTemplate from './templates/weekly-digest.json';
import welcomeTemplate from './templates/welcome.json';
import helpTemplate from './templates/help.json';
import meetingsListTemplate from './templates/meetings-list.json';
import agreementsListTemplate from './templates/agreements-list.json';
import messageTemplate from './templates/message.json';
import followUpReadyTemplate from './templates/follow-up-ready.json';

export type NoticeStyle = 'good' | 'attention' | 'warning' | 'accent' | 'emphasis';

/** A line on top of a card saying what just happened (markdown we write; values already escaped). */
export interface CardNotice {
  style: NoticeStyle;
  text: string;
}

export interface ChannelChoice {
  id: string;
  name: string;
}

/** Everything the bot renders: the notifier's three cards plus the conversational ones. */
export interface BotCards extends CardRenderer {
  meetingReminder(due: DueMeeting, context: CardContext, extras?: { notice?: CardNotice; agenda?: MeetingAgenda }): AdaptiveCard;
  expiryNotice(due: DueExpiry, context: CardContext, extras?: { notice?: CardNotice }): AdaptiveCard;
  welcome(input: { channels: ChannelChoice[]; chosen: ChannelChoice | null; chosenBy: string | null; notice?: CardNotice }, context: CardContext): AdaptiveCard;
  help(input: { inTeam: boolean; channelName: string | null; unknownText: string | null }, context: CardContext): AdaptiveCard;
  /** With `errands`, each meeting tells how many ärenden are registered for it. */
  meetingsList(input: { meetings: Meeting[]; stale: boolean; errands?: readonly Errand[] }, context: CardContext): AdaptiveCard;
  agreementsList(input: { agreements: AgreementView[]; stale: boolean }, context: CardContext): AdaptiveCard;
  message(input: { title: string; text: string; style: NoticeStyle }, context: CardContext): AdaptiveCard;
}

/** How many rows a list card shows before "… and N more": keeps every card far below Teams' ~28 KB. */
const LIST_LIMIT = { followUps: 15, agenda: 12, digest: 8, meetings: 10, agreements: 12 };

interface UrlAction {
  title: string;
  url: string;
}

interface ExecuteAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

function expand(template: object, data: Record<string, unknown>): AdaptiveCard {
  const card = new ACData.Template(template).expand({ $root: data }) as Record<string, unknown>;
  delete card.$schema;
  return card as AdaptiveCard;
}

function tabAction(t: Strings, context: CardContext): UrlAction[] {
  return isOpenableUrl(context.tabUrl) ? [{ title: t.openTab, url: context.tabUrl }] : [];
}

function more(t: Strings, total: number, shown: number): string {
  return total > shown ? t.andMore(total - shown) : '';
}

function validityDates(entry: Pick<Entry, 'agreement'>, t: Strings, language: Language): string {
  const validity = entry.agreement?.validity;
  if (!validity) return t.notStated;
  const from = validity.from ? dateWithWeekday(validity.from, language) : '';
  const to = validity.to ? dateWithWeekday(validity.to, language) : t.unknownEnd;
  if (from) return `${from} – ${to}`;
  return validity.to ? t.untilDate(to) : to;
}

function revisionText(entry: Pick<Entry, 'agreement'>, t: Strings, language: Language): string {
  const agreement = entry.agreement;
  if (!agreement?.revisionStatus) return t.notStated;
  const when = agreement.revisionUpdatedAt ? agreement.revisionUpdatedAt.slice(0, 10) : null;
  return t.revisionBy(revisionLabel(agreement.revisionStatus, language), agreement.revisionUpdatedBy ? safe(agreement.revisionUpdatedBy, 80) : null, when);
}

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

/** "tisdag 2022-12-13", "december 2022" or "2017, datum anges inte": never more precise than written. */
function partialDateText(date: PartialDate, t: Strings, language: Language): string {
  if (date.month === null) return `${date.year}, ${t.dateNotGiven}`;
  if (date.day === null) return `${monthName(date.month, language)} ${date.year}`;
  const calendar = `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  return dateWithWeekday(calendar, language);
}

/** The renderer over the JSON templates. */
export class TemplateCardRenderer implements BotCards {
  meetingReminder(due: DueMeeting, context: CardContext, extras: { notice?: CardNotice; agenda?: MeetingAgenda } = {}): AdaptiveCard {
    const t = strings(context.language);
    const { meeting } = due;
    const reminder = due.reminder ?? due.daysUntil;
    // The early reminder is about submitting items; the late one about the meeting itself.
    const near = reminder <= 7;
    const deadlineDays = daysFrom(context.today, meeting.itemDeadline);
    const followUps = due.followUps.slice(0, LIST_LIMIT.followUps).map((entry) => ({ line: followUpLine(entry, context.language) }));
    const data: MeetingActionData = { v: ACTION_DATA_VERSION, card: 'meeting', meetingId: meeting.id, reminder: due.reminder, eventKey: context.eventKey };
    const urlActions: UrlAction[] = [...tabAction(t, context)];
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

  expiryNotice(due: DueExpiry, context: CardContext, extras: { notice?: CardNotice } = {}): AdaptiveCard {
    const t = strings(context.language);
    const { entry } = due;
    const agreement = entry.agreement;
    const data: ExpiryActionData = {
      v: ACTION_DATA_VERSION,
      card: 'expiry',
      entryId: entry.id,
      eTag: entry.eTag,
      threshold: due.threshold,
      eventKey: context.eventKey,
    };
    const executeActions: ExecuteAction[] = [];
    const revision = agreement?.revisionStatus ?? null;
    if (revision !== 'started' && revision !== 'revised') executeActions.push({ title: t.revisionStarted, verb: VERBS.revisionStarted, data });
    if (context.eventKey) executeActions.push({ title: t.snooze, verb: VERBS.snooze, data });
    const urlActions: UrlAction[] = [...tabAction(t, context)];
    if (isHttpsUrl(entry.editUrl)) urlActions.push({ title: t.openSharePoint, url: entry.editUrl });
    return expand(expiryNoticeTemplate, {
      t,
      style: due.daysLeft <= 30 ? 'attention' : due.daysLeft <= 90 ? 'warning' : 'emphasis',
      heading: t.expiryTitle(due.daysLeft),
      title: safe(entry.title, 300),
      notice: extras.notice ?? null,
      validityText: agreement?.validity.text ? safe(agreement.validity.text, 120) : t.notStated,
      validityDates: validityDates(entry, t, context.language),
      daysLabel: t.daysLeftLabel(due.daysLeft),
      daysLeft: t.daysLeftValue(due.daysLeft),
      recommending: safeList(agreement?.recommendingForums ?? []),
      groups: safeList(entry.preparingGroups),
      revision: revisionText(entry, t, context.language),
      notes: safe(entry.notes, 1500),
      executeActions,
      urlActions,
    });
  }

  weeklyDigest(due: Due, context: CardContext): AdaptiveCard {
    const t = strings(context.language);
    const meetings = due.meetings.slice(0, LIST_LIMIT.digest).map(({ meeting }) => {
      const details = [meeting.time ?? '', safe(meeting.location, 120), meeting.itemDeadline ? `${t.itemDeadline}: ${meeting.itemDeadline}` : ''].filter(
        Boolean,
      );
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

  welcome(
    input: { channels: ChannelChoice[]; chosen: ChannelChoice | null; chosenBy: string | null; notice?: CardNotice },
    context: CardContext,
  ): AdaptiveCard {
    const t = strings(context.language);
    const channels = input.channels.map((channel) => ({ id: channel.id, name: channel.name }));
    const by = input.chosenBy ? safe(input.chosenBy, 80) : null;
    // A good notice on a card with a chosen channel confirms that choice. It takes the place of the
    // status line, which would say the same thing again in a second green box.
    const confirmation = input.chosen && input.notice?.style === 'good' ? input.notice : null;
    const status = confirmation
      ? [confirmation.text, by ? t.welcomeChosenBy(by) : ''].filter(Boolean).join(' ')
      : input.chosen
        ? t.welcomeChosen(safe(input.chosen.name, 80), by)
        : t.welcomeNoChannel;
    return expand(welcomeTemplate, {
      t,
      notice: confirmation ? null : (input.notice ?? null),
      statusStyle: input.chosen ? 'good' : 'warning',
      status,
      channels,
      selected: input.chosen?.id ?? '',
      executeActions: channels.length > 0 ? [{ title: t.chooseChannel, verb: VERBS.chooseChannel, data: { v: ACTION_DATA_VERSION, card: 'welcome' } }] : [],
      urlActions: tabAction(t, context),
    });
  }

  help(input: { inTeam: boolean; channelName: string | null; unknownText: string | null }, context: CardContext): AdaptiveCard {
    const t = strings(context.language);
    return expand(helpTemplate, {
      t,
      intro: input.unknownText ? t.helpUnknown(safe(input.unknownText, 60)) : '',
      commands: t.helpCommands.map(([command, description]) => ({ command, description })),
      // Which channel gets the reminders is the team's matter: a personal chat has none to tell.
      channel: input.inTeam ? t.helpChannel(input.channelName ? safe(input.channelName, 80) : null) : '',
      urlActions: tabAction(t, context),
    });
  }

  meetingsList(input: { meetings: Meeting[]; stale: boolean; errands?: readonly Errand[] }, context: CardContext): AdaptiveCard {
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

  agreementsList(input: { agreements: AgreementView[]; stale: boolean }, context: CardContext): AdaptiveCard {
    const t = strings(context.language);
    // Those ending soonest first; unknown end dates last, in list order.
    const sorted = [...input.agreements].sort((a, b) => (a.daysLeft ?? Number.MAX_SAFE_INTEGER) - (b.daysLeft ?? Number.MAX_SAFE_INTEGER));
    const colors = { active: 'Good', expiring: 'Warning', expired: 'Attention', unknown: 'Default' } as const;
    const agreements = sorted.slice(0, LIST_LIMIT.agreements).map((agreement) => ({
      title: safe(agreement.title, 200),
      state: t.agreementState[agreement.status],
      color: colors[agreement.status],
      validityText: agreement.agreement?.validity.text ? safe(agreement.agreement.validity.text, 120) : t.notStated,
      validityDates: validityDates(agreement, t, context.language),
      daysLabel: agreement.daysLeft === null ? '' : t.daysLeftLabel(agreement.daysLeft),
      daysLeft: agreement.daysLeft === null ? '' : t.daysLeftValue(agreement.daysLeft),
      revision: agreement.agreement?.revisionStatus ? revisionText(agreement, t, context.language) : '',
    }));
    return expand(agreementsListTemplate, {
      t,
      stale: input.stale,
      agreements,
      more: more(t, sorted.length, agreements.length),
      urlActions: tabAction(t, context),
    });
  }

  followUpReady(ready: FollowUpReady, context: CardContext): AdaptiveCard {
    const t = strings(context.language);
    const reason =
      ready.reason.kind === 'last-meeting'
        ? t.followUpAfterMeeting(
            ready.year,
            [safe(ready.reason.title, 160), partialDateText(ready.reason.date, t, context.language)].filter(Boolean).join(', '),
          )
        : t.followUpOnDate(ready.year, dateWithWeekday(ready.reason.date, context.language));
    const urlActions: UrlAction[] = [];
    const view = tabViewUrl(context.tabUrl, { view: 'uppfoljning', year: String(ready.year) });
    if (isOpenableUrl(view)) urlActions.push({ title: t.openFollowUp, url: view });
    if (isOpenableUrl(ready.docxUrl)) urlActions.push({ title: t.downloadWord, url: ready.docxUrl });
    return expand(followUpReadyTemplate, {
      t,
      heading: t.followUpTitle(ready.year),
      reason,
      meetings: String(ready.meetings),
      events: ready.events > 0 ? String(ready.events) : '',
      errands: String(ready.errands),
      areasWithout: ready.areas > 0 ? t.countOf(ready.areasWithoutErrand, ready.areas) : '',
      problems: t.problemsValue(ready.problems),
      urlActions,
    });
  }

  actionReminder(due: DueAction, context: CardContext, extras: { notice?: CardNotice } = {}): AdaptiveCard {
    const t = actionStrings(context.language);
    const { action } = due;
    const person = action.person === null ? null : action.person.name || t.unknownPerson;
    const who = [action.group, person].filter((part): part is string => part !== null && part !== '').join(' · ');
    const data: ActionActionData = { v: ACTION_DATA_VERSION, card: 'action', actionId: action.id, eTag: action.eTag, eventKey: due.eventKey };
    const executeActions: ExecuteAction[] =
      action.status === 'open'
        ? [
            { title: t.done, verb: VERBS.actionDone, data },
            { title: t.remindAgain, verb: VERBS.snooze, data },
          ]
        : [];
    const urlActions: UrlAction[] = [];
    const view = tabViewUrl(context.tabUrl, { view: 'uppdrag' });
    if (isOpenableUrl(view)) urlActions.push({ title: t.openActions, url: view });
    return expand(actionReminderTemplate, {
      t,
      style: due.stage === 'overdue' ? 'attention' : 'emphasis',
      heading: t.heading(due.stage, due.days),
      title: safe(action.title, 300),
      notice: extras.notice ?? null,
      due: action.due ? dateWithWeekday(action.due, context.language) : '–',
      responsible: who === '' ? t.nobody : safe(who, 200),
      errand: due.errandTitle ? safe(due.errandTitle, 200) : '',
      meeting: due.meeting ? `${safe(due.meeting.title, 160)}, ${dateWithWeekday(due.meeting.date, context.language)}` : '',
      notes: safe(action.notes, 600),
      executeActions,
      urlActions,
    });
  }

  message(input: { title: string; text: string; style: NoticeStyle }, context: CardContext): AdaptiveCard {
    const t = strings(context.language);
    return expand(messageTemplate, { t, title: input.title, text: input.text, style: input.style, urlActions: tabAction(t, context) });
  }
}
