/**
 * `npm run export` then `npm run import` of the same file, through the commands themselves, for
 * every list, in CSV and XLSX, on the SharePoint site (the fake Graph) and on the local store:
 * an unchanged file is "nothing to do" and `--apply` writes nothing, also after the sections list
 * renames a built-in section and adds one; one edited cell is one PATCH of one field; hostile
 * text never becomes a formula cell and comes back exactly; the app, the import and the export
 * place every entry in the same section.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { exportCli } from '../../../scripts/export';
import { importCli } from '../../../scripts/import';
import { canonicalItem } from '../../../src/import/plan';
import { mapListData } from '../../../src/lists/mapping';
import { LISTS } from '../../../src/lists/schema';
import { LIST_NAMES, type ListData, type ListItem, type ListName } from '../../../src/ports/list-source';
import { FAKE_LIST_NAMES, startFakeGraph, type FakeGraph, type SeedItem } from '../../fakes/fake-graph';
import { tenantEnv } from '../../fakes/fake-tenant';

const ROOT = join(__dirname, '..', '..', '..');
type Data = Partial<Record<ListName, SeedItem[]>>;
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, 'data', file), 'utf8')) as Data;
const SEED_2022 = read('balanslista-2022.json');
const SEED_2017 = read('svom-2017.json');

/** Text a spreadsheet would run as a formula, and values that already begin with the guard's quote. */
const HOSTILE = {
  title: '=HYPERLINK("https://example.org/?"&A1,"Klicka")',
  phone: '+46 63 14 70 00',
  dash: '-- avstämning',
  at: '@SUM(1+1)',
  quoted: "'=redan citerad",
  twoQuotes: "''+två citattecken",
  plainQuote: "'Citat' utan formel",
  tabNote: '\tIndragen rad\nRad två; med "citat", och komma',
  crNote: '\r=kör inte\r\nandra raden',
};

type Scenario = 'plain' | 'renamed' | 'renamed and added';
const BUILT_IN_2022: Array<[string, string, number, string]> = [
  ['goals', 'Mål för gemensam hälso- och sjukvårdspolitik 2014-2025', 1, 'Områden'],
  ['priorities', 'SVOM:s prioriterade områden 2023-2026', 2, 'Områden'],
  ['strategy', 'Gemensam hälso- och sjukvårdspolitik / Strategi för hälsa', 3, 'Områden'],
  ['several', 'Flera områden', 4, 'Områden'],
  ['agreements', 'Överenskommelser och avtal rekommendationsbeslutade av SVOM', 5, 'Avtal'],
];

/** The 2022 list and meetings, the 2017 ärenden and forum profile, hostile text, and the scenario's sections. */
function dataFor(scenario: Scenario): Data {
  const balance = (SEED_2022.balance ?? []).map((item) => ({ id: item.id, fields: { ...item.fields } }));
  const byKey = (key: string) => balance.find((item) => item.fields.EntryKey === key)!.fields;
  Object.assign(byKey('prio-1-1'), { Title: HOSTILE.title, Notes: HOSTILE.tabNote });
  Object.assign(byKey('prio-1-2'), { Title: HOSTILE.phone, Notes: HOSTILE.crNote });
  Object.assign(byKey('prio-1-3'), { Title: HOSTILE.dash, ValidityText: HOSTILE.at });
  Object.assign(byKey('avtal-1'), { Title: HOSTILE.quoted, Notes: HOSTILE.twoQuotes, RevisionUpdatedBy: HOSTILE.plainQuote });
  const data: Data = {
    balance,
    meetings: [...(SEED_2022.meetings ?? []), { id: '99', fields: { Title: HOSTILE.at, MeetingYear: 2023, MeetingKey: '2023-extra', Subject: HOSTILE.title } }],
    errands: (SEED_2017.errands ?? []).map((item, index) => (index === 0 ? { ...item, fields: { ...item.fields, Decision: HOSTILE.dash } } : item)),
    forum: SEED_2017.forum,
    sections: [],
  };
  if (scenario === 'plain') return data;
  // Next year's list: the built-in keys with a new period for `priorities`; entries name it by
  // its old heading (as seeded), its key, its new heading, and the old heading in other spacing.
  data.sections = BUILT_IN_2022.map(([key, title, order, kind], index) => ({
    id: String(index + 1),
    fields: { Title: title, SectionKey: key, SortOrder: order, SectionKind: kind, ...(key === 'priorities' ? { Period: '2023-2026' } : {}) },
  }));
  byKey('prio-2').Section = 'priorities';
  byKey('prio-3').Section = 'SVOM:s prioriterade områden 2023-2026';
  byKey('prio-2-1').Section = '  svom:s prioriterade   områden 2019-2022 ';
  if (scenario === 'renamed') return data;
  data.sections.push({ id: '6', fields: { Title: 'Nära vård 2024–2027', SectionKey: 'nara-vard', SortOrder: 6, SectionKind: 'Områden', Period: '2024-2027' } });
  balance.push(
    { id: '201', fields: { Title: 'Nära vård', EntryKey: 'nara-1', Section: 'Nära vård 2024–2027', EntryKind: 'Prioriterat område', SortOrder: 1 } },
    { id: '202', fields: { Title: 'Hemsjukvård', EntryKey: 'nara-1-1', Section: 'nara-vard', EntryKind: 'Ämne', ParentKey: 'nara-1', SortOrder: 1 } },
  );
  return data;
}

interface Store {
  env: Record<string, string>;
  /** Every list's items as the store holds them now. */
  items(list: ListName): ListItem[];
  /** Writes made so far: PATCHes with their fields, POSTs (Graph) or file replacements (local). */
  writes(): { patches: Array<{ path: string; fields: string[] }>; posts: number; fileChanges: number };
  close(): Promise<void>;
}

async function graphStoreWith(data: Data): Promise<Store> {
  const graph: FakeGraph = await startFakeGraph();
  graph.seedAll(data);
  const ids = (list: ListName) => Array.from({ length: 1000 }, (_, index) => String(index + 1)).filter((id) => graph.getItem(FAKE_LIST_NAMES[list], id));
  return {
    env: { ...tenantEnv(graph), LOG_LEVEL: 'silent' },
    items: (list) => ids(list).map((id) => graph.getItem(FAKE_LIST_NAMES[list], id)!) as ListItem[],
    writes: () => ({
      patches: graph.batchedRequests
        .filter((request) => request.method === 'PATCH')
        .map((request) => ({ path: request.path, fields: Object.keys(request.body as object).filter((name) => !name.includes('@odata.')) })),
      posts: graph.batchedRequests.filter((request) => request.method === 'POST').length,
      fileChanges: 0,
    }),
    close: () => graph.close(),
  };
}

async function localStoreWith(data: Data): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'round-trip-local-'));
  const file = join(dir, 'lists.json');
  const { sections, ...rest } = data;
  // A store from before the list of sections has none: the 2022 list's five apply.
  writeFileSync(file, JSON.stringify(sections && sections.length > 0 ? data : rest, null, 2));
  const first = readFileSync(file, 'utf8');
  const stored = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, ListItem[] | undefined>;
  let patches: Array<{ path: string; fields: string[] }> = [];
  let snapshot = stored();
  return {
    env: { DATA_DIR: dir, SEED_FILE: join(ROOT, 'data', 'balanslista-2022.json'), LOG_LEVEL: 'silent' },
    items: (list) => stored()[list] ?? [],
    writes() {
      // Field-level changes per item since the last look, as the PATCHes a Graph store would get.
      const now = stored();
      for (const list of LIST_NAMES) {
        for (const item of now[list] ?? []) {
          const before = snapshot[list]?.find((candidate) => candidate.id === item.id);
          if (!before) continue;
          const names = new Set([...Object.keys(before.fields), ...Object.keys(item.fields)]);
          const changed = [...names].filter((name) => JSON.stringify(before.fields[name]) !== JSON.stringify(item.fields[name]));
          if (changed.length > 0) patches.push({ path: `${list}/${item.id}`, fields: changed });
        }
      }
      snapshot = now;
      const current = readFileSync(file, 'utf8');
      return { patches, posts: 0, fileChanges: current === first ? 0 : 1 };
    },
    async close() {
      patches = [];
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function cli(command: typeof importCli, argv: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await command(argv, { out: (line) => (out += `${line}\n`), err: (line) => (out += `${line}\n`) }, env);
  return { code, out };
}

/** A note's line ends as a file brings them back: `\n` (XLSX, being XML, has no lone carriage return). */
const lineEnds = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * Canonical values of every item, by list (links left out: Graph cannot write them). `asRead`:
 * as a file brings them back (docs/deployment.md): notes' line ends as `\n`, single lines trimmed.
 */
function contents(store: Store, asRead = false): Record<string, Array<Record<string, unknown>>> {
  return Object.fromEntries(
    LIST_NAMES.map((list) => [
      list,
      store.items(list).map((item) => {
        const values = canonicalItem(list, item);
        for (const column of LISTS[list].columns) {
          const value = values[column.name];
          if (column.type === 'hyperlink') delete values[column.name];
          else if (asRead && typeof value === 'string') values[column.name] = column.type === 'note' ? lineEnds(value) : value.trim();
        }
        return values;
      }),
    ]),
  );
}

/** The section key the app gives each entry. */
function sectionsOfEntries(store: Store): Record<string, string> {
  const data: ListData = { balance: store.items('balance'), meetings: [], sections: store.items('sections') };
  return Object.fromEntries(mapListData(data).entries.map((entry) => [entry.key, entry.section]));
}

let work: string;
const open: Store[] = [];
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'round-trip-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  rmSync(work, { recursive: true, force: true });
});

const STORES = { 'the SharePoint site (fake Graph)': graphStoreWith, 'the local store': localStoreWith };
const SCENARIOS: Scenario[] = ['plain', 'renamed', 'renamed and added'];

describe.each(Object.entries(STORES))('npm run export, then npm run import, on %s', (_, makeStore) => {
  describe.each(SCENARIOS)('sections: %s', (scenario) => {
    it.each(['xlsx', 'csv'])('an unchanged %s file is nothing to do, writes nothing, and one edited cell is one field written', async (format) => {
      const store = await makeStore(dataFor(scenario));
      open.push(store);
      const before = contents(store);
      const placed = sectionsOfEntries(store);
      if (scenario !== 'plain') {
        // The app places every way of naming the renamed section in it, as the import accepts them.
        expect([placed['prio-1'], placed['prio-2'], placed['prio-3'], placed['prio-2-1']]).toEqual(['priorities', 'priorities', 'priorities', 'priorities']);
      }
      if (scenario === 'renamed and added') expect([placed['nara-1'], placed['nara-1-1']]).toEqual(['nara-vard', 'nara-vard']);

      const exported = await cli(exportCli, [join(work, `alla.${format}`)], store.env);
      expect(exported).toEqual({ code: 0, out: expect.stringContaining('Wrote ') });
      expect(exported.out).not.toContain('names no section');
      const files = readdirSync(work)
        .filter((name) => name.endsWith(`.${format}`))
        .map((name) => join(work, name));
      expect(files).toHaveLength(format === 'xlsx' ? 1 : LIST_NAMES.length);

      for (const apply of [[], ['--apply']]) {
        for (const file of files) {
          const run = await cli(importCli, [file, ...apply], store.env);
          expect([file, run.code, run.out]).toEqual([file, 0, expect.stringContaining('Nothing to do: the lists already match the file.')]);
          expect(run.out).not.toMatch(/^\s+[+~x] /m);
        }
      }
      expect(store.writes()).toEqual({ patches: [], posts: 0, fileChanges: 0 });
      expect(contents(store)).toEqual(before);

      // One cell edited in the file: one item, one field.
      const balanceFile = files.find((file) => file.endsWith('.balance.csv')) ?? files[0]!;
      if (format === 'csv') {
        writeFileSync(balanceFile, readFileSync(balanceFile, 'utf8').replace('Indragen rad', 'Indragen rad (ändrad)'));
      } else {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(balanceFile);
        workbook.getWorksheet('Balanslista')!.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.value === HOSTILE.tabNote) cell.value = HOSTILE.tabNote.replace('Indragen rad', 'Indragen rad (ändrad)');
          }),
        );
        await workbook.xlsx.writeFile(balanceFile);
      }
      const edited = await cli(importCli, [balanceFile, '--apply'], store.env);
      expect(edited.code).toBe(0);
      expect(edited.out).toMatch(/~ update {2}row \d+: prio-1-1 \(Notes\)/);
      expect(edited.out).toContain('Imported.');
      const writes = store.writes();
      expect(writes.patches.map((patch) => patch.fields)).toEqual([['Notes']]);
      expect(writes.posts).toBe(0);
      const notes = store.items('balance').find((item) => item.fields.EntryKey === 'prio-1-1')?.fields.Notes;
      expect(notes).toBe(HOSTILE.tabNote.replace('Indragen rad', 'Indragen rad (ändrad)'));
    });
  });

  it.each(['xlsx', 'csv'])('copies every list into an empty store through %s exactly, hostile text included', async (format) => {
    const source = await makeStore(dataFor('renamed and added'));
    const target = await makeStore({ balance: [], meetings: [], errands: [], forum: [], sections: [] });
    open.push(source, target);
    expect((await cli(exportCli, [join(work, `alla.${format}`)], source.env)).code).toBe(0);
    const files = readdirSync(work)
      .filter((name) => name.endsWith(`.${format}`))
      .map((name) => join(work, name));
    // Sections before the balance list, which names them.
    const ordered = [...files].sort((a, b) => Number(!a.includes('.sections.')) - Number(!b.includes('.sections.')));
    for (const file of ordered) {
      const run = await cli(importCli, [file, '--apply'], target.env);
      expect([file, run.code]).toEqual([file, 0]);
    }
    expect(contents(target)).toEqual(contents(source, true));
    expect(sectionsOfEntries(target)).toEqual(sectionsOfEntries(source));
  });
});

describe('what export writes', () => {
  it('CSV: no cell starts a formula; the guard quote is documented and only where needed', async () => {
    const store = await localStoreWith(dataFor('plain'));
    open.push(store);
    expect((await cli(exportCli, [join(work, 'alla.csv')], store.env)).code).toBe(0);
    const cells: string[] = [];
    for (const name of readdirSync(work).filter((file) => file.endsWith('.csv'))) {
      const rows = parse(readFileSync(join(work, name), 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
      cells.push(...rows.flat());
    }
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toEqual(
      expect.arrayContaining([
        `'${HOSTILE.title}`,
        `'${HOSTILE.phone}`,
        `'${HOSTILE.dash}`,
        `'${HOSTILE.at}`,
        `'${HOSTILE.quoted}`,
        `'${HOSTILE.twoQuotes}`,
        HOSTILE.plainQuote,
        `'${HOSTILE.tabNote}`,
        `'${HOSTILE.crNote}`,
      ]),
    );
    const docs = readFileSync(join(ROOT, 'docs', 'deployment.md'), 'utf8');
    expect(docs).toMatch(/leading `'`/);
  });

  it('XLSX: text is stored as text, never as a formula, with no guard quote', async () => {
    const store = await localStoreWith(dataFor('plain'));
    open.push(store);
    const file = join(work, 'alla.xlsx');
    expect((await cli(exportCli, [file], store.env)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const kinds = new Map<unknown, ExcelJS.ValueType>();
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          kinds.set(cell.value, cell.type);
        }),
      ),
    );
    for (const text of Object.values(HOSTILE).map(lineEnds)) expect([text, kinds.get(text)]).toEqual([text, ExcelJS.ValueType.String]);
  });

  it('warns about a balance item whose section is unknown, and the file still imports back as nothing to do', async () => {
    const data = dataFor('renamed');
    data.balance!.find((item) => item.fields.EntryKey === 'prio-3-1')!.fields.Section = 'Finns inte';
    const store = await graphStoreWith(data);
    open.push(store);
    const exported = await cli(exportCli, [join(work, 'alla.xlsx')], store.env);
    expect(exported.out).toMatch(/! Balanslista SVOM: item \d+ \(prio-3-1\): Avsnitt "Finns inte" names no section; exported as it is \(see Datakvalitet\)/);
    const again = await cli(importCli, [join(work, 'alla.xlsx'), '--apply'], store.env);
    expect(again.out).toContain('Nothing to do');
    // Written anew, the unknown section is refused with the sections it could name.
    const balance = join(work, 'balans.csv');
    writeFileSync(balance, 'Nyckel;Rubrik;Avsnitt;Typ;Ordning\nny-1;Ny;Finns inte heller;Punkt;1\nny-2;Ny två;SVOM:s prioriterade områden 2019-2022;Punkt;2\n');
    const refused = await cli(importCli, [balance], store.env);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('x row 2, Avsnitt: "Finns inte heller" is not one of the sections (Mål för gemensam');
    expect(refused.out).not.toContain('row 3, Avsnitt');
  });
});
