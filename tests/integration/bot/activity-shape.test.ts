/**
 * What the bot endpoint accepts, checked through HTTP before the Teams SDK sees the body: a body
 * that is not a well-formed activity gets 400 with our short reason (no library text), and
 * without MicrosoftAppId only service URLs on this machine are answered or posted to; each
 * refusal is one JSON log line with the reason, and nothing reaches the connector.
 */
import { MemoryListSource } from '../../fakes/memory-list-source';
import { sampleTeam } from '../../fakes/fake-bot-connector';
import { sampleListData } from '../../fixtures/bot/list-items';
import { cardAction, personalMessage } from '../../fixtures/bot/teams-activities';
import { teamTarget } from '../../fixtures/bot/team-target';
import { startHarness, type Harness } from './harness';
import { capturedLogs } from '../../fixtures/captured-logs';

const TEAM = sampleTeam();
const LIBRARY_TEXT = /validateAndFixActivity|TypeError|Cannot read|at .*\.(js|ts):|node_modules|botbuilder|teams\.apps/i;

describe('the bot endpoint checks activities before the adapter', () => {
  let harness: Harness;
  const { logger, records } = capturedLogs('info');

  beforeAll(async () => {
    harness = await startHarness({ source: new MemoryListSource(sampleListData()), logger });
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(() => {
    records.length = 0;
  });

  const message = () => personalMessage(harness.connector.serviceUrl, 'hjälp') as Record<string, unknown>;
  const without = (field: string) => Object.fromEntries(Object.entries(message()).filter(([name]) => name !== field));

  test.each([
    ['a message without a conversation', () => without('conversation'), 'conversation.id is missing'],
    ['a conversation without an id', () => ({ ...message(), conversation: { conversationType: 'personal' } }), 'conversation.id is missing'],
    ['no type', () => without('type'), 'type is missing'],
    ['no serviceUrl', () => without('serviceUrl'), 'serviceUrl is missing'],
    ['a serviceUrl that is not a URL', () => ({ ...message(), serviceUrl: 'not a url' }), 'serviceUrl is not an http(s) URL'],
    ['no sender', () => without('from'), 'from.id is missing'],
    [
      'an invoke without a name',
      () => ({ ...cardAction({ serviceUrl: harness.connector.serviceUrl, team: TEAM, messageId: '1' }, 'x', {}), name: undefined }),
      'an invoke activity has no name',
    ],
    ['an array', () => [message()], 'the body is not a JSON object'],
  ])('%s is answered 400 with our reason, and nothing is sent', async (_name, body, reason) => {
    const before = harness.connector.requests.length;
    const response = await harness.send(body());
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'bad-activity', message: `Not a valid Bot Framework activity: ${reason}.` } });
    expect(JSON.stringify(response.body)).not.toMatch(LIBRARY_TEXT);
    expect(harness.connector.requests.length).toBe(before);
    expect(records.filter((entry) => entry.msg === 'refused a bot call whose body is not a valid activity').map((entry) => entry.reason)).toEqual([reason]);
    expect(records.filter((entry) => entry.level === 50)).toEqual([]);
  });

  test('a body that is not JSON is answered 400 by the endpoint, not by a default error page', async () => {
    const response = await fetch(`${harness.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'bad-activity', message: 'The body is not JSON.' } });
  });

  test('a well-formed message is still answered (200, a reply through the connector)', async () => {
    const before = harness.connector.activities.length;
    expect((await harness.send(message())).status).toBe(200);
    expect(harness.connector.activities.length).toBe(before + 1);
  });

  test.each([
    ['a public service', 'https://smba.trafficmanager.net/emea/'],
    ['a name that only starts like loopback', 'http://127.0.0.1.evil.example:3978/'],
    ['a rebinding name', 'http://evil.example:3978/'],
  ])('without MicrosoftAppId, an activity naming %s is refused (403), logged with the reason, and nothing is sent', async (_name, serviceUrl) => {
    const before = harness.connector.requests.length;
    const response = await harness.send({ ...message(), serviceUrl });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ error: { code: 'forbidden-service-url', message: expect.stringContaining('MicrosoftAppId') } });
    expect(harness.connector.requests.length).toBe(before);
    const refused = records.filter((entry) => entry.msg === 'refused an unauthenticated bot call');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ module: 'bot-endpoint', serviceUrl, reason: expect.stringContaining('serviceUrl is not on this machine') });
  });

  test('without MicrosoftAppId, the messenger posts nothing to a stored team whose service is not on this machine', async () => {
    const now = '2022-12-01T09:00:00.000Z';
    const target = teamTarget('tenant-1', 'https://smba.trafficmanager.net/emea/', { teamId: TEAM.id, installedAt: now, updatedAt: now });
    const before = harness.connector.requests.length;
    const result = await harness.bot.messenger.postCard(target, { type: 'AdaptiveCard', version: '1.5', body: [] }, 'test');
    expect(result).toMatchObject({ ok: false, kind: 'failed' });
    expect(harness.connector.requests.length).toBe(before);
    expect(records.find((entry) => entry.msg === 'card not posted')).toMatchObject({ reason: expect.stringContaining('serviceUrl is not on this machine') });
  });
});
