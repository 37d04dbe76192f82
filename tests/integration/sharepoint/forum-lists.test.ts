/**
 * The forum's year's lists (ärenden, forum profile, sections) read from SharePoint: in the same
 * `$batch` delta request as the balance list and the meetings, and a site where they are not
 * provisioned yet keeps working.
 */
import { dataQualityProblems } from '../../../src/domain/errands';
import { createLogger } from '../../../src/logger';
import { mapForumData } from '../../../src/lists/forum-year-mapping';
import { mapListData } from '../../../src/lists/mapping';
import { LISTS } from '../../../src/lists/schema';
import { GraphListSource } from '../../../src/sharepoint/graph-list-source';
import { MISSING_LIST_RECHECK_MS } from '../../../src/sharepoint/site';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { schemaColumns } from '../../fakes/fake-graph/columns';
import { harness, sharePointOptions } from './graph-harness';
import { capturedLogs } from '../../fixtures/captured-logs';

let fake: FakeGraph;
afterEach(async () => {
  await fake.close();
});

const entry = (id: string, fields: Record<string, unknown>) => ({ id, fields: { EntryKind: 'Punkt', SortOrder: 1, ...fields } });

describe("GraphListSource: the forum's year's lists", () => {
  it('reads ärenden, the forum profile and sections with the other lists, and an unchanged refresh is still one request', async () => {
    fake = await startFakeGraph();
    fake.seedAll({
      balance: [entry('1', { Title: 'Digital vård', EntryKey: 'digital', Section: 'nytt-2026' })],
      meetings: [{ id: '1', fields: { Title: 'SVOM mars', MeetingKey: 'm-mars', MeetingDate: '2026-03-12', MeetingKind: 'Annat evenemang' } }],
      errands: [{ id: '1', fields: { Title: 'Lägesrapport', ErrandKey: 'e1', MeetingKey: 'm-mars', EntryKeys: 'digital', SortOrder: 1 } }],
      forum: [{ id: '1', fields: { Title: 'Sociala vård- och omsorgsgruppen', ShortName: 'SVOM' } }],
      sections: [{ id: '1', fields: { Title: 'SVOM:s prioriterade områden 2026-2029', SectionKey: 'nytt-2026', SortOrder: 1, Period: '2026-2029' } }],
    });
    const { source } = harness(fake);

    const first = await source.read();
    expect(first.data.errands?.map((item) => item.fields.ErrandKey)).toEqual(['e1']);
    expect(first.data.forum?.map((item) => item.fields.ShortName)).toEqual(['SVOM']);
    expect(first.data.sections?.map((item) => item.fields.SectionKey)).toEqual(['nytt-2026']);
    expect(first.data.missing).toBeUndefined();
    const list = mapListData(first.data);
    expect(list.entries.map((item) => [item.key, item.section])).toEqual([['digital', 'nytt-2026']]);
    expect(list.sections.map((section) => section.name)).toEqual(['SVOM:s prioriterade områden 2026-2029']);
    expect(list.meetings.map((meeting) => meeting.kind)).toEqual(['event']);
    expect(list.problems).toEqual([]);

    fake.resetLog();
    const again = await source.read();
    expect(again.changed).toBe(false);
    expect(fake.graphRequests()).toHaveLength(1);
    expect(fake.batchedRequests).toHaveLength(6);

    fake.addItem('errands', { Title: 'Nytt ärende', ErrandKey: 'e2', MeetingKey: 'finns-inte', EntryKeys: 'digital;saknas', SortOrder: 2 });
    fake.resetLog();
    const changed = await source.read();
    expect(changed.changed).toBe(true);
    expect(fake.graphRequests()).toHaveLength(1);
    const forum = mapForumData(changed.data, mapListData(changed.data));
    expect(dataQualityProblems(forum).map((problem) => [problem.list, problem.code, problem.value])).toEqual([
      ['errands', 'unknown-meeting', 'finns-inte'],
      // With its meeting missing and no ErrandYear, no year's follow-up can show it.
      ['errands', 'no-year', ''],
      ['errands', 'unknown-entry', 'saknas'],
    ]);
  });

  it('keeps working on a site where they are not provisioned: the balance list reads, the missing lists are reported once', async () => {
    fake = await startFakeGraph({ withForumLists: false });
    fake.seedAll({ balance: [entry('1', { Title: 'Psykisk hälsa', EntryKey: 'p', Section: 'Flera områden' })], meetings: [] });
    const { logger, records: lines } = capturedLogs('info');
    const source = new GraphListSource(harness(fake).client, sharePointOptions(fake), { logger });

    const first = await source.read();
    expect(first.data.balance).toHaveLength(1);
    expect(first.data.missing).toEqual(['errands', 'forum', 'sections', 'actions']);
    expect(first.data.errands).toBeUndefined();
    expect(source.listUrls().errands).toBeUndefined();
    const list = mapListData(first.data);
    expect(list.entries.map((item) => [item.key, item.section])).toEqual([['p', 'several']]);
    expect(list.problems.map((problem) => [problem.list, problem.code])).toEqual([
      ['errands', 'missing-list'],
      ['forum', 'missing-list'],
      ['sections', 'missing-list'],
      ['actions', 'missing-list'],
    ]);
    // The report says there is no forum profile once, as the missing list, not twice.
    expect(mapForumData(first.data, list).problems.filter((problem) => problem.list === 'forum')).toHaveLength(1);

    fake.resetLog();
    const again = await source.read();
    expect(again.changed).toBe(false);
    expect(fake.graphRequests()).toHaveLength(1);
    expect(again.data.missing).toEqual(['errands', 'forum', 'sections', 'actions']);
    expect(lines.filter((line) => line.level === 40 && /do not exist on the site/.test(line.msg))).toHaveLength(1);
  });
});

describe('GraphListSource: lists provisioned while the app runs', () => {
  it('looks for the missing lists again after a while, and reads them once they exist', async () => {
    fake = await startFakeGraph({ withForumLists: false });
    fake.seedAll({ balance: [entry('1', { Title: 'Psykisk hälsa', EntryKey: 'p', Section: 'Flera områden' })], meetings: [] });
    let now = Date.parse('2026-03-01T08:00:00Z');
    const source = new GraphListSource(harness(fake).client, sharePointOptions(fake), { logger: createLogger('silent'), now: () => now });
    expect((await source.read()).data.missing).toEqual(['errands', 'forum', 'sections', 'actions']);

    // Someone runs `npm run provision`: the lists now exist, with an ärende.
    for (const list of ['errands', 'forum', 'sections', 'actions'] as const) {
      fake.addList({ displayName: LISTS[list].displayName, name: list, columns: LISTS[list].columns.map((column) => column.name) });
    }
    fake.addItem(LISTS.errands.displayName, { Title: 'Första ärendet', ErrandKey: 'e1', SortOrder: 1 });

    fake.resetLog();
    now += MISSING_LIST_RECHECK_MS - 1;
    const soon = await source.read();
    expect(soon.data.missing).toEqual(['errands', 'forum', 'sections', 'actions']);
    expect(fake.graphRequests()).toHaveLength(1);

    now += 1;
    const later = await source.read();
    expect(later.changed).toBe(true);
    expect(later.data.missing).toBeUndefined();
    expect(later.data.errands?.map((item) => item.fields.ErrandKey)).toEqual(['e1']);
    expect(source.listUrls().errands).toBe(fake.listInfo(LISTS.errands.displayName).webUrl);

    fake.resetLog();
    now += MISSING_LIST_RECHECK_MS;
    expect((await source.read()).changed).toBe(false);
    expect(fake.graphRequests()).toHaveLength(1);
  });
});

describe('GraphListSource: lists from before the forum’s-year columns', () => {
  /** The meetings list as it was before the forum's year: no Mötesnyckel, År, Månad or Ämne. */
  const FOLLOW_UP_COLUMNS = ['MeetingKey', 'MeetingYear', 'MeetingMonth', 'Subject'];

  it('selects only the columns the site has, reads the rest as before, and reports each missing column as a warning', async () => {
    fake = await startFakeGraph({ withForumLists: false, withoutColumns: { meetings: FOLLOW_UP_COLUMNS } });
    fake.seedAll({
      balance: [entry('1', { Title: 'Psykisk hälsa', EntryKey: 'p', Section: 'Flera områden' })],
      meetings: [{ id: '1', fields: { Title: 'SVOM mars', MeetingDate: '2026-03-12', MeetingKind: 'Ordinarie' } }],
    });
    const { source } = harness(fake);

    const first = await source.read();
    // The fake refuses a $select naming a column the list lacks (400): none was asked for.
    expect(fake.batchedRequests.filter((request) => request.status >= 400)).toEqual([]);
    for (const request of fake.batchedRequests.filter((entry) => entry.path.includes('/items/delta')))
      for (const name of FOLLOW_UP_COLUMNS) expect(decodeURIComponent(request.path)).not.toMatch(new RegExp(`[(,=]${name}[,)]`));
    expect(first.data.missingColumns).toEqual(FOLLOW_UP_COLUMNS.map((column) => ({ list: 'meetings', column })));
    const list = mapListData(first.data);
    expect(list.entries.map((item) => item.key)).toEqual(['p']);
    expect(list.meetings.map((meeting) => [meeting.title, meeting.date, meeting.kind])).toEqual([['SVOM mars', '2026-03-12', 'ordinary']]);
    expect(list.problems.filter((problem) => problem.code === 'missing-column').map((problem) => [problem.list, problem.field, problem.title])).toEqual(
      FOLLOW_UP_COLUMNS.map((column) => ['meetings', column, 'Möten SVOM']),
    );
    expect(list.problems.find((problem) => problem.field === 'MeetingKey')?.message).toBe(
      'The list "Möten SVOM" has no column MeetingKey ("Mötesnyckel") on the site, so its values read as empty; add it with "npm run provision".',
    );

    // The columns came with the look-up: an unchanged refresh is still one request.
    fake.resetLog();
    expect((await source.read()).changed).toBe(false);
    expect(fake.graphRequests()).toHaveLength(1);
  });

  it('reads the new columns, item values included, once they are added while the app runs', async () => {
    fake = await startFakeGraph({ withForumLists: false, withoutColumns: { meetings: FOLLOW_UP_COLUMNS } });
    fake.seedAll({ balance: [], meetings: [{ id: '1', fields: { Title: 'SVOM mars', MeetingDate: '2026-03-12' } }] });
    let now = Date.parse('2026-03-01T08:00:00Z');
    const source = new GraphListSource(harness(fake).client, sharePointOptions(fake), { logger: createLogger('silent'), now: () => now });
    expect((await source.read()).data.missingColumns).toHaveLength(4);

    // `npm run provision` adds the columns; someone fills in the meeting's key.
    const definitions = fake.columnDefinitions('Möten SVOM') ?? [];
    fake.setColumnDefinitions('Möten SVOM', [
      ...definitions,
      ...schemaColumns(LISTS.meetings.columns.filter((column) => FOLLOW_UP_COLUMNS.includes(column.name))).slice(-4),
    ]);
    fake.updateItem('Möten SVOM', '1', { MeetingKey: 'm-mars' });

    now += MISSING_LIST_RECHECK_MS;
    const later = await source.read();
    expect(later.changed).toBe(true);
    expect(later.data.missingColumns).toBeUndefined();
    expect(later.data.meetings.map((item) => item.fields.MeetingKey)).toEqual(['m-mars']);
  });
});
