/**
 * `GET /api/teams-meeting/:meetingId` through the whole server in SharePoint mode: Teams SSO
 * tokens from the fake Entra, the access check against the fake Graph, and the bot asking the
 * fake Bot Connector's meeting info API at the service URL stored for the caller's tenant. A
 * caller of another tenant is never served through this tenant's installation, nor served a
 * meeting another tenant organizes; each failure has its status and no token reaches the log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AppServer } from '../../../app/server';
import type { TeamTarget } from '../../../bot/contracts';
import { teamTarget } from '../../fixtures/bot/team-target';
import { FileStateStore } from '../../../bot/state';
import { StateStoreTeamRegistry } from '../../../bot/teams';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { sampleMeetingInfo, startFakeBotConnector, type FakeBotConnector } from '../../fakes/fake-bot-connector';
import { startFakeTenant, type FakeTenant } from '../../fakes/fake-tenant';
import { capturedLogs } from '../../fixtures/captured-logs';

const OTHER_TENANT = '5b7c1f0e-9a2d-4c3b-8e6f-1d2c3b4a5f60';
const PRIVATE_THREAD = '19:meeting_NjQ0ZDM1YjQtMmY4Zi00Yzk5LWI0@thread.v2';
const CHANNEL_THREAD = '19:kDmBJDXVlaitAhGqPvK0mDLYluSZrnoMV_S1xSdN4141@thread.tacv2';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('the Teams meeting details API (SharePoint mode, fake tenant and Bot Connector)', () => {
  const clock = new FixedClock('2022-11-10T09:00:00Z');
  let tenant: FakeTenant;
  let connector: FakeBotConnector;
  let server: AppServer;
  let url: string;
  let registry: StateStoreTeamRegistry;
  let stateDir: string;
  let anna: string;
  const { logger, lines } = capturedLogs('debug');

  const team = (overrides: Partial<TeamTarget>): TeamTarget => teamTarget(tenant.graph.tenantId, connector.serviceUrl, overrides);

  const ask = (meetingId: string, token: string | null = anna) =>
    fetch(`${url}/api/teams-meeting/${encodeURIComponent(meetingId)}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  const meetingCalls = () => connector.requests.filter((request) => request.path.startsWith('/v1/meetings/'));

  const privateMeeting = () =>
    sampleMeetingInfo({
      thread: PRIVATE_THREAD,
      start: '2022-11-16T23:30:00Z',
      end: '2022-11-17T01:00:00Z',
      title: 'SVOM arbetsmöte',
      tenantId: tenant.graph.tenantId,
    });

  beforeAll(async () => {
    tenant = await startFakeTenant({ now: () => clock.now() });
    tenant.graph.seed('balance', [{ id: '1', fields: { Title: 'Punkt', EntryKey: 'punkt-1', Section: 'Flera områden', EntryKind: 'Punkt', SortOrder: 1 } }]);
    connector = await startFakeBotConnector();
    stateDir = mkdtempSync(join(tmpdir(), 'teams-meeting-api-'));
    const stateStore = new FileStateStore({ dir: stateDir }, { logger: silentLogger });
    registry = new StateStoreTeamRegistry(stateStore, clock);
    const config = loadConfig({
      ...tenant.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: stateDir,
      REFRESH_INTERVAL_SECONDS: '3600',
      ALLOWED_TENANT_IDS: `${tenant.graph.tenantId},${OTHER_TENANT}`,
      DIGEST_SCHEDULE: 'off',
    });
    server = await createServer(config, { clock, stateStore, logger });
    ({ url } = await server.listen());
    anna = await tenant.entra.token('anna@contoso.onmicrosoft.com');
  });

  afterAll(async () => {
    await server?.close();
    await connector?.close();
    await tenant?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    connector.requests.length = 0;
    connector.clearFaults();
    for (const stored of await registry.list()) await registry.remove(stored.teamId);
    await registry.put(team({}));
  });

  it("answers the meeting's scheduled start, join link, title and type, read at the tenant's stored service URL", async () => {
    const meeting = privateMeeting();
    connector.addMeeting(meeting);
    const response = await ask(meeting.details.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.json()).toEqual({
      scheduledStart: '2022-11-16T23:30:00Z',
      joinUrl: meeting.details.joinUrl,
      title: 'SVOM arbetsmöte',
      type: 'Scheduled',
    });
    expect(meetingCalls().map((call) => [call.method, call.path, call.status])).toEqual([['GET', `/v1/meetings/${meeting.details.id}`, 200]]);
  });

  it('reads a channel meeting by its id, padding and all, as Teams gives it to the tab', async () => {
    const meeting = sampleMeetingInfo({
      thread: CHANNEL_THREAD,
      messageId: '1660758607740',
      start: '2022-11-17T08:00:00Z',
      end: '2022-11-17T09:00:00Z',
      title: 'Kanalmöte',
      tenantId: tenant.graph.tenantId,
    });
    // Microsoft's example of a channel meeting's id.
    expect(meeting.details.id).toBe('MCMxOTprRG1CSkRYVmxhaXRBaEdxUHZLMG1ETFlsdVNacm5vTVZfUzF4U2RONDE0MUB0aHJlYWQudGFjdjIjMTY2MDc1ODYwNzc0MA==');
    connector.addMeeting(meeting);
    const response = await ask(meeting.details.id);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { type: string }).type).toBe('ChannelScheduled');
    expect(meetingCalls().map((call) => call.path)).toEqual([`/v1/meetings/${meeting.details.id}`]);
  });

  it('refuses an id that is not a Teams meeting id with 400, without asking the connector', async () => {
    const notIds = [
      'abc',
      Buffer.from('hello world').toString('base64'),
      Buffer.from('0#19:x@thread.v2#0').toString('base64').repeat(40),
      'MCMxOTp4QHRocmVhZC52MiMw!',
    ];
    for (const id of notIds) {
      const response = await ask(id);
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe('invalid-meeting-id');
    }
    expect(meetingCalls()).toEqual([]);
  });

  it('asks for the same sign-in as the list: no token 401, a token of a tenant not allowed 401', async () => {
    const meeting = privateMeeting();
    connector.addMeeting(meeting);
    expect((await ask(meeting.details.id, null)).status).toBe(401);
    const foreign = await tenant.entra.token('eve@fabrikam.onmicrosoft.com', {
      claims: { tid: 'c0ffee00-0000-4000-8000-000000000001', iss: 'https://sts.windows.net/c0ffee00-0000-4000-8000-000000000001/' },
    });
    expect((await ask(meeting.details.id, foreign)).status).toBe(401);
    expect(meetingCalls()).toEqual([]);
  });

  it("never serves a caller of another tenant through this tenant's installation, nor a meeting another tenant organizes", async () => {
    const meeting = privateMeeting();
    connector.addMeeting(meeting);
    const other = await tenant.entra.token('per@fabrikam.onmicrosoft.com', {
      claims: { tid: OTHER_TENANT, iss: `https://sts.windows.net/${OTHER_TENANT}/` },
    });
    // The other tenant has no team with the bot: nothing is asked.
    const none = await ask(meeting.details.id, other);
    expect(none.status).toBe(409);
    expect(((await none.json()) as ErrorBody).error.code).toBe('bot-not-installed');
    expect(meetingCalls()).toEqual([]);
    // With a team of its own, the meeting (organized in this tenant) is still not served to it.
    await registry.put(team({ teamId: '19:fabrikam-general@thread.tacv2', tenantId: OTHER_TENANT }));
    const refused = await ask(meeting.details.id, other);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('meeting-not-found');
    expect(meetingCalls()).toHaveLength(1);
  });

  it('answers 409 when the bot has no team in the tenant any more, and asks nothing', async () => {
    await registry.markInactive('19:general-svom@thread.tacv2', 'removed');
    const meeting = privateMeeting();
    connector.addMeeting(meeting);
    const response = await ask(meeting.details.id);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'bot-not-installed', message: "The bot is not installed in a team of your organization, so the meeting's details cannot be read." },
    });
    expect(meetingCalls()).toEqual([]);
  });

  it('answers 403 when the meeting has not granted the app its permission, and 404 for a meeting Teams does not know', async () => {
    const meeting = privateMeeting();
    connector.addMeeting(meeting, { granted: false });
    const refused = await ask(meeting.details.id);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('meeting-not-shared');
    const unknown = await ask(Buffer.from('0#19:meeting_Okant@thread.v2#0').toString('base64'));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe('meeting-not-found');
    // One call each: neither answer is retried.
    expect(meetingCalls().map((call) => call.status)).toEqual([403, 404]);
  });

  it('answers 503 when the connector throttles for longer than the retry waits; a short outage is retried unseen', async () => {
    const meeting = privateMeeting();
    connector.addMeeting(meeting);
    connector.failNext({ status: 429, retryAfterSeconds: 120 }, { pathIncludes: '/v1/meetings/' });
    const throttled = await ask(meeting.details.id);
    expect(throttled.status).toBe(503);
    expect(((await throttled.json()) as ErrorBody).error.code).toBe('bot-connector-unavailable');
    // A short outage is retried by the connector client and the caller never sees it.
    connector.failNext({ status: 503 }, { pathIncludes: '/v1/meetings/' });
    expect((await ask(meeting.details.id)).status).toBe(200);
    expect(meetingCalls().map((call) => call.status)).toEqual([429, 503, 200]);
  });

  it('logs one line per answer, and never a token', async () => {
    lines.length = 0;
    const meeting = privateMeeting();
    connector.addMeeting(meeting);
    await ask(meeting.details.id);
    connector.addMeeting(meeting, { granted: false });
    await ask(meeting.details.id);
    const api = lines.filter((line) => line.includes('"module":"teams-meeting-api"'));
    expect(api).toHaveLength(2);
    expect(api[0]).toContain('Teams meeting details read');
    expect(api[1]).toContain('Teams meeting details not read');
    expect(api[1]).toContain('"outcome":"not-allowed"');
    expect(api[1]).toContain('"status":403');
    expect(lines.join('\n')).not.toContain(anna);
    expect(lines.join('\n')).not.toMatch(/Bearer [A-Za-z0-9-_]{20,}/u);
  });
});
