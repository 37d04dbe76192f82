/**
 * Which installation the bot asks about a Teams meeting (the caller's tenant's, a team it is still
 * in, the latest seen) and what each answer of the connector's meeting info API becomes.
 */
import type { MeetingInfoAnswer, MeetingInfoReader, TeamTarget } from '../../../../bot/contracts';
import { createTeamsMeetings } from '../../../../bot/teams';
import { teamTarget } from '../../../fixtures/bot/team-target';

const TENANT = '9f044231-b634-4bdd-b29d-2776e3dbd699';
const OTHER = '5b7c1f0e-9a2d-4c3b-8e6f-1d2c3b4a5f60';
const ID = Buffer.from('0#19:meeting_x@thread.v2#0').toString('base64');

/** A team whose channel is not chosen yet: the meeting lookup does not need one. */
function team(overrides: Partial<TeamTarget>): TeamTarget {
  return teamTarget(TENANT, 'https://smba.trafficmanager.net/emea/', { teamId: '19:general@thread.tacv2', channelId: null, channelName: null, ...overrides });
}

/** A connector that answers `answer` and remembers where it was asked. */
class AnsweringReader implements MeetingInfoReader {
  readonly asked: Array<{ serviceUrl: string; meetingId: string }> = [];
  constructor(private readonly answer: MeetingInfoAnswer) {}
  async read(serviceUrl: string, meetingId: string): Promise<MeetingInfoAnswer> {
    this.asked.push({ serviceUrl, meetingId });
    return this.answer;
  }
}

const found = (organizerTenantId: string | null): MeetingInfoAnswer => ({
  ok: true,
  info: {
    scheduledStart: '2022-11-17T08:00:00Z',
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/x/0',
    title: 'SVOM',
    type: 'Scheduled',
    organizerTenantId,
    conversationId: '19:meeting_x@thread.v2',
  },
});
const failure = (status: number, code = '', retryable = false): MeetingInfoAnswer => ({ ok: false, status, code, message: `HTTP ${status}`, retryable });

describe('a Teams meeting looked up through the bot', () => {
  it("asks at the latest service URL of an active team of the caller's tenant, and answers what the panel needs", async () => {
    const reader = new AnsweringReader(found(TENANT));
    const teams = [
      team({ teamId: 'a', serviceUrl: 'https://old.example/', updatedAt: '2022-10-01T00:00:00.000Z' }),
      team({ teamId: 'b', serviceUrl: 'https://latest.example/', updatedAt: '2022-11-05T00:00:00.000Z' }),
      team({ teamId: 'c', serviceUrl: 'https://removed.example/', updatedAt: '2022-11-09T00:00:00.000Z', active: false }),
      team({ teamId: 'd', serviceUrl: 'https://other-tenant.example/', updatedAt: '2022-11-10T00:00:00.000Z', tenantId: OTHER }),
    ];
    const lookup = createTeamsMeetings({ registry: { list: async () => teams }, reader });
    expect(await lookup.lookup(ID, TENANT.toUpperCase())).toEqual({
      kind: 'found',
      meeting: { scheduledStart: '2022-11-17T08:00:00Z', joinUrl: 'https://teams.microsoft.com/l/meetup-join/x/0', title: 'SVOM', type: 'Scheduled' },
    });
    expect(reader.asked).toEqual([{ serviceUrl: 'https://latest.example/', meetingId: ID }]);
  });

  it('says the bot is not installed when the tenant has no team, or only teams it was removed from, and asks nothing', async () => {
    const reader = new AnsweringReader(found(TENANT));
    const none = createTeamsMeetings({ registry: { list: async () => [team({ tenantId: OTHER })] }, reader });
    expect(await none.lookup(ID, TENANT)).toEqual({ kind: 'bot-not-installed', reason: `the bot is not installed in a team of tenant ${TENANT}` });
    const removed = createTeamsMeetings({ registry: { list: async () => [team({ active: false })] }, reader });
    expect(await removed.lookup(ID, TENANT)).toEqual({ kind: 'bot-not-installed', reason: `the bot has been removed from every team of tenant ${TENANT}` });
    expect(reader.asked).toEqual([]);
  });

  it("in local mode (no tenant) takes any team, and still refuses a meeting another tenant than the team's organizes", async () => {
    const reader = new AnsweringReader(found(OTHER));
    const lookup = createTeamsMeetings({ registry: { list: async () => [team({})] }, reader });
    expect(await lookup.lookup(ID, null)).toEqual({ kind: 'other-tenant', message: `the meeting is organized in tenant ${OTHER}, not in tenant ${TENANT}` });
    const unnamed = createTeamsMeetings({ registry: { list: async () => [team({})] }, reader: new AnsweringReader(found(null)) });
    expect((await unnamed.lookup(ID, null)).kind).toBe('found');
  });

  it("turns the connector's answers into outcomes: 403, 404, throttled or down, refused token, a service URL the bot may not call", async () => {
    const outcome = async (answer: MeetingInfoAnswer) =>
      (await createTeamsMeetings({ registry: { list: async () => [team({})] }, reader: new AnsweringReader(answer) }).lookup(ID, TENANT)).kind;
    expect(await outcome(failure(403, 'Forbidden'))).toBe('not-allowed');
    expect(await outcome(failure(404, 'NotFound'))).toBe('not-found');
    expect(await outcome(failure(429, 'TooManyRequests', true))).toBe('unavailable');
    expect(await outcome(failure(503, 'ServiceError', true))).toBe('unavailable');
    expect(await outcome(failure(0, 'ECONNREFUSED', true))).toBe('unavailable');
    expect(await outcome(failure(401))).toBe('failed');
    expect(await outcome(failure(0, 'invalid_client'))).toBe('failed');
    expect(await outcome(failure(0, 'BotNotConfigured'))).toBe('bot-not-installed');
  });

  it('says the records cannot be read when the state store fails', async () => {
    const reader = new AnsweringReader(found(TENANT));
    const lookup = createTeamsMeetings({
      registry: {
        list: async () => {
          throw new Error('blob container unreachable');
        },
      },
      reader,
    });
    expect(await lookup.lookup(ID, TENANT)).toEqual({
      kind: 'unavailable',
      status: 0,
      message: "the bot's team records could not be read: blob container unreachable",
    });
  });
});
