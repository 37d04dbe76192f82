/** Finding the Teams meeting among Möten: by its join link, else by today's date, else a choice. */
import { matchMeeting, threadOfJoinLink, threadOfTeamsMeeting } from '../../../../tabs/web/src/model/meeting-match';
import { fixtureView } from './fixture';

const THREAD = '19:meeting_NjQ0ZDM1YjQtMmY4Zi00Yzk5@thread.v2';
const JOIN = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22x%22%7d`;
const base = fixtureView().meetings[0]!;
const meeting = (id: string, date: string, link: string | null = null) => ({ ...base, id, key: `m-${id}`, title: `Möte ${id}`, date, link });

describe('the Teams meeting in Möten', () => {
  it('reads the meeting thread from a join link (encoded once or twice) and from what Teams tells the tab', () => {
    expect(threadOfJoinLink(JOIN)).toBe(THREAD.toLowerCase());
    expect(threadOfJoinLink(`https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(encodeURIComponent(THREAD))}/0`)).toBe(THREAD.toLowerCase());
    expect(threadOfJoinLink('https://example.org/agenda.pdf')).toBeNull();
    expect(threadOfJoinLink(`https://evil.example/l/meetup-join/${encodeURIComponent(THREAD)}`)).toBeNull();
    expect(threadOfTeamsMeeting({ chatId: THREAD, meetingId: null })).toBe(THREAD.toLowerCase());
    // Teams' meeting id is the thread in base64 (with the organizer's message id around it).
    expect(threadOfTeamsMeeting({ chatId: null, meetingId: btoa(`0#${THREAD}#0`) })).toBe(THREAD.toLowerCase());
    expect(threadOfTeamsMeeting({ chatId: null, meetingId: '%%%' })).toBeNull();
  });

  it('finds the meeting by its link first, else by the only meeting today, else asks', () => {
    const meetings = [meeting('1', '2022-11-17', JOIN), meeting('2', '2022-12-01'), meeting('3', '2022-12-01'), meeting('4', '2022-12-08')];
    expect(matchMeeting(meetings, THREAD.toLowerCase(), '2022-12-01')).toEqual({ kind: 'link', meeting: meetings[0] });
    expect(matchMeeting(meetings, null, '2022-12-08')).toEqual({ kind: 'date', meeting: meetings[3] });
    const several = matchMeeting(meetings, null, '2022-12-01');
    expect(several.kind === 'choice' && [several.reason, several.candidates.map((one) => one.id)]).toEqual(['several-today', ['2', '3', '4', '1']]);
    const unknown = matchMeeting(meetings, '19:meeting_annat@thread.v2', '2022-12-02');
    expect(unknown.kind === 'choice' && unknown.reason).toBe('no-link');
    const none = matchMeeting([meeting('2', '2022-12-01')], null, '2022-12-02');
    expect(none.kind === 'choice' && none.reason).toBe('no-meeting-today');
  });
});
