/**
 * "Beslut och uppdrag från mötet …", the day after a meeting: each ärende with its decision as
 * written in the ärenden list (or that none is written yet), the actions it gave (who, by when),
 * and links to the meeting in the tab's Möten view, its minutes (the file saved in the site's
 * library when the card was given one, else the app's address) and the Uppdrag view. Each
 * action's responsible person is @mentioned when the directory could resolve them.
 */
import type { Action } from '../../src/domain/actions';
import type { AdaptiveCard, CardContext, MeetingOutcome } from '../contracts';
import { actionStrings, type ActionStrings } from './action-strings';
import { expand, type UrlAction } from './expand';
import { dateWithWeekday, safe } from './format';
import { tabViewUrl } from './links';
import { isHttpsUrl, isOpenableUrl } from './markdown';
import { CardMentions } from './mentions';
import meetingOutcomeTemplate from './templates/meeting-outcome.json';

/**
 * Ärenden shown before "… och N ärenden till", actions under one ärende before "… och N uppdrag
 * till", and actions in the whole card; with the texts shortened, this keeps the card below Teams'
 * ~28 KB however long (and however full of escaped characters) the lists' texts are. The minutes
 * hold everything.
 */
const ERRANDS_IN_CARD = 10;
const ACTIONS_PER_ERRAND = 5;
const ACTIONS_IN_CARD = 16;

/**
 * "Fredagsgruppen · Anna Berg", the group escaped and the person @mentioned where possible; the
 * reminder card's "Ingen ansvarig angiven" when neither is named.
 */
function responsible(action: Action, t: ActionStrings, mentions: CardMentions): string {
  const group = action.group.trim() === '' ? null : safe(action.group, 60);
  const person = action.person === null ? null : mentions.person(action.person, t.unknownPerson);
  const parts = [group, person].filter((part): part is string => part !== null && part !== '');
  return parts.length === 0 ? t.nobody : parts.join(' · ');
}

function actionLine(action: Action, t: ActionStrings, context: CardContext, mentions: CardMentions): string {
  const due = action.due === null ? t.noDueDate : dateWithWeekday(action.due, context.language);
  const state = action.status === 'done' ? ` (${t.outcomeDone})` : action.status === 'struck' ? ` (${t.outcomeStruck})` : '';
  return `${t.outcomeAction(safe(action.title, 120), responsible(action, t, mentions), due)}${state}`;
}

export function meetingOutcomeCard(outcome: MeetingOutcome, context: CardContext): AdaptiveCard {
  const t = actionStrings(context.language);
  const mentions = new CardMentions(context);
  const shown = outcome.errands.slice(0, ERRANDS_IN_CARD);
  let room = ACTIONS_IN_CARD;
  const errands = shown.map(({ errand, actions }) => {
    const decision = errand.decision.trim();
    const listed = actions.slice(0, Math.min(ACTIONS_PER_ERRAND, room));
    room -= listed.length;
    return {
      title: safe(errand.title, 150) || '–',
      decided: decision !== '',
      decision: decision === '' ? t.noDecision : safe(decision, 350),
      actions: listed.map((action) => ({ line: actionLine(action, t, context, mentions) })),
      moreActions: actions.length > listed.length ? t.moreActions(actions.length - listed.length) : '',
    };
  });
  const undecided = outcome.errands.filter(({ errand }) => errand.decision.trim() === '').length;
  const actionCount = outcome.errands.reduce((sum, { actions }) => sum + actions.length, 0);
  const urlActions: UrlAction[] = [];
  const meetingView = /^\d{1,16}$/.test(outcome.meeting.id)
    ? tabViewUrl(context.tabUrl, { view: 'moten', meeting: outcome.meeting.id })
    : tabViewUrl(context.tabUrl, { view: 'moten' });
  if (isOpenableUrl(meetingView)) urlActions.push({ title: t.openMeeting, url: meetingView });
  // The minutes saved in the site's library (SharePoint mode), else the app's own address (local mode).
  const minutes = isHttpsUrl(context.savedDocument?.webUrl) ? context.savedDocument.webUrl : outcome.minutesUrl;
  if (isOpenableUrl(minutes)) urlActions.push({ title: t.minutes, url: minutes });
  const actionsView = tabViewUrl(context.tabUrl, { view: 'uppdrag' });
  if (isOpenableUrl(actionsView)) urlActions.push({ title: t.openActions, url: actionsView });
  const card = expand(meetingOutcomeTemplate, {
    heading: t.outcomeHeading(dateWithWeekday(outcome.meeting.date, context.language)),
    title: safe(outcome.meeting.title, 300) || '–',
    counts: t.outcomeCounts(outcome.errands.length, undecided, actionCount),
    errands,
    moreErrands: outcome.errands.length > shown.length ? t.moreErrands(outcome.errands.length - shown.length) : '',
    urlActions,
  });
  return mentions.attach(card);
}
