/**
 * The notifier end to end over the real Teams side: the template cards, the state-store team
 * registry, and the Teams SDK messenger posting to a loopback fake of the Bot Connector.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessenger } from '../../../../bot/adapter';
import { TemplateCardRenderer } from '../../../../bot/cards';
import { createNotifier, type Notifier } from '../../../../bot/notifier';
import { FileStateStore } from '../../../../bot/state';
import { StateStoreTeamRegistry } from '../../../../bot/teams';
import { silentLogger } from '../../../../src/logger';
import { sampleTeam, startFakeBotConnector, type FakeBotConnector } from '../../../fakes/fake-bot-connector';
import { MemoryListSource } from '../../../fakes/memory-list-source';
import { botOptions, clockAt, meetingItem, seedListData, setClock, snapshotsOf } from '../../../unit/bot/notifier/helpers';
import { CHANNEL, GENERAL, installedTeam } from '../team-target';

let connector: FakeBotConnector;
const dirs: string[] = [];
beforeEach(async () => {
  connector = await startFakeBotConnector({ teams: [sampleTeam()] });
});
afterEach(async () => {
  await connector.close();
});
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const TENANT = '00000000-0000-0000-0000-0000000000aa';

async function setUp(date = '2022-12-01') {
  const dir = await mkdtemp(join(tmpdir(), 'notifier-connector-'));
  dirs.push(dir);
  const clock = clockAt(date);
  const source = new MemoryListSource(seedListData());
  const options = botOptions();
  const registry = new StateStoreTeamRegistry(new FileStateStore({ dir }, { logger: silentLogger }), clock);
  await registry.put(installedTeam(connector.serviceUrl, { tenantId: TENANT }));
  /** The connector retry's waits (ms), through its sleep hook: nothing really waits. */
  const waits: number[] = [];
  const make = (): Notifier =>
    createNotifier({
      snapshots: snapshotsOf(source, clock),
      registry,
      messenger: createMessenger({
        bot: options,
        logger: silentLogger,
        retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 5_000 },
        retryHooks: { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
      }),
      cards: new TemplateCardRenderer(),
      store: new FileStateStore({ dir }, { logger: silentLogger }),
      clock,
      logger: silentLogger,
      options,
      tabUrl: 'http://127.0.0.1:3978/',
    });
  return { clock, source, registry, waits, make, notifier: make() };
}

/** Messages the bot sent into a channel (new posts; how the adapter threads them is its own business). */
function channelPosts(channelId: string) {
  return connector.activities.filter((activity) => activity.conversationId === channelId);
}

function postedCards(): Array<Record<string, unknown>> {
  return channelPosts(CHANNEL).map((post) => {
    const attachments = post.activity.attachments as Array<{ contentType: string; content: Record<string, unknown> }>;
    return attachments[0]?.content as Record<string, unknown>;
  });
}

describe('the notifier over the Bot Connector', () => {
  it('posts the due cards to the chosen channel, not General, each exactly once across reruns, a restart and two instances at once', async () => {
    const world = await setUp();
    await world.notifier.run();
    await world.notifier.run();
    await world.make().run();
    await Promise.all([world.make().run(), world.make().run()]);
    expect(channelPosts(CHANNEL)).toHaveLength(2);
    expect(channelPosts(GENERAL)).toHaveLength(0);
    const cards = postedCards();
    expect(cards.map((card) => card.version)).toEqual(['1.5', '1.5']);
    expect(JSON.stringify(cards[1])).toContain('Samverkansavtal mellan Region Jämtland Härjedalen');
    // The snooze action carries the ledger key of exactly this reminder.
    expect(JSON.stringify(cards[1])).toContain('expiry/88/2022-12-31/30');
    expect(channelPosts(CHANNEL)[0]?.activity.summary).toBe('Avtalet gick ut 2022-03-31: Avtal om samverkan vid in- och utskrivning från slutenvård');
  });

  it('posts a meeting reminder that fell due while the service was down on the next run', async () => {
    const world = await setUp('2022-12-01');
    world.source.add('meetings', meetingItem('m1', '2022-12-15', 'SVOM ordinarie möte'));
    await world.notifier.run();
    setClock(world.clock, '2022-12-14');
    const report = await world.make().run();
    expect(report.counts).toEqual({ posted: 1, 'skipped-already-posted': 2 });
    expect(postedCards().filter((card) => JSON.stringify(card).includes('SVOM ordinarie möte'))).toHaveLength(2);
  });

  it('rides out a 429 and a 503 within the run', async () => {
    const world = await setUp();
    connector.failNext({ status: 429, retryAfterSeconds: 0 }, { method: 'POST', pathIncludes: '/activities' });
    connector.failNext({ status: 503 }, { method: 'POST', pathIncludes: '/activities' });
    const report = await world.notifier.run();
    expect(report.counts).toEqual({ posted: 2 });
    expect(channelPosts(CHANNEL)).toHaveLength(2);
    // Retry-After 0 plus jitter (half the 100 ms base), then the second backoff step.
    expect(world.waits).toEqual([50, 200]);
  });

  it('leaves a reminder for the next run when the connector stays down, then posts it once', async () => {
    const world = await setUp();
    connector.failNext({ status: 503 }, { times: 3, method: 'POST', pathIncludes: '/activities' });
    const first = await world.notifier.run();
    expect(first.counts).toEqual({ 'failed-retryable': 2 });
    expect(world.waits).toEqual([100, 200]);
    expect(channelPosts(CHANNEL)).toHaveLength(0);
    world.clock.advance(60 * 60_000);
    const second = await world.notifier.run();
    expect(second.counts).toEqual({ posted: 2 });
    expect(channelPosts(CHANNEL)).toHaveLength(2);
  });

  it('marks the team inactive when the bot was removed from it (403 BotNotInConversationRoster)', async () => {
    const world = await setUp();
    connector.removeBotFromTeam(GENERAL);
    const report = await world.notifier.run();
    expect(report.counts).toEqual({ 'team-gone': 2 });
    expect((await world.registry.get(GENERAL))?.active).toBe(false);
    const requests = connector.requests.length;
    await world.notifier.run();
    expect(connector.requests.length).toBe(requests);
  });

  it('posts nothing to a team that has not chosen a channel', async () => {
    const world = await setUp();
    await world.registry.put(installedTeam(connector.serviceUrl, { tenantId: TENANT, channelId: null }));
    const report = await world.notifier.run();
    expect(report.teams[0]?.status).toBe('no-channel');
    expect(connector.activities).toHaveLength(0);
  });
});
