/** The view's Datakvalitet: ärenden pointing at a meeting or entry that does not exist, and sections as data. */
import { FixedClock } from '../../../src/ports/clock';
import { silentLogger } from '../../../src/logger';
import type { ListItem } from '../../../src/ports/list-source';
import { SnapshotService } from '../../../src/snapshot';
import { MemoryListSource, balanceItem } from '../../fakes/memory-list-source';

const item = (id: string, fields: Record<string, unknown>): ListItem => ({
  id,
  eTag: `"${id},1"`,
  webUrl: `memory://${id}`,
  lastModifiedDateTime: null,
  fields,
});

const balance = [
  balanceItem('1', {
    Title: 'Välfärdsteknologi',
    EntryKey: 'v',
    Section: 'SVOM:s prioriterade områden 2019-2022',
    EntryKind: 'Prioriterat område',
    SortOrder: 1,
  }),
];
const meetings = [
  item('1', { Title: 'SVOM', MeetingKey: 'm1', MeetingDate: '2022-02-26', MeetingKind: 'Ordinarie' }),
  // Known only to its year: not in the view's dated meetings, yet an ärende may go to it.
  item('2', { Title: 'Gemensamt möte', MeetingKey: 'm2', MeetingYear: 2022, MeetingKind: 'Gemensamt med Västernorrland' }),
];
const errands = [
  item('1', { Title: 'Välfärdsteknik', ErrandKey: 'e1', MeetingKey: 'm1', EntryKeys: 'v', SortOrder: 1 }),
  item('2', { Title: 'Fel möte', ErrandKey: 'e2', MeetingKey: 'finns-inte', EntryKeys: 'v', SortOrder: 2 }),
  item('3', { Title: 'Fel nyckel', ErrandKey: 'e3', MeetingKey: 'm2', EntryKeys: 'v\nsaknas', SortOrder: 3 }),
  item('4', { Title: 'Via uppslag', ErrandKey: 'e4', MeetingLookupId: 99, SortOrder: 4 }),
];

const snapshotOf = (data: ConstructorParameters<typeof MemoryListSource>[0]) =>
  new SnapshotService({
    source: new MemoryListSource(data),
    clock: new FixedClock('2022-03-01T10:00:00Z'),
    logger: silentLogger,
    expiringWithinDays: 90,
  }).get();

describe("the view's data-quality problems", () => {
  it('lists each ärende naming a missing meeting or entry, and keeps every ärende in the view', async () => {
    const { view } = await snapshotOf({ balance, meetings, errands });
    expect(view.errands.map((errand) => errand.key)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(view.meetings.map((meeting) => meeting.key)).toEqual(['m1']);
    expect(view.problems.map((problem) => [problem.list, problem.itemId, problem.field, problem.code, problem.value])).toEqual([
      ['errands', '2', 'MeetingKey', 'unknown-meeting', 'finns-inte'],
      // With its meeting missing and no ErrandYear of its own, no year's follow-up can show it.
      ['errands', '2', 'ErrandYear', 'no-year', ''],
      ['errands', '3', 'EntryKeys', 'unknown-entry', 'saknas'],
      ['errands', '4', 'MeetingLookupId', 'unknown-meeting', '#99'],
      ['errands', '4', 'ErrandYear', 'no-year', ''],
    ]);
    expect(view.problems[0]).toMatchObject({ title: 'Fel möte', editUrl: 'memory://2' });
  });

  it('lists a forum profile list without a row as a warning, and says nothing of a store without the list', async () => {
    const empty = await snapshotOf({ balance, meetings, forum: [] });
    expect(empty.view.problems.map((problem) => [problem.list, problem.code])).toEqual([['forum', 'no-forum-profile']]);
    const without = await snapshotOf({ balance, meetings });
    expect(without.view.problems).toEqual([]);
  });

  it("adds the ärende list's own problems, and nothing for a store without the forum's lists", async () => {
    const broken = await snapshotOf({ balance, meetings, errands: [item('5', { ErrandKey: 'e5', SortOrder: 'först' })] });
    expect(broken.view.problems.map((problem) => [problem.list, problem.code, problem.field])).toEqual([
      ['errands', 'missing-title', 'Title'],
      ['errands', 'invalid-number', 'SortOrder'],
      ['errands', 'no-year', 'ErrandYear'],
    ]);
    const older = await snapshotOf({ balance, meetings: [meetings[0] as ListItem] });
    expect(older.view.problems).toEqual([]);
    expect(older.view.errands).toEqual([]);
  });

  it("carries the sections: the 2022 list's five when there is no list, the list's own otherwise", async () => {
    const builtIn = await snapshotOf({ balance, meetings: [] });
    expect(builtIn.view.sections.map((section) => [section.key, section.builtIn])).toEqual([
      ['goals', true],
      ['priorities', true],
      ['strategy', true],
      ['several', true],
      ['agreements', true],
    ]);
    const sections = [item('1', { Title: 'SVOM:s prioriterade områden 2023-2026', SectionKey: 'prio-2023', SortOrder: 1, Period: '2023-2026' })];
    const fromList = await snapshotOf({
      balance: [balanceItem('1', { Title: 'Välfärdsteknologi', EntryKey: 'v', Section: 'prio-2023', EntryKind: 'Prioriterat område', SortOrder: 1 })],
      meetings: [],
      sections,
    });
    expect(fromList.view.sections.map((section) => [section.key, section.name, section.builtIn])).toEqual([
      ['prio-2023', 'SVOM:s prioriterade områden 2023-2026', undefined],
    ]);
    expect(fromList.view.entries.map((entry) => entry.section)).toEqual(['prio-2023']);
    expect(fromList.view.problems).toEqual([]);
  });

  it('keeps entries written with a 2022 heading under the section whose period was renamed (same key)', async () => {
    const { view } = await snapshotOf({
      balance,
      meetings: [],
      sections: [item('1', { Title: 'SVOM:s prioriterade områden 2023-2026', SectionKey: 'priorities', SortOrder: 1, Period: '2023-2026' })],
    });
    expect(view.entries.map((entry) => entry.section)).toEqual(['priorities']);
    expect(view.sections.map((section) => section.name)).toEqual(['SVOM:s prioriterade områden 2023-2026']);
    expect(view.problems).toEqual([]);
  });
});
