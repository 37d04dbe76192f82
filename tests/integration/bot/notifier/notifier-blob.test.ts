/**
 * Several instances sharing one Azure Blob Storage ledger (Azurite on loopback): the ETag
 * conditions let exactly one of them post each reminder.
 */
import { createNotifier, type LedgerRecord, type Notifier } from '../../../../bot/notifier';
import { BlobStateStore } from '../../../../bot/state';
import { silentLogger } from '../../../../src/logger';
import { startAzurite, type Azurite } from '../../../fakes/azurite';
import { MemoryListSource } from '../../../fakes/memory-list-source';
import {
  MemoryRegistry,
  RecordingMessenger,
  TEAM_ID,
  botOptions,
  clockAt,
  fakeCards,
  meetingItem,
  seedListData,
  setClock,
  snapshotsOf,
  team,
} from '../../../unit/bot/notifier/helpers';

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite.close();
});

describe('notifiers on one Blob Storage ledger', () => {
  it('post each reminder once when four instances run at the same moment, again and again', async () => {
    const container = azurite.freshContainer('ledger');
    const clock = clockAt('2022-12-01');
    const source = new MemoryListSource(seedListData());
    source.add('meetings', meetingItem('m1', '2022-12-15'));
    const registry = new MemoryRegistry([team(), team({ teamId: '19:second-team@thread.tacv2', channelId: '19:second-channel@thread.tacv2' })]);
    const messenger = new RecordingMessenger();
    let open!: () => void;
    messenger.gate = new Promise((resolve) => (open = resolve));
    const instance = (name: string): Notifier =>
      createNotifier({
        snapshots: snapshotsOf(source, clock),
        registry,
        messenger,
        cards: fakeCards,
        store: new BlobStateStore({ connectionString: azurite.connectionString, container }, { logger: silentLogger }),
        clock,
        logger: silentLogger,
        options: botOptions(),
        tabUrl: 'http://127.0.0.1:3978/',
        instanceId: name,
      });
    const instances = ['a', 'b', 'c', 'd'].map(instance);
    const runs = instances.map((notifier) => notifier.run());
    // Opens the gate only when every instance has made its claims and is waiting or finished.
    await messenger.allHeldOrDone(runs);
    expect(messenger.held).toBeGreaterThan(0);
    open();
    await Promise.all(runs);
    messenger.gate = null;
    await Promise.all(instances.map((notifier) => notifier.run()));
    setClock(clock, '2022-12-13');
    await Promise.all(instances.map((notifier) => notifier.run()));

    const posted = messenger.posts.map((post) => `${post.teamId} ${String(post.card.eventKey)}`);
    expect(posted.length).toBe(new Set(posted).size);
    // Per team: two agreements, the meeting's 14-day reminder and its 2-day reminder.
    expect(posted.sort()).toEqual(
      [TEAM_ID, '19:second-team@thread.tacv2']
        .flatMap((teamId) =>
          ['expiry/88/2022-12-31/30', 'expiry/89/2022-03-31/0', 'meeting/m1/2022-12-15/14', 'meeting/m1/2022-12-15/2'].map((key) => `${teamId} ${key}`),
        )
        .sort(),
    );
    const store = new BlobStateStore({ connectionString: azurite.connectionString, container }, { logger: silentLogger });
    const record = await store.get<LedgerRecord>(`ledger/${TEAM_ID}/expiry/88/2022-12-31/30`);
    expect(record?.value).toMatchObject({ state: 'posted', posts: 1, attempts: 1 });
    expect(['a', 'b', 'c', 'd']).toContain(record?.value.claimedBy);
  });
});
