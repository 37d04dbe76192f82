/**
 * Provisioning, import and export against the loopback fake Graph: Graph requests (`$batch`
 * envelopes and the requests inside them), bytes, then time. Seed list (90 entries, 1 meeting)
 * and a 1,000-entry XLSX file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphStore, readImportFile, runExport, runImport, writeExport } from '../src/import';
import { silentLogger } from '../src/logger';
import { createGraphClient, type GraphRequestInfo } from '../src/sharepoint/graph-client';
import { provisionLists } from '../src/sharepoint/provision';
import { startFakeGraph } from '../tests/fakes/fake-graph';
import { graphOptions, sharePointOptions } from '../tests/fakes/fake-graph-options';
import { installAdminRoutes } from '../tests/fakes/fake-graph-admin';

interface Row {
  scenario: string;
  requests: number;
  inBatch: number;
  bytes: number;
  ms: number;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'import-bench-'));
  const graph = await startFakeGraph({ withLists: false });
  installAdminRoutes(graph);
  const counted = { requests: 0, bytes: 0 };
  const client = createGraphClient(graphOptions(graph), {
    logger: silentLogger,
    onRequest: (info: GraphRequestInfo) => {
      counted.requests += 1;
      counted.bytes += info.requestBytes + info.responseBytes;
    },
  });
  const options = sharePointOptions(graph);
  const rows: Row[] = [];
  const measure = async (scenario: string, body: () => Promise<unknown>) => {
    counted.requests = 0;
    counted.bytes = 0;
    const batched = graph.batchedRequests.length;
    const start = performance.now();
    await body();
    rows.push({ scenario, requests: counted.requests, inBatch: graph.batchedRequests.length - batched, bytes: counted.bytes, ms: performance.now() - start });
  };
  const quiet = { logger: silentLogger };

  await measure('provision, empty site', () => provisionLists(client, options, quiet));
  await measure('provision again (no-op)', () => provisionLists(client, options, quiet));
  const seed = await readImportFile(join(__dirname, '..', 'data', 'balanslista-2022.json'));
  await measure('import seed, dry run', () => runImport(graphStore(client, options), seed, { ...quiet, apply: false }));
  await measure('import seed --apply (91 items)', () => runImport(graphStore(client, options), seed, { ...quiet, apply: true }));
  await measure('import seed again (no-op)', () => runImport(graphStore(client, options), seed, { ...quiet, apply: true }));

  // A 1,000-entry list: the seed's entries repeated with new keys, written to XLSX by export.
  const [balance] = (await runExport(graphStore(client, options), ['balance'])).tables;
  const big = Array.from({ length: 1000 }, (_, index) => {
    const item = balance!.items[index % balance!.items.length]!;
    return {
      ...item,
      id: String(index + 1),
      fields: { ...item.fields, EntryKey: `${String(item.fields.EntryKey)}-${Math.floor(index / balance!.items.length)}` },
    };
  });
  const file = join(work, 'big.xlsx');
  await writeExport(file, [{ list: 'balance', items: big }]);
  const bigTables = await readImportFile(file);
  await measure('import 1,000-row XLSX --apply', () => runImport(graphStore(client, options), bigTables, { ...quiet, apply: true }));
  await measure('import 1,000-row XLSX again (no-op)', () => runImport(graphStore(client, options), bigTables, { ...quiet, apply: true }));
  await measure('export both lists to XLSX (1,091 items)', async () =>
    writeExport(join(work, 'all.xlsx'), (await runExport(graphStore(client, options), ['balance', 'meetings'])).tables),
  );

  await graph.close();
  rmSync(work, { recursive: true, force: true });
  console.log('| scenario | HTTP requests | requests inside $batch | bytes | ms |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(`| ${row.scenario} | ${row.requests} | ${row.inBatch} | ${row.bytes} | ${row.ms.toFixed(0)} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
