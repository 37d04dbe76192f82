import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotifier, type Notifier, type NotifierDeps, type LedgerRecord } from '../../../../bot/notifier';
import { FileStateStore } from '../../../../bot/state';
import type { BotOptions } from '../../../../src/config';
import { silentLogger } from '../../../../src/logger';
import type { FixedClock } from '../../../../src/ports/clock';
import type { StateStore } from '../../../../src/ports/state-store';
import { MemoryListSource } from '../../../fakes/memory-list-source';
import {
  MemoryRegistry,
  RecordingMessenger,
  TEAM_ID,
  botOptions,
  clockAt,
  graphDate,
  meetingItem,
  seedListData,
  setClock,
  notifierDeps,
  snapshotsOf,
  team,
} from './helpers';

const HEMSJUKVARD = 'expiry/88/2022-12-31/30'; // "t.o.m. 2022-12-31": 30 days left on 2022-12-01
const INUTSKRIVNING = 'expiry/89/2022-03-31/0'; // "t.o.m. 2022-03-31": ended before 2022-12-01

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

interface World {
  source: MemoryListSource;
  clock: FixedClock;
  registry: MemoryRegistry;
  messenger: RecordingMessenger;
  store: StateStore;
  deps: NotifierDeps;
  notifier: Notifier;
  /** A second notifier on the same store and connector: another instance, or the same one restarted. */
  another(): Notifier;
}

async function world(options: Partial<BotOptions> = {}, date = '2022-12-01', time = '08:30'): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), 'notifier-'));
  dirs.push(dir);
  const source = new MemoryListSource(seedListData());
  const clock = clockAt(date, time);
  const registry = new MemoryRegistry([team()]);
  const messenger = new RecordingMessenger();
  const store = new FileStateStore({ dir }, { logger: silentLogger });
  const deps: NotifierDeps = notifierDeps({ source, clock, dir, messenger }, { registry, store, options: botOptions(options) });
  return {
    source,
    clock,
    registry,
    messenger,
    store,
    deps,
    notifier: createNotifier(deps),
    another: () => createNotifier({ ...deps, snapshots: snapshotsOf(source, clock), store: new FileStateStore({ dir }, { logger: silentLogger }) }),
  };
}

function outcomes(report: Awaited<ReturnType<Notifier['run']>>): Record<string, string> {
  return Object.fromEntries(report.teams.flatMap((t) => t.events.map((event) => [event.key, event.outcome])));
}

describe('the notifier on the 2022 seed', () => {
  it('posts the hemsjukvård agreement at its 30-day threshold and the expired in- och utskrivning agreement, once each', async () => {
    const w = await world();
    const report = await w.notifier.run();
    expect(report.date).toBe('2022-12-01');
    expect(outcomes(report)).toEqual({ [HEMSJUKVARD]: 'posted', [INUTSKRIVNING]: 'posted' });
    expect(w.messenger.keys()).toEqual([INUTSKRIVNING, HEMSJUKVARD]);
    expect(w.messenger.posts[1]?.channelId).toBe('19:svom-channel@thread.tacv2');
    expect(w.messenger.posts[0]?.summary).toBe('Avtalet gick ut 2022-03-31: Avtal om samverkan vid in- och utskrivning från slutenvård');
    expect(w.messenger.posts[1]?.summary).toBe(
      'Avtalet löper ut om 30 dagar (2022-12-31): Samverkansavtal mellan Region Jämtland Härjedalen och kommunerna i Jämtlands län gällande…',
    );
    expect(report.counts).toEqual({ posted: 2 });

    const ledger = await w.store.get<LedgerRecord>(`ledger/${TEAM_ID}/${HEMSJUKVARD}`);
    expect(ledger?.value).toMatchObject({ state: 'posted', attempts: 1, posts: 1, activityId: 'activity-2', lastAttemptOn: '2022-12-01' });
  });

  it('leaves out agreements that ended longer ago than REMINDER_EXPIRED_WITHIN_DAYS', async () => {
    const w = await world({ expiredWithinDays: 200 });
    const report = await w.notifier.run();
    expect(outcomes(report)).toEqual({ [HEMSJUKVARD]: 'posted' }); // in- och utskrivning ended 245 days before
    // On a day years later, none of the 2022 agreements is news any more.
    const later = await world({}, '2026-11-25');
    expect(w.messenger.keys()).toEqual([HEMSJUKVARD]);
    expect((await later.notifier.run()).teams.flatMap((t) => t.events.filter((event) => event.key.startsWith('expiry/')))).toEqual([]);
  });

  it('posts nothing twice: a second run, a restart and another instance all skip', async () => {
    const w = await world();
    await w.notifier.run();
    setClock(w.clock, '2022-12-01', '09:00');
    const again = await w.notifier.run();
    const restarted = await w.another().run();
    expect(outcomes(again)).toEqual({ [HEMSJUKVARD]: 'skipped-already-posted', [INUTSKRIVNING]: 'skipped-already-posted' });
    expect(outcomes(restarted)).toEqual(outcomes(again));
    expect(w.messenger.attempts).toHaveLength(2);
  });

  it('posts each reminder once when two instances run at the same moment', async () => {
    const w = await world();
    let open!: () => void;
    w.messenger.gate = new Promise((resolve) => (open = resolve));
    const started = [w.notifier.run(), w.another().run(), w.another().run()];
    await w.messenger.allHeldOrDone(started);
    expect(w.messenger.held).toBeGreaterThan(0);
    open();
    const reports = await Promise.all(started);
    expect(w.messenger.keys().sort()).toEqual([INUTSKRIVNING, HEMSJUKVARD].sort());
    const posted = reports.flatMap((report) => report.teams.flatMap((t) => t.events)).filter((event) => event.outcome === 'posted');
    expect(posted).toHaveLength(2);
  });

  it('previews in a dry run: cards for the date, nothing posted, nothing recorded', async () => {
    const w = await world();
    const report = await w.notifier.run({ dryRun: true, date: '2022-12-01' });
    expect(report.dryRun).toBe(true);
    expect(outcomes(report)).toEqual({ [HEMSJUKVARD]: 'would-post', [INUTSKRIVNING]: 'would-post' });
    const event = report.teams[0]?.events[0];
    expect(event?.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', eventKey: null });
    expect(w.messenger.attempts).toHaveLength(0);
    expect(await w.store.list('')).toEqual([]);
  });

  it('previews for "a team that has chosen a channel" when no team has installed the bot', async () => {
    const w = await world();
    w.registry.teams.clear();
    const report = await w.notifier.run({ dryRun: true });
    expect(report.teams).toHaveLength(1);
    expect(report.teams[0]).toMatchObject({ teamId: null, status: 'preview', language: 'sv' });
    expect(report.teams[0]?.events.map((event) => event.outcome)).toEqual(['would-post', 'would-post']);
    const real = await w.notifier.run();
    expect(real.teams).toEqual([]);
    expect(w.messenger.attempts).toHaveLength(0);
  });

  it('shows in a dry run what was already posted', async () => {
    const w = await world();
    await w.notifier.run();
    const report = await w.notifier.run({ dryRun: true });
    expect(outcomes(report)).toEqual({ [HEMSJUKVARD]: 'skipped-already-posted', [INUTSKRIVNING]: 'skipped-already-posted' });
  });

  it('skips teams with no channel chosen and teams the bot has left, and says so', async () => {
    const w = await world();
    w.registry.teams.clear();
    await w.registry.put(team({ teamId: 'no-channel', channelId: null, channelName: null }));
    await w.registry.put(team({ teamId: 'left', active: false }));
    const report = await w.notifier.run();
    expect(report.teams.map((t) => [t.teamId, t.status]).sort()).toEqual([
      ['left', 'inactive'],
      ['no-channel', 'no-channel'],
    ]);
    expect(w.messenger.attempts).toHaveLength(0);
  });

  it('writes in English to a team that chose English', async () => {
    const w = await world();
    await w.registry.put(team({ language: 'en' }));
    await w.notifier.run();
    expect(w.messenger.posts[0]?.summary).toMatch(/^Agreement expired on 2022-03-31: Avtal om samverkan/);
    expect(w.messenger.posts[1]?.summary).toMatch(/^Agreement expires in 30 days \(2022-12-31\): Samverkansavtal/);
  });

  it('rejects a date that is not a calendar date', async () => {
    const w = await world();
    await expect(w.notifier.run({ date: '2022-02-30' })).rejects.toThrow(/not a date: write it as YYYY-MM-DD/);
  });
});

describe('thresholds over time', () => {
  async function agreementWorld(validTo: string, date: string): Promise<World> {
    // Some threshold days fall on weekends; quiet weekends are tested on their own below.
    const w = await world({ quietWeekends: false }, date);
    w.source.edit('balance', '88', { ValidTo: graphDate(validTo), ValidityText: `t.o.m. ${validTo}` });
    w.source.edit('balance', '89', { ValidTo: null, ValidityText: 'löpande' });
    return w;
  }

  it('posts each threshold on its day, one after another', async () => {
    const w = await agreementWorld('2023-06-30', '2023-01-01');
    for (const date of ['2023-01-01', '2023-01-02', '2023-04-01', '2023-05-31', '2023-06-30', '2023-07-01']) {
      setClock(w.clock, date);
      await w.notifier.run();
    }
    expect(w.messenger.keys()).toEqual(['expiry/88/2023-06-30/180', 'expiry/88/2023-06-30/90', 'expiry/88/2023-06-30/30', 'expiry/88/2023-06-30/0']);
  });

  it('after downtime posts the threshold reached now, not the ones it superseded', async () => {
    const w = await agreementWorld('2023-06-30', '2023-01-02');
    await w.notifier.run();
    // Down from January to June: the 90-day notice (2023-04-01) was never posted.
    setClock(w.clock, '2023-06-05');
    const report = await w.notifier.run();
    expect(outcomes(report)).toEqual({ 'expiry/88/2023-06-30/30': 'posted' });
    expect(w.messenger.keys()).toEqual(['expiry/88/2023-06-30/180', 'expiry/88/2023-06-30/30']);
  });

  it('starts the thresholds again when the end date changes', async () => {
    const w = await world();
    await w.notifier.run();
    // Prolonged by three weeks: 51 days left, so the 90-day notice for the new date is due.
    w.source.edit('balance', '88', { ValidTo: graphDate('2023-01-21') });
    setClock(w.clock, '2022-12-01', '10:00');
    const report = await w.notifier.run();
    expect(outcomes(report)).toEqual({ 'expiry/88/2023-01-21/90': 'posted', [INUTSKRIVNING]: 'skipped-already-posted' });
    setClock(w.clock, '2022-12-22', '10:00');
    await w.notifier.run();
    expect(w.messenger.keys()).toEqual([INUTSKRIVNING, HEMSJUKVARD, 'expiry/88/2023-01-21/90', 'expiry/88/2023-01-21/30']);
  });

  it('reminds of a meeting 14 and 2 days before, and after downtime only the nearer one', async () => {
    const w = await world({}, '2022-12-01');
    w.source.add('meetings', meetingItem('m1', '2022-12-15', 'SVOM ordinarie möte'));
    w.source.add('meetings', meetingItem('m2', '2023-01-26', 'SVOM extra möte'));
    await w.notifier.run();
    setClock(w.clock, '2022-12-13');
    await w.notifier.run();
    // Down from 2023-01-11 (15 days before m2) until 2023-01-25: the 14-day reminder was missed.
    setClock(w.clock, '2023-01-25');
    await w.notifier.run();
    const meetings = w.messenger.keys().filter((key) => key.startsWith('meeting/'));
    expect(meetings).toEqual(['meeting/m1/2022-12-15/14', 'meeting/m1/2022-12-15/2', 'meeting/m2/2023-01-26/2']);
    expect(w.messenger.posts.find((post) => post.card.eventKey === 'meeting/m1/2022-12-15/14')?.summary).toBe(
      'Påminnelse om möte: SVOM ordinarie möte, 2022-12-15 09:00 (om 14 dagar)',
    );
  });

  it('reminds again when a meeting moves to another date', async () => {
    const w = await world({}, '2022-12-01');
    w.source.add('meetings', meetingItem('m1', '2022-12-15'));
    await w.notifier.run();
    w.source.edit('meetings', 'm1', { MeetingDate: graphDate('2022-12-14') });
    setClock(w.clock, '2022-12-01', '11:00');
    await w.notifier.run();
    expect(w.messenger.keys().filter((key) => key.startsWith('meeting/'))).toEqual(['meeting/m1/2022-12-15/14', 'meeting/m1/2022-12-14/14']);
  });
});

describe('quiet hours and weekends', () => {
  it('defers posts in the evening to the next run outside quiet hours, recording nothing meanwhile', async () => {
    const w = await world({}, '2022-12-01', '19:30');
    const evening = await w.notifier.run();
    expect(evening.quiet).toBe('quiet-hours');
    expect(outcomes(evening)).toEqual({ [HEMSJUKVARD]: 'deferred-quiet-hours', [INUTSKRIVNING]: 'deferred-quiet-hours' });
    expect(w.messenger.attempts).toHaveLength(0);
    expect(await w.store.list('ledger/')).toEqual([]);
    setClock(w.clock, '2022-12-02', '06:59');
    expect((await w.notifier.run()).quiet).toBe('quiet-hours');
    setClock(w.clock, '2022-12-02', '07:00');
    const morning = await w.notifier.run();
    expect(morning.quiet).toBeNull();
    expect(w.messenger.keys()).toEqual([INUTSKRIVNING, HEMSJUKVARD]);
  });

  it('defers weekend posts to Monday', async () => {
    const w = await world({}, '2022-12-03', '10:00'); // a Saturday
    expect((await w.notifier.run()).quiet).toBe('weekend');
    setClock(w.clock, '2022-12-04', '12:00');
    expect((await w.notifier.run()).quiet).toBe('weekend');
    expect(w.messenger.attempts).toHaveLength(0);
    setClock(w.clock, '2022-12-05', '08:00');
    await w.notifier.run();
    expect(w.messenger.keys()).toEqual([INUTSKRIVNING, HEMSJUKVARD]);
  });

  it('posts at any time when quiet hours and weekends are off', async () => {
    const w = await world({ quietHours: null, quietWeekends: false }, '2022-12-03', '23:30');
    const report = await w.notifier.run();
    expect(report.quiet).toBeNull();
    expect(report.counts).toEqual({ posted: 2 });
  });
});

describe('snooze ("Påminn igen om 7 dagar")', () => {
  it('posts the reminder again once, seven days later', async () => {
    const w = await world();
    await w.notifier.run();
    expect(await w.notifier.snooze(TEAM_ID, HEMSJUKVARD, 7)).toBe('snoozed');
    setClock(w.clock, '2022-12-07', '10:00');
    expect(outcomes(await w.notifier.run())[HEMSJUKVARD]).toBe('skipped-snoozed');
    setClock(w.clock, '2022-12-08', '08:00');
    expect(outcomes(await w.notifier.run())[HEMSJUKVARD]).toBe('posted');
    setClock(w.clock, '2022-12-08', '09:00');
    expect(outcomes(await w.notifier.run())[HEMSJUKVARD]).toBe('skipped-already-posted');
    expect(w.messenger.keys()).toEqual([INUTSKRIVNING, HEMSJUKVARD, HEMSJUKVARD]);
    expect((await w.store.get<LedgerRecord>(`ledger/${TEAM_ID}/${HEMSJUKVARD}`))?.value).toMatchObject({ posts: 2, snoozedUntil: null });
  });

  it('knows only events it posted to that team, and whole days from 1 to 365', async () => {
    const w = await world();
    await w.notifier.run();
    expect(await w.notifier.snooze(TEAM_ID, 'expiry/88/2099-01-01/30', 7)).toBe('unknown-event');
    expect(await w.notifier.snooze('another-team', HEMSJUKVARD, 7)).toBe('unknown-event');
    await expect(w.notifier.snooze(TEAM_ID, HEMSJUKVARD, 0)).rejects.toThrow(/whole number from 1 to 365/);
    await expect(w.notifier.snooze(TEAM_ID, HEMSJUKVARD, 1.5)).rejects.toThrow(/whole number/);
  });
});

describe('delivery faults', () => {
  it('releases a claim after a retryable failure and posts on the next run; the rest of the team waits', async () => {
    const w = await world();
    w.messenger.script.push({ ok: false, kind: 'retryable', status: 503, message: 'Service Unavailable' });
    const first = await w.notifier.run();
    expect(outcomes(first)).toEqual({ [HEMSJUKVARD]: 'failed-retryable', [INUTSKRIVNING]: 'failed-retryable' });
    expect(w.messenger.attempts).toHaveLength(1);
    expect((await w.store.get<LedgerRecord>(`ledger/${TEAM_ID}/${INUTSKRIVNING}`))?.value).toMatchObject({ state: 'released', attempts: 1 });
    expect(await w.store.get(`ledger/${TEAM_ID}/${HEMSJUKVARD}`)).toBeNull();
    setClock(w.clock, '2022-12-01', '09:00');
    const second = await w.notifier.run();
    expect(outcomes(second)).toEqual({ [HEMSJUKVARD]: 'posted', [INUTSKRIVNING]: 'posted' });
    expect(w.messenger.keys()).toEqual([INUTSKRIVNING, HEMSJUKVARD]);
  });

  it('marks a team the bot is no longer in as inactive and stops posting to it', async () => {
    const w = await world();
    w.messenger.script.push({ ok: false, kind: 'gone', status: 403, message: 'BotNotInConversationRoster' });
    const report = await w.notifier.run();
    expect(outcomes(report)).toEqual({ [HEMSJUKVARD]: 'team-gone', [INUTSKRIVNING]: 'team-gone' });
    expect(w.messenger.attempts).toHaveLength(1);
    expect((await w.registry.get(TEAM_ID))?.active).toBe(false);
    const later = await w.notifier.run();
    expect(later.teams[0]?.status).toBe('inactive');
    expect(w.messenger.attempts).toHaveLength(1);
  });

  it('keeps a refused card in the ledger, tries it again the next day, and gives up after three attempts', async () => {
    const w = await world();
    const refused = { ok: false as const, kind: 'failed' as const, status: 400, message: 'BadArgument: card too large' };
    w.messenger.script.push(refused);
    expect(outcomes(await w.notifier.run())).toEqual({ [INUTSKRIVNING]: 'failed', [HEMSJUKVARD]: 'posted' });
    setClock(w.clock, '2022-12-01', '10:00');
    expect(outcomes(await w.notifier.run())[INUTSKRIVNING]).toBe('skipped-failed');
    for (const date of ['2022-12-02', '2022-12-05']) {
      w.messenger.script.push(refused);
      setClock(w.clock, date, '08:00');
      expect(outcomes(await w.notifier.run())[INUTSKRIVNING]).toBe('failed');
    }
    setClock(w.clock, '2022-12-06', '08:00');
    const given = await w.notifier.run();
    expect(given.teams[0]?.events[0]).toMatchObject({ outcome: 'skipped-failed', detail: expect.stringMatching(/failed 3 time\(s\).*card too large/) });
    expect(w.messenger.attempts.filter((post) => post.card.eventKey === INUTSKRIVNING)).toHaveLength(3);
  });

  it('treats a messenger that throws as retryable', async () => {
    const w = await world();
    w.deps.messenger = { postCard: async () => Promise.reject(new Error('socket hang up')) };
    const report = await createNotifier(w.deps).run();
    expect(report.teams[0]?.events[0]).toMatchObject({ outcome: 'failed-retryable', detail: expect.stringMatching(/socket hang up/) });
  });

  it('reports a card that cannot be made, claims nothing for it, and goes on', async () => {
    const w = await world();
    w.deps.cards = {
      ...w.deps.cards,
      expiryNotice: () => {
        throw new Error('template broken');
      },
    };
    const report = await createNotifier(w.deps).run();
    expect(report.counts).toEqual({ failed: 2 });
    expect(await w.store.list('ledger/')).toEqual([]);
  });

  it('takes over a claim left by a crashed run once its lease is over, not before', async () => {
    const w = await world();
    const crashed: LedgerRecord = {
      teamId: TEAM_ID,
      eventKey: HEMSJUKVARD,
      kind: 'expiry-notice',
      state: 'claimed',
      claimedBy: 'crashed-instance',
      claimedAt: new Date(w.clock.now().getTime() - 5 * 60_000).toISOString(),
      attempts: 0,
      posts: 0,
      postedAt: null,
      activityId: null,
      lastAttemptOn: null,
      lastError: null,
      snoozedUntil: null,
    };
    await w.store.put(`ledger/${TEAM_ID}/${HEMSJUKVARD}`, crashed);
    expect(outcomes(await w.notifier.run())[HEMSJUKVARD]).toBe('skipped-in-progress');
    w.clock.advance(6 * 60_000);
    expect(outcomes(await w.notifier.run())[HEMSJUKVARD]).toBe('posted');
    expect(w.messenger.keys().filter((key) => key === HEMSJUKVARD)).toHaveLength(1);
  });
});

describe('the weekly digest', () => {
  it('is posted once per ISO week per team', async () => {
    const w = await world({}, '2022-11-28'); // Monday of week 48
    w.source.add('meetings', meetingItem('m1', '2022-12-15'));
    const first = await w.notifier.digest();
    expect(outcomes(first)).toEqual({ 'digest/2022-W48': 'posted' });
    expect(w.messenger.posts[0]?.summary).toBe('Vecka 48: 1 möte de kommande fyra veckorna, 1 avtal att bevaka');
    setClock(w.clock, '2022-12-02', '08:00');
    expect(outcomes(await w.notifier.digest())).toEqual({ 'digest/2022-W48': 'skipped-already-posted' });
    setClock(w.clock, '2022-12-05', '08:00');
    expect(outcomes(await w.notifier.digest())).toEqual({ 'digest/2022-W49': 'posted' });
    expect(w.messenger.keys().filter((key) => key.startsWith('digest/'))).toEqual(['digest/2022-W48', 'digest/2022-W49']);
  });

  it('that meets quiet hours is deferred, and the next ordinary run posts it', async () => {
    const w = await world({}, '2022-11-28', '06:00');
    const quiet = await w.notifier.digest();
    expect(outcomes(quiet)).toEqual({ 'digest/2022-W48': 'deferred-quiet-hours' });
    setClock(w.clock, '2022-11-28', '08:00');
    const run = await w.notifier.run();
    expect(outcomes(run)['digest/2022-W48']).toBe('posted');
    setClock(w.clock, '2022-11-28', '09:00');
    expect(outcomes(await w.notifier.run())['digest/2022-W48']).toBeUndefined();
    expect(outcomes(await w.notifier.digest())['digest/2022-W48']).toBe('skipped-already-posted');
    expect(w.messenger.keys().filter((key) => key.startsWith('digest/'))).toEqual(['digest/2022-W48']);
  });

  it('is not posted when there is nothing to tell', async () => {
    const w = await world({}, '2022-06-13');
    w.source.edit('balance', '88', { ValidityText: '2021-2030' });
    w.source.edit('balance', '89', { ValidityText: '2021-2030' });
    const report = await w.notifier.digest();
    expect(outcomes(report)).toEqual({ 'digest/2022-W24': 'skipped-nothing-due' });
    expect(w.messenger.attempts).toHaveLength(0);
  });

  it('previews in a dry run without recording', async () => {
    const w = await world({}, '2022-11-28');
    const report = await w.notifier.digest({ dryRun: true });
    expect(outcomes(report)).toEqual({ 'digest/2022-W48': 'would-post' });
    expect(await w.store.list('')).toEqual([]);
  });
});
