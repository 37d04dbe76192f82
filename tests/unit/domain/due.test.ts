import { DEFAULT_DUE_RULES, computeDue } from '../../../src/domain/due';
import type { BalanceList, DueRules } from '../../../src/domain/types';
import { agreement, entry, meeting } from './builders';

const rules: DueRules = DEFAULT_DUE_RULES;
const list = (parts: Partial<BalanceList>): BalanceList => ({ sections: [], entries: [], meetings: [], problems: [], ...parts });

describe('DEFAULT_DUE_RULES', () => {
  it('are the documented defaults', () => {
    expect(DEFAULT_DUE_RULES).toEqual({ meetingWithinDays: 120, meetingReminderDays: [14, 2], expiryThresholds: [180, 90, 30, 0], expiredWithinDays: 365 });
  });
});

describe('computeDue: meetings', () => {
  const today = '2022-09-01';

  it('lists meetings from today up to meetingWithinDays ahead, inclusive', () => {
    const due = computeDue(
      list({
        meetings: [meeting('past', '2022-08-31'), meeting('today', '2022-09-01'), meeting('last', '2022-12-30'), meeting('beyond', '2022-12-31')],
      }),
      today,
      rules,
    );
    expect(due.today).toBe(today);
    expect(due.meetings.map((item) => [item.meeting.id, item.daysUntil])).toEqual([
      ['today', 0],
      ['last', 120],
    ]);
  });

  it.each([
    ['2022-09-16', 15, null],
    ['2022-09-15', 14, 14],
    ['2022-09-04', 3, 14],
    ['2022-09-03', 2, 2],
    ['2022-09-02', 1, 2],
    ['2022-09-01', 0, 2],
  ])('a meeting on %s is %i days ahead with reminder %s', (date, daysUntil, reminder) => {
    const [due] = computeDue(list({ meetings: [meeting('m', date)] }), today, rules).meetings;
    expect(due).toMatchObject({ daysUntil, reminder });
  });

  it('sorts meetings by date, then time, with undecided times last', () => {
    const due = computeDue(
      list({
        meetings: [
          meeting('c', '2022-09-22', { time: null }),
          meeting('d', '2022-10-12', { time: '08:00' }),
          meeting('b', '2022-09-22', { time: '13:00' }),
          meeting('a', '2022-09-22', { time: '09:30' }),
        ],
      }),
      today,
      rules,
    );
    expect(due.meetings.map((item) => item.meeting.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('attaches the entries whose next follow-up is the meeting date, in list order', () => {
    const entries = [
      entry({ key: 'prio-1-1', nextFollowUp: '2022-09-22' }),
      entry({ key: 'prio-1-2', nextFollowUp: '2022-10-12' }),
      agreement('avtal-3', { to: '2024-12-31' }, { nextFollowUp: '2022-09-22' }),
      entry({ key: 'prio-1-3', nextFollowUp: null }),
      entry({ key: 'prio-1-4', nextFollowUp: '2022-09-21' }),
    ];
    const due = computeDue(list({ entries, meetings: [meeting('m1', '2022-09-22'), meeting('m2', '2022-11-30')] }), today, rules);
    expect(due.meetings.map((item) => item.followUps.map((followUp) => followUp.key))).toEqual([['prio-1-1', 'avtal-3'], []]);
  });

  it('skips a meeting whose date is not a calendar date rather than failing', () => {
    const due = computeDue(list({ meetings: [meeting('bad', ''), meeting('ok', '2022-09-05')] }), today, rules);
    expect(due.meetings.map((item) => item.meeting.id)).toEqual(['ok']);
  });

  it('counts days across the autumn daylight-saving change and the year end', () => {
    const due = computeDue(list({ meetings: [meeting('autumn', '2022-10-31'), meeting('newyear', '2023-01-02')] }), '2022-10-29', rules);
    expect(due.meetings.map((item) => [item.meeting.id, item.daysUntil, item.reminder])).toEqual([
      ['autumn', 2, 2],
      ['newyear', 65, null],
    ]);
  });
});

describe('computeDue: expiries', () => {
  const hemsjukvard = agreement('avtal-3', { text: 't.o.m. 2022-12-31', to: '2022-12-31' });

  it.each([
    ['2022-07-03', null],
    ['2022-07-04', { threshold: 180, reachedOn: '2022-07-04', daysLeft: 180 }],
    ['2022-10-01', { threshold: 180, reachedOn: '2022-07-04', daysLeft: 91 }],
    ['2022-10-02', { threshold: 90, reachedOn: '2022-10-02', daysLeft: 90 }],
    ['2022-12-01', { threshold: 30, reachedOn: '2022-12-01', daysLeft: 30 }],
    ['2022-12-30', { threshold: 30, reachedOn: '2022-12-01', daysLeft: 1 }],
    ['2022-12-31', { threshold: 0, reachedOn: '2022-12-31', daysLeft: 0 }],
    ['2023-01-05', { threshold: 0, reachedOn: '2022-12-31', daysLeft: -5 }],
  ])('t.o.m. 2022-12-31 on %s → %j', (today, expected) => {
    const { expiries } = computeDue(list({ entries: [hemsjukvard] }), today, rules);
    if (expected === null) expect(expiries).toEqual([]);
    else expect(expiries).toEqual([{ entry: hemsjukvard, validTo: '2022-12-31', ...expected }]);
  });

  it('reaches thresholds on the right calendar day around the spring daylight-saving change', () => {
    // validTo 2022-04-25 − 30 days = 2022-03-26, the Saturday before clocks go forward.
    const inClosing = agreement('avtal-x', { to: '2022-04-25' });
    const on = (today: string) => computeDue(list({ entries: [inClosing] }), today, rules).expiries[0];
    expect(on('2022-03-25')).toMatchObject({ threshold: 90, daysLeft: 31 });
    expect(on('2022-03-26')).toMatchObject({ threshold: 30, reachedOn: '2022-03-26', daysLeft: 30 });
    expect(on('2022-03-27')).toMatchObject({ threshold: 30, daysLeft: 29 });
  });

  it('reaches thresholds on the right calendar day around the autumn change and across a year end', () => {
    const autumn = agreement('avtal-a', { to: '2023-01-28' });
    // 2023-01-28 − 90 days = 2022-10-30, the day clocks go back.
    expect(computeDue(list({ entries: [autumn] }), '2022-10-29', rules).expiries[0]).toMatchObject({ threshold: 180, daysLeft: 91 });
    expect(computeDue(list({ entries: [autumn] }), '2022-10-30', rules).expiries[0]).toMatchObject({
      threshold: 90,
      reachedOn: '2022-10-30',
      daysLeft: 90,
    });
    // 2023-01-15 − 30 days = 2022-12-16: the threshold is reached in the old year.
    const january = agreement('avtal-j', { to: '2023-01-15' });
    expect(computeDue(list({ entries: [january] }), '2022-12-31', rules).expiries[0]).toMatchObject({
      threshold: 30,
      reachedOn: '2022-12-16',
      daysLeft: 15,
    });
    // A leap year's February 29th is counted.
    const leap = agreement('avtal-l', { to: '2024-03-30' });
    expect(computeDue(list({ entries: [leap] }), '2024-02-29', rules).expiries[0]).toMatchObject({ threshold: 30, reachedOn: '2024-02-29' });
  });

  it('lists only agreements with an end date, sorted by it', () => {
    const entries = [
      agreement('avtal-1', { text: '2021-2023', from: '2021-01-01', to: '2023-12-31' }),
      hemsjukvard,
      agreement('avtal-4', { text: 't.o.m. 2022-03-31', to: '2022-03-31' }),
      agreement('avtal-5', { text: '' }),
      agreement('avtal-6', { text: 'fr.o.m. 2020-01-01', from: '2020-01-01' }),
      entry({ key: 'prio-1' }),
    ];
    const { expiries } = computeDue(list({ entries }), '2022-11-15', rules);
    expect(expiries.map((expiry) => [expiry.entry.key, expiry.threshold, expiry.daysLeft])).toEqual([
      ['avtal-4', 0, -229],
      ['avtal-3', 90, 46],
    ]);
  });

  it('uses the rules it is given: unsorted, repeated and nonsense thresholds', () => {
    const custom: DueRules = { meetingWithinDays: 7, meetingReminderDays: [7, 1, 7, -3], expiryThresholds: [30, 60, 60, -1, 2.5], expiredWithinDays: 365 };
    const due = computeDue(list({ entries: [hemsjukvard], meetings: [meeting('soon', '2022-12-05'), meeting('later', '2022-12-09')] }), '2022-12-01', custom);
    expect(due.meetings.map((item) => [item.meeting.id, item.reminder])).toEqual([['soon', 7]]);
    expect(due.expiries[0]).toMatchObject({ threshold: 30, reachedOn: '2022-12-01' });
  });

  it('stops counting an agreement as due once it ended longer ago than expiredWithinDays', () => {
    const due = (today: string) => computeDue(list({ entries: [hemsjukvard] }), today, { ...rules, expiredWithinDays: 30 }).expiries;
    expect(due('2023-01-30')).toMatchObject([{ threshold: 0, daysLeft: -30 }]);
    expect(due('2023-01-31')).toEqual([]);
    // Even with no 0 threshold, a long-ended agreement does not come back at a larger one.
    expect(computeDue(list({ entries: [hemsjukvard] }), '2026-11-25', { ...rules, expiryThresholds: [30] }).expiries).toEqual([]);
    expect(computeDue(list({ entries: [hemsjukvard] }), '2023-12-31', rules).expiries).toMatchObject([{ threshold: 0, daysLeft: -365 }]);
    expect(computeDue(list({ entries: [hemsjukvard] }), '2024-01-01', rules).expiries).toEqual([]);
  });

  it('refuses a today that is not a calendar date', () => {
    expect(() => computeDue(list({}), '2022-02-30', rules)).toThrow(RangeError);
  });
});
