/**
 * `npm run import` and `npm run export` for "Uppdrag SVOM": rows matched on Uppdragsnyckel, the
 * person column exported by name and compared on import but never written (a person is chosen in
 * SharePoint), and an export that imports back unchanged.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphStore, readImportFile, runExport, runImport, writeExport } from '../../../src/import';
import { silentLogger } from '../../../src/logger';
import { createGraphClient } from '../../../src/sharepoint/graph-client';
import { provisionLists } from '../../../src/sharepoint/provision';
import { FAKE_LIST_NAMES, startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { installAdminRoutes } from '../../fakes/fake-graph-admin';
import { graphOptions, sharePointOptions } from '../../fakes/fake-graph-options';

let graph: FakeGraph;
let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'import-actions-'));
});
afterEach(async () => {
  await graph.close();
  rmSync(work, { recursive: true, force: true });
});

const run = (apply: boolean) => ({ apply, logger: silentLogger });

describe('import and export of the actions list', () => {
  it('creates actions from a CSV, leaves the person to SharePoint, and an export imports back with nothing to do', async () => {
    graph = await startFakeGraph({ withLists: false });
    installAdminRoutes(graph);
    const client = createGraphClient(graphOptions(graph), { logger: silentLogger, sleep: async () => undefined });
    const options = sharePointOptions(graph);
    await provisionLists(client, options, { logger: silentLogger });

    const csv = join(work, 'uppdrag.csv');
    writeFileSync(
      csv,
      'Uppdragsnyckel;Uppdrag;Från ärende;Ansvarig grupp;Ansvarig person;Klart senast;Status\n' +
        'a1;Återkom med förslag;e1;Fredagsgruppen;Anna Berg;2022-12-31;Pågår\n' +
        'a2;Revidera avtalet;e1;Länsgruppen;;2023-01-15;\n',
    );
    const tables = await readImportFile(csv);
    expect(tables.map((table) => table.list)).toEqual(['actions']);
    const [report] = await runImport(graphStore(client, options), tables, run(true));
    expect(report?.problems).toEqual([]);
    expect(report?.plan.creates.map((create) => create.key)).toEqual(['a1', 'a2']);
    expect(report?.plan.notWritten).toEqual([{ rowNumber: 2, key: 'a1', column: 'Ansvarig person' }]);
    expect(graph.itemCount(FAKE_LIST_NAMES.actions)).toBe(2);
    expect(graph.getItem(FAKE_LIST_NAMES.actions, '1')?.fields).toMatchObject({ ActionKey: 'a1', ResponsibleGroup: 'Fredagsgruppen' });

    // Someone picks Anna in SharePoint; the export then carries her name, and imports back unchanged.
    graph.updateItem(FAKE_LIST_NAMES.actions, '1', { ResponsibleLookupId: graph.addUser('Anna Berg') });
    const { tables: exported } = await runExport(graphStore(client, options), ['actions']);
    const file = join(work, 'export.xlsx');
    await writeExport(file, exported);
    const back = await readImportFile(file);
    const [again] = await runImport(graphStore(client, options), back, run(false));
    expect(back[0]?.rows.find((row) => row.values.ActionKey === 'a1')?.values.Responsible).toBe('Anna Berg');
    expect([again?.plan.creates.length, again?.plan.updates.length, again?.plan.unchanged, again?.plan.notWritten, again?.problems]).toEqual([0, 0, 2, [], []]);
  });
});
