/**
 * What the Uppföljning view works out by itself: the year in the address, partial dates written
 * as given, the years offered, and the count of entries without ärende.
 */
import { buildForumYear } from '../../../../src/domain/forum-year';
import type { Meeting } from '../../../../src/domain/types';
import { en, sv } from '../../../../tabs/web/src/i18n/strings';
import { errandYear, formatPartialDate, withoutErrandCount, yearsOffered } from '../../../../tabs/web/src/model/follow-up';
import { formatUrlState, parseUrlState, parseYear } from '../../../../tabs/web/src/model/url-state';
import { fixtureView } from './fixture';
import { errand, forum2017 } from './forum-fixture';

describe('the year in the address', () => {
  it('keeps four-digit years from 2000 to 2100 and drops anything else', () => {
    expect(parseUrlState('?view=uppfoljning&year=2017')).toMatchObject({ view: 'uppfoljning', year: 2017 });
    for (const bad of ['1999', '2101', '17', '2017.5', '２０１７', '2017x', '', '<script>']) expect(parseYear(bad)).toBeNull();
    expect(parseYear(' 2100 ')).toBe(2100);
    expect(parseUrlState('?view=uppfoljning').year).toBeNull();
  });

  it('writes the year back, keeping other parameters', () => {
    expect(formatUrlState({ ...parseUrlState(''), view: 'uppfoljning', year: 2017 }, '?lang=en')).toBe('?lang=en&view=uppfoljning&year=2017');
    expect(formatUrlState({ ...parseUrlState('?year=2017'), view: 'uppfoljning', year: null }, '?year=2017')).toBe('?view=uppfoljning');
  });
});

describe('formatPartialDate', () => {
  it('writes a date only as precisely as it is known', () => {
    expect(formatPartialDate({ year: 2017, month: 6, day: 2 }, sv)).toBe('2017-06-02');
    expect(formatPartialDate({ year: 2017, month: 4, day: null }, sv)).toBe('april 2017');
    expect(formatPartialDate({ year: 2017, month: null, day: null }, sv)).toBe('2017 (datum okänt)');
    expect(formatPartialDate(null, sv)).toBe('datum okänt');
    expect(formatPartialDate({ year: 2017, month: 12, day: null }, en)).toBe('December 2017');
    expect(formatPartialDate({ year: 2017, month: null, day: null }, en)).toBe('2017 (date unknown)');
  });
});

describe('yearsOffered', () => {
  const meetings: Meeting[] = fixtureView().meetings;

  it('offers the years with meetings or ärenden, the current year and the chosen one, newest first', () => {
    const errands = [
      errand('1', { year: 2018 }),
      // Its meeting's year wins over its own.
      errand('2', { year: 2010, meeting: { key: 'mote-2', id: null } }),
      errand('3', { year: null }),
    ];
    expect(yearsOffered(meetings, errands, 2024, 2015)).toEqual([2024, 2023, 2022, 2018, 2015]);
    expect(errandYear(errands[1]!, meetings)).toBe(2023);
    expect(errandYear(errands[2]!, meetings)).toBeNull();
  });
});

describe('withoutErrandCount', () => {
  it('counts every entry of the year’s sections', () => {
    expect(withoutErrandCount(buildForumYear(forum2017(), 2017))).toEqual({ without: 4, total: 7 });
    expect(withoutErrandCount(buildForumYear(forum2017(), 2018))).toEqual({ without: 7, total: 7 });
  });
});
