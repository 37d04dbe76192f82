import { isoWeekKey, judge, quietReason, type LedgerRecord } from '../../../../bot/notifier';
import { stockholmInstant } from '../../../../src/domain/dates';

describe('quietReason (Stockholm time)', () => {
  const evening = { quietHours: { start: '18:00', end: '07:00' }, quietWeekends: true };
  const at = (date: string, time: string) => stockholmInstant(date, time);

  it.each([
    ['2022-12-01', '06:59', 'quiet-hours'],
    ['2022-12-01', '07:00', null],
    ['2022-12-01', '17:59', null],
    ['2022-12-01', '18:00', 'quiet-hours'],
    ['2022-12-01', '23:59', 'quiet-hours'],
    ['2022-12-03', '12:00', 'weekend'],
    ['2022-12-04', '12:00', 'weekend'],
    ['2022-12-05', '00:00', 'quiet-hours'],
    // The night DST starts and ends: 07:00 is still the end of quiet hours in local time.
    ['2023-03-27', '06:30', 'quiet-hours'],
    ['2023-03-27', '07:00', null],
    ['2023-10-30', '07:00', null],
  ])('%s %s → %s', (date, time, expected) => {
    expect(quietReason(at(date, time), evening)).toBe(expected);
  });

  it('handles a daytime window and an equal start and end (off)', () => {
    const lunch = { quietHours: { start: '12:00', end: '13:00' }, quietWeekends: false };
    expect(quietReason(at('2022-12-03', '12:30'), lunch)).toBe('quiet-hours');
    expect(quietReason(at('2022-12-03', '13:00'), lunch)).toBeNull();
    expect(quietReason(at('2022-12-01', '03:00'), { quietHours: { start: '00:00', end: '00:00' }, quietWeekends: false })).toBeNull();
    expect(quietReason(at('2022-12-01', '03:00'), { quietHours: null, quietWeekends: false })).toBeNull();
  });

  it('reads the clock in Stockholm, whatever the UTC date', () => {
    // 2022-12-04T23:30Z is Monday 00:30 in Stockholm: quiet hours, not the weekend.
    expect(quietReason(new Date('2022-12-04T23:30:00Z'), evening)).toBe('quiet-hours');
    expect(quietReason(new Date('2022-12-05T06:00:00Z'), evening)).toBeNull();
  });
});

describe('isoWeekKey', () => {
  it.each([
    ['2022-11-28', '2022-W48'],
    ['2022-12-04', '2022-W48'],
    ['2022-12-05', '2022-W49'],
    ['2022-01-02', '2021-W52'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-12-31', '2026-W53'],
  ])('%s is %s', (date, week) => {
    expect(isoWeekKey(date)).toBe(week);
  });
});

describe('judge: may this event be claimed now?', () => {
  const options = { owner: 'me', leaseMs: 600_000, maxFailedAttempts: 3 };
  const now = Date.parse('2022-12-01T08:00:00Z');
  const record = (overrides: Partial<LedgerRecord>): LedgerRecord => ({
    teamId: 't',
    eventKey: 'e',
    kind: 'expiry-notice',
    state: 'posted',
    claimedBy: 'other',
    claimedAt: '2022-12-01T07:00:00.000Z',
    attempts: 1,
    posts: 1,
    postedAt: '2022-12-01T07:00:01.000Z',
    activityId: 'a',
    lastAttemptOn: '2022-12-01',
    lastError: null,
    snoozedUntil: null,
    ...overrides,
  });

  it.each<[string, LedgerRecord | null, string]>([
    ['no record', null, 'claim:new'],
    ['posted', record({}), 'skip:skipped-already-posted'],
    ['posted, snoozed until later', record({ snoozedUntil: '2022-12-08' }), 'skip:skipped-snoozed'],
    ['posted, snooze over', record({ snoozedUntil: '2022-12-01' }), 'claim:snooze-over'],
    ['claimed within the lease', record({ state: 'claimed', claimedAt: '2022-12-01T07:55:00.000Z' }), 'skip:skipped-in-progress'],
    ['claimed, lease over', record({ state: 'claimed', claimedAt: '2022-12-01T07:49:00.000Z' }), 'claim:lease-expired'],
    ['claimed with a broken time', record({ state: 'claimed', claimedAt: 'garbage' }), 'claim:lease-expired'],
    ['released', record({ state: 'released' }), 'claim:retry'],
    ['released but snoozed', record({ state: 'released', snoozedUntil: '2022-12-02' }), 'skip:skipped-snoozed'],
    ['failed today', record({ state: 'failed' }), 'skip:skipped-failed'],
    ['failed yesterday', record({ state: 'failed', lastAttemptOn: '2022-11-30' }), 'claim:retry'],
    ['failed three times', record({ state: 'failed', attempts: 3, lastAttemptOn: '2022-11-30' }), 'skip:skipped-failed'],
  ])('%s', (_name, value, expected) => {
    const verdict = judge(value, '2022-12-01', now, options);
    expect(verdict.action === 'claim' ? `claim:${verdict.reason}` : `skip:${verdict.outcome}`).toBe(expected);
  });
});
