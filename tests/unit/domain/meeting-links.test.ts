/** Teams meeting join links in Möten: which Teams meeting a link or a tab's context names, and the links Datakvalitet lists. */
import { dataQualityProblems } from '../../../src/domain/errands';
import { meetingLinkProblems, meetingOfJoinLink, meetingOfTeamsContext } from '../../../src/domain/meeting-links';
import { problemSeverity } from '../../../src/domain/problems';
import { forumData, forumMeeting } from './forum-builders';

// A private scheduled meeting has its own chat thread; the link's message part is 0.
const PRIVATE = '19:meeting_NjQ0ZDM1YjQtMmY4Zi00Yzk5LWI0@thread.v2';
const PRIVATE_LINK = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(PRIVATE)}/0?context=%7b%22Tid%22%3a%22t%22%2c%22Oid%22%3a%22o%22%7d`;
// A channel meeting is a post in the channel's thread: the link names the thread and the post.
const CHANNEL = '19:kDmBJDXVlaitAhGqPvK0mDLYluSZrnoMV_S1xSdN4141@thread.tacv2';
const CHANNEL_LINK = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHANNEL)}/1660758607740?context=%7b%22Tid%22%3a%22t%22%7d`;
const SHORT_LINK = 'https://teams.microsoft.com/meet/24628461357425?p=Zs7uCXQ4zM2gk1bF3a';

describe('which Teams meeting a join link names', () => {
  it('reads private and channel meeting links, encoded once or twice, wrapped in the launcher, and the short /meet/ form', () => {
    expect(meetingOfJoinLink(PRIVATE_LINK)).toBe(PRIVATE.toLowerCase());
    expect(meetingOfJoinLink(`https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(encodeURIComponent(PRIVATE))}/0`)).toBe(PRIVATE.toLowerCase());
    expect(meetingOfJoinLink(CHANNEL_LINK)).toBe(`${CHANNEL.toLowerCase()}#1660758607740`);
    const launcher = `https://teams.microsoft.com/dl/launcher/launcher.html?url=${encodeURIComponent(`/_#/l/meetup-join/${encodeURIComponent(PRIVATE)}/0?context=x`)}&type=meetup-join`;
    expect(meetingOfJoinLink(launcher)).toBe(PRIVATE.toLowerCase());
    expect(meetingOfJoinLink(SHORT_LINK)).toBe('meet:24628461357425');
    expect(meetingOfJoinLink(`  ${SHORT_LINK.replace('teams.microsoft.com', 'TEAMS.Microsoft.com')}  `)).toBe('meet:24628461357425');
    expect(meetingOfJoinLink('https://teams.live.com/meet/9312345678901?p=abc')).toBe('meet:9312345678901');
  });

  it('names no meeting for another site, plain http, a Teams page that joins nothing, or a thread with more after it', () => {
    for (const link of [
      null,
      '',
      'not a link',
      'https://example.org/agenda.pdf',
      `https://evil.example/l/meetup-join/${encodeURIComponent(PRIVATE)}/0`,
      `https://teams.microsoft.com.evil.example/l/meetup-join/${encodeURIComponent(PRIVATE)}/0`,
      PRIVATE_LINK.replace('https:', 'http:'),
      'https://teams.microsoft.com/l/channel/19%3aabc%40thread.tacv2/General',
      'https://teams.microsoft.com/l/meetup-join/',
      `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(`${PRIVATE}x<b>`)}/0`,
      'https://teams.microsoft.com/meet/abc',
    ]) {
      expect([link, meetingOfJoinLink(link)]).toEqual([link, null]);
    }
  });

  it("reads the tab's context: the meeting id (base64 of thread and post) first, else the chat id", () => {
    expect(meetingOfTeamsContext({ chatId: PRIVATE, meetingId: null })).toBe(PRIVATE.toLowerCase());
    expect(meetingOfTeamsContext({ chatId: null, meetingId: btoa(`0#${PRIVATE}#0`) })).toBe(PRIVATE.toLowerCase());
    // The channel meeting id of Microsoft's documented example.
    expect(
      meetingOfTeamsContext({
        chatId: null,
        meetingId: 'MCMxOTprRG1CSkRYVmxhaXRBaEdxUHZLMG1ETFlsdVNacm5vTVZfUzF4U2RONDE0MUB0aHJlYWQudGFjdjIjMTY2MDc1ODYwNzc0MA==',
      }),
    ).toBe(meetingOfJoinLink(CHANNEL_LINK));
    expect(meetingOfTeamsContext({ chatId: PRIVATE, meetingId: '%%%' })).toBe(PRIVATE.toLowerCase());
    expect(meetingOfTeamsContext({ chatId: null, meetingId: '%%%' })).toBeNull();
    expect(meetingOfTeamsContext({ chatId: null, meetingId: null })).toBeNull();
  });
});

describe('meeting links in Datakvalitet', () => {
  const meeting = (id: string, link: string | null) => forumMeeting(`m-${id}`, { id, title: `Möte ${id}`, link, editUrl: `https://x/${id}` });

  it('lists a link that is not a Teams join link and each later meeting with a link an earlier one has, as warnings', () => {
    const meetings = [
      meeting('1', PRIVATE_LINK),
      meeting('2', 'https://www.regionjh.se/svom'),
      meeting('3', null),
      // The same meeting, written another way (encoded twice, another context).
      meeting('4', `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(encodeURIComponent(PRIVATE))}/0?context=other`),
      meeting('5', CHANNEL_LINK),
      meeting('6', PRIVATE_LINK),
      meeting('7', PRIVATE_LINK.replace('https:', 'http:')),
    ];
    const problems = meetingLinkProblems(meetings);
    expect(problems.map((problem) => [problem.itemId, problem.code, problem.field, problem.value])).toEqual([
      ['2', 'not-a-meeting-link', 'MeetingLink', 'https://www.regionjh.se/svom'],
      ['4', 'shared-meeting-link', 'MeetingLink', meetings[3]?.link],
      ['6', 'shared-meeting-link', 'MeetingLink', PRIVATE_LINK],
      ['7', 'not-a-meeting-link', 'MeetingLink', PRIVATE_LINK.replace('https:', 'http:')],
    ]);
    expect(problems[1]).toMatchObject({ list: 'meetings', title: 'Möte 4', editUrl: 'https://x/4' });
    expect(problems[1]?.message).toContain('"Möte 1"');
    expect(problems.map((problem) => problemSeverity(problem.code))).toEqual(['warning', 'warning', 'warning', 'warning']);
  });

  it('is part of the one rule every count uses, and keeps every meeting', () => {
    const data = forumData({ meetings: [meeting('1', SHORT_LINK), meeting('2', SHORT_LINK), meeting('3', 'https://example.org/x')] });
    expect(dataQualityProblems(data).map((problem) => [problem.itemId, problem.code])).toEqual([
      ['2', 'shared-meeting-link'],
      ['3', 'not-a-meeting-link'],
    ]);
    expect(data.meetings.map((one) => one.id)).toEqual(['1', '2', '3']);
  });
});
