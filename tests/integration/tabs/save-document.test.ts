/**
 * "Spara i SharePoint" through `POST /api/documents`: the Word file goes to the site's document
 * library (fake Graph's drive, a folder per year), saving again makes a new version of the app's
 * own file, a file someone edited after the app wrote it is never overwritten (the new one goes
 * beside it, and the answer says so); in local mode the file goes under DATA_DIR.
 */
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { loadConfig } from '../../../src/config';
import { LocalDocumentStore } from '../../../src/local/local-document-store';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import type { DocumentStore, SavedDocument } from '../../../src/ports/document-store';
import type { ListData } from '../../../src/ports/list-source';
import { createGraphClient } from '../../../src/sharepoint/graph-client';
import { GraphDocumentStore } from '../../../src/sharepoint/graph-document-store';
import { SnapshotService } from '../../../src/snapshot';
import { createTabApi } from '../../../tabs/api';
import { startFakeGraph, type FakeGraph } from '../../fakes/fake-graph';
import { graphOptions, sharePointOptions } from '../../fakes/fake-graph-options';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { docxParagraphs, docxParts } from '../../unit/report/report-paragraphs';

const NOW = '2025-03-10T09:05:00Z';
const svom2017 = (): ListData => JSON.parse(readFileSync(join(__dirname, '../../../data/svom-2017.json'), 'utf8')) as ListData;

async function start(documents: DocumentStore) {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const clock = new FixedClock(NOW);
  const source = new MemoryListSource(svom2017());
  const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
  const app = express();
  app.use(createTabApi({ config, snapshots, source, clock, logger: silentLogger, documents }));
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
const post = (url: string, body: unknown) =>
  fetch(`${url}/api/documents`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('saving a document in the SharePoint library (fake Graph)', () => {
  let graph: FakeGraph;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    graph = await startFakeGraph();
    const client = createGraphClient(graphOptions(graph), { logger: silentLogger, sleep: async () => undefined });
    const store = new GraphDocumentStore(client, sharePointOptions(graph), { logger: silentLogger, clientId: graph.clientId, now: () => new Date(NOW) });
    ({ server, url } = await start(store));
  });
  afterAll(async () => {
    await stop(server);
    await graph.close();
  });

  const PATH = 'Balanslistan/2017/dagordning-2017-extra-april.docx';

  it('creates the file in a folder per year, then saves a new version of the app’s own file', async () => {
    const first = await post(url, { kind: 'dagordning', meeting: '2017-extra-april' });
    expect(first.status).toBe(200);
    const created = (await first.json()) as SavedDocument;
    expect(created).toMatchObject({ name: 'dagordning-2017-extra-april.docx', location: PATH, outcome: 'created', editedBy: null });
    expect(created.webUrl).toBe(`${graph.siteUrl}/Delade%20dokument/Balanslistan/2017/dagordning-2017-extra-april.docx`);
    const file = graph.drive.files.get(PATH.toLowerCase());
    const parts = await docxParts(file?.bytes ?? Buffer.alloc(0));
    expect(docxParagraphs(parts.get('word/document.xml') as string).map((paragraph) => paragraph.text)).toContain('1. TNE-avtalet');

    const again = (await (await post(url, { kind: 'dagordning', meeting: '2017-extra-april' })).json()) as SavedDocument;
    expect(again).toMatchObject({ name: 'dagordning-2017-extra-april.docx', outcome: 'new-version' });
    expect(graph.drive.files.get(PATH.toLowerCase())?.version).toBe(2);
  });

  it('never overwrites a file someone edited after the app wrote it: saves beside it and says who', async () => {
    graph.drive.editAsUser(PATH, 'Anna Berg');
    const edited = graph.drive.files.get(PATH.toLowerCase());
    const before = { version: edited?.version, bytes: edited?.bytes };
    const saved = (await (await post(url, { kind: 'dagordning', meeting: '2017-extra-april' })).json()) as SavedDocument;
    expect(saved).toMatchObject({ name: 'dagordning-2017-extra-april (Balanslistan 2025-03-10 10.05).docx', outcome: 'saved-beside', editedBy: 'Anna Berg' });
    expect(graph.drive.files.get(PATH.toLowerCase())).toMatchObject(before);
    // A second save beside the same edited file picks the next free name.
    const next = (await (await post(url, { kind: 'dagordning', meeting: '2017-extra-april' })).json()) as SavedDocument;
    expect(next.name).toBe('dagordning-2017-extra-april (Balanslistan 2025-03-10 10.05 2).docx');
  });

  it('saves the year’s follow-up, answers 404 for an unknown meeting and 400 for a bad request', async () => {
    const followUp = (await (await post(url, { kind: 'uppfoljning', year: 2017 })).json()) as SavedDocument;
    expect(followUp).toMatchObject({ location: 'Balanslistan/2017/uppfoljning-svom-2017.docx', outcome: 'created' });
    expect((await post(url, { kind: 'dagordning', meeting: 'finns-inte' })).status).toBe(404);
    expect((await post(url, { kind: 'protokoll', meeting: '2017-extra-april' })).status).toBe(400);
    expect((await post(url, { kind: 'uppfoljning', year: 'i år' })).status).toBe(400);
  });

  it('says the app may not write when its site access is read only, and writes nothing', async () => {
    graph.setAccess('read');
    try {
      const response = await post(url, { kind: 'minnesanteckningar', meeting: '2017-extra-april' });
      expect(response.status).toBe(502);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('save-forbidden');
      expect([...graph.drive.files.keys()].some((path) => path.includes('minnesanteckningar'))).toBe(false);
    } finally {
      graph.setAccess('write');
    }
  });
});

describe('saving a document in local mode', () => {
  let dir: string;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'documents-'));
    ({ server, url } = await start(new LocalDocumentStore({ dataDir: dir, now: () => new Date(NOW) }, { logger: silentLogger })));
  });
  afterAll(async () => {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes under DATA_DIR and says where; a file changed by hand since is kept and the new one saved beside it', async () => {
    const created = (await (await post(url, { kind: 'minnesanteckningar', meeting: '2017-extra-april' })).json()) as SavedDocument;
    const path = join(dir, 'dokument', '2017', 'minnesanteckningar-2017-extra-april.docx');
    expect(created).toEqual({ name: 'minnesanteckningar-2017-extra-april.docx', location: path, webUrl: null, outcome: 'created', editedBy: null });
    expect((await (await post(url, { kind: 'minnesanteckningar', meeting: '2017-extra-april' })).json()) as SavedDocument).toMatchObject({
      outcome: 'new-version',
    });
    writeFileSync(path, 'ändrad för hand');
    utimesSync(path, new Date('2025-03-10T10:00:00Z'), new Date('2025-03-10T10:00:00Z'));
    const beside = (await (await post(url, { kind: 'minnesanteckningar', meeting: '2017-extra-april' })).json()) as SavedDocument;
    expect(beside).toMatchObject({ outcome: 'saved-beside', name: 'minnesanteckningar-2017-extra-april (Balanslistan 2025-03-10 10.05).docx' });
    expect(readFileSync(path, 'utf8')).toBe('ändrad för hand');
  });
});
