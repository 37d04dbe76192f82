/**
 * What reading the lists through Graph costs, against the loopback fake Graph: HTTP requests,
 * SharePoint resource units and bytes for a cold load, a refresh when nothing changed and a
 * refresh after 5 items changed, with 1,000 and 10,000 items in the balance list (and 40
 * meetings). A naive full re-read (all items, all columns) is shown for comparison.
 *
 * Resource units (SharePoint's throttling currency) are counted per Graph operation, a request
 * inside a `$batch` counting as its own operation and the batch envelope as none:
 *   1 per delta request carrying a token, 2 per other multi-item read (initial delta page,
 *   items page, list search), 1 per single-item read (site, list by id), 2 per write.
 * Token-service calls are listed apart; they cost no resource units.
 */
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../src/logger';
import { createGraphClient, type GraphRequestInfo } from '../src/sharepoint/graph-client';
import { GraphListSource } from '../src/sharepoint/graph-list-source';
import { startFakeGraph, type FakeGraph } from '../tests/fakes/fake-graph';
import { graphOptions, sharePointOptions } from '../tests/fakes/fake-graph-options';
import { resourceUnits, syntheticBalanceItem } from './support/synthetic';
import { printTable } from './support/table';

interface Row {
  items: number;
  scenario: string;
  graphRequests: number;
  tokenRequests: number;
  resourceUnits: number;
  requestBytes: number;
  responseBytes: number;
  ms: number;
}

/** Agreements in the Graph benchmark all run 2021–2023. */
const balanceItem = (n: number) => syntheticBalanceItem(n, () => ({ ValidityText: '2021-2023', ValidTo: '2023-12-31' }));

async function measure(fake: FakeGraph, items: number, scenario: string, exchanges: GraphRequestInfo[], run: () => Promise<unknown>): Promise<Row> {
  fake.resetLog();
  exchanges.length = 0;
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  const graph = fake.graphRequests();
  const operations = [
    ...graph.filter((entry) => !entry.path.endsWith('/$batch')),
    ...fake.batchedRequests.map((entry) => ({ ...entry, path: `/v1.0${entry.path}` })),
  ];
  return {
    items,
    scenario,
    graphRequests: graph.length,
    tokenRequests: fake.requests.length - graph.length,
    resourceUnits: operations.reduce((sum, entry) => sum + resourceUnits(entry.method, entry.path), 0),
    requestBytes: exchanges.reduce((sum, entry) => sum + entry.requestBytes, 0),
    responseBytes: exchanges.reduce((sum, entry) => sum + entry.responseBytes, 0),
    ms,
  };
}

async function benchSize(items: number): Promise<Row[]> {
  const fake = await startFakeGraph();
  try {
    fake.seed(
      'balance',
      Array.from({ length: items }, (_, index) => balanceItem(index + 1)),
    );
    fake.seed(
      'meetings',
      Array.from({ length: 40 }, (_, index) => ({
        fields: { Title: `SVOM-möte ${index + 1}`, MeetingDate: `2022-${String((index % 12) + 1).padStart(2, '0')}-15`, StartTime: '09:00' },
      })),
    );
    const exchanges: GraphRequestInfo[] = [];
    const client = createGraphClient(graphOptions(fake), { logger: silentLogger, onRequest: (info) => exchanges.push(info) });
    const source = new GraphListSource(client, sharePointOptions(fake), { logger: silentLogger });

    const rows: Row[] = [];
    rows.push(
      await measure(fake, items, '(a) cold load', exchanges, async () => {
        const read = await source.read();
        if (read.data.balance.length !== items) throw new Error(`read ${read.data.balance.length} of ${items} items`);
      }),
    );
    rows.push(
      await measure(fake, items, '(b) refresh, nothing changed', exchanges, async () => {
        const read = await source.read();
        if (read.changed) throw new Error('a refresh with no change said changed');
      }),
    );
    for (const id of [2, items / 2, items / 4, items - 1, 17]) fake.updateItem('balance', String(id), { Title: `Ändrad punkt ${id}` });
    rows.push(
      await measure(fake, items, '(c) refresh, 5 items changed', exchanges, async () => {
        const read = await source.read();
        if (!read.changed || read.data.balance.find((item) => item.id === '17')?.fields.Title !== 'Ändrad punkt 17')
          throw new Error('the changes were not read');
      }),
    );
    // For comparison: re-reading everything, all columns, as a client without $select or delta would.
    rows.push(
      await measure(fake, items, '(ref) naive full re-read', exchanges, async () => {
        for (const list of ['balance', 'meetings'] as const) {
          let next: string | undefined = `/sites/${fake.siteId}/lists/${fake.listInfo(list).id}/items?$expand=fields`;
          while (next) {
            const page = (await client.api(next).get()) as { '@odata.nextLink'?: string };
            next = page['@odata.nextLink']?.slice(fake.baseUrl.length);
          }
        }
      }),
    );
    return rows;
  } finally {
    await fake.close();
  }
}

function printRows(rows: Row[]): void {
  const header = ['items', 'scenario', 'Graph requests', 'token requests', 'resource units', 'bytes sent', 'bytes received', 'ms'];
  const body = rows.map((row) => [
    row.items.toLocaleString('en-US'),
    row.scenario,
    String(row.graphRequests),
    String(row.tokenRequests),
    String(row.resourceUnits),
    row.requestBytes.toLocaleString('en-US'),
    row.responseBytes.toLocaleString('en-US'),
    row.ms.toFixed(0),
  ]);
  printTable(header, body);
}

async function main(): Promise<void> {
  const rows = [...(await benchSize(1000)), ...(await benchSize(10000))];
  console.log('Graph: reading the lists through the fake Graph (page size 1000; resource units as counted in bench/support/synthetic.ts)');
  printRows(rows);
  const refresh = rows.filter((row) => row.scenario.startsWith('(b)'));
  if (refresh.some((row) => row.graphRequests !== 1)) {
    console.log('TARGET MISSED: a refresh with nothing changed must cost one request');
    process.exitCode = 1;
  }
}

void main();
