import { comparePartialDates, datePrecision, isValidPartialDate, partialDateFromCalendar } from '../../../src/domain/partial-date';
import { parsePeriod } from '../../../src/domain/sections';

describe('partial dates', () => {
  it('reads a calendar date to the day and refuses one that does not exist', () => {
    expect(partialDateFromCalendar('2017-06-02')).toEqual({ year: 2017, month: 6, day: 2 });
    expect(partialDateFromCalendar('2017-02-29')).toBeNull();
    expect(partialDateFromCalendar('juni 2017')).toBeNull();
  });

  it('tells how precisely a date is known', () => {
    expect(datePrecision({ year: 2017, month: null, day: null })).toBe('year');
    expect(datePrecision({ year: 2017, month: 4, day: null })).toBe('month');
    expect(datePrecision({ year: 2017, month: 4, day: 3 })).toBe('day');
  });

  it('accepts a year or a year and month, never a day without a month', () => {
    expect(isValidPartialDate({ year: 2017, month: 4, day: null })).toBe(true);
    expect(isValidPartialDate({ year: 2017, month: 13, day: null })).toBe(false);
    expect(isValidPartialDate({ year: 2017, month: null, day: 3 })).toBe(false);
    expect(isValidPartialDate({ year: 17, month: null, day: null })).toBe(false);
  });

  it('orders the less precise date of a period after the precise ones', () => {
    const dates = [
      { year: 2017, month: null, day: null },
      { year: 2017, month: 4, day: null },
      { year: 2017, month: 4, day: 20 },
      { year: 2016, month: null, day: null },
      { year: 2017, month: 2, day: 1 },
    ];
    expect([...dates].sort(comparePartialDates)).toEqual([dates[3], dates[4], dates[2], dates[1], dates[0]]);
  });
});

describe('parsePeriod', () => {
  it('reads ranges with a hyphen or en dash, and a single year', () => {
    expect(parsePeriod('SVOM:s prioriterade områden 2019-2022')).toEqual({ fromYear: 2019, toYear: 2022 });
    expect(parsePeriod('2014 – 2025')).toEqual({ fromYear: 2014, toYear: 2025 });
    expect(parsePeriod('2017')).toEqual({ fromYear: 2017, toYear: 2017 });
  });

  it('gives no years for text it cannot read or a backwards range', () => {
    expect(parsePeriod('')).toEqual({ fromYear: null, toYear: null });
    expect(parsePeriod('tills vidare')).toEqual({ fromYear: null, toYear: null });
    expect(parsePeriod('2022-2019')).toEqual({ fromYear: null, toYear: null });
  });
});
