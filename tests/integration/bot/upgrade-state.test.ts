/**
 * State written by the earlier version of the bot (on botbuilder, kept in
 * tests/fixtures/bot/state-before-teams-sdk) is read by this one, from the file store and from
 * Blob Storage (Azurite): the team, its chosen channel and conversation reference, the ledger and
 * the snooze. After the upgrade nothing already posted is posted again, the snoozed card and the
 * next reminder land in the chosen channel once each, and the team answers without a reinstall.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { BlobStateStore } from '../../../bot/state';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import type { StateStore } from '../../../src/ports/state-store';
import { startAzurite, type Azurite } from '../../fakes/azurite';
import { sampleTeam, startFakeBotConnector, type FakeBotConnector } from '../../fakes/fake-bot-connector';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { sampleListData } from '../../fixtures/bot/list-items';
import { channelMessage } from '../../fixtures/bot/teams-activities';
import { startHarness, type Harness } from './harness';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'bot', 'state-before-teams-sdk');
const TEAM = sampleTeam();
const SVOM_CHANNEL = '19:svom-channel@thread.tacv2';

/** The fixture's text with the fake connector's service URL of this run. */
const withServiceUrl = (text: string, connector: FakeBotConnector) => text.replaceAll('http://127.0.0.1:SERVICE_PORT/', connector.serviceUrl);

function fileState(connector: FakeBotConnector): { stateDir: string } {
  const stateDir = mkdtempSync(join(tmpdir(), 'bot-upgrade-'));
  mkdirSync(join(stateDir, 'state'));
  for (const name of readdirSync(join(FIXTURE, 'file', 'state'))) {
    writeFileSync(join(stateDir, 'state', name), withServiceUrl(readFileSync(join(FIXTURE, 'file', 'state', name), 'utf8'), connector));
  }
  return { stateDir };
}

async function blobState(azurite: Azurite, connector: FakeBotConnector): Promise<{ stateStore: () => StateStore }> {
  const container = azurite.freshContainer('upgrade');
  const client = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container);
  await client.create();
  const blobs = JSON.parse(withServiceUrl(readFileSync(join(FIXTURE, 'blob.json'), 'utf8'), connector)) as Array<{ name: string; body: unknown }>;
  for (const blob of blobs) {
    const body = JSON.stringify(blob.body);
    await client.getBlockBlobClient(blob.name).upload(body, Buffer.byteLength(body));
  }
  return { stateStore: () => new BlobStateStore({ connectionString: azurite.connectionString, container }, { logger: silentLogger }) };
}

const summaries = (connector: FakeBotConnector, conversationId: string) => connector.postsIn(conversationId).map((post) => String(post.activity.summary ?? ''));

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.close();
});

describe.each(['file store', 'Blob Storage'] as const)('state written by the botbuilder version, in the %s', (store) => {
  let connector: FakeBotConnector;
  let harness: Harness;
  let stateDir: string | undefined;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    const state = store === 'file store' ? fileState(connector) : await blobState(azurite, connector);
    stateDir = 'stateDir' in state ? state.stateDir : undefined;
    harness = await startHarness({
      source: new MemoryListSource(sampleListData()),
      connector,
      ...state,
      // The same day, later: the reminders of that day were posted before the upgrade.
      clock: new FixedClock('2022-12-01T13:00:00Z'),
    });
  });
  afterAll(async () => {
    await harness?.close();
    await connector?.close();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  test('the team, its chosen channel and its reference are read as they were', async () => {
    expect(await harness.bot.registry.get(TEAM.id)).toMatchObject({
      teamId: TEAM.id,
      tenantId: 'tenant-1',
      serviceUrl: connector.serviceUrl,
      channelId: SVOM_CHANNEL,
      channelName: 'SVOM',
      active: true,
      conversationReference: { bot: { id: '28:bot-app-id' }, conversation: { id: TEAM.id } },
    });
  });

  test('nothing already posted is posted again, and the snooze holds', async () => {
    const report = await harness.bot.notifier.run();
    expect(report.counts.posted ?? 0).toBe(0);
    expect(report.counts).toMatchObject({ 'skipped-already-posted': 1, 'skipped-snoozed': 1 });
    expect(connector.activities).toHaveLength(0);
  });

  test('the snoozed notice comes back on its day, once, in the chosen channel', async () => {
    harness.clock.set('2022-12-08T09:00:00Z');
    await harness.bot.notifier.run();
    await harness.bot.notifier.run();
    expect(summaries(connector, SVOM_CHANNEL)).toEqual([expect.stringContaining('Avtalet löper ut om 23 dagar')]);
  });

  test('the next reminder lands in the chosen channel, once, also across a restart', async () => {
    harness.clock.set('2022-12-13T09:00:00Z');
    await harness.bot.notifier.run();
    await harness.restart();
    await harness.bot.notifier.run();
    expect(summaries(connector, SVOM_CHANNEL)).toEqual([expect.stringContaining('Avtalet löper ut om 23 dagar'), expect.stringContaining('om 2 dagar')]);
    expect(connector.postsIn(TEAM.id)).toEqual([]);
  });

  test('the team is answered without a reinstall', async () => {
    const before = connector.activities.length;
    const response = await harness.send(channelMessage({ serviceUrl: connector.serviceUrl, team: TEAM, channelId: SVOM_CHANNEL }, 'möten'));
    expect(response.status).toBe(200);
    const answers = connector.activities.slice(before);
    expect(answers).toHaveLength(1);
    expect(JSON.stringify(answers[0]!.activity)).toContain('Kommande SVOM-möten');
  });
});
