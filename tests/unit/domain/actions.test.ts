/** Actions (uppdrag): their order, lateness, state at a day, and the data-quality problems they raise. */
import { actionStatusOn, actionTiming, actionsForErrand, daysLate, openActions } from '../../../src/domain/actions';
import { dataQualityProblems } from '../../../src/domain/errands';
import { action, errand, forumData, forumMeeting } from './forum-builders';

describe('actions', () => {
  it('lists the open ones by due date, overdue first, those without a due date last, done and struck left out', () => {
    const actions = [
      action('later', { due: '2022-12-20' }),
      action('none'),
      action('late', { due: '2022-11-20' }),
      action('done', { due: '2022-11-01', status: 'done', doneOn: '2022-11-02' }),
      action('struck', { due: '2022-11-01', status: 'struck' }),
      action('soon', { due: '2022-12-05' }),
    ];
    expect(openActions(actions).map((one) => one.key)).toEqual(['late', 'soon', 'later', 'none']);
  });

  it('counts days late from the day after the due date, never for a done action', () => {
    expect(daysLate(action('a', { due: '2022-11-20' }), '2022-12-01')).toBe(11);
    expect(daysLate(action('a', { due: '2022-12-01' }), '2022-12-01')).toBe(0);
    expect(daysLate(action('a', { due: '2022-11-20', status: 'done' }), '2022-12-01')).toBe(0);
    expect(daysLate(action('a'), '2022-12-01')).toBe(0);
  });

  it('tells overdue, due soon (the due day and the horizon included) and later', () => {
    const today = '2022-12-01';
    expect(actionTiming(action('a', { due: '2022-11-30' }), today, 7)).toBe('overdue');
    expect(actionTiming(action('a', { due: '2022-12-01' }), today, 7)).toBe('due-soon');
    expect(actionTiming(action('a', { due: '2022-12-08' }), today, 7)).toBe('due-soon');
    expect(actionTiming(action('a', { due: '2022-12-09' }), today, 7)).toBe('later');
    expect(actionTiming(action('a'), today, 7)).toBe('later');
  });

  it('gives the state at a year end: done only from the day it was done', () => {
    const done = action('a', { status: 'done', doneOn: '2023-01-10' });
    expect(actionStatusOn(done, '2022-12-31')).toBe('open');
    expect(actionStatusOn(done, '2023-12-31')).toBe('done');
    expect(actionStatusOn(action('b', { status: 'done' }), '2022-12-31')).toBe('done');
    expect(actionStatusOn(action('c', { status: 'struck' }), '2022-12-31')).toBe('struck');
  });

  it("finds an ärende's actions", () => {
    const actions = [
      action('a', { errandKey: 'e1', due: '2022-12-20' }),
      action('b', { errandKey: 'e2' }),
      action('c', { errandKey: 'e1', due: '2022-12-01' }),
    ];
    expect(actionsForErrand(actions, 'e1').map((one) => one.key)).toEqual(['c', 'a']);
  });
});

describe('data quality of actions and meetings', () => {
  const meeting = forumMeeting('m-okt', { date: { year: 2022, month: 10, day: 20 } });
  const given = errand('e1', { meeting: { key: 'm-okt', id: null }, year: null });

  it('lists an action whose ärende is missing or not named, and one due before its meeting; keeps them all', () => {
    const data = forumData({
      meetings: [meeting],
      errands: [given],
      actions: [
        action('ok', { errandKey: 'e1', due: '2022-10-20' }),
        action('gone', { errandKey: 'e-saknas' }),
        action('none'),
        action('early', { errandKey: 'e1', due: '2022-10-19' }),
      ],
    });
    expect(dataQualityProblems(data).map((problem) => [problem.list, problem.itemId, problem.code, problem.field, problem.value])).toEqual([
      ['actions', 'gone', 'unknown-errand', 'ErrandKey', 'e-saknas'],
      ['actions', 'none', 'unknown-errand', 'ErrandKey', ''],
      ['actions', 'early', 'due-before-meeting', 'DueDate', '2022-10-19'],
    ]);
    expect(data.actions).toHaveLength(4);
  });

  it('lists a second meeting on the same day, but not meetings known only to the month', () => {
    const data = forumData({
      meetings: [
        meeting,
        forumMeeting('m-okt-extra', { title: 'Extra', date: { year: 2022, month: 10, day: 20 } }),
        forumMeeting('m-nov', { date: { year: 2022, month: 11, day: null } }),
        forumMeeting('m-nov-2', { date: { year: 2022, month: 11, day: null } }),
      ],
    });
    expect(dataQualityProblems(data).map((problem) => [problem.list, problem.itemId, problem.code, problem.value])).toEqual([
      ['meetings', 'm-okt-extra', 'same-day-meetings', '2022-10-20'],
    ]);
  });
});
