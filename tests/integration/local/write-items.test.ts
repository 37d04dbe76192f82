/** The local store's write of many items at once: all of them in one replacement of the file, or none. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceError } from '../../../src/errors';
import { LocalListSource } from '../../../src/local/local-list-source';
import { silentLogger } from '../../../src/logger';

let dir: string;
let file: string;
let source: LocalListSource;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'write-items-'));
  file = join(dir, 'lists.json');
  writeFileSync(
    file,
    JSON.stringify({
      balance: [
        { id: '3', fields: { Title: 'Ett', EntryKey: 'a' } },
        { id: '7', fields: { Title: 'Två', EntryKey: 'b' } },
      ],
      meetings: [],
    }),
  );
  source = new LocalListSource({ dataDir: dir, seedFile: join(dir, 'none.json') }, { logger: silentLogger });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('LocalListSource.writeItems', () => {
  it('creates with the next free ids and updates by eTag, in one write', async () => {
    const [first] = (await source.read()).data.balance;
    const written = await source.writeItems('balance', {
      creates: [{ Title: 'Tre', EntryKey: 'c' }],
      updates: [{ itemId: '3', ifMatch: first!.eTag, fields: { Title: 'Ett (ändrad)', Notes: null } }],
    });
    expect(written.created.map((item) => [item.id, item.fields])).toEqual([['8', { Title: 'Tre', EntryKey: 'c' }]]);
    expect(written.updated.map((item) => [item.id, item.fields])).toEqual([['3', { Title: 'Ett (ändrad)', EntryKey: 'a' }]]);
    const { data } = await source.read();
    expect(data.balance.map((item) => item.fields.Title)).toEqual(['Ett (ändrad)', 'Två', 'Tre']);
  });

  it('writes nothing when one update is stale (412) or its item is gone (404)', async () => {
    const before = readFileSync(file, 'utf8');
    const stale = source.writeItems('balance', {
      creates: [{ Title: 'Tre', EntryKey: 'c' }],
      updates: [{ itemId: '3', ifMatch: '"0000000000000000,1"', fields: { Title: 'x' } }],
    });
    await expect(stale).rejects.toMatchObject({ status: 412 });
    await expect(source.writeItems('balance', { creates: [], updates: [{ itemId: '99', ifMatch: '*', fields: { Title: 'x' } }] })).rejects.toBeInstanceOf(
      SourceError,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('adds a list an older file lacks with its first write, and refuses unknown columns', async () => {
    await source.writeItems('sections', { creates: [{ Title: 'Nära vård', SectionKey: 'nara-vard', SortOrder: 1 }], updates: [] });
    expect((await source.read()).data.sections?.map((item) => item.fields.SectionKey)).toEqual(['nara-vard']);
    await expect(source.writeItems('sections', { creates: [{ Nope: 1 }], updates: [] })).rejects.toThrow(/no column "Nope"/);
  });
});
