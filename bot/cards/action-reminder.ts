/**
 * A reminder of one action (uppdrag): due in some days, due today, or overdue; Klart and "Påminn
 * igen om 7 dagar". The responsible person is @mentioned when the directory could resolve them.
 */
import type { AdaptiveCard, CardContext, DueAction } from '../contracts';
import { actionStrings } from './action-strings';
import { ACTION_DATA_VERSION, VERBS, type ActionActionData } from './actions';
import type { CardNotice } from './card-types';
import { expand, type ExecuteAction, type UrlAction } from './expand';
import { dateWithWeekday, safe } from './format';
import { tabViewUrl } from './links';
import { isOpenableUrl } from './markdown';
import { CardMentions } from './mentions';
import actionReminderTemplate from './templates/action-reminder.json';

export function actionReminderCard(due: DueAction, context: CardContext, extras: { notice?: CardNotice } = {}): AdaptiveCard {
  const t = actionStrings(context.language);
  const { action } = due;
  const mentions = new CardMentions(context);
  const group = action.group.trim() === '' ? null : safe(action.group, 120);
  const person = action.person === null ? null : mentions.person(action.person, t.unknownPerson, 120);
  const who = [group, person].filter((part): part is string => part !== null && part !== '').join(' · ');
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
  const card = expand(actionReminderTemplate, {
    t,
    style: due.stage === 'overdue' ? 'attention' : 'emphasis',
    heading: t.heading(due.stage, due.days),
    title: safe(action.title, 300),
    notice: extras.notice ?? null,
    due: action.due ? dateWithWeekday(action.due, context.language) : '–',
    responsible: who === '' ? t.nobody : who,
    errand: due.errandTitle ? safe(due.errandTitle, 200) : '',
    meeting: due.meeting ? `${safe(due.meeting.title, 160)}, ${dateWithWeekday(due.meeting.date, context.language)}` : '',
    notes: safe(action.notes, 600),
    executeActions,
    urlActions,
  });
  return mentions.attach(card);
}
