/**
 * A meeting's agenda and minutes through the tab API: `GET /api/meetings/:key/dagordning.docx`
 * and `…/minnesanteckningar.docx`, in local mode on the 2017 dataset, 404 for an unknown key or
 * document, and in tenant mode behind Teams SSO and the same access check as the list.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import type { ListData } from '../../../src/ports/list-source';
import { createGraphClients } from '../../../src/sharepoint/graph-client';
import { SnapshotService } from '../../../src/snapshot';
import { createTabApi } from '../../../tabs/api';
import { startFakeTenant, type FakeTenant } from '../../fakes/fake-tenant';
import { MemoryListSource } from '../../fakes/memory-list-source';
import { docxParagraphs, docxParts } from '../../unit/report/report-paragraphs';
import { listen, stop } from './loopback';

const NOW = '2025-03-10T09:00:00Z';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const svom2017 = (): ListData => JSON.parse(readFileSync(join(__dirname, '../../../data/svom-2017.json'), 'utf8')) as ListData;

async function texts(response: Response): Promise<string[]> {
  const parts = await docxParts(Buffer.from(await response.arrayBuffer()));
  return docxParagraphs(parts.get('word/document.xml') as string).map((paragraph) => paragraph.text);
}

function app(config: ReturnType<typeof loadConfig>, graph?: ReturnType<typeof createGraphClients>) {
  const clock = new FixedClock(NOW);
  const source = new MemoryListSource(svom2017());
  const snapshots = new SnapshotService({ source, clock, logger: silentLogger, expiringWithinDays: 180 });
  const server = express();
  server.use(createTabApi({ config, snapshots, source, clock, logger: silentLogger, ...(graph ? { graph } : {}) }));
  return server;
}

describe('meeting documents API in local mode', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    ({ server, url } = await listen(app(loadConfig({ LOG_LEVEL: 'silent' }))));
  });
  afterAll(() => stop(server));

  it('gives the agenda and the minutes as Word files named after the meeting', async () => {
    const agenda = await fetch(`${url}/api/meetings/2017-extra-april/dagordning.docx`);
    expect(agenda.status).toBe(200);
    expect(agenda.headers.get('content-type')).toBe(DOCX_TYPE);
    expect(agenda.headers.get('content-disposition')).toBe('attachment; filename="dagordning-2017-extra-april.docx"');
    expect(await texts(agenda)).toEqual(expect.arrayContaining(['Dagordning – Extra SVOM-möte, april 2017', '1. TNE-avtalet']));
    const minutes = await fetch(`${url}/api/meetings/2017-extra-april/minnesanteckningar.docx?lang=en`);
    expect(minutes.status).toBe(200);
    expect(await texts(minutes)).toEqual(expect.arrayContaining(['Minutes – Extra SVOM-möte, April 2017', 'Decision and notes: No decision is recorded.']));
  });

  it('answers 404 for a meeting or a document that does not exist, and 400 for another language', async () => {
    const unknown = await fetch(`${url}/api/meetings/finns-inte/dagordning.docx`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('unknown-meeting');
    const document = await fetch(`${url}/api/meetings/2017-extra-april/protokoll.docx`);
    expect(document.status).toBe(404);
    expect(((await document.json()) as { error: { code: string } }).error.code).toBe('unknown-document');
    expect((await fetch(`${url}/api/meetings/2017-extra-april/dagordning.docx?lang=de`)).status).toBe(400);
  });
});

describe('meeting documents API in tenant mode (fake tenant)', () => {
  const clock = new FixedClock(NOW);
  let tenant: FakeTenant;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    tenant = await startFakeTenant({ now: () => clock.now() });
    const config = loadConfig({ ...tenant.env, LOG_LEVEL: 'silent' });
    ({ server, url } = await listen(app(config, createGraphClients(config.graph!, { logger: silentLogger }))));
  });
  afterAll(async () => {
    await stop(server);
    await tenant.close();
  });

  it('refuses a call without a token (401) and a user SharePoint refuses (403), with no document', async () => {
    const anonymous = await fetch(`${url}/api/meetings/2017-extra-april/dagordning.docx`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-disposition')).toBeNull();
    expect(await anonymous.text()).not.toContain('TNE');
    tenant.graph.denyUser('david@contoso.onmicrosoft.com');
    const denied = await fetch(`${url}/api/meetings/2017-extra-april/dagordning.docx`, {
      headers: { Authorization: `Bearer ${await tenant.entra.token('david@contoso.onmicrosoft.com')}` },
    });
    expect(denied.status).toBe(403);
    expect(await denied.text()).not.toContain('TNE');
  });

  it('gives a signed-in user with access the Word file', async () => {
    const response = await fetch(`${url}/api/meetings/2017-extra-april/dagordning.docx`, {
      headers: { Authorization: `Bearer ${await tenant.entra.token('anna@contoso.onmicrosoft.com')}` },
    });
    expect(response.status).toBe(200);
    expect(await texts(response)).toContain('1. TNE-avtalet');
  });
});
