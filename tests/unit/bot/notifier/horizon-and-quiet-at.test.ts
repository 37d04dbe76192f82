/**
 * The notifier's meeting horizon (MEETING_WITHIN_DAYS) and quiet time judged at a given instant
 * (what `npm run notify -- --date` uses) instead of now.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotifier } from '../../../../bot/notifier';
import { stockholmInstant } from '../../../../src/domain/dates';
import { MemoryListSource } from '../../../fakes/memory-list-source';
import { RecordingMessenger, clockAt, meetingItem, notifierDeps, seedListData } from './helpers';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function notifierOn(date: string, time: string, meetingWithinDays?: number) {
  const dir = await mkdtemp(join(tmpdir(), 'notifier-horizon-'));
  dirs.push(dir);
  const source = new MemoryListSource(seedListData());
  source.add('meetings', meetingItem('m1', '2022-12-15'));
  const clock = clockAt(date, time);
  const messenger = new RecordingMessenger();
  const notifier = createNotifier(notifierDeps({ source, clock, dir, messenger }, { meetingWithinDays }));
  return { notifier, messenger };
}

describe('MEETING_WITHIN_DAYS in the notifier', () => {
  it('leaves meetings beyond the horizon out of the digest', async () => {
    // Monday 2022-11-28: the meeting is 17 days ahead.
    const within = await notifierOn('2022-11-28', '08:00', 17);
    const beyond = await notifierOn('2022-11-28', '08:00', 16);
    await within.notifier.digest();
    await beyond.notifier.digest();
    expect(within.messenger.posts[0]?.summary).toBe('Vecka 48: 1 möte de kommande fyra veckorna, 1 avtal att bevaka');
    expect(beyond.messenger.posts[0]?.summary).toBe('Vecka 48: 0 möten de kommande fyra veckorna, 1 avtal att bevaka');
  });

  it('never drops a meeting reminder: the horizon reaches at least the earliest reminder day', async () => {
    // 2022-12-01: the meeting is 14 days ahead, the 14-day reminder is due.
    const { notifier } = await notifierOn('2022-12-01', '08:30', 1);
    const report = await notifier.run({ dryRun: true });
    expect(report.teams[0]?.events.map((event) => event.key)).toContain('meeting/m1/2022-12-15/14');
  });
});

describe('quiet time judged at a given instant', () => {
  it('a run at night for a weekday morning posts, and says when it judged', async () => {
    const { notifier, messenger } = await notifierOn('2022-12-01', '23:00');
    const at = stockholmInstant('2022-12-01', '08:00');
    const report = await notifier.run({ at });
    expect(report.quiet).toBeNull();
    expect(report.quietAt).toBe(at.toISOString());
    expect(messenger.posts.length).toBeGreaterThan(0);
  });

  it('a weekday run for a Saturday defers, and a dry run reports the same reason', async () => {
    const { notifier, messenger } = await notifierOn('2022-12-01', '08:30');
    const at = stockholmInstant('2022-12-03', '08:00');
    const report = await notifier.run({ date: '2022-12-03', at });
    expect(report.quiet).toBe('weekend');
    expect(Object.keys(report.counts)).toEqual(['deferred-quiet-hours']);
    expect(messenger.posts).toHaveLength(0);
    expect((await notifier.run({ date: '2022-12-03', at, dryRun: true })).quiet).toBe('weekend');
  });
});
