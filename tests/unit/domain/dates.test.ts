import {
  addDays,
  daysBetween,
  parseCalendarDate,
  stockholmClockOf,
  stockholmDateFromInstant,
  stockholmDateOf,
  stockholmInstant,
} from '../../../src/domain/dates';

describe('parseCalendarDate', () => {
  it.each(['2022-12-31', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (text) => {
    expect(parseCalendarDate(text)).toBe(text);
  });

  it.each([
    '2022-02-30',
    '2023-02-29',
    '1900-02-29',
    '2022-13-01',
    '2022-00-10',
    '2022-04-31',
    '2022-1-01',
    ' 2022-01-01',
    '2022-01-01T00:00:00Z',
    '20220101',
    '2022/01/01',
    '0000-01-01',
    '',
    '２０２２-01-01',
  ])('rejects %j', (text) => {
    expect(parseCalendarDate(text)).toBeNull();
  });

  it('rejects values that are not strings', () => {
    expect(parseCalendarDate(20221231 as unknown as string)).toBeNull();
    expect(parseCalendarDate(null as unknown as string)).toBeNull();
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2022-12-31', 1, '2023-01-01'],
    ['2023-01-01', -1, '2022-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2022-03-26', 1, '2022-03-27'],
    ['2022-03-27', 1, '2022-03-28'],
    ['2022-10-30', 1, '2022-10-31'],
    ['2022-01-01', 365, '2023-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2022-12-31', -180, '2022-07-04'],
    ['0099-12-31', 1, '0100-01-01'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
    expect(daysBetween(expected, date)).toBe(-days);
  });

  it('counts whole calendar days across both daylight-saving changes', () => {
    expect(daysBetween('2022-03-26', '2022-03-28')).toBe(2);
    expect(daysBetween('2022-10-29', '2022-10-31')).toBe(2);
    expect(daysBetween('2022-01-01', '2022-12-31')).toBe(364);
  });

  it('refuses malformed input instead of computing nonsense', () => {
    expect(() => addDays('2022-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2022-01-01', 0.5)).toThrow(RangeError);
    expect(() => daysBetween('2022-01-01', 'tomorrow')).toThrow(RangeError);
  });
});

describe('stockholmDateOf', () => {
  it.each([
    ['2022-12-30T22:59:59.999Z', '2022-12-30'],
    ['2022-12-30T23:00:00Z', '2022-12-31'],
    ['2022-12-31T22:59:59Z', '2022-12-31'],
    ['2022-12-31T23:00:00Z', '2023-01-01'],
    ['2022-06-14T21:59:59Z', '2022-06-14'],
    ['2022-06-14T22:00:00Z', '2022-06-15'],
    ['2022-03-26T23:00:00Z', '2022-03-27'],
    ['2022-03-27T22:00:00Z', '2022-03-28'],
    ['2022-10-29T22:00:00Z', '2022-10-30'],
    ['2022-10-30T23:00:00Z', '2022-10-31'],
  ])('%s is %s in Stockholm', (instant, date) => {
    expect(stockholmDateOf(new Date(instant))).toBe(date);
  });

  it('throws on an invalid Date', () => {
    expect(() => stockholmDateOf(new Date('nope'))).toThrow(RangeError);
  });
});

describe('stockholmDateFromInstant', () => {
  it.each([
    ['2022-12-30T23:00:00Z', '2022-12-31'],
    ['2022-06-14T22:00:00Z', '2022-06-15'],
    ['2022-03-30T22:00:00Z', '2022-03-31'],
    ['2022-03-26T23:00:00Z', '2022-03-27'],
    ['2022-10-29T22:00:00Z', '2022-10-30'],
    ['2022-10-30T23:00:00Z', '2022-10-31'],
    ['2022-12-31T00:00:00+01:00', '2022-12-31'],
    ['2022-12-30T23:00:00.000Z', '2022-12-31'],
    ['2022-12-31', '2022-12-31'],
    [' 2022-12-31 ', '2022-12-31'],
  ])('%s → %s', (text, date) => {
    expect(stockholmDateFromInstant(text)).toBe(date);
  });

  it.each(['', 'igår', '2022-02-30T00:00:00Z', '2022-02-30', '2022-12-31T25:00:00Z', '2022-12-31T00:00:00', '1672441200000'])('rejects %j', (text) => {
    expect(stockholmDateFromInstant(text)).toBeNull();
  });
});

describe('stockholmClockOf', () => {
  it('gives the Stockholm date, time and ISO weekday', () => {
    // Saturday 31 December 2022, 23:30 UTC is already Sunday 1 January 2023 00:30 in Stockholm.
    expect(stockholmClockOf(new Date('2022-12-31T23:30:00Z'))).toEqual({ date: '2023-01-01', time: '00:30', weekday: 7 });
    expect(stockholmClockOf(new Date('2022-06-13T05:45:00Z'))).toEqual({ date: '2022-06-13', time: '07:45', weekday: 1 });
    expect(stockholmClockOf(new Date('2022-02-25T22:59:00Z'))).toEqual({ date: '2022-02-25', time: '23:59', weekday: 5 });
  });

  it('shows the hour that occurs twice in October twice, and skips the one missing in March', () => {
    expect(stockholmClockOf(new Date('2022-10-30T00:30:00Z')).time).toBe('02:30');
    expect(stockholmClockOf(new Date('2022-10-30T01:30:00Z')).time).toBe('02:30');
    expect(stockholmClockOf(new Date('2022-03-27T00:59:00Z')).time).toBe('01:59');
    expect(stockholmClockOf(new Date('2022-03-27T01:00:00Z')).time).toBe('03:00');
  });
});

describe('stockholmInstant', () => {
  it.each([
    ['2022-12-31', undefined, '2022-12-30T23:00:00.000Z'],
    ['2022-06-15', undefined, '2022-06-14T22:00:00.000Z'],
    ['2022-06-15', '09:30', '2022-06-15T07:30:00.000Z'],
    ['2022-01-10', '08:00', '2022-01-10T07:00:00.000Z'],
    ['2022-03-27', '01:59', '2022-03-27T00:59:00.000Z'],
    ['2022-03-27', '03:00', '2022-03-27T01:00:00.000Z'],
    ['2022-10-30', '01:59', '2022-10-29T23:59:00.000Z'],
    ['2022-10-30', '03:00', '2022-10-30T02:00:00.000Z'],
    ['2022-10-30', '23:59', '2022-10-30T22:59:00.000Z'],
  ])('%s %s in Stockholm is %s', (date, time, iso) => {
    expect(stockholmInstant(date, time).toISOString()).toBe(iso);
  });

  it('moves a time skipped by the spring change forward by the gap', () => {
    expect(stockholmInstant('2022-03-27', '02:30').toISOString()).toBe('2022-03-27T01:30:00.000Z');
    expect(stockholmClockOf(stockholmInstant('2022-03-27', '02:30')).time).toBe('03:30');
  });

  it('takes the first of the two times the autumn change repeats', () => {
    expect(stockholmInstant('2022-10-30', '02:30').toISOString()).toBe('2022-10-30T00:30:00.000Z');
  });

  it('round-trips every quarter hour of the change days', () => {
    for (const date of ['2022-03-27', '2022-10-30', '2023-03-26', '2023-10-29']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const clock = stockholmClockOf(stockholmInstant(date, time));
        const skipped = date.endsWith('-03-27') || date.endsWith('-03-26') ? time.startsWith('02:') : false;
        if (!skipped) expect(`${clock.date} ${clock.time}`).toBe(`${date} ${time}`);
      }
    }
  });

  it('refuses malformed dates and times', () => {
    expect(() => stockholmInstant('2022-02-30')).toThrow(RangeError);
    expect(() => stockholmInstant('2022-02-01', '24:00')).toThrow(RangeError);
    expect(() => stockholmInstant('2022-02-01', '9:30')).toThrow(RangeError);
  });
});
