/**
 * `npm run import` and `npm run export` for the forum's year's lists: the 2017 dataset with its
 * ärenden, sections and forum profile, row-numbered errors, idempotent re-import, and the balance
 * list's sections checked against the sections.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphStore, readImportFile, runExport, runImport, writeExport } from '../../../src/import';
import { silentLogger } from '../../../src/logger';
import { createGraphClient } from '../../../src/sharepoint/graph-client';
import { provisionLists } from '../../../src/sharepoint/provision';
import { FAKE_LIST_NAMES, startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { graphOptions, sharePointOptions } from '../../fakes/fake-graph-options';
import { installAdminRoutes } from '../../fakes/fake-graph-admin';

const ROOT = join(__dirname, '..', '..', '..');
const SEED_2017 = join(ROOT, 'data', 'svom-2017.json');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');

let graph: FakeGraph;
let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'import-forum-'));
});
afterEach(async () => {
  await graph.close();
  rmSync(work, { recursive: true, force: true });
});

async function site(only?: Parameters<typeof provisionLists>[3]) {
  graph = await startFakeGraph({ withLists: false });
  installAdminRoutes(graph);
  const client = createGraphClient(graphOptions(graph), { logger: silentLogger, sleep: async () => undefined });
  const options = sharePointOptions(graph);
  await provisionLists(client, options, { logger: silentLogger }, only);
  return { client, options };
}

const run = (apply: boolean) => ({ apply, logger: silentLogger });

describe("import and export of the forum's year's lists", () => {
  it('imports the 2017 dataset (sections, meetings without a day, ärenden, forum profile), then finds nothing to do', async () => {
    const { client, options } = await site();
    const tables = await readImportFile(SEED_2017);
    expect(tables.map((table) => table.list)).toEqual(['balance', 'meetings', 'errands', 'forum', 'sections']);

    const dry = await runImport(graphStore(client, options), tables, run(false));
    expect(dry.flatMap((report) => report.problems)).toEqual([]);
    expect(dry.map((report) => [report.table.list, report.plan.creates.length])).toEqual([
      ['balance', 7],
      ['meetings', 6],
      ['errands', 14],
      ['forum', 1],
      ['sections', 4],
    ]);
    expect(graph.itemCount(FAKE_LIST_NAMES.errands)).toBe(0);

    await runImport(graphStore(client, options), tables, run(true));
    expect(graph.itemCount(FAKE_LIST_NAMES.errands)).toBe(14);
    expect(graph.itemCount(FAKE_LIST_NAMES.sections)).toBe(4);

    const again = await runImport(graphStore(client, options), await readImportFile(SEED_2017), run(true));
    expect(again.map((report) => [report.plan.creates.length, report.plan.updates.length])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('reports the rows of an ärenden file that cannot be used, by row number, and writes nothing', async () => {
    const { client, options } = await site();
    const [table] = await readImportFile(join(FIXTURES, 'arenden-fel.csv'));
    expect(table?.list).toBe('errands');
    const [report] = await runImport(graphStore(client, options), table ? [table] : [], run(true));
    expect(report?.problems.map((problem) => [problem.rowNumber, problem.column, problem.reason])).toEqual([
      [3, 'Typ av ärende', expect.stringContaining('"Okänd typ" is not one of')],
      [4, null, 'same key "e-1" as row 2'],
      [5, null, 'Ärendenyckel must be filled in (rows are matched on it)'],
      [6, 'Ordning', '"fem" is not a number'],
    ]);
    expect(report?.applied).toBeNull();
    expect(graph.itemCount(FAKE_LIST_NAMES.errands)).toBe(0);
  });

  it("checks a balance row's section against the sections: imported with it, on the site, or the 2022 list's five", async () => {
    const { client, options } = await site();
    const balance = join(work, 'balans.csv');
    writeFileSync(balance, 'Nyckel;Rubrik;Avsnitt;Typ;Ordning\nb-1;Ny punkt;Nytt avsnitt 2026-2029;Punkt;1\n');
    const [before] = await runImport(graphStore(client, options), await readImportFile(balance), run(false));
    expect(before?.problems.map((problem) => [problem.rowNumber, problem.column])).toEqual([[2, 'Avsnitt']]);
    expect(before?.problems[0]?.reason).toContain('"Nytt avsnitt 2026-2029" is not one of the sections (Mål för gemensam');

    const sections = join(work, 'avsnitt.csv');
    writeFileSync(sections, 'Avsnittsnyckel;Rubrik;Ordning;Period\nnytt;Nytt avsnitt 2026-2029;1;2026-2029\n');
    const together = await runImport(graphStore(client, options), [...(await readImportFile(sections)), ...(await readImportFile(balance))], run(true));
    expect(together.flatMap((report) => report.problems)).toEqual([]);
    // Now on the site: the balance file alone is accepted, and the section's key works as well.
    writeFileSync(balance, 'Nyckel;Rubrik;Avsnitt;Typ;Ordning\nb-1;Ny punkt;NYTT;Punkt;1\n');
    const [after] = await runImport(graphStore(client, options), await readImportFile(balance), run(false));
    expect(after?.problems).toEqual([]);
  });

  it('exports every list the site has, and leaves out those not provisioned yet', async () => {
    const { client, options } = await site(['balance', 'meetings', 'errands']);
    await runImport(
      graphStore(client, options),
      (await readImportFile(SEED_2017)).filter((table) => table.list === 'errands'),
      run(true),
    );
    const { tables } = await runExport(graphStore(client, options), ['balance', 'meetings', 'errands', 'forum', 'sections'], {
      optional: ['errands', 'forum', 'sections'],
    });
    expect(tables.map((table) => [table.list, table.items.length])).toEqual([
      ['balance', 0],
      ['meetings', 0],
      ['errands', 14],
    ]);
    const file = join(work, 'export.xlsx');
    await writeExport(file, tables);
    const back = await readImportFile(file);
    expect(back.map((table) => table.list)).toEqual(['balance', 'meetings', 'errands']);
    const [errands] = await runImport(
      graphStore(client, options),
      back.filter((table) => table.list === 'errands'),
      run(false),
    );
    expect([errands?.plan.creates.length, errands?.plan.updates.length, errands?.plan.unchanged, errands?.problems]).toEqual([0, 0, 14, []]);
    await expect(runExport(graphStore(client, options), ['forum'])).rejects.toThrow(/"Forum SVOM" does not exist on the site/);
  });
});
