/**
 * `LocalDocumentStore.find` on a real temporary directory: a saved file is found by its name
 * (with no web address: local mode's cards link the app's own addresses), a missing one or a
 * folder of that name is not, and a file saved beside an edited one leaves the edited one found.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDocumentStore } from '../../../src/local/local-document-store';
import { silentLogger } from '../../../src/logger';

describe('finding a saved file in the local store', () => {
  let dir: string;
  let store: LocalDocumentStore;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'documents-find-'));
    store = new LocalDocumentStore({ dataDir: dir, now: () => new Date('2022-11-28T07:00:00Z') }, { logger: silentLogger });
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a saved file by name, without a web address; a missing file or a folder is none', async () => {
    expect(await store.find('2022', 'minnesanteckningar-svom-nov.docx')).toBeNull();
    await store.save('2022', 'minnesanteckningar-svom-nov.docx', Buffer.from('docx'));
    expect(await store.find('2022', 'minnesanteckningar-svom-nov.docx')).toEqual({ name: 'minnesanteckningar-svom-nov.docx', webUrl: null });
    expect(await store.find('2023', 'minnesanteckningar-svom-nov.docx')).toBeNull();
    mkdirSync(join(store.root, '2022', 'dagordning-svom-nov.docx'));
    expect(await store.find('2022', 'dagordning-svom-nov.docx')).toBeNull();
  });

  it('keeps finding the file edited by hand under its own name after a save beside it', async () => {
    writeFileSync(join(store.root, '2022', 'minnesanteckningar-svom-nov.docx'), 'ändrad för hand');
    const beside = await store.save('2022', 'minnesanteckningar-svom-nov.docx', Buffer.from('docx, again'));
    expect(beside.outcome).toBe('saved-beside');
    expect((await store.find('2022', 'minnesanteckningar-svom-nov.docx'))?.name).toBe('minnesanteckningar-svom-nov.docx');
  });
});
