import { silentLogger } from '../../../src/logger';
import { SnapshotService } from '../../../src/snapshot';
import { MemoryListSource, balanceItem } from '../../fakes/memory-list-source';
import { SimulatedTime } from '../../fakes/simulated-time';

const MINUTE = 60_000;
const item = balanceItem('1', { Title: 'Förbättrad psykisk hälsa', EntryKey: 'mal-1', Section: 'Flera områden', EntryKind: 'Punkt', SortOrder: 1 });

async function setup(cadence: Parameters<SnapshotService['start']>[0] = {}) {
  const source = new MemoryListSource({ balance: [item], meetings: [] });
  const time = new SimulatedTime('2022-12-01T10:00:00Z');
  const snapshots = new SnapshotService({ source, clock: time, timers: time, logger: silentLogger, expiringWithinDays: 90 });
  await snapshots.refresh();
  snapshots.start(cadence);
  const readsSince = () => {
    const at = source.reads;
    return () => source.reads - at;
  };
  return { source, time, snapshots, readsSince };
}

describe('SnapshotService: reads follow demand', () => {
  it('reads every 10 minutes while nobody looks', async () => {
    const { time, snapshots, readsSince } = await setup();
    const reads = readsSince();
    await time.advance(60 * MINUTE);
    expect(reads()).toBe(6);
    expect(snapshots.isDemanded()).toBe(false);
    snapshots.stop();
  });

  it('reads every 30 seconds for 5 minutes after a tab asked, then slows down again', async () => {
    const { time, snapshots, readsSince } = await setup();
    await time.advance(MINUTE);
    let reads = readsSince();
    snapshots.noteDemand(); // the snapshot is a minute old: a read starts behind the request
    await time.advance(0);
    expect(reads()).toBe(1);
    reads = readsSince();
    // 1:30 … 5:30; at 6:00 the window has closed.
    await time.advance(5 * MINUTE);
    expect(reads()).toBe(9);
    expect(snapshots.isDemanded()).toBe(false);
    reads = readsSince();
    await time.advance(30 * MINUTE);
    expect(reads()).toBe(3);
    snapshots.stop();
  });

  it('reads behind a request only when the snapshot is older than the fast interval', async () => {
    const { time, snapshots, readsSince } = await setup();
    await time.advance(10_000);
    const reads = readsSince();
    snapshots.noteDemand(); // 10 s old: young enough
    await time.advance(0);
    expect(reads()).toBe(0);
    snapshots.stop();
  });

  it('serves the first request after a quiet spell at once and reads behind it', async () => {
    const { time, snapshots, source, readsSince } = await setup();
    const changes: string[] = [];
    snapshots.onChange((snapshot) => changes.push(snapshot.etag));
    const before = await snapshots.get();
    await time.advance(3 * MINUTE);
    source.editUnseen('balance', '1', { Title: 'Ändrad i SharePoint' });
    const reads = readsSince();
    snapshots.noteDemand();
    // The request is answered from what there is; the read runs behind it.
    expect((await snapshots.get()).etag).toBe(before.etag);
    await time.advance(0);
    expect(reads()).toBe(1);
    expect(changes).toHaveLength(1);
    expect((await snapshots.get()).etag).toBe(changes[0]);
    snapshots.stop();
  });

  it('keeps reads fast while a stream holds demand, and releases once however often released', async () => {
    const { time, snapshots, readsSince } = await setup();
    const release = snapshots.holdDemand();
    let reads = readsSince();
    await time.advance(20 * MINUTE);
    expect(reads()).toBe(40);
    expect(snapshots.isDemanded()).toBe(true);
    const second = snapshots.holdDemand();
    release();
    release();
    expect(snapshots.isDemanded()).toBe(true);
    second();
    // Releasing starts the demand window: fast for 5 more minutes, then idle.
    reads = readsSince();
    await time.advance(5 * MINUTE);
    expect(reads()).toBe(9);
    reads = readsSince();
    await time.advance(20 * MINUTE);
    expect(reads()).toBe(2);
    snapshots.stop();
  });

  it('with change notifications live, reads hourly while nobody looks and every 10 minutes while somebody does', async () => {
    const { time, snapshots, readsSince } = await setup();
    snapshots.setNotified(true);
    let reads = readsSince();
    await time.advance(3 * 60 * MINUTE);
    expect(reads()).toBe(3);
    const release = snapshots.holdDemand();
    reads = readsSince();
    await time.advance(60 * MINUTE);
    expect(reads()).toBe(6);
    release();
    snapshots.setNotified(false);
    reads = readsSince();
    await time.advance(60 * MINUTE);
    expect(reads()).toBe(9 + 5); // fast in the window after the release, then every 10 minutes
    snapshots.stop();
  });

  it('honours the configured intervals', async () => {
    const { time, snapshots, readsSince } = await setup({ fastSeconds: 10, idleSeconds: 120, demandSeconds: 60 });
    const reads = readsSince();
    await time.advance(10 * MINUTE);
    expect(reads()).toBe(5);
    snapshots.stop();
  });
});

describe('SnapshotService: refresh never answers with a read older than the call', () => {
  it('queues one newer read behind a running one, shared by every caller meanwhile', async () => {
    const { time, snapshots, source } = await setup(3600);
    const resume = source.pauseReads();
    const first = snapshots.refresh();
    await time.advance(1000);
    source.editUnseen('balance', '1', { Title: 'Ändrad medan läsningen pågick' });
    const second = snapshots.refresh();
    const third = snapshots.refresh();
    const readsBefore = source.reads;
    resume();
    await first;
    const [a, b] = await Promise.all([second, third]);
    expect(a).toBe(b);
    expect(source.reads).toBe(readsBefore + 1);
    expect(a.view.entries[0]?.title).toBe('Ändrad medan läsningen pågick');
    snapshots.stop();
  });

  it('shares a read that started at the same instant', async () => {
    const { snapshots, source } = await setup(3600);
    const reads = source.reads;
    await Promise.all([snapshots.refresh(), snapshots.refresh()]);
    expect(source.reads).toBe(reads + 1);
    snapshots.stop();
  });
});
