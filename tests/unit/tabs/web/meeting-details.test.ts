/**
 * @jest-environment jsdom
 */
/** Asking Teams for the meeting's details (the answer, or a refusal for every way the call can fail), after the app's server. */
import type * as TeamsJs from '@microsoft/teams-js';
import type { TeamsMeetingDetails } from '../../../../tabs/web/src/teams/host';
import { firstMeetingDetails, meetingDetailsReader } from '../../../../tabs/web/src/teams/meeting-details';

type Callback = Parameters<typeof TeamsJs.meeting.getMeetingDetails>[0];

/** A stand-in for teams-js's `meeting` that answers with `answer` (or never, or throws), counting the calls. */
function fakeTeams(answer: ((callback: Callback) => void) | 'throws') {
  const calls = { count: 0 };
  const meeting = {
    getMeetingDetails(callback: Callback) {
      calls.count += 1;
      if (answer === 'throws') throw new Error('Initialize failed: frame context not allowed');
      answer(callback);
    },
  };
  return { teams: { meeting } as unknown as Pick<typeof TeamsJs, 'meeting'>, calls };
}

describe("the Teams meeting's details", () => {
  it('gives the scheduled start and join link, asking Teams once per page', async () => {
    const { teams, calls } = fakeTeams((callback) =>
      callback(null, {
        details: {
          scheduledStartTime: '2022-11-16T23:30:00Z',
          scheduledEndTime: '2022-11-17T00:30:00Z',
          joinUrl: 'https://teams.microsoft.com/meet/123456789',
          type: 'Scheduled',
        },
        conversation: { id: '19:meeting_x@thread.v2' },
        organizer: {},
      } as unknown as Parameters<Callback>[1]),
    );
    const read = meetingDetailsReader(teams);
    expect(await read()).toEqual({ ok: true, scheduledStart: '2022-11-16T23:30:00Z', joinUrl: 'https://teams.microsoft.com/meet/123456789' });
    await read();
    expect(calls.count).toBe(1);
  });

  it('refuses when Teams answers with an error, throws, or does not answer in time', async () => {
    const denied = fakeTeams((callback) => callback({ errorCode: 1000, message: "App doesn't have sufficient permission to use this API" }, null));
    expect(await meetingDetailsReader(denied.teams)()).toEqual({ ok: false, reason: "error 1000: App doesn't have sufficient permission to use this API" });
    expect(await meetingDetailsReader(fakeTeams('throws').teams)()).toEqual({ ok: false, reason: 'Initialize failed: frame context not allowed' });
    expect(await meetingDetailsReader(fakeTeams(() => undefined).teams, 20)()).toEqual({ ok: false, reason: 'no answer within 20 ms' });
    expect(await meetingDetailsReader(fakeTeams((callback) => callback(null, null)).teams)()).toEqual({ ok: false, reason: 'empty answer' });
  });
});

describe('asking the server first, then Teams', () => {
  it('keeps the first answer that tells the details, asks the next only after a refusal, and asks once per page', async () => {
    const asked: string[] = [];
    const answering = (name: string, result: TeamsMeetingDetails) => async () => {
      asked.push(name);
      return result;
    };
    const read = firstMeetingDetails([
      answering('server', { ok: false, reason: 'server 409 bot-not-installed' }),
      answering('teams', { ok: true, scheduledStart: '2022-11-16T23:30:00Z', joinUrl: null }),
      answering('never', { ok: false, reason: 'not asked' }),
    ]);
    expect(await read()).toEqual({ ok: true, scheduledStart: '2022-11-16T23:30:00Z', joinUrl: null });
    await read();
    expect(asked).toEqual(['server', 'teams']);
  });

  it('refuses with every reason when nobody tells', async () => {
    const read = firstMeetingDetails([async () => ({ ok: false, reason: 'server 403 meeting-not-shared' }), async () => ({ ok: false, reason: 'error 1000' })]);
    expect(await read()).toEqual({ ok: false, reason: 'server 403 meeting-not-shared; error 1000' });
  });
});
