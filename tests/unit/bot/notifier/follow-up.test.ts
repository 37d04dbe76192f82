/**
 * When "Uppföljning YYYY är klar att granska" is due: the day after the year's last meeting (or
 * the configured day), for 90 days, only for a year with ärenden; and, through the notifier, once
 * per team and year with quiet time, missed runs and dry runs handled as for the other notices.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotifier, type Notifier, type NotifyReport } from '../../../../bot/notifier';
import { FOLLOW_UP_WITHIN_DAYS, followUpEvents, followUpFacts, followUpReadyDay, wordUrl } from '../../../../bot/notifier/follow-up';
import { buildForumYear } from '../../../../src/domain/forum-year';
import type { BotOptions } from '../../../../src/config';
import type { ListData, ListItem } from '../../../../src/ports/list-source';
import { MemoryListSource } from '../../../fakes/memory-list-source';
import { area, errand, forumData, forumMeeting, section } from '../../domain/forum-builders';
import { RecordingMessenger, botOptions, clockAt, fakeCards, notifierDeps, setClock } from './helpers';

const day = (year: number, month: number | null = null, dayOfMonth: number | null = null) => ({ year, month, day: dayOfMonth });

describe("the day a year's follow-up is ready", () => {
  const meetings = [
    forumMeeting('feb', { date: day(2022, 2, 26) }),
    forumMeeting('dec', { title: 'SVOM december', date: day(2022, 12, 13) }),
    forumMeeting('strategi', { kind: 'event', date: day(2022, 12, 20) }),
    forumMeeting('next', { date: day(2023, 2, 1) }),
  ];

  it("is the day after the year's last meeting; other events do not count", () => {
    expect(followUpReadyDay({ meetings }, 2022, null)).toEqual({
      date: '2022-12-14',
      reason: { kind: 'last-meeting', title: 'SVOM december', date: day(2022, 12, 13) },
    });
  });

  it('waits out a meeting known only to its month or its year', () => {
    expect(followUpReadyDay({ meetings: [...meetings, forumMeeting('month', { date: day(2022, 12) })] }, 2022, null)?.date).toBe('2023-01-01');
    expect(followUpReadyDay({ meetings: [forumMeeting('nov', { date: day(2022, 11) })] }, 2022, null)?.date).toBe('2022-12-01');
    expect(followUpReadyDay({ meetings: [forumMeeting('y', { date: day(2017) })] }, 2017, null)).toEqual({
      date: '2018-01-01',
      reason: { kind: 'last-meeting', title: 'y', date: day(2017) },
    });
  });

  it('is none for a year without meetings, unless a day is configured', () => {
    expect(followUpReadyDay({ meetings }, 2021, null)).toBeNull();
    expect(followUpReadyDay({ meetings: [forumMeeting('e', { kind: 'event', date: day(2021, 6, 2) })] }, 2021, null)).toBeNull();
  });

  it('is the configured MM-DD instead: in the year itself from July, in the following year before it', () => {
    expect(followUpReadyDay({ meetings }, 2022, { month: 12, day: 20 })).toEqual({
      date: '2022-12-20',
      reason: { kind: 'configured-date', date: '2022-12-20' },
    });
    expect(followUpReadyDay({ meetings }, 2022, { month: 1, day: 15 })?.date).toBe('2023-01-15');
    expect(followUpReadyDay({ meetings }, 2022, { month: 7, day: 1 })?.date).toBe('2022-07-01');
    expect(followUpReadyDay({ meetings }, 2022, { month: 6, day: 30 })?.date).toBe('2023-06-30');
  });
});

const LOCAL_WORD = { appUrl: 'http://127.0.0.1:3978', tabUrl: 'http://127.0.0.1:3978/', needsSignIn: false };

describe("the Word file's link", () => {
  it("is the file on the app's address where the API needs no sign-in (local mode)", () => {
    expect(wordUrl(2022, LOCAL_WORD)).toBe('http://127.0.0.1:3978/api/follow-up/2022.docx');
    expect(wordUrl(2022, { ...LOCAL_WORD, appUrl: null })).toBeNull();
  });

  it("opens the signed-in tab's Uppföljning view asking for the download where the API wants a token (SharePoint mode)", () => {
    const link = new URL(
      wordUrl(2022, { appUrl: 'https://svom.example.org', tabUrl: 'https://teams.microsoft.com/l/entity/app/balanslista', needsSignIn: true }) ?? '',
    );
    expect(JSON.parse(link.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'view=uppfoljning&year=2022&download=docx' });
    expect(wordUrl(2022, { appUrl: 'https://svom.example.org', tabUrl: 'https://svom.example.org/', needsSignIn: true })).toBe(
      'https://svom.example.org/?view=uppfoljning&year=2022&download=docx',
    );
  });
});

describe('the follow-up notices due on a day', () => {
  const data = forumData({
    sections: [section('prio'), section('avtal', { agreements: true, order: 2 })],
    entries: [area('a1', 'prio'), area('a2', 'prio', { order: 2 }), area('a3', 'prio', { order: 3 }), area('avtal-1', 'avtal')],
    meetings: [
      forumMeeting('m1', { date: day(2022, 3, 10) }),
      forumMeeting('m2', { date: day(2022, 12, 13) }),
      forumMeeting('e', { kind: 'event', date: day(2022, 6, 2) }),
    ],
    errands: [errand('x1', { year: 2022, entryKeys: ['a1'] }), errand('x2', { year: null, meeting: { key: 'm2', id: null }, entryKeys: ['nowhere'] })],
  });
  const keys = (today: string, readyDate: BotOptions['followUpReadyDate'] = null) =>
    followUpEvents(data, today, { readyDate, word: LOCAL_WORD }).map((event) => event.key);

  it('from the ready day for 90 days, then no longer', () => {
    expect(keys('2022-12-13')).toEqual([]);
    expect(keys('2022-12-14')).toEqual(['follow-up/2022']);
    expect(keys('2023-03-14')).toEqual(['follow-up/2022']);
    expect(FOLLOW_UP_WITHIN_DAYS).toBe(90);
    expect(keys('2023-03-15')).toEqual([]);
  });

  it('not for a year with no ärende registered', () => {
    expect(followUpEvents({ ...data, errands: [errand('old', { year: 2021 })] }, '2022-12-20', { readyDate: null, word: LOCAL_WORD })).toEqual([]);
  });

  it('tells what the year holds and where the Word file is', () => {
    const [event] = followUpEvents(data, '2022-12-14', {
      readyDate: null,
      word: { appUrl: 'https://balanslistan.example.org/', tabUrl: 'https://balanslistan.example.org/', needsSignIn: false },
    });
    const facts = followUpFacts(
      buildForumYear(data, 2022),
      { date: '2022-12-14', reason: { kind: 'last-meeting', title: 'm2', date: day(2022, 12, 13) } },
      null,
    );
    expect(facts).toMatchObject({ year: 2022, meetings: 2, events: 1, errands: 2, areasWithoutErrand: 2, areas: 3 });
    expect(facts.problems).toBeGreaterThan(0); // x2 names an entry that does not exist
    const card = event?.render(
      { ...fakeCards, followUpReady: (ready) => ({ type: 'AdaptiveCard', version: '1.5', ready }) },
      { language: 'sv', tabUrl: '', today: '2022-12-14', eventKey: event.key },
    );
    expect(card?.ready).toMatchObject({ docxUrl: 'https://balanslistan.example.org/api/follow-up/2022.docx' });
  });
});

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function item(id: string, fields: Record<string, unknown>): ListItem {
  return { id, eTag: `"${id},1"`, webUrl: `https://contoso.sharepoint.com/sites/svom/Lists/X/DispForm.aspx?ID=${id}`, lastModifiedDateTime: null, fields };
}

/** 2022 with meetings on 10 March and Friday 9 December, and one ärende; nothing else is due. */
function lists(): ListData {
  return {
    balance: [],
    meetings: [
      item('m1', { Title: 'SVOM mars', MeetingKey: 'svom-2022-1', MeetingDate: '2022-03-10' }),
      item('m2', { Title: 'SVOM december', MeetingKey: 'svom-2022-4', MeetingDate: '2022-12-09' }),
    ],
    errands: [item('e1', { Title: 'Välfärdsteknologi', ErrandKey: 'e-1', MeetingKey: 'svom-2022-4', SortOrder: 1 })],
  } as ListData;
}

async function world(date: string, time: string, options: Partial<BotOptions> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'follow-up-'));
  dirs.push(dir);
  const source = new MemoryListSource(lists());
  const clock = clockAt(date, time);
  const messenger = new RecordingMessenger();
  const make = (): Notifier =>
    createNotifier(notifierDeps({ source, clock, dir, messenger }, { options: botOptions(options), appUrl: 'http://127.0.0.1:3978' }));
  return { clock, messenger, make, notifier: make() };
}

const outcomes = (report: NotifyReport) => report.teams.flatMap((entry) => entry.events.map((event) => `${event.key} ${event.outcome}`));

describe('the notifier and the follow-up notice', () => {
  it('defers it over the weekend after a Friday meeting and posts it on Monday, once', async () => {
    const w = await world('2022-12-10', '10:00'); // Saturday
    expect(outcomes(await w.notifier.run())).toEqual(['follow-up/2022 deferred-quiet-hours']);
    setClock(w.clock, '2022-12-12', '08:00');
    expect(outcomes(await w.notifier.run())).toEqual(['follow-up/2022 posted']);
    expect(outcomes(await w.make().run())).toEqual(['follow-up/2022 skipped-already-posted']);
    expect(w.messenger.keys()).toEqual(['follow-up/2022']);
    expect(w.messenger.posts[0]?.summary).toBe('Uppföljning 2022 är klar att granska');
  });

  it("catches up after missed runs, and posts last year's in the new year", async () => {
    const w = await world('2023-01-09', '09:00');
    expect(outcomes(await w.notifier.run())).toEqual(['follow-up/2022 posted']);
  });

  it('previews it in a dry run without recording it', async () => {
    const w = await world('2022-12-12', '09:00');
    expect(outcomes(await w.notifier.run({ dryRun: true }))).toEqual(['follow-up/2022 would-post']);
    expect(outcomes(await w.notifier.run())).toEqual(['follow-up/2022 posted']);
  });

  it('on the configured day instead of after the last meeting', async () => {
    const w = await world('2022-12-12', '09:00', { followUpReadyDate: { month: 1, day: 16 } });
    expect(outcomes(await w.notifier.run())).toEqual([]);
    setClock(w.clock, '2023-01-16', '09:00');
    expect(outcomes(await w.notifier.run())).toEqual(['follow-up/2022 posted']);
  });
});
