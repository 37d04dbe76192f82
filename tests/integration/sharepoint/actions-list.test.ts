/**
 * "Uppdrag SVOM" read from SharePoint: in the same `$batch` delta request as the other five lists,
 * its person column in the shape Graph gives it (`ResponsibleLookupId` plus the display name when
 * selected), and into the snapshot the tab API serves as `actions`, bad items shown, not dropped.
 */
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { SnapshotService } from '../../../src/snapshot';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { harness } from './graph-harness';

let fake: FakeGraph;
afterEach(async () => {
  await fake.close();
});

function seed(graph: FakeGraph): void {
  graph.seedAll({
    balance: [{ id: '1', fields: { Title: 'Psykisk hälsa', EntryKey: 'psykisk', Section: 'Flera områden', EntryKind: 'Rubrik', SortOrder: 1 } }],
    meetings: [{ id: '1', fields: { Title: 'SVOM oktober', MeetingKey: 'm-okt', MeetingDate: '2022-10-20', MeetingKind: 'Ordinarie' } }],
    errands: [{ id: '1', fields: { Title: 'Suicidprevention', ErrandKey: 'e1', MeetingKey: 'm-okt', EntryKeys: 'psykisk', SortOrder: 1 } }],
    actions: [
      {
        id: '1',
        fields: {
          Title: 'Fredagsgruppen återkommer med förslag',
          ActionKey: 'a1',
          ErrandKey: 'e1',
          ResponsibleGroup: 'Fredagsgruppen',
          Responsible: 'Anna Berg',
          DueDate: '2022-12-31',
          ActionStatus: 'Pågår',
        },
      },
      { id: '2', fields: { Title: 'Revidera avtalet', ActionKey: 'a2', ErrandKey: 'e-saknas', ResponsibleGroup: 'Länsgruppen', DueDate: '2022-10-01' } },
    ],
  });
}

describe('GraphListSource: the actions list', () => {
  it('reads the person column as Graph gives it and maps it to the name, in the same batch as every list', async () => {
    fake = await startFakeGraph();
    seed(fake);
    const { source } = harness(fake);

    const first = await source.read();
    const delta = fake.batchedRequests.filter((request) => request.path.includes('/items/delta'));
    expect(delta).toHaveLength(6);
    expect(delta.find((request) => request.path.includes('ActionKey'))?.path).toContain('Responsible,ResponsibleLookupId');
    const anna = first.data.actions?.[0]?.fields ?? {};
    // Graph's shape: the lookup id as text, the display name only because the column is selected.
    expect(anna.ResponsibleLookupId).toMatch(/^\d+$/);
    expect(anna.Responsible).toBe('Anna Berg');
    // A date-only column comes back as the UTC instant of Stockholm midnight.
    expect(anna.DueDate).toBe('2022-12-30T23:00:00Z');

    fake.resetLog();
    const again = await source.read();
    expect(again.changed).toBe(false);
    expect(fake.graphRequests()).toHaveLength(1);
    expect(fake.batchedRequests).toHaveLength(6);
  });

  it('serves the actions in the snapshot, with a person gone from the organisation and a missing ärende listed, not dropped', async () => {
    fake = await startFakeGraph();
    seed(fake);
    const lookupId = fake.addUser('Anna Berg');
    const { source } = harness(fake);
    const snapshots = new SnapshotService({ source, clock: new FixedClock('2022-12-01T09:00:00Z'), logger: silentLogger, expiringWithinDays: 180 });

    const { view } = await snapshots.get();
    expect(view.actions.map((one) => [one.key, one.title, one.group, one.person, one.due, one.status, one.errandKey])).toEqual([
      ['a1', 'Fredagsgruppen återkommer med förslag', 'Fredagsgruppen', { name: 'Anna Berg', lookupId }, '2022-12-31', 'open', 'e1'],
      ['a2', 'Revidera avtalet', 'Länsgruppen', null, '2022-10-01', 'open', 'e-saknas'],
    ]);
    expect(view.problems.filter((problem) => problem.list === 'actions').map((problem) => [problem.itemId, problem.code])).toEqual([['2', 'unknown-errand']]);

    fake.removeUser(lookupId);
    fake.updateItem('actions', '1', { Notes: 'Påminn i december' });
    const after = await snapshots.refresh();
    expect(after.view.actions[0]?.person).toEqual({ name: '', lookupId });
    expect(after.view.problems.filter((problem) => problem.list === 'actions').map((problem) => [problem.itemId, problem.code, problem.value])).toEqual([
      ['1', 'unknown-person', `#${lookupId}`],
      ['2', 'unknown-errand', 'e-saknas'],
    ]);
  });
});
