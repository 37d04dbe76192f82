/**
 * @jest-environment jsdom
 */
/**
 * Action reminders: 7 days before the due date (or the first run after), on the day, and once
 * overdue, each its own ledger key; the card is valid, carries Klart and "Påminn igen om 7 dagar"
 * with the action's eTag, and keeps hostile text inert.
 */
import { TemplateCardRenderer, VERBS, parseActionData } from '../../../../bot/cards';
import type { CardContext } from '../../../../bot/contracts';
import { actionEvents, actionStage } from '../../../../bot/notifier/actions';
import { digestActions, digestEvent } from '../../../../bot/notifier/events';
import { action, errand, forumMeeting } from '../../domain/forum-builders';
import { cardProblems } from '../cards/validate-card';

const renderer = new TemplateCardRenderer();
const context = (eventKey: string): CardContext => ({
  language: 'sv',
  tabUrl: 'https://teams.microsoft.com/l/entity/app-id/balanslista',
  today: '2022-12-01',
  eventKey,
});

const forum = {
  meetings: [forumMeeting('m-nov', { title: 'SVOM november', date: { year: 2022, month: 11, day: 17 } })],
  errands: [errand('e1', { title: 'Handlingsplan', meeting: { key: 'm-nov', id: null } })],
  actions: [
    action('a-soon', {
      id: '1',
      title: 'Återkom med förslag',
      errandKey: 'e1',
      group: 'Fredagsgruppen',
      person: { name: 'Anna Berg', lookupId: '14' },
      due: '2022-12-08',
    }),
    action('a-later', { id: '2', due: '2022-12-09' }),
    action('a-today', { id: '3', due: '2022-12-01' }),
    action('a-late', { id: '4', title: '**Fet** [länk](https://evil.example) <at>Alla</at>', due: '2022-11-28' }),
    action('a-done', { id: '5', due: '2022-11-28', status: 'done', doneOn: '2022-11-27' }),
    action('a-none', { id: '6' }),
  ],
};

describe('action reminders', () => {
  it('are due 7 days before, on the day and once overdue; never for a done action or one without a due date', () => {
    expect(actionStage(forum.actions[0]!, '2022-12-01')).toBe('soon');
    expect(actionStage(forum.actions[1]!, '2022-12-01')).toBeNull();
    expect(actionStage(forum.actions[2]!, '2022-12-01')).toBe('today');
    expect(actionStage(forum.actions[3]!, '2022-12-01')).toBe('overdue');
    expect(actionStage(forum.actions[4]!, '2022-12-01')).toBeNull();
    expect(actionStage(forum.actions[5]!, '2022-12-01')).toBeNull();
    // Overdue is told once within two weeks of the due date; an action long overdue is not news.
    expect(actionStage(forum.actions[3]!, '2022-12-12')).toBe('overdue');
    expect(actionStage(forum.actions[3]!, '2022-12-13')).toBeNull();
    expect(actionEvents(forum, '2022-12-01').map((event) => event.key)).toEqual([
      'action/1/2022-12-08/soon',
      'action/3/2022-12-01/today',
      'action/4/2022-11-28/overdue',
    ]);
    // The same action is reminded of again on its day, under another key: each posted once.
    expect(actionEvents(forum, '2022-12-08').find((event) => event.key.startsWith('action/1/'))?.key).toBe('action/1/2022-12-08/today');
  });

  it('follow REMINDER_ACTION_DAYS: each threshold its own key, the day only when 0 is set, overdue always', () => {
    const soon = forum.actions[0]!; // due 2022-12-08
    const days = [14, 3];
    expect(actionStage(soon, '2022-11-23', days)).toBeNull();
    expect(actionEvents({ ...forum, actions: [soon] }, '2022-11-24', days).map((event) => event.key)).toEqual(['action/1/2022-12-08/soon']);
    expect(actionEvents({ ...forum, actions: [soon] }, '2022-12-05', days).map((event) => event.key)).toEqual(['action/1/2022-12-08/soon-3']);
    // A threshold passed between runs is reminded of on the first run after it.
    expect(actionEvents({ ...forum, actions: [soon] }, '2022-12-07', days).map((event) => event.key)).toEqual(['action/1/2022-12-08/soon-3']);
    expect(actionStage(soon, '2022-12-08', days)).toBeNull();
    expect(actionStage(soon, '2022-12-08', [0])).toBe('today');
    expect(actionStage(soon, '2022-12-01', [0])).toBeNull();
    expect(actionStage(soon, '2022-12-09', [])).toBe('overdue');
  });

  it('renders a valid card with the ärende, the meeting, Klart and Påminn igen, and hostile text inert', () => {
    const [soon, , late] = actionEvents(forum, '2022-12-01');
    const card = soon!.render(renderer, context(soon!.key));
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('Uppdraget ska vara klart om 7 dagar');
    expect(text).toContain('Fredagsgruppen · Anna Berg');
    expect(text).toContain('SVOM november');
    const actions = (card as unknown as { actions: Array<{ type: string; verb?: string; title: string; data?: unknown }> }).actions;
    expect(actions.map((one) => one.title)).toEqual(['Klart', 'Påminn igen om 7 dagar', 'Visa alla uppdrag']);
    const done = actions.find((one) => one.verb === VERBS.actionDone);
    expect(parseActionData(done?.verb, done?.data)).toEqual({
      verb: VERBS.actionDone,
      data: { v: 1, card: 'action', actionId: '1', eTag: '"a-soon,1"', eventKey: 'action/1/2022-12-08/soon' },
    });
    const lateCard = JSON.stringify(late!.render(renderer, context(late!.key)));
    expect(lateCard).toContain('Uppdraget är försenat (3 dagar)');
    expect(lateCard).not.toContain('<at>');
    expect(lateCard).not.toContain('](https://evil.example)');
  });
});

describe('open actions in the weekly digest', () => {
  it('lists open ones by due date with days left (negative when late), done ones left out, undated last', () => {
    const listed = digestActions(forum.actions, '2022-12-01');
    expect(listed.map((entry) => [entry.action.id, entry.daysLeft])).toEqual([
      ['4', -3],
      ['3', 0],
      ['1', 7],
      ['2', 8],
      ['6', null],
    ]);
  });

  it('are told in the summary only when there are some', () => {
    const due = { today: '2022-12-01', meetings: [], expiries: [] };
    expect(digestEvent(due, digestActions(forum.actions, '2022-12-01')).summary('en')).toBe(
      'Week 48: 0 meetings in the coming four weeks, 0 agreements to watch, 5 open actions (1 overdue)',
    );
    expect(digestEvent(due, []).summary('sv')).toBe('Vecka 48: 0 möten de kommande fyra veckorna, 0 avtal att bevaka');
  });
});
