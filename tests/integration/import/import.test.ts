import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphStore, ImportFailedError, readImportFile, runExport, runImport, writeExport } from '../../../src/import';
import { readAllItems } from '../../../src/import/graph-items';
import { canonicalItem } from '../../../src/import/plan';
import { silentLogger } from '../../../src/logger';
import type { ListData, ListItem, ListName } from '../../../src/ports/list-source';
import { createGraphClient } from '../../../src/sharepoint/graph-client';
import { mapListData } from '../../../src/lists/mapping';
import { provisionLists } from '../../../src/sharepoint/provision';
import { findList, resolveSiteId } from '../../../src/sharepoint/provision-site';
import { FAKE_LIST_NAMES, startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { graphOptions, sharePointOptions } from '../../fakes/fake-graph-options';
import { installAdminRoutes } from '../../fakes/fake-graph-admin';

const ROOT = join(__dirname, '..', '..', '..');
const SEED = join(ROOT, 'data', 'balanslista-2022.json');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');
const seed = JSON.parse(readFileSync(SEED, 'utf8')) as {
  balance: Array<{ id: string; fields: Record<string, unknown> }>;
  meetings: Array<{ id: string; fields: Record<string, unknown> }>;
};

let graph: FakeGraph;
let work: string;
const waits: number[] = [];

async function site() {
  // Pages of 40 items, so reading the 90-entry list back follows @odata.nextLink.
  const fake = await startFakeGraph({ withLists: false, maxPageSize: 40 });
  installAdminRoutes(fake);
  // Graph's waits go through the client's retry: a clock that its sleep moves on, and the waits recorded.
  let clock = Date.parse('2022-12-30T10:00:00Z');
  const client = createGraphClient(graphOptions(fake), {
    logger: silentLogger,
    now: () => clock,
    sleep: async (ms: number) => {
      waits.push(ms);
      clock += ms;
    },
  });
  const options = sharePointOptions(fake);
  await provisionLists(client, options, { logger: silentLogger });
  return { fake, client, options };
}

const run = (apply: boolean) => ({ apply, logger: silentLogger });

async function itemsOf(context: Awaited<ReturnType<typeof site>>, list: ListName): Promise<ListItem[]> {
  const siteId = await resolveSiteId(context.client, context.options);
  const ref = await findList(context.client, siteId, context.options.lists[list]);
  return readAllItems(context.client, siteId, ref!.id, list);
}

/** Entries and meetings without what the store decides (ids, eTags, links, times). */
function comparable(data: ListData) {
  const list = mapListData(data);
  const strip = <T extends object>(value: T) => {
    const { id: _id, eTag: _eTag, editUrl: _editUrl, modifiedAt: _modifiedAt, ...rest } = value as Record<string, unknown>;
    return rest;
  };
  return {
    entries: list.entries.map(strip).sort((a, b) => String(a.key).localeCompare(String(b.key))),
    meetings: list.meetings.map(strip),
    problems: list.problems.map(({ itemId: _itemId, editUrl: _editUrl, ...rest }) => rest),
  };
}

beforeEach(() => {
  waits.length = 0;
  work = mkdtempSync(join(tmpdir(), 'import-it-'));
});
afterEach(async () => {
  rmSync(work, { recursive: true, force: true });
  await graph?.close();
});

describe('npm run import', () => {
  it('dry-runs the seed file without writing, then applies it with the right field values', async () => {
    const context = await site();
    graph = context.fake;
    const tables = await readImportFile(SEED);

    const dry = await runImport(graphStore(context.client, context.options), tables, run(false));
    expect(dry.map((report) => [report.table.list, report.plan.creates.length, report.plan.updates.length, report.problems])).toEqual([
      ['balance', seed.balance.length, 0, []],
      ['meetings', seed.meetings.length, 0, []],
    ]);
    expect(graph.itemCount(FAKE_LIST_NAMES.balance)).toBe(0);

    const applied = await runImport(graphStore(context.client, context.options), tables, run(true));
    expect(applied[0]?.applied?.created).toHaveLength(seed.balance.length);
    expect(applied[0]?.applied?.batches).toBe(Math.ceil(seed.balance.length / 20));
    expect(graph.batchedRequests.filter((request) => request.method === 'POST')).toHaveLength(seed.balance.length + seed.meetings.length);

    // What the app reads from the site is what it reads from the seed file itself.
    const onSite = { balance: await itemsOf(context, 'balance'), meetings: await itemsOf(context, 'meetings') };
    const fromFile = {
      balance: seed.balance.map((item) => ({ id: item.id, eTag: '', webUrl: '', lastModifiedDateTime: null, fields: item.fields })),
      meetings: seed.meetings.map((item) => ({ id: item.id, eTag: '', webUrl: '', lastModifiedDateTime: null, fields: item.fields })),
    };
    expect(comparable(onSite)).toEqual(comparable(fromFile));
    const meeting = onSite.meetings[0]!;
    expect(meeting.fields.MeetingDate).toBe('2022-02-25T23:00:00Z'); // 2022-02-26 at Stockholm midnight
  });

  it('changes nothing when the same file is imported again', async () => {
    const context = await site();
    graph = context.fake;
    const tables = await readImportFile(SEED);
    await runImport(graphStore(context.client, context.options), tables, run(true));
    const writes = graph.batchedRequests.length;

    const again = await runImport(graphStore(context.client, context.options), tables, run(true));
    expect(again.map((report) => [report.plan.creates.length, report.plan.updates.length, report.plan.unchanged, report.applied])).toEqual([
      [0, 0, seed.balance.length, null],
      [0, 0, seed.meetings.length, null],
    ]);
    expect(graph.batchedRequests.length).toBe(writes);
  });

  it('imports a CSV and updates only the changed columns on re-import', async () => {
    const context = await site();
    graph = context.fake;
    const [report] = await runImport(graphStore(context.client, context.options), await readImportFile(join(FIXTURES, 'moten.csv')), run(true));
    expect(report?.plan.creates.map((create) => create.key)).toEqual([
      'Exempel: SVOM ordinarie möte / 2022-03-25',
      'Exempel: Gemensamt med Västernorrland / 2022-10-27',
    ]);
    // Graph cannot write hyperlink columns: reported, not sent.
    expect(report?.plan.notWritten).toEqual([{ rowNumber: 2, key: 'Exempel: SVOM ordinarie möte / 2022-03-25', column: 'Länk' }]);
    const items = await itemsOf(context, 'meetings');
    expect(canonicalItem('meetings', items[0]!)).toEqual({
      Title: 'Exempel: SVOM ordinarie möte',
      MeetingDate: '2022-03-25',
      StartTime: '09:00',
      MeetingKind: 'Ordinarie',
      Location: 'Östersund',
      MeetingLink: null,
      ItemDeadline: '2022-03-11',
      PreparingGroups: ['Fredagsgruppen', 'L-IFO'],
      Notes: 'Exempel, inte ett verkligt möte',
      MeetingKey: null,
      MeetingYear: null,
      MeetingMonth: null,
      Subject: null,
    });
    expect(canonicalItem('meetings', items[1]!).MeetingKind).toBe('Gemensamt med Västernorrland');

    graph.updateItem(FAKE_LIST_NAMES.meetings, items[1]!.id, { Location: 'Härnösand' });
    const [again] = await runImport(graphStore(context.client, context.options), await readImportFile(join(FIXTURES, 'moten.csv')), run(true));
    expect(again?.plan.updates.map((update) => [update.key, update.values, update.before])).toEqual([
      ['Exempel: Gemensamt med Västernorrland / 2022-10-27', { Location: 'Sundsvall' }, { Location: 'Härnösand' }],
    ]);
    expect(graph.getItem(FAKE_LIST_NAMES.meetings, items[1]!.id)?.fields.Location).toBe('Sundsvall');
  });

  it('reports malformed rows with their row numbers and writes nothing', async () => {
    const context = await site();
    graph = context.fake;
    const [report] = await runImport(graphStore(context.client, context.options), await readImportFile(join(FIXTURES, 'balans-fel.csv')), run(true));
    expect(report?.problems.map((problem) => [problem.rowNumber, problem.column, problem.reason])).toEqual([
      [3, 'Ordning', '"två" is not a number'],
      [4, 'Nästa uppföljning', '"2022-02-30" is not a date (YYYY-MM-DD)'],
      [5, null, 'same key "test-1" as row 2'],
      [6, null, 'Nyckel must be filled in (rows are matched on it)'],
    ]);
    expect(report?.applied).toBeNull();
    expect(graph.itemCount(FAKE_LIST_NAMES.balance)).toBe(0);
  });

  it('leaves nothing half-written when Graph fails in the middle: created items deleted, updated items restored', async () => {
    const context = await site();
    graph = context.fake;
    const meetings = await readImportFile(join(FIXTURES, 'moten.csv'));
    await runImport(graphStore(context.client, context.options), meetings, run(true));
    const before = (await itemsOf(context, 'meetings')).map((item) => canonicalItem('meetings', item));

    // One existing meeting changes, and the seed adds 90 entries plus one meeting.
    graph.updateItem(FAKE_LIST_NAMES.meetings, '1', { Notes: 'ändrad i SharePoint' });
    const changed = (await itemsOf(context, 'meetings')).map((item) => canonicalItem('meetings', item));
    let posts = 0;
    graph.fail({ status: 500, match: (method, path) => method === 'POST' && path.endsWith('/items') && ++posts === 45 });

    const tables = [...(await readImportFile(SEED)), ...meetings];
    const failure = await runImport(graphStore(context.client, context.options), tables, run(true)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportFailedError);
    expect((failure as ImportFailedError).message).toMatch(
      /^The import stopped at row 45 \(.+\): Graph answered 500: Injected 500\. Undone: 59 created item\(s\) deleted, 0 updated item\(s\) restored/,
    );
    expect(graph.itemCount(FAKE_LIST_NAMES.balance)).toBe(0);
    expect((await itemsOf(context, 'meetings')).map((item) => canonicalItem('meetings', item))).toEqual(changed);

    // An update that fails after another succeeded: the first is put back.
    graph.clearFaults();
    let patches = 0;
    graph.updateItem(FAKE_LIST_NAMES.meetings, '2', { Notes: 'också ändrad' });
    graph.fail({ status: 500, match: (method, path) => method === 'PATCH' && path.endsWith('/fields') && ++patches === 2 });
    const second = await runImport(graphStore(context.client, context.options), meetings, run(true)).catch((error: unknown) => error);
    expect((second as ImportFailedError).undo).toEqual({ deleted: 0, restored: 1, failures: [] });
    const after = (await itemsOf(context, 'meetings')).map((item) => canonicalItem('meetings', item));
    expect(after[0]?.Notes).toBe('ändrad i SharePoint');
    expect(after[1]?.Notes).toBe('också ändrad');
    expect(before[0]?.Notes).toBe('Exempel, inte ett verkligt möte');
  });

  it('waits out throttling inside a batch and writes each item once', async () => {
    const context = await site();
    graph = context.fake;
    graph.fail({ status: 429, count: 3, retryAfter: 2, match: (method, path) => method === 'POST' && path.endsWith('/items') });
    const [report] = await runImport(graphStore(context.client, context.options), await readImportFile(SEED, 'balance'), run(true));
    expect(report?.applied?.created).toHaveLength(seed.balance.length);
    expect(graph.itemCount(FAKE_LIST_NAMES.balance)).toBe(seed.balance.length);
    expect(graph.batchedRequests.filter((request) => request.status === 429)).toHaveLength(3);
    expect(waits).toEqual([2000]);
  });

  it('export → import round trip preserves every field, in XLSX and CSV', async () => {
    const context = await site();
    graph = context.fake;
    await runImport(graphStore(context.client, context.options), await readImportFile(SEED), run(true));
    await runImport(graphStore(context.client, context.options), await readImportFile(join(FIXTURES, 'moten.csv')), run(true));
    // Fill the columns the seed leaves empty, so every column makes the trip.
    const agreement = (await itemsOf(context, 'balance')).find((item) => item.fields.EntryKind === 'Avtal')!;
    graph.updateItem(FAKE_LIST_NAMES.balance, agreement.id, {
      ValidFrom: '2021-01-01',
      ValidTo: '2023-12-31',
      EntryStatus: 'Bevakas',
      NextFollowUp: '2022-06-15',
      RevisionUpdatedBy: 'Anna Andersson',
      RevisionUpdatedAt: '2022-05-02T07:45:00Z',
      Notes: 'Rad ett\nRad två; med "citat", och komma',
    });
    graph.updateItem(FAKE_LIST_NAMES.meetings, '2', { MeetingLink: { Url: 'https://example.se/agenda', Description: 'Agenda' } });
    const original = {
      balance: (await itemsOf(context, 'balance')).map((item) => canonicalItem('balance', item)),
      meetings: (await itemsOf(context, 'meetings')).map((item) => canonicalItem('meetings', item)),
    };

    const tables = (await runExport(graphStore(context.client, context.options), ['balance', 'meetings'])).tables;
    const xlsx = join(work, 'balanslista.xlsx');
    const csvFiles = await writeExport(join(work, 'balanslista.csv'), tables);
    await writeExport(xlsx, tables);
    expect(csvFiles).toEqual([join(work, 'balanslista.balance.csv'), join(work, 'balanslista.meetings.csv')]);

    for (const file of [xlsx, ...csvFiles]) {
      const reports = await runImport(graphStore(context.client, context.options), await readImportFile(file), run(false));
      for (const report of reports) {
        expect([file, report.problems, report.plan.creates.length, report.plan.updates.length]).toEqual([file, [], 0, 0]);
      }
    }

    // Into an empty site: the same values come out (links excepted: Graph cannot write them).
    const fresh = await site();
    try {
      await runImport(graphStore(fresh.client, fresh.options), await readImportFile(xlsx), run(true));
      const copied = {
        balance: (await itemsOf(fresh, 'balance')).map((item) => canonicalItem('balance', item)),
        meetings: (await itemsOf(fresh, 'meetings')).map((item) => canonicalItem('meetings', item)),
      };
      expect(copied.balance).toEqual(original.balance);
      expect(copied.meetings).toEqual(original.meetings.map((meeting) => ({ ...meeting, MeetingLink: null })));
    } finally {
      await fresh.fake.close();
    }
  });
});
