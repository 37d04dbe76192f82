/** Finding the Teams meeting among Möten: by its join link, else by its scheduled day (or today), else a choice. */
import { matchMeeting, type PanelSearch } from '../../../../tabs/web/src/model/meeting-match';
import { fixtureView } from './fixture';

const THREAD = '19:meeting_NjQ0ZDM1YjQtMmY4Zi00Yzk5@thread.v2';
const KEY = THREAD.toLowerCase();
const JOIN = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22x%22%7d`;
const SHORT = 'https://teams.microsoft.com/meet/24628461357425?p=abc';
const base = fixtureView().meetings[0]!;
const meeting = (id: string, date: string, link: string | null = null) => ({ ...base, id, key: `m-${id}`, title: `Möte ${id}`, date, link });
const today = (day: string, ...teamsMeetings: string[]): PanelSearch => ({ teamsMeetings, day, dayFrom: 'today' });
const scheduled = (day: string, ...teamsMeetings: string[]): PanelSearch => ({ teamsMeetings, day, dayFrom: 'schedule' });

describe('the Teams meeting in Möten', () => {
  const meetings = [
    meeting('1', '2022-11-17', JOIN),
    meeting('2', '2022-12-01'),
    meeting('3', '2022-12-01'),
    meeting('4', '2022-12-08'),
    meeting('5', '2022-12-15', SHORT),
  ];

  it('finds the meeting by its link first, whatever the day', () => {
    expect(matchMeeting(meetings, today('2022-12-01', KEY))).toEqual({ kind: 'link', meeting: meetings[0] });
    // The short link carries no thread: only the join link Teams gives with the details names it.
    expect(matchMeeting(meetings, scheduled('2022-12-01', KEY.replace('njq', 'xyz'), 'meet:24628461357425'))).toEqual({ kind: 'link', meeting: meetings[4] });
  });

  it('else by the day the Teams meeting is scheduled on, or today when Teams did not say', () => {
    expect(matchMeeting(meetings, scheduled('2022-12-08', '19:meeting_annat@thread.v2'))).toEqual({
      kind: 'date',
      meeting: meetings[3],
      day: '2022-12-08',
      dayFrom: 'schedule',
    });
    expect(matchMeeting(meetings, today('2022-12-08'))).toEqual({ kind: 'date', meeting: meetings[3], day: '2022-12-08', dayFrom: 'today' });
  });

  it('else asks, saying why, with the meetings from that day on first', () => {
    const several = matchMeeting(meetings, scheduled('2022-12-01'));
    expect(several.kind === 'choice' && [several.reason, several.dayFrom, several.candidates.map((one) => one.id)]).toEqual([
      'several-on-day',
      'schedule',
      ['2', '3', '4', '5', '1'],
    ]);
    const unknown = matchMeeting(meetings, today('2022-12-02', '19:meeting_annat@thread.v2'));
    expect(unknown.kind === 'choice' && unknown.reason).toBe('no-link');
    const none = matchMeeting([meeting('2', '2022-12-01')], today('2022-12-02', '19:meeting_annat@thread.v2'));
    expect(none.kind === 'choice' && none.reason).toBe('none-on-day');
  });

  it('with a link shared by several meetings: the one on the day, else a choice among those sharing it', () => {
    const shared = [meeting('1', '2022-11-17', JOIN), meeting('2', '2022-12-01', JOIN), meeting('3', '2022-12-01')];
    expect(matchMeeting(shared, scheduled('2022-12-01', KEY))).toEqual({ kind: 'link', meeting: shared[1] });
    const ask = matchMeeting(shared, today('2022-12-05', KEY));
    expect(ask.kind === 'choice' && [ask.reason, ask.candidates.map((one) => one.id)]).toEqual(['shared-link', ['2', '1']]);
  });
});
