/**
 * The local store keeps the forum's year's lists (ärenden, forum profile, sections) next to the
 * balance list and the meetings; files from before them still load, and the 2017 dataset loads as
 * a seed without bogus problems.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildForumYear } from '../../../src/domain/forum-year';
import { dataQualityProblems } from '../../../src/domain/errands';
import { LocalListSource } from '../../../src/local/local-list-source';
import { silentLogger } from '../../../src/logger';
import { mapForumData } from '../../../src/lists/forum-year-mapping';
import { mapListData } from '../../../src/lists/mapping';
import { FixedClock } from '../../../src/ports/clock';

const SEED_2017 = resolve(__dirname, '../../../data/svom-2017.json');
const SEED_2022 = resolve(__dirname, '../../../data/balanslista-2022.json');
const NOW = '2025-03-10T08:00:00.000Z';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-forum-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const store = (seedFile: string) =>
  new LocalListSource({ dataDir: join(dir, 'data'), seedFile, clock: new FixedClock(NOW), watchDebounceMs: 20 }, { logger: silentLogger });
const file = () => join(dir, 'data', 'lists.json');
const onDisk = () => JSON.parse(readFileSync(file(), 'utf8')) as Record<string, Array<{ id: string; fields: Record<string, unknown> }>>;

describe("LocalListSource: the forum's year's lists", () => {
  it('loads SEED_FILE=data/svom-2017.json with its ärenden, forum profile and sections, and maps it without problems', async () => {
    const source = store(SEED_2017);
    const { data } = await source.read();
    const seed = JSON.parse(readFileSync(SEED_2017, 'utf8')) as Record<string, unknown[]>;
    expect(data.errands).toHaveLength(seed.errands?.length ?? -1);
    expect(data.sections).toHaveLength(seed.sections?.length ?? -1);
    expect(data.forum).toHaveLength(1);
    expect(Object.keys(onDisk())).toEqual(['balance', 'meetings', 'errands', 'forum', 'sections']);

    const list = mapListData(data);
    // Sections come from the file: the 2017 headings, not the 2022 list's five.
    expect(list.sections.map((section) => section.name)).toEqual(
      (seed.sections as Array<{ fields: { Title: string; SortOrder: number } }>)
        .slice()
        .sort((a, b) => a.fields.SortOrder - b.fields.SortOrder)
        .map((section) => section.fields.Title),
    );
    expect(list.problems).toEqual([]);
    const forum = mapForumData(data, list);
    expect(dataQualityProblems(forum)).toEqual([]);
    const year = buildForumYear(forum, 2017);
    expect(year.errands.length).toBe(seed.errands?.length);
    expect(year.meetings.event.map((meeting) => meeting.title)).toEqual([expect.stringContaining('Strategi för hälsa')]);
  });

  it('reads an older file without the new lists as before, and keeps it so when an item is written', async () => {
    mkdirSync(join(dir, 'data'), { recursive: true });
    const seed = JSON.parse(readFileSync(SEED_2022, 'utf8')) as { balance: unknown[]; meetings: unknown[] };
    writeFileSync(file(), JSON.stringify({ balance: seed.balance, meetings: seed.meetings }));
    const source = store(SEED_2022);

    const { data } = await source.read();
    expect(data.errands).toBeUndefined();
    expect(data.sections).toBeUndefined();
    expect(data.missing).toBeUndefined();
    const list = mapListData(data);
    expect(list.problems.filter((problem) => problem.code === 'missing-list' || problem.code === 'unknown-section')).toEqual([]);
    expect(list.sections.map((section) => section.key)).toEqual(['goals', 'priorities', 'strategy', 'several', 'agreements']);

    const item = data.meetings[0];
    if (!item) throw new Error('the seed has a meeting');
    await source.update('meetings', item.id, { Location: 'Östersund' }, item.eTag);
    expect(Object.keys(onDisk())).toEqual(['balance', 'meetings']);
  });

  it('writes an ärende and shows a section added to the file without a restart', async () => {
    const source = store(SEED_2017);
    const { data } = await source.read();
    const errand = data.errands?.[0];
    if (!errand) throw new Error('the 2017 seed has ärenden');
    const written = await source.update('errands', errand.id, { ErrandStatus: 'Behandlat' }, errand.eTag);
    expect(written.fields.ErrandStatus).toBe('Behandlat');
    expect(onDisk().errands?.find((item) => item.id === errand.id)?.fields.ErrandStatus).toBe('Behandlat');

    const lists = onDisk();
    lists.sections?.push({ id: '99', fields: { Title: 'Nytt avsnitt 2018-2021', SectionKey: 'nytt', SortOrder: 99, Period: '2018-2021' } });
    lists.balance?.push({ id: '999', fields: { Title: 'Ny punkt', EntryKey: 'ny', Section: 'nytt avsnitt 2018-2021', EntryKind: 'Punkt', SortOrder: 1 } });
    writeFileSync(file(), JSON.stringify(lists));
    const after = mapListData((await source.read()).data);
    expect(after.sections.at(-1)?.name).toBe('Nytt avsnitt 2018-2021');
    expect(after.entries.find((entry) => entry.key === 'ny')?.section).toBe('nytt');
    expect(after.entries.at(-1)?.key).toBe('ny');
    expect(after.problems).toEqual([]);
  });

  it('rejects a file whose new lists are not lists, naming the line', async () => {
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(file(), '{\n  "balance": [],\n  "meetings": [],\n  "errands": {}\n}\n');
    await expect(store(SEED_2022).read()).rejects.toThrow(/line 4, column 3: errands: "errands" must be a list \(array\) of items \(or left out\)/);
  });
});
