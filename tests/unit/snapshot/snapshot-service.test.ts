import { SourceError } from '../../../src/errors';
import { FixedClock } from '../../../src/ports/clock';
import { silentLogger } from '../../../src/logger';
import { SnapshotService } from '../../../src/snapshot';
import { MemoryListSource, balanceItem } from '../../fakes/memory-list-source';

const agreement = balanceItem('7', {
  Title: 'Samverkansavtal hemsjukvård',
  EntryKey: 'avtal-3',
  Section: 'Överenskommelser och avtal rekommendationsbeslutade av SVOM',
  EntryKind: 'Avtal',
  SortOrder: 3,
  ValidityText: 't.o.m. 2022-12-31',
});
const goal = balanceItem('1', {
  Title: 'Förbättrad psykisk hälsa',
  EntryKey: 'mal-1',
  Section: 'Mål för gemensam hälso- och sjukvårdspolitik 2014-2025',
  EntryKind: 'Målområde',
  SortOrder: 1,
});

function setup(instant = '2022-12-01T10:00:00Z') {
  const source = new MemoryListSource({ balance: [goal, agreement], meetings: [] });
  const clock = new FixedClock(instant);
  const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 90 });
  return { source, clock, snapshots };
}

describe('SnapshotService', () => {
  it('builds the view with derived agreement status on the Stockholm date', async () => {
    const { snapshots } = setup();
    const { view, etag } = await snapshots.get();
    expect(view.source).toBe('local');
    expect(view.today).toBe('2022-12-01');
    expect(view.stale).toBe(false);
    expect(view.entries.map((entry) => entry.key)).toEqual(['mal-1']);
    expect(view.agreements).toHaveLength(1);
    expect(view.agreements[0]).toMatchObject({ key: 'avtal-3', kind: 'agreement', status: 'expiring', daysLeft: 30, entryStatus: null });
    expect(etag).toMatch(/^"[\w-]+"$/);
  });

  it('keeps the ETag while nothing changes, however often it refreshes', async () => {
    const { snapshots, clock } = setup();
    const first = await snapshots.get();
    clock.advance(60_000);
    const second = await snapshots.refresh();
    expect(second.etag).toBe(first.etag);
    expect(second.view.refreshedAt).not.toBe(first.view.refreshedAt);
  });

  it('sees an edit, changes the ETag and tells listeners once', async () => {
    const { snapshots, source } = setup();
    const first = await snapshots.get();
    const seen: string[] = [];
    snapshots.onChange((snapshot) => seen.push(snapshot.etag));
    source.edit('balance', '1', { Title: 'Förbättrad psykisk hälsa (reviderad)' });
    const second = await snapshots.refresh();
    expect(second.etag).not.toBe(first.etag);
    expect(second.view.entries[0]?.title).toBe('Förbättrad psykisk hälsa (reviderad)');
    await snapshots.refresh();
    expect(seen).toEqual([second.etag]);
  });

  it('recomputes days left when the Stockholm date turns, without a read', async () => {
    const { snapshots, clock, source } = setup('2022-12-01T22:59:00Z');
    await snapshots.get();
    const reads = source.reads;
    clock.set('2022-12-01T23:00:00Z'); // midnight in Stockholm (UTC+1)
    const { view } = await snapshots.get();
    expect(view.today).toBe('2022-12-02');
    expect(view.agreements[0]?.daysLeft).toBe(29);
    expect(source.reads).toBe(reads);
  });

  it('serves the last good snapshot marked stale when the source fails, and recovers', async () => {
    const { snapshots, source, clock } = setup();
    await snapshots.get();
    source.failure = new SourceError('graph-unavailable', 'Graph answered 503', 503);
    clock.advance(30_000);
    const stale = await snapshots.refresh();
    expect(stale.view.stale).toBe(true);
    expect(stale.view.staleSince).toBe('2022-12-01T10:00:30.000Z');
    expect(stale.view.agreements).toHaveLength(1);
    clock.advance(30_000);
    expect((await snapshots.refresh()).view.staleSince).toBe('2022-12-01T10:00:30.000Z');
    source.failure = null;
    const fresh = await snapshots.refresh();
    expect(fresh.view.stale).toBe(false);
    expect(fresh.view.staleSince).toBeNull();
  });

  it('throws the source error when there has never been a good read', async () => {
    const { snapshots, source } = setup();
    source.failure = new SourceError('graph-forbidden', 'Forbidden', 403);
    await expect(snapshots.get()).rejects.toThrow('Forbidden');
  });

  it('shares one read among callers that arrive together', async () => {
    const { snapshots, source } = setup();
    await Promise.all([snapshots.refresh(), snapshots.refresh(), snapshots.get()]);
    expect(source.reads).toBe(1);
  });

  it('refreshes when the source reports a change by itself', async () => {
    const { snapshots, source } = setup();
    await snapshots.get();
    snapshots.start(3600);
    const changed = new Promise<string>((resolve) => snapshots.onChange((snapshot) => resolve(snapshot.view.entries[0]?.title ?? '')));
    source.edit('balance', '1', { Title: 'Ändrad i filen' });
    await expect(changed).resolves.toBe('Ändrad i filen');
    snapshots.stop();
  });
});
