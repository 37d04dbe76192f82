/**
 * The connector retry is ours alone: the SDK's HTTP client must not add attempts (or wait out a
 * long Retry-After) on top of ours. Counted at the fake Bot Connector, through the Messenger the
 * notifier uses.
 */
import { createMessenger } from '../../../bot/adapter';
import type { Messenger } from '../../../bot/contracts';
import type { TeamTarget } from '../../../bot/contracts';
import { silentLogger } from '../../../src/logger';
import { loadConfig } from '../../../src/config';
import { startFakeBotConnector, type FakeBotConnector } from '../../fakes/fake-bot-connector';
import { installedTeam } from './team-target';

const card = { type: 'AdaptiveCard' as const, version: '1.5', body: [] };

let connector: FakeBotConnector;
let messenger: Messenger;
let target: TeamTarget;
/** The retry's waits (ms), taken through its sleep hook: nothing really waits. */
const waits: number[] = [];

beforeAll(async () => {
  connector = await startFakeBotConnector();
  const config = loadConfig({ LOG_LEVEL: 'silent', PLAYGROUND: 'off' });
  messenger = createMessenger({
    bot: config.bot,
    logger: silentLogger,
    retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 5_000 },
    retryHooks: { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
  });
  target = installedTeam(connector.serviceUrl, { tenantId: 'tenant-1' });
});
afterAll(async () => {
  await connector?.close();
});
beforeEach(() => {
  connector.clearFaults();
  connector.requests.length = 0;
  waits.length = 0;
});

test.each([503, 502, 504, 412] as const)('a connector that keeps answering %i is tried 1 + maxRetries times, then the post is retryable', async (status) => {
  connector.failNext({ status }, { times: 100 });
  const result = await messenger.postCard(target, card, 'test');
  expect(result).toMatchObject({ ok: false, kind: 'retryable', status });
  expect(connector.requests).toHaveLength(3);
  expect(waits).toEqual([100, 200]);
});

test('a Retry-After longer than the cap is not waited out, by us or by the SDK: one request, retryable', async () => {
  connector.failNext({ status: 429, retryAfterSeconds: 3600 }, { times: 100 });
  const result = await messenger.postCard(target, card, 'test');
  expect(result).toMatchObject({ ok: false, kind: 'retryable', status: 429 });
  expect(connector.requests).toHaveLength(1);
  expect(waits).toEqual([]);
});

test('a 404 is not retried and says the team is gone; a success after one 503 posts once', async () => {
  connector.failNext({ status: 404 });
  expect(await messenger.postCard(target, card, 'test')).toMatchObject({ ok: false, kind: 'gone', status: 404 });
  expect(connector.requests).toHaveLength(1);
  connector.requests.length = 0;
  connector.failNext({ status: 503 });
  expect(await messenger.postCard(target, card, 'test')).toMatchObject({ ok: true });
  expect(connector.requests.map((request) => request.status)).toEqual([503, 201]);
  expect(waits).toEqual([100]);
});
