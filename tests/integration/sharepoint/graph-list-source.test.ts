import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readAllItems } from '../../../src/import/graph-items';
import { mapListData } from '../../../src/lists/mapping';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { balanceItems, harness } from './graph-harness';

const SEED = JSON.parse(readFileSync(join(__dirname, '../../../data/balanslista-2022.json'), 'utf8')) as {
  balance: Array<{ id: string; fields: Record<string, unknown> }>;
  meetings: Array<{ id: string; fields: Record<string, unknown> }>;
};

let fake: FakeGraph;
beforeEach(async () => {
  fake = await startFakeGraph();
});
afterEach(async () => {
  await fake.close();
});

const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);
const deltaCalls = () => fake.graphRequests().filter((entry) => entry.path.includes('/items/delta'));

describe('GraphListSource: first read', () => {
  it('reads a multi-page list to the end, losing and doubling nothing, in a known number of requests', async () => {
    fake.seed('balance', balanceItems(95));
    fake.seed('meetings', [{ id: '1', fields: { Title: 'SVOM', MeetingDate: '2022-02-26' } }]);
    const { source } = harness(fake, { pageSize: 10 });

    const read = await source.read();

    expect(read.changed).toBe(true);
    expect(ids(read.data.balance)).toEqual(Array.from({ length: 95 }, (_, index) => String(index + 1)));
    expect(new Set(ids(read.data.balance)).size).toBe(95);
    expect(ids(read.data.meetings)).toEqual(['1']);
    // site + one $batch with the six list look-ups, then one $batch with every list's first page,
    // then 9 more balance pages alone (the other rounds ended on their first page).
    const graph = fake.graphRequests();
    expect(graph.map((entry) => entry.method)).toEqual(['GET', 'POST', 'POST', ...Array(9).fill('GET')]);
    expect(graph[0]?.path).toContain('/sites/contoso.sharepoint.com:/sites/svom');
    expect(fake.batchedRequests.filter((entry) => entry.path.includes('/lists?$filter='))).toHaveLength(6);
    expect(deltaCalls()).toHaveLength(9);
    expect(fake.tokenRequests).toEqual([{ grantType: 'client_credentials', ok: true }]);
  });

  it('asks only for the schema columns and keeps eTag, webUrl and lastModifiedDateTime', async () => {
    fake.seed('balance', balanceItems(1));
    const { source } = harness(fake);

    const item = (await source.read()).data.balance[0];

    const stored = fake.getItem('balance', '1');
    expect(item).toEqual({
      id: '1',
      eTag: stored?.eTag,
      webUrl: 'https://contoso.sharepoint.com/sites/svom/Lists/Balanslista/1_.000',
      lastModifiedDateTime: stored?.lastModifiedDateTime,
      fields: { Title: 'Punkt 1', EntryKey: 'punkt-1', Section: 'Flera områden', EntryKind: 'Punkt', SortOrder: 1 },
    });
    const firstPage = fake.batchedRequests.find((entry) => entry.path.includes('/items/delta'));
    expect(decodeURIComponent(firstPage?.path ?? '')).toContain('$expand=fields($select=Title,EntryKey,Section,EntryKind,ParentKey,SortOrder,');
  });

  it('turns date-only columns (UTC instants from Graph) back into Stockholm dates, DST included', async () => {
    fake.seed('balance', [
      {
        id: '1',
        fields: {
          Title: 'Avtal',
          EntryKey: 'avtal-1',
          Section: 'Överenskommelser och avtal rekommendationsbeslutade av SVOM',
          EntryKind: 'Avtal',
          SortOrder: 1,
          ValidFrom: '2022-06-15',
          ValidTo: '2022-12-31',
          NextFollowUp: '2022-03-27',
        },
      },
    ]);
    fake.seed('meetings', [{ id: '1', fields: { Title: 'SVOM', MeetingDate: '2022-10-30', ItemDeadline: '2022-10-16' } }]);
    const { source } = harness(fake);

    const read = await source.read();

    expect(read.data.balance[0]?.fields).toMatchObject({
      ValidTo: '2022-12-30T23:00:00Z',
      ValidFrom: '2022-06-14T22:00:00Z',
      NextFollowUp: '2022-03-26T23:00:00Z',
    });
    const list = mapListData(read.data);
    const agreement = list.entries[0]?.agreement;
    expect(agreement?.validity.from).toBe('2022-06-15');
    expect(agreement?.validity.to).toBe('2022-12-31');
    expect(list.entries[0]?.nextFollowUp).toBe('2022-03-27');
    expect(list.meetings[0]).toMatchObject({ date: '2022-10-30', itemDeadline: '2022-10-16' });
  });

  it('reads the whole 2022 balance list as seeded', async () => {
    fake.seedAll(SEED);
    const { source } = harness(fake);

    const read = await source.read();

    expect(read.data.balance).toHaveLength(SEED.balance.length);
    expect(read.data.meetings).toHaveLength(SEED.meetings.length);
    const list = mapListData(read.data);
    expect(list.entries).toHaveLength(SEED.balance.length);
    expect(list.problems.filter((problem) => problem.code === 'invalid-date')).toEqual([]);
  });

  it("gives the lists' web addresses after the first read", async () => {
    const { source } = harness(fake);
    await source.read();
    expect(source.listUrls()).toEqual({
      balance: fake.listInfo('balance').webUrl,
      meetings: fake.listInfo('meetings').webUrl,
      errands: fake.listInfo('errands').webUrl,
      forum: fake.listInfo('forum').webUrl,
      sections: fake.listInfo('sections').webUrl,
      actions: fake.listInfo('actions').webUrl,
    });
  });
});

describe('GraphListSource: later reads (delta)', () => {
  it('costs one request when nothing changed, and says so', async () => {
    fake.seed('balance', balanceItems(30));
    const { source } = harness(fake, { pageSize: 10 });
    const first = await source.read();
    fake.resetLog();

    const again = await source.read();

    expect(again.changed).toBe(false);
    expect(again.data).toEqual(first.data);
    expect(fake.requests).toHaveLength(1);
    // Every list's delta link in one $batch: six lists, still one request.
    expect(fake.batchedRequests.map((entry) => entry.path.includes('token='))).toEqual([true, true, true, true, true, true]);
  });

  it('applies changes, additions and deletions', async () => {
    fake.seed('balance', balanceItems(12));
    fake.seed('meetings', [{ id: '1', fields: { Title: 'Möte', MeetingDate: '2022-02-26' } }]);
    const { source } = harness(fake, { pageSize: 5 });
    await source.read();

    fake.updateItem('balance', '3', { Title: 'Ändrad rubrik' });
    fake.deleteItem('balance', '7');
    fake.addItem('balance', balanceItems(1, 13)[0]?.fields ?? {});
    fake.deleteItem('meetings', '1');
    const read = await source.read();

    expect(read.changed).toBe(true);
    expect(ids(read.data.balance)).toEqual(['1', '2', '3', '4', '5', '6', '8', '9', '10', '11', '12', '13']);
    const changed = read.data.balance.find((item) => item.id === '3');
    expect(changed?.fields.Title).toBe('Ändrad rubrik');
    expect(changed?.eTag).toBe(fake.getItem('balance', '3')?.eTag);
    expect(read.data.meetings).toEqual([]);
  });

  it('keeps the last occurrence when an item appears more than once in a round', async () => {
    fake.seed('balance', balanceItems(3));
    const { source } = harness(fake, { pageSize: 2 });
    await source.read();
    fake.setDeltaDuplicates(true);

    fake.updateItem('balance', '2', { Title: 'Första ändringen' });
    fake.updateItem('balance', '1', { Title: 'Ettan' });
    fake.updateItem('balance', '2', { Title: 'Andra ändringen' });
    fake.deleteItem('balance', '3');
    const read = await source.read();

    expect(ids(read.data.balance)).toEqual(['1', '2']);
    expect(read.data.balance.map((item) => item.fields.Title)).toEqual(['Ettan', 'Andra ändringen']);
    expect(read.data.balance[1]?.eTag).toBe(fake.getItem('balance', '2')?.eTag);
  });

  it('reads an item alone when a delta round gives it without fields, and drops it when it is gone', async () => {
    fake.seed('balance', balanceItems(3));
    const { source } = harness(fake);
    await source.read();
    fake.updateItem('balance', '1', { Title: 'Ändrad' });
    fake.deleteItem('balance', '2');
    fake.route('GET', '/sites/:site/lists/:list/items/delta', (request) => ({
      status: 200,
      body: {
        value: [
          { id: '1', eTag: 'stale' },
          { id: '2', eTag: 'stale' },
        ],
        '@odata.deltaLink': `${fake.baseUrl}${request.path}?token=next`,
      },
    }));

    const read = await source.read();

    expect(ids(read.data.balance)).toEqual(['1', '3']);
    expect(read.data.balance[0]).toMatchObject({ fields: { Title: 'Ändrad' }, eTag: fake.getItem('balance', '1')?.eTag });
  });

  it('reads the whole list again when the delta token has expired (410 Gone)', async () => {
    fake.seed('balance', balanceItems(8));
    fake.seed('meetings', [{ id: '1', fields: { Title: 'Möte', MeetingDate: '2022-02-26' } }]);
    const { source } = harness(fake, { pageSize: 5 });
    await source.read();
    fake.deleteItem('balance', '2');
    fake.expireDeltaTokens('balance');
    fake.resetLog();

    const read = await source.read();

    expect(read.changed).toBe(true);
    expect(ids(read.data.balance)).toEqual(['1', '3', '4', '5', '6', '7', '8']);
    expect(ids(read.data.meetings)).toEqual(['1']);
    expect(fake.batchedRequests.map((entry) => entry.status)).toEqual([410, 200, 200, 200, 200, 200]);
    // after the batch: the balance list again from the start, two pages
    expect(
      fake
        .graphRequests()
        .slice(1)
        .map((entry) => entry.path.includes('token=')),
    ).toEqual([false, true]);

    fake.resetLog();
    const after = await source.read();
    expect(after.changed).toBe(false);
    expect(fake.requests).toHaveLength(1);
  });

  it('keeps its last complete state when a read fails part-way', async () => {
    fake.seed('balance', balanceItems(6));
    const { source } = harness(fake, { pageSize: 5 });
    const first = await source.read();
    fake.updateItem('balance', '1', { Title: 'Ny' });
    fake.fail({ status: 500, match: /\/\$batch$/ });

    await expect(source.read()).rejects.toMatchObject({ name: 'SourceError', status: 500 });

    const read = await source.read();
    expect(read.changed).toBe(true);
    expect(read.data.balance[0]?.fields.Title).toBe('Ny');
    expect(read.data.balance).toHaveLength(first.data.balance.length);
  });

  it('reads one at a time when called concurrently', async () => {
    fake.seed('balance', balanceItems(4));
    const { source } = harness(fake, { pageSize: 2 });

    const [a, b] = await Promise.all([source.read(), source.read()]);

    expect(a.changed).toBe(true);
    expect(b.changed).toBe(false);
    expect(b.data).toEqual(a.data);
  });
});

describe('GraphListSource.update', () => {
  it('writes the fields with If-Match and returns the item as it is after the write', async () => {
    fake.seed('balance', balanceItems(2));
    const { source } = harness(fake);
    const item = (await source.read()).data.balance[1];

    const updated = await source.update('balance', '2', { RevisionStatus: 'Revision påbörjad', RevisionUpdatedBy: 'Anna' }, item?.eTag ?? '');

    const stored = fake.getItem('balance', '2');
    expect(stored?.fields).toMatchObject({ RevisionStatus: 'Revision påbörjad', RevisionUpdatedBy: 'Anna' });
    expect(updated).toMatchObject({ id: '2', eTag: stored?.eTag, webUrl: item?.webUrl, lastModifiedDateTime: stored?.lastModifiedDateTime });
    expect(updated.fields).toMatchObject({ Title: 'Punkt 2', RevisionStatus: 'Revision påbörjad' });
    expect(Object.keys(updated.fields)).not.toContain('_UIVersionString');
    expect(updated.eTag).not.toBe(item?.eTag);
    const patch = fake.graphRequests().find((entry) => entry.method === 'PATCH');
    expect(patch?.path).toMatch(/\/lists\/[0-9a-f-]+\/items\/2\/fields$/);
  });

  it('answers conflict (412) when the item changed since it was read', async () => {
    fake.seed('balance', balanceItems(1));
    const { source } = harness(fake);
    const item = (await source.read()).data.balance[0];
    fake.updateItem('balance', '1', { Title: 'Någon annan ändrade' });

    await expect(source.update('balance', '1', { RevisionStatus: 'Reviderad' }, item?.eTag ?? '')).rejects.toMatchObject({ code: 'conflict', status: 412 });
    expect(fake.getItem('balance', '1')?.fields.RevisionStatus).toBeUndefined();
  });

  it('answers not-found (404) when the item is gone', async () => {
    fake.seed('balance', balanceItems(1));
    const { source } = harness(fake);
    const item = (await source.read()).data.balance[0];
    fake.deleteItem('balance', '1');

    await expect(source.update('balance', '1', { RevisionStatus: 'Reviderad' }, item?.eTag ?? '')).rejects.toMatchObject({ code: 'not-found', status: 404 });
  });

  it('names write access when the app may only read the site', async () => {
    fake.seed('balance', balanceItems(1));
    const { source } = harness(fake);
    const item = (await source.read()).data.balance[0];
    fake.setAccess('read');

    await expect(source.update('balance', '1', { RevisionStatus: 'Reviderad' }, item?.eTag ?? '')).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
      message: expect.stringContaining('write access'),
    });
  });
});

describe('paging links outside the Graph base URL', () => {
  let trap: Server;
  let trapUrl: string;
  const trapped: Array<{ path: string; authorization: string | undefined }> = [];

  beforeEach(async () => {
    trapped.length = 0;
    trap = createServer((request, response) => {
      trapped.push({ path: request.url ?? '', authorization: request.headers.authorization });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"value":[]}');
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => trap.close(() => resolve()));
  });

  // A base URL on another host, one that only starts like it, and one that only shares its path.
  const foreignLinks = (base: string): string[] => [
    `${trapUrl}/v1.0/sites/x/lists/y/items/delta?token=1`,
    `${base}.${trapUrl.slice('http://'.length)}/sites/x/lists/y/items/delta?token=1`,
    `${trapUrl}${new URL(base).pathname}/sites/x/lists/y/items/delta?token=1`,
  ];

  it('the list source refuses a next link to another host and sends it nothing', async () => {
    fake.seed('balance', balanceItems(3));
    const { source } = harness(fake);
    for (const link of foreignLinks(fake.baseUrl)) {
      fake.route('GET', '/sites/:site/lists/:list/items/delta', () => ({ status: 200, body: { value: [], '@odata.nextLink': link } }));
      await expect(source.read()).rejects.toMatchObject({ name: 'SourceError', message: expect.stringContaining('outside its base URL') });
    }
    expect(trapped).toEqual([]);
  });

  it('the import reader refuses a next link to another host', async () => {
    fake.seed('balance', balanceItems(3));
    const { client } = harness(fake);
    for (const link of foreignLinks(fake.baseUrl)) {
      fake.route('GET', '/sites/:site/lists/:list/items', () => ({ status: 200, body: { value: [], '@odata.nextLink': link } }));
      await expect(readAllItems(client, 'site', 'list', 'balance')).rejects.toMatchObject({
        name: 'SourceError',
        message: expect.stringContaining('outside its base URL'),
      });
    }
    expect(trapped).toEqual([]);
  });
});
